"""A real headless Chromium over a built site served on localhost (Debian chromium + chromedriver)."""
from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")


def require_chromium() -> None:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("Chromium/chromedriver chưa cài: apt-get install chromium chromium-driver (.ci/run tự cài)")


@contextlib.contextmanager
def served(directory: Path, requests: list | None = None):
    """Serve `directory` on a free localhost port; yields the base URL.

    `requests`, when given, receives (status, path) of every request answered."""
    handler = functools.partial(_QuietHandler, directory=str(directory), requests=requests)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, requests: list | None = None, **kwargs):
        self.requests = requests
        super().__init__(*args, **kwargs)

    def log_request(self, code="-", size="-"):
        if self.requests is not None:
            self.requests.append((int(getattr(code, "value", code)), self.path))

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def chromium():
    require_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console errors: driver.get_log("browser")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
