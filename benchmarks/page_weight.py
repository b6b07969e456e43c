"""Bytes a phone reader downloads for some pages of a built site, measured in headless Chromium
(Resource Timing API: the page itself + every CSS, JS, image and font it requested).

    .venv/bin/python benchmarks/page_weight.py site "" tin-bai/2026/06/so-ket-…/

Emulates a phone (412x915 CSS px, pixel ratio 2.625). "first screen" = what loads without scrolling;
"scrolled" = after scrolling to the bottom (lazy images included).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import CHROMEDRIVER, CHROMIUM, FLAGS, served  # noqa: E402

SCRIPT = """
const nav = performance.getEntriesByType('navigation')[0];
const rows = performance.getEntriesByType('resource').map(r => [r.name, r.initiatorType, r.encodedBodySize]);
return [nav.encodedBodySize, rows];
"""


def measure(driver, url: str, scroll: bool) -> tuple[int, dict[str, int]]:
    driver.get(url)
    time.sleep(0.5)
    if scroll:
        for _ in range(20):
            driver.execute_script("window.scrollBy(0, window.innerHeight)")
            time.sleep(0.1)
        time.sleep(0.5)
    page, rows = driver.execute_script(SCRIPT)
    kinds: dict[str, int] = {"html": page}
    for name, _, size in rows:
        kind = "image" if name.split("?")[0].endswith((".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg")) else \
            "css" if name.endswith(".css") else "js" if name.endswith(".js") else "other"
        kinds[kind] = kinds.get(kind, 0) + size
    return sum(kinds.values()), kinds


def main() -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    site, pages = Path(sys.argv[1]), sys.argv[2:] or [""]
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 412, "height": 915, "pixelRatio": 2.625}})
    with served(site) as base:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        try:
            for page in pages:
                for scroll in (False, True):
                    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
                    total, kinds = measure(driver, base + page, scroll)
                    detail = ", ".join(f"{k} {v / 1024:.0f}" for k, v in sorted(kinds.items()))
                    print(f"/{page} {'scrolled' if scroll else 'first screen'}: {total / 1024:.0f} KiB ({detail})")
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
