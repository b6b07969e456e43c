"""Search in a real browser (Pagefind): nothing fetched before the search page is used; typing without
diacritics (even "d" for "đ") finds Vietnamese text; fees and codes of procedures are found; results
say what they are (tin bài / thủ tục), their date and "Đã bãi bỏ"; all of it under a sub-path."""
from __future__ import annotations

import time

from selenium.webdriver.common.by import By

from browser import chromium, served
from procedure_helpers import add_procedure

PREFIX = "cchc/"


def _site(site):
    site.add_article("a.md", "Đẩy mạnh cải cách hành chính", "2024-03-01", body="Người dân hài lòng.")
    site.add_article("b.md", "Hội nghị tổng kết", "2024-03-02", body="Không liên quan đến chủ đề kia.")
    # The same three words, as a phrase in one article's lead and scattered in the other's.
    site.add_article("c.md", "Bản tin tháng ba", "2024-03-03", body="Hồ sơ thủ tục được giải quyết sớm.")
    site.add_article("d.md", "Bản tin tháng tư", "2024-03-04",
                     body="Thủ tục mới; hồ sơ giải quyết đúng hạn.")
    add_procedure(site, code="1.000111", name="Cấp phép thử nghiệm bức xạ",
                  channels=[{"method": "direct", "time": "10 ngày", "fee": "2.000.000 đồng/hồ sơ"}])
    add_procedure(site, code="1.000222", name="Đăng ký hợp chuẩn cũ", status="abolished", abolished="2024-01-01")
    site.build()


def _results(driver, base: str, query: str, wait_for: str | None = None) -> list[dict]:
    """Search on the search page; wait until the status line answers (and `wait_for` shows up)."""
    driver.get(base + "tim-kiem/")
    box = driver.find_element(By.ID, "cchc-search-q")
    box.send_keys(query)
    driver.find_element(By.CSS_SELECTOR, "form[data-cchc-search] button[type=submit]").click()
    read = ("return [...document.querySelectorAll('.cchc-search__results li')].map(li => ({"
            "href: li.querySelector('a').href, title: li.querySelector('a').textContent,"
            "meta: (li.querySelector('.cchc-search__meta') || {}).textContent || ''}))")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        status = driver.find_element(By.CSS_SELECTOR, "[data-cchc-search-status]").text
        found = driver.execute_script(read)
        if status and "Đang tìm" not in status and (wait_for is None or any(wait_for in r["href"] for r in found)):
            return found
        time.sleep(0.2)
    return driver.execute_script(read)


def test_search_finds_vietnamese_fees_codes_and_labels_results(site, tmp_path):
    site.site_url = "https://so.example.gov.vn/cchc/"
    _site(site)
    root = tmp_path / "served"
    root.mkdir()
    (root / PREFIX.rstrip("/")).symlink_to(site.root / "site", target_is_directory=True)
    requests: list = []
    with served(root, requests) as server, chromium() as driver:
        base = server + PREFIX
        for url in ("", "tin-bai/2024/03/day-manh-cai-cach-hanh-chinh/", "tim-kiem/"):
            requests.clear()
            driver.get(base + url)
            time.sleep(0.3)
            assert not [path for _, path in requests if "pagefind" in path], url  # nothing until a search
        for query in ("cai cach", "cải cách", "CAI CACH", "hai long", "day manh"):
            hits = _results(driver, base, query, "day-manh-cai-cach-hanh-chinh")
            assert any("day-manh-cai-cach-hanh-chinh" in h["href"] for h in hits), (query, hits)
            assert not any("hoi-nghi-tong-ket" in h["href"] for h in hits), (query, hits)
            assert all(h["href"].startswith(base) for h in hits), hits  # the sub-path is kept
        article = _results(driver, base, "cai cach", "day-manh")[0]
        assert "Tin bài" in article["meta"] and "01/03/2024" in article["meta"], article
        assert [path for _, path in requests if "pagefind" in path]  # the index is fetched by the search
        fee = _results(driver, base, "2.000.000", "1.000111")
        assert [h["href"] for h in fee] == [base + "thu-tuc-hanh-chinh/1.000111/"], fee
        assert "Thủ tục hành chính" in fee[0]["meta"]
        code = _results(driver, base, "1.000111", "1.000111")
        assert code and code[0]["href"].endswith("thu-tuc-hanh-chinh/1.000111/"), code
        abolished = _results(driver, base, "dang ky hop chuan", "1.000222")
        assert abolished and "Đã bãi bỏ" in abolished[0]["meta"], abolished
        # Words in quotes match only as a phrase, with or without marks, wholly quoted or among other words.
        for query in ("hồ sơ thủ tục", '"ho so thu tuc"', '"Hồ sơ thủ tục" giải quyết', 'bản tin "HỒ SƠ THỦ TỤC"'):
            hits = [h["href"] for h in _results(driver, base, query, "ban-tin-thang-ba")]
            assert any("ban-tin-thang-ba" in h for h in hits), (query, hits)
            assert any("ban-tin-thang-tu" in h for h in hits) == (query == "hồ sơ thủ tục"), (query, hits)
        # Typing does not search (half-typed words would fetch index pieces of their own): Enter does.
        driver.get(base + "tim-kiem/")
        requests.clear()
        driver.find_element(By.ID, "cchc-search-q").send_keys("cai cach hanh")
        time.sleep(1.5)
        assert not [path for _, path in requests if "pagefind" in path]
        box = driver.find_element(By.ID, "cchc-search-q")
        box.send_keys("h\n")
        deadline = time.monotonic() + 20
        while not [path for _, path in requests if "/index/" in path] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [path for _, path in requests if "/index/" in path]
        # Pagefind runs on the page's thread: its web worker (a second copy of its script) is not fetched.
        assert not [path for _, path in requests if "pagefind-worker" in path]
        errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []


def test_search_page_without_javascript_says_so(site):
    _site(site)
    from lxml import html as lxml_html
    page = lxml_html.fromstring(site.html("tim-kiem/"))
    assert page.xpath("//form[@data-cchc-search][@hidden]")  # the form appears only with JavaScript
    note = page.xpath("//*[@data-cchc-search-nojs]")[0]
    assert note.get("hidden") is None and "cần JavaScript" in note.text_content()
    assert {a.get("href") for a in note.iter("a")} >= {"../tin-bai/", "../thu-tuc-hanh-chinh/"}
    # Nothing of the search is loaded by other pages: no Material search, no Pagefind script.
    home = site.html("")
    assert "pagefind" not in home and 'class="md-search"' not in home and not site.exists("search/search_index.json")


def test_same_input_gives_the_same_index(site):
    _site(site)
    first = {p.relative_to(site.root / "site"): p.read_bytes() for p in (site.root / "site/pagefind").rglob("*")
             if p.is_file()}
    site.build()
    second = {p.relative_to(site.root / "site"): p.read_bytes() for p in (site.root / "site/pagefind").rglob("*")
              if p.is_file()}
    assert first == second and len(first) > 5
