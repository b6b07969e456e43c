"""Bytes one search costs a reader, on the search page in headless Chromium.

    .venv/bin/python benchmarks/search_cost.py site                      # the default queries below
    .venv/bin/python benchmarks/search_cost.py site "cai cach hanh chinh" "1.004512" "2.000.000"
    .venv/bin/python benchmarks/search_cost.py site --typed "cải cách hành chính"

For each query: a fresh browser, the search page opened with ?q= (or, with --typed, opened empty and
the query typed key by key, 0.15 s apart, as a citizen types, then Enter), and every file of pagefind/ the server
was asked for (Pagefind fetches from a web worker, which the page's Resource Timing does not see),
summed as sent: the server sends files as they are on disk, with no compression (Pagefind's index
pieces are gzipped by Pagefind itself; its script would shrink further with the web server's gzip).
The bytes are split by kind: script (pagefind*.js), wasm, meta (entry and metadata), index (the chunks
of the words searched), fragment (one per result shown). Also the total of pagefind/ on disk, which no
reader downloads whole.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import chromium, served  # noqa: E402

# What citizens type: 1 to 4 words (with and without marks), a procedure's code, a fee, 8 words, a phrase.
QUERIES = ("SIPAS", "chữ ký số", "cai cach hanh chinh", "thủ tục chứng thực", "dịch vụ công trực tuyến",
           "2.000001", "1.000.000", "kế hoạch tuyên truyền cải cách hành chính năm 2024 của Sở",
           '"cải cách hành chính"')
KINDS = ("script", "wasm", "meta", "index", "fragment")
BUDGET_KIB = 400 * 1000 / 1024  # the 400 KB


def kind(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if name.endswith(".js"):
        return "script"
    if name.startswith("wasm."):
        return "wasm"
    if "/index/" in path:
        return "index"
    if "/fragment/" in path:
        return "fragment"
    return "meta"


def wait_for_results(driver) -> str:
    status = ""
    for _ in range(150):
        status = driver.execute_script("return document.querySelector('[data-cchc-search-status]').textContent")
        if status and "Đang tìm" not in status:
            break
        time.sleep(0.2)
    time.sleep(1)  # the first page of results fetches its fragments
    return status


def main() -> None:
    args = sys.argv[1:]
    typed = "--typed" in args
    args = [a for a in args if a != "--typed"]
    site, queries = Path(args[0]), args[1:] or list(QUERIES)
    files = [p for folder in ("pagefind", "pagefind-nam-moi") for p in (site / folder).rglob("*") if p.is_file()]
    print(f"pagefind/ + pagefind-nam-moi/ on disk: {sum(p.stat().st_size for p in files) / 1024:.0f} KiB in {len(files)} files")
    print("| query | KiB | requests | " + " | ".join(KINDS) + " | status |")
    print("| --- " * (len(KINDS) + 4) + "|")
    requests: list = []
    worst = 0.0
    with served(site, requests) as base:
        for query in queries:
            with chromium() as driver:  # a fresh profile: nothing cached from the last query
                if typed:
                    driver.get(base + "tim-kiem/")
                    requests.clear()
                    box = driver.find_element("id", "cchc-search-q")
                    for key in query:
                        box.send_keys(key)
                        time.sleep(0.15)
                    box.send_keys("\n")  # the page searches on Enter, not while typing
                else:
                    requests.clear()
                    driver.get(base + "tim-kiem/?q=" + quote(query))
                status = wait_for_results(driver)
                paths = [unquote(urlsplit(path).path).lstrip("/") for _, path in requests]
                sent = [p for p in paths if p.startswith(("pagefind/", "pagefind-nam-moi/")) and (site / p).is_file()]
                by_kind = dict.fromkeys(KINDS, 0)
                for p in sent:
                    by_kind[kind(p)] += (site / p).stat().st_size
                total = sum(by_kind.values()) / 1024
                worst = max(worst, total)
                print(f"| {query} | {total:.0f} | {len(sent)} | "
                      + " | ".join(f"{by_kind[k] / 1024:.0f}" for k in KINDS) + f" | {status} |")
    print(f"largest: {worst:.0f} KiB (budget {BUDGET_KIB:.0f} KiB = 400 KB)")


if __name__ == "__main__":
    main()
