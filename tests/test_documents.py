"""The register of directive documents (van-ban/): newest first, static filters by year and kind, a page per
document with its file, an RSS feed, search entries; every mistake reported with file, line and field."""
from __future__ import annotations

import re
from html import unescape

import feedparser
import yaml

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def document(number, issued, kind, summary, issuer="Ủy ban nhân dân tỉnh Thử nghiệm", body="", **keys) -> str:
    meta = {"number": number, "issued": issued, "issuer": issuer, "kind": kind, "summary": summary, **keys}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n{body}\n"


def _register(site):
    site.write("content/van-ban/tep/kh-12.pdf", PDF)
    site.write("content/van-ban/kh-12.md", document("12/KH-UBND", "2025-02-03", "Kế hoạch",
                                                    "Cải cách hành chính năm 2025", file="tep/kh-12.pdf",
                                                    body="Nội dung tóm tắt của kế hoạch về **một cửa**."))
    site.write("content/van-ban/qd-1234.md", document("1234/QĐ-UBND", "15/4/2025", "Quyết định",
                                                      "Công bố Chỉ số CCHC năm 2024 <của các sở>"))
    site.write("content/van-ban/cv-210.md", document("210/UBND-NC", "2026-03-05 08:00", "Công văn",
                                                     "Về việc đẩy mạnh dịch vụ công trực tuyến"))
    site.write("content/van-ban/kh-08.md", document("08/KH-UBND", "2026-01-10", "Kế hoạch",
                                                    "Cải cách hành chính năm 2026"))
    site.add_article("a.md", "Một", "2024-03-01")
    site.build()


