"""The change log of procedures at province scale: pages of CHANGES_PER_PAGE rows, newest first, linked."""
from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urljoin

from lxml import html as lxml_html

from cchc.core.procedures.procedure_pages import CHANGES_PER_PAGE
from procedure_helpers import add_procedure

LOG = "thu-tuc-hanh-chinh/thay-doi/"
COUNT = 2 * CHANGES_PER_PAGE + 37  # three pages, the last one partly filled


def _site_with_many_changes(site):
    """COUNT procedures with a change date (some amended, some abolished, two on each date) and a few
    without any date, which the log leaves out."""
    start = date(2020, 1, 1)
    for i in range(COUNT):
        keys = {"decision_date": (start + timedelta(days=i // 2)).isoformat()}
        if i % 17 == 5:
            keys = {"status": "abolished", "abolished": (start + timedelta(days=i // 2)).isoformat(),
                    "decision_date": "2019-01-01"}
        elif i % 11 == 3:
            keys["status"] = "amended"
        add_procedure(site, code=f"2.{i:06d}", name=f"Thủ tục số {i}", **keys)
    for i in range(3):
        add_procedure(site, code=f"3.{i:06d}", name=f"Thủ tục chưa ghi ngày {i}")
    site.build()
    return site


def _rows(doc) -> list[tuple[str, str, str]]:
    return [(row.xpath("td[1]/time/@datetime")[0], row.get("data-change"), row.xpath("td[3]")[0].text_content())
            for row in doc.xpath("//table[contains(@class,'cchc-tthc-changes')]/tbody/tr")]


def test_change_log_in_linked_pages_newest_first_each_change_once(site):
    _site_with_many_changes(site)
    pages = [LOG, f"{LOG}trang/2/", f"{LOG}trang/3/"]
    assert not site.exists(f"{LOG}trang/4/") and not site.exists(f"{LOG}trang/1/")
    docs = [lxml_html.fromstring(site.html(url)) for url in pages]

    rows = [_rows(doc) for doc in docs]
    assert [len(r) for r in rows] == [CHANGES_PER_PAGE, CHANGES_PER_PAGE, COUNT - 2 * CHANGES_PER_PAGE]
    every = [row for page in rows for row in page]
    codes = [code for _, _, code in every]
    assert sorted(codes) == [f"2.{i:06d}" for i in range(COUNT)]  # each dated procedure once, the others not
    assert every == sorted(every, key=lambda r: (-date.fromisoformat(r[0]).toordinal(), r[2]))  # newest first
    assert {kind for _, kind, _ in every} == {"new", "amended", "abolished"}

    # Each page links to its neighbours (and to every page through the numbers), without JavaScript.
    for number, (url, doc) in enumerate(zip(pages, docs), start=1):
        def target(rel):
            hrefs = doc.xpath(f"//nav[@class='cchc-pagination']//a[@rel='{rel}']/@href")
            return urljoin(f"https://x.example/{url}", hrefs[0])[len("https://x.example/"):] if hrefs else None
        assert target("prev") == (pages[number - 2] if number > 1 else None)
        assert target("next") == (pages[number] if number < len(pages) else None)
        linked = {urljoin(f"https://x.example/{url}", h)[len("https://x.example/"):]
                  for h in doc.xpath("//nav[@class='cchc-pagination']//a/@href")}
        assert linked == set(pages) - {url}
        assert doc.xpath("//nav[@class='cchc-pagination']//span[@aria-current='page']/text()") == [str(number)]
        caption = " ".join(doc.xpath("//table/caption")[0].text_content().split())
        assert caption == f"{COUNT} thay đổi, mới nhất trước · Trang {number}/3"
    assert " ".join(docs[1].xpath("//h1")[0].text_content().split()) == \
        "Thủ tục hành chính mới, sửa đổi, bãi bỏ – Trang 2"

    # The feed of changes still points at the first page of the log.
    feed = site.path("thu-tuc-hanh-chinh/feed.xml").read_text(encoding="utf-8")
    assert f"<link>https://so.example.gov.vn/cchc/{LOG}</link>" in feed
