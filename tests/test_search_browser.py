"""Search in a real browser: typing without diacritics finds Vietnamese text."""
from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser import chromium, served


def _search(driver, base: str, query: str) -> list[str]:
    driver.get(base)
    driver.execute_script("document.getElementById('__search').checked = true")
    box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
    WebDriverWait(driver, 10).until(lambda d: box.is_enabled())
    box.clear()
    box.send_keys(query)
    WebDriverWait(driver, 10).until(EC.text_to_be_present_in_element(
        (By.CSS_SELECTOR, ".md-search-result__meta"), "liên quan"))
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.md-search-result__link")]


def test_search_without_diacritics_finds_vietnamese(site):
    site.add_article("a.md", "Đẩy mạnh cải cách hành chính", "2024-03-01", body="Người dân hài lòng.")
    site.add_article("b.md", "Hội nghị tổng kết", "2024-03-02", body="Không liên quan đến chủ đề kia.")
    site.build()
    with served(site.root / "site") as base, chromium() as driver:
        for query in ("cai cach", "cải cách", "CAI CACH", "hai long"):
            hits = _search(driver, base, query)
            assert any("day-manh-cai-cach-hanh-chinh" in h for h in hits), (query, hits)
            assert not any("hoi-nghi-tong-ket" in h for h in hits), (query, hits)