def _table(page: str) -> list[list[str]]:
    rows = []
    for body in re.findall(r"<tr data-number=[^>]*>(.*?)</tr>", page, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", body, re.S)
        rows.append([unescape(re.sub(r"<[^>]+>", " ", c)).split() and " ".join(unescape(re.sub(r"<[^>]+>", " ", c)).split())
                     for c in cells])
    return rows


def _numbers(page: str) -> list[str]:
    return [unescape(n) for n in re.findall(r'<tr data-number="([^"]+)"', page)]


def test_register_filters_pages_and_feed(site):
    _register(site)
    page = site.html("van-ban/")
    # newest first, dates as dd/mm/yyyy, the file with its type and size
    assert _numbers(page) == ["210/UBND-NC", "08/KH-UBND", "1234/QĐ-UBND", "12/KH-UBND"]
    rows = _table(page)
    assert rows[2][:2] == ["1234/QĐ-UBND", "15/04/2025"]
    assert "Công bố Chỉ số CCHC năm 2024 <của các sở>" in rows[2][2]
    assert "<của các sở>" not in page  # escaped
    assert rows[3][3].startswith("PDF (") and rows[0][3] == "–"
    href = re.search(r'<a href="([^"]+)" download>PDF', page).group(1)
    assert (site.root / "site/van-ban" / href).read_bytes() == PDF
    # filters: plain links to static pages, each listing what it says
    assert _numbers(site.html("van-ban/nam/2025/")) == ["1234/QĐ-UBND", "12/KH-UBND"]
    assert _numbers(site.html("van-ban/loai/ke-hoach/")) == ["08/KH-UBND", "12/KH-UBND"]
    assert _numbers(site.html("van-ban/nam/2026/loai/ke-hoach/")) == ["08/KH-UBND"]
    assert not site.exists("van-ban/nam/2026/loai/quyet-dinh/")  # no such document: no empty page
    year_page = site.html("van-ban/nam/2025/")
    assert '<span aria-current="page">2025 (2)</span>' in year_page
    assert 'href="loai/ke-hoach/">Kế hoạch (1)</a>' in year_page  # the year is kept: nam/2025/loai/ke-hoach/
    assert 'href="../../loai/ke-hoach/"' not in year_page and "Công văn" not in year_page.split("loc-loai", 1)[1].split("</nav>")[0]
    assert "<script" not in page.split('<nav class="cchc-doc-filters"', 1)[1].split("</nav>", 1)[0]
    # one page per document: particulars, file, text; the trích yếu in the text that search indexes
    doc = site.html("van-ban/12-kh-ubnd-2025/")
    assert "<h1>Kế hoạch số 12/KH-UBND</h1>" in doc
    assert "Trích yếu:</strong> Cải cách hành chính năm 2025" in doc and "<strong>một cửa</strong>" in doc
    assert "<dt>Ngày ban hành</dt><dd><time datetime=\"2025-02-03\">03/02/2025</time></dd>" in doc
    assert 'href="../tep/kh-12.pdf" download' in doc
    # what Pagefind indexes: the page's body (trích yếu included) and its type and date for the results
    body = doc.split("data-pagefind-body", 1)[1]
    assert "Cải cách hành chính năm 2025" in body
    assert 'data-pagefind-meta="type:Văn bản chỉ đạo"' in body and 'data-pagefind-meta="date:03/02/2025"' in body
    assert site.exists("pagefind/pagefind.js")
    # the feed: newest first, links absolute, the file as enclosure
    feed = feedparser.parse(site.path("van-ban/feed.xml").read_bytes())
    assert [e.title for e in feed.entries][:2] == ["Công văn số 210/UBND-NC: Về việc đẩy mạnh dịch vụ công trực tuyến",
                                                   "Kế hoạch số 08/KH-UBND: Cải cách hành chính năm 2026"]
    last = feed.entries[-1]
    assert last.link == f"{site.site_url}van-ban/12-kh-ubnd-2025/"
    assert last.enclosures[0].href == f"{site.site_url}van-ban/tep/kh-12.pdf"
    assert int(last.enclosures[0].length) == len(PDF)
    assert 'href="van-ban/"' in site.html("")  # the section home links to the register


def test_every_document_mistake_is_reported(site):
    site.write("content/van-ban/a.md", document("5/KH", "31/02/2025", "Kế hoạch", "Một", file="khong-co.pdf"))
    site.write("content/van-ban/b.md", "---\nnumber: 6/KH\nissued: 2025-01-01\nkind: Kế hoạch\nsumary: x\n---\n")
    site.write("content/van-ban/c.md", document("7/KH", "2025-01-01", "Kế hoạch", "Bảy"))
    site.write("content/van-ban/d.md", document("7/KH", "2025-06-01", "Kế hoạch", "Bảy lần hai"))
    log = site.build(ok=False).stderr
    assert "content/van-ban/a.md:3: [issued] Ngày 'issued' sai" in log
    assert "content/van-ban/a.md:7: [file] Không tìm thấy tệp 'khong-co.pdf'" in log
    assert "content/van-ban/b.md:5: [sumary] Khóa 'sumary' không được hỗ trợ. Cách sửa: Có phải ý bạn là 'summary'?" in log
    assert "content/van-ban/b.md: [issuer] Thiếu khóa bắt buộc 'issuer'" in log
    assert "content/van-ban/c.md: [number] Hai văn bản cùng số ký hiệu và năm ban hành" in log
    assert "content/van-ban/d.md: [number] Hai văn bản cùng số ký hiệu và năm ban hành" in log
    assert "Traceback" not in log


def test_register_pages_by_fifty(site):
    for i in range(1, 53):
        site.write(f"content/van-ban/{i}.md", document(f"{i}/CV-UBND", f"2025-01-{1 + i % 28:02d}", "Công văn", f"Số {i}"))
    site.add_article("a.md", "Một", "2024-03-01")
    site.build()
    first, second = site.html("van-ban/"), site.html("van-ban/trang/2/")
    assert len(_numbers(first)) == 50 and len(_numbers(second)) == 2
    assert set(_numbers(first)).isdisjoint(_numbers(second))
    assert "52 văn bản · Trang 2/2" in second


def test_new_pages_are_valid_html_and_pass_axe(site, tmp_path):
    """The register's pages, the indices page and the tong-hop page: Nu Html Checker and axe-core WCAG 2.1 AA."""
    import json
    import shutil
    import subprocess

    import pytest
    from browser import chromium, served
    from test_html_quality import AXE, VNU, axe_violations
    from test_indices import CHI_SO

    if not VNU.is_file() or not shutil.which("java") or not AXE.is_file():
        pytest.skip("Nu Html Checker / axe-core chưa cài: (cd tests/tools && npm install); cần Java")
    site.write("content/chi-so.yml", CHI_SO)
    _register(site)
    page_of_tong_hop = tmp_path / "tong-hop"
    page_of_tong_hop.mkdir()
    shutil.copy(site.path("chi-tieu/chi-tieu.json"), page_of_tong_hop / "a.json")
    result = site.run("-m", "cchc.cli", "tong-hop", "--period", "2026", str(page_of_tong_hop / "a.json"),
                      "--format", "html", "-o", str(site.root / "site/tong-hop.html"))
    assert result.returncode == 0, result.stderr
    checked = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
                              str(site.root / "site/van-ban"), str(site.root / "site/chi-so-cchc"),
                              str(site.root / "site/tong-hop.html")], capture_output=True, text=True)
    messages = json.loads(checked.stderr or '{"messages": []}')["messages"]
    assert messages == [], "\n".join(f"{m.get('url')}: {m.get('message')}" for m in messages)
    pages = ["chi-so-cchc/", "van-ban/", "van-ban/nam/2025/", "van-ban/12-kh-ubnd-2025/", "tong-hop.html"]
    with served(site.root / "site") as base, chromium() as driver:
        problems = [f"/{url}: {violation}" for url in pages for violation in axe_violations(driver, base + url)]
    assert problems == [], "\n".join(problems)
