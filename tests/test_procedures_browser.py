"""The procedure listing at a province's scale (2,000 procedures) in a real headless Chromium.

The site is generated and built once for the module: the filter (data loaded on demand, state in
the URL, Back, lĩnh vực counts), the path without JavaScript, the HTML weight, and phone widths."""
from __future__ import annotations

import json
import random
import sys

import pytest
import yaml

from browser import chromium, require_chromium, served
from conftest import REPO, Site
from procedure_helpers import BASE

sys.path.insert(0, str(REPO / "benchmarks"))
from gen_procedures import record  # noqa: E402  (the benchmark's generator: one source of fake procedures)

COUNT = 2000
ROOT = "thu-tuc-hanh-chinh/"
KNOWN = [  # a few procedures with known values among the generated ones
    dict(BASE, code="1.000001", name="Đăng ký khai sinh", field="Hộ tịch", level="Cấp xã", online="full"),
    dict(BASE, code="1.000002", name="Đăng ký khai tử", field="Hộ tịch", level="Cấp xã", online="partial"),
    dict(BASE, code="1.000003", name="Cấp giấy phép tiến hành công việc bức xạ", field="An toàn bức xạ",
         level="Cấp tỉnh", online="full"),
]


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    require_chromium()
    site = Site(tmp_path_factory.mktemp("tinh"))
    site.site_url = "http://127.0.0.1/"
    rng = random.Random(9)
    for meta in [*KNOWN, *(record(i, rng) for i in range(1, COUNT - len(KNOWN) + 1))]:
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        site.write(f"content/thu-tuc/{meta['code']}.md", f"---\n{front}---\n1. Nộp hồ sơ.\n")
    site.build()
    with served(site.root / "site") as url:
        yield site, url


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        driver.implicitly_wait(0)
        yield driver


def wait_for(driver, predicate, timeout=10):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout).until(lambda d: predicate(d))


def found(driver) -> list[str]:
    return driver.execute_script(
        "var r = document.querySelector('[data-cchc-results]'); if (r.hidden) return null;"
        "return [...r.querySelectorAll('li .cchc-tthc-code')].map(c => c.textContent)")


def field_counts(driver) -> dict:
    return driver.execute_script(
        "var o = {}; document.querySelectorAll('[data-cchc-field]').forEach(li => { if (!li.hidden) "
        "o[li.getAttribute('data-cchc-field')] = +li.querySelector('[data-cchc-field-count]').textContent; }); return o;")


def data_requests(driver) -> int:
    return driver.execute_script(
        "return performance.getEntriesByType('resource').filter(e => e.name.includes('danh-sach.json')).length")


def test_main_listing_is_light_and_complete_through_field_pages(big_site):
    site, _ = big_site
    size = site.path(ROOT).stat().st_size
    assert size <= 300 * 1024, size
    data = json.loads(site.path(f"{ROOT}danh-sach.json").read_text(encoding="utf-8"))
    active = {row[0] for row in data["rows"]}
    from lxml import html
    doc = html.fromstring(site.html(ROOT))
    reached = set()
    for href in doc.xpath("//nav[contains(@class,'cchc-tthc-fields')]//a/@href"):
        page = html.fromstring(site.html(ROOT + href))
        reached |= {c.strip() for c in page.xpath("//tbody/tr/td[1]/text()")}
    assert reached == active and len(active) > 1900  # every procedure in force, without JavaScript


