"""The procedure filters in a real headless Chromium: type without diacritics, pick a lĩnh vực, see the right rows."""
from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest

from procedure_helpers import add_procedure

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="cần Chromium và chromedriver: apt-get install -y chromium chromium-driver")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--window-size=1280,2000"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def served(site):
    add_procedure(site, code="1.000001", name="Cấp giấy phép tiến hành công việc bức xạ", field="An toàn bức xạ",
                  level="Cấp tỉnh", online="full")
    add_procedure(site, code="1.000002", name="Cấp giấy phép hoạt động khoa học", field="Khoa học và công nghệ",
                  level="Cấp tỉnh", online="partial")
    add_procedure(site, code="1.000003", name="Đăng ký khai sinh", field="Hộ tịch", level="Cấp xã")
    add_procedure(site, code="1.000004", name="Cấp lại giấy phép bức xạ", field="An toàn bức xạ", level="Cấp bộ",
                  online="none")
    add_procedure(site, code="1.000005", name="Cấp giấy phép cũ", field="An toàn bức xạ", status="abolished",
                  abolished="2025-01-01")
    site.site_url = "http://127.0.0.1/"
    site.build()
    handler = functools.partial(_Quiet, directory=str(site.root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def visible_codes(driver) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll('[data-cchc-row]')].filter(r => !r.hidden && r.offsetParent !== null)"
        ".map(r => r.querySelector('td').textContent.trim())")


def wait_for(driver, predicate, timeout=5):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout).until(lambda d: predicate(d))


def test_filters_in_headless_chromium(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(served + "thu-tuc-hanh-chinh/")
    form = browser.find_element(By.CSS_SELECTOR, "[data-cchc-filter]")
    wait_for(browser, lambda d: form.get_attribute("data-cchc-ready") is not None)
    assert form.is_displayed()  # the script showed and enabled the controls
    box = browser.find_element(By.ID, "cchc-q")
    assert box.is_enabled()
    assert visible_codes(browser) == ["1.000001", "1.000004", "1.000003", "1.000002"]  # abolished 1.000005 is not listed

    box.send_keys("cap giay phep")  # typed without diacritics
    wait_for(browser, lambda d: visible_codes(d) == ["1.000001", "1.000004", "1.000002"])
    status = browser.find_element(By.CSS_SELECTOR, "[data-cchc-status]")
    wait_for(browser, lambda d: status.text == "Tìm thấy 3 thủ tục.")
    assert status.get_attribute("aria-live") == "polite"

    Select(browser.find_element(By.ID, "cchc-field")).select_by_visible_text("An toàn bức xạ")
    wait_for(browser, lambda d: visible_codes(d) == ["1.000001", "1.000004"])
    assert status.text == "Tìm thấy 2 thủ tục."
    groups = browser.execute_script(
        "return [...document.querySelectorAll('[data-cchc-group]')].filter(g => !g.hidden).map(g => g.id)")
    assert groups == ["an-toan-buc-xa"]  # groups without a matching row are hidden

    box.send_keys(" buc xa")
    Select(browser.find_element(By.ID, "cchc-level")).select_by_visible_text("Cấp bộ")
    wait_for(browser, lambda d: visible_codes(d) == ["1.000004"])
    Select(browser.find_element(By.ID, "cchc-online")).select_by_visible_text("Toàn trình")
    wait_for(browser, lambda d: visible_codes(d) == [])
    assert browser.find_element(By.CSS_SELECTOR, "[data-cchc-empty]").is_displayed()
    assert status.text == "Tìm thấy 0 thủ tục."

    browser.find_element(By.CSS_SELECTOR, "[data-cchc-reset]").click()
    wait_for(browser, lambda d: len(visible_codes(d)) == 4)
    assert status.text == ""

    box.send_keys("KHAI SINH")  # any case, code or name
    wait_for(browser, lambda d: visible_codes(d) == ["1.000003"])
    box.clear()
    box.send_keys("1.000002")
    wait_for(browser, lambda d: visible_codes(d) == ["1.000002"])


def test_without_javascript_everything_is_listed(served, browser):
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    browser.get(served + "thu-tuc-hanh-chinh/")
    assert not browser.find_element(By.CSS_SELECTOR, "[data-cchc-filter]").is_displayed()
    rows = browser.find_elements(By.CSS_SELECTOR, "[data-cchc-row]")
    assert len(rows) == 4 and all(r.is_displayed() for r in rows)
    links = browser.find_elements(By.CSS_SELECTOR, "nav.cchc-tthc-fields a")
    assert [a.text for a in links] == ["An toàn bức xạ", "Hộ tịch", "Khoa học và công nghệ"]
