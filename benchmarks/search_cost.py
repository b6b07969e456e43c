"""Bytes one search costs a reader, on the search page in headless Chromium.

    .venv/bin/python benchmarks/search_cost.py site "cai cach hanh chinh" "1.004512" "2.000.000"

For each query: a fresh browser, the search page opened with ?q=, and every file of pagefind/ the
server was asked for (Pagefind fetches from a web worker, which the page's Resource Timing does not
see), summed as sent: the server sends files as they are on disk, with no compression (Pagefind's
index pieces are gzipped by Pagefind itself; its script would shrink further with the web server's
gzip). Also the total of pagefind/ on disk, which no reader downloads whole.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import chromium, served  # noqa: E402


def main() -> None:
    site, queries = Path(sys.argv[1]), sys.argv[2:] or ["cai cach hanh chinh"]
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    print(f"pagefind/ on disk: {sum(p.stat().st_size for p in files) / 1024:.0f} KiB in {len(files)} files")
    requests: list = []
    with served(site, requests) as base:
        for query in queries:
            with chromium() as driver:  # a fresh profile: nothing cached from the last query
                requests.clear()
                driver.get(base + "tim-kiem/?q=" + quote(query))
                status = ""
                for _ in range(100):
                    status = driver.execute_script(
                        "return document.querySelector('[data-cchc-search-status]').textContent")
                    if status and "Đang tìm" not in status:
                        break
                    time.sleep(0.2)
                time.sleep(1)  # the first page of results fetches its fragments
                paths = [unquote(urlsplit(path).path).lstrip("/") for _, path in requests]
                sent = [site / p for p in paths if p.startswith("pagefind/")]
                total = sum(p.stat().st_size for p in sent if p.is_file())
                print(f"'{query}': {total / 1024:.0f} KiB in {len(sent)} requests — {status}")


if __name__ == "__main__":
    main()