def test_filter_loads_on_demand_keeps_state_in_url_and_back_works(big_site, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    _, url = big_site
    browser.get(url + ROOT)
    form = browser.find_element(By.CSS_SELECTOR, "[data-cchc-filter]")
    wait_for(browser, lambda d: form.get_attribute("data-cchc-ready") is not None)
    assert form.is_displayed() and data_requests(browser) == 0  # nothing loaded before the reader filters
    totals = field_counts(browser)
    assert totals["ho-tich"] > 2

    box = browser.find_element(By.ID, "cchc-q")
    box.send_keys("dang ky khai")  # without diacritics
    wait_for(browser, lambda d: found(d) == ["1.000001", "1.000002"])
    assert data_requests(browser) == 1
    assert "tim=dang+ky+khai" in browser.current_url
    assert field_counts(browser) == {"ho-tich": 2}  # lĩnh vực counts follow the filter
    status = browser.find_element(By.CSS_SELECTOR, "[data-cchc-status]")
    assert status.text == "Tìm thấy 2 thủ tục."

    Select(browser.find_element(By.ID, "cchc-online")).select_by_visible_text("Toàn trình")
    wait_for(browser, lambda d: found(d) == ["1.000001"])
    assert "online=full" in browser.current_url
    link = browser.find_element(By.CSS_SELECTOR, "[data-cchc-list] a")
    assert link.get_attribute("href") == url + ROOT + "1.000001/"

    browser.back()  # Back: the filter before the lĩnh vực choice
    wait_for(browser, lambda d: found(d) == ["1.000001", "1.000002"])
    assert Select(browser.find_element(By.ID, "cchc-online")).first_selected_option.get_attribute("value") == ""

    shared = url + ROOT + "?tim=buc+xa&level=cap-tinh"  # a shared link opens on the same result
    browser.get(shared)
    wait_for(browser, lambda d: d.find_element(By.CSS_SELECTOR, "[data-cchc-filter]").get_attribute("data-cchc-ready") is not None)
    codes = found(browser)
    assert "1.000003" in codes and browser.find_element(By.ID, "cchc-q").get_attribute("value") == "buc xa"
    counts = field_counts(browser)
    assert sum(counts.values()) >= len(codes) and "an-toan-buc-xa" in counts

    browser.execute_script("arguments[0].click()", browser.find_element(By.CSS_SELECTOR, "[data-cchc-reset]"))
    wait_for(browser, lambda d: found(d) is None)
    assert field_counts(browser) == totals and browser.current_url == url + ROOT


def test_without_javascript_every_field_is_linked(big_site, browser):
    from selenium.webdriver.common.by import By
    _, url = big_site
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(url + ROOT)
        assert not browser.find_element(By.CSS_SELECTOR, "[data-cchc-filter]").is_displayed()
        links = browser.find_elements(By.CSS_SELECTOR, "nav.cchc-tthc-fields a")
        assert len(links) >= 30 and all(a.is_displayed() for a in links)
        links[0].click()
        assert browser.find_elements(By.CSS_SELECTOR, "tbody tr")
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.mark.parametrize("width", [360, 1366])
def test_no_sideways_scroll_and_large_touch_targets(big_site, browser, width):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    _, url = big_site
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600})
    try:
        for page in (ROOT, ROOT + "linh-vuc/ho-tich/", ROOT + "thay-doi/", ROOT + "da-bai-bo/", ROOT + "1.000003/"):
            browser.get(url + page)
            scroll = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
            assert scroll[0] <= scroll[1], (page, scroll)
        browser.get(url + ROOT)
        wait_for(browser, lambda d: d.find_element(By.CSS_SELECTOR, "[data-cchc-filter]").get_attribute("data-cchc-ready") is not None)
        Select(browser.find_element(By.ID, "cchc-field")).select_by_index(1)  # the longest names must not widen the page
        browser.find_element(By.ID, "cchc-q").send_keys("cap")
        wait_for(browser, lambda d: found(d))
        scroll = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll[0] <= scroll[1], scroll
        small = browser.execute_script(
            "return [...document.querySelectorAll('.cchc-filter input, .cchc-filter select, .cchc-filter button,"
            " [data-cchc-list] a, .cchc-tthc-fields a')].filter(e => e.offsetParent !== null)"
            ".map(e => e.getBoundingClientRect().height).filter(h => h < 44)")
        assert small == []
        if width < 600:  # the field grid of a procedure: label above value, the value keeps the width
            browser.get(url + ROOT + "1.000003/")
            left = browser.execute_script(
                "var dt = document.querySelector('.cchc-tthc__fields dt'), dd = dt.nextElementSibling;"
                "return [dt.getBoundingClientRect().left, dd.getBoundingClientRect().left, dd.getBoundingClientRect().width]")
            assert abs(left[0] - left[1]) < 2 and left[2] > 250, left
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_procedure_pages_pass_axe_wcag_aa(big_site, browser):
    from test_html_quality import AXE, axe_violations
    if not AXE.is_file():
        pytest.skip("axe-core chưa cài: (cd tests/tools && npm ci)")
    _, url = big_site
    pages = [ROOT, ROOT + "?tim=khai+sinh", ROOT + "1.000003/", ROOT + "linh-vuc/an-toan-buc-xa/"]
    browser.set_script_timeout(180)  # axe on pages of a province-sized site, on a busy machine
    problems = [f"/{page}: {v}" for page in pages for v in axe_violations(browser, url + page)]
    assert problems == [], "\n".join(problems)
