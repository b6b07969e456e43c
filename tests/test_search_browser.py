"""Search in a real browser: typing without diacritics finds Vietnamese text."""
from __future__ import annotations

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import chromium, served


def _search(driver, base: str, query: str, expected: str) -> list[str]:
    """Type `query` in Material's search; wait until a result links to `expected`; all result links."""
    driver.get(base)
    driver.execute_script("document.getElementById('__search').checked = true")
    box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.send_keys(query)

    def links(d):
        found = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "a.md-search-result__link")]
        return found if any(expected in href for href in found) else False

    try:
        # The index loads in a web worker: on a busy machine the first answers may come late.
        return WebDriverWait(driver, 20).until(links)
    except TimeoutException:
        return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.md-search-result__link")]


def test_search_without_diacritics_finds_vietnamese(site):
    site.add_article("a.md", "Đẩy mạnh cải cách hành chính", "2024-03-01", body="Người dân hài lòng.")
    site.add_article("b.md", "Hội nghị tổng kết", "2024-03-02", body="Không liên quan đến chủ đề kia.")
    site.build()
    with served(site.root / "site") as base, chromium() as driver:
        for query in ("cai cach", "cải cách", "CAI CACH", "hai long"):
            hits = _search(driver, base, query, "day-manh-cai-cach-hanh-chinh")
            assert any("day-manh-cai-cach-hanh-chinh" in h for h in hits), (query, hits)
            assert not any("hoi-nghi-tong-ket" in h for h in hits), (query, hits)
