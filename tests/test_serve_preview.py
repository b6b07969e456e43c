"""`mkdocs serve` shows drafts and scheduled articles, visibly marked; `mkdocs build` does not."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request


from conftest import EPOCH


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_serve_marks_drafts_and_scheduled(site):
    site.add_article("a.md", "Đã đăng", "2024-03-01")
    site.add_article("b.md", "Bản nháp thử", "2024-03-02", draft=True)
    site.add_article("c.md", "Hẹn giờ thử", "2030-01-01 08:00")
    (site.root / "docs").mkdir(exist_ok=True)
    (site.root / "mkdocs.yml").write_text(site.config_text(), encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
                              cwd=site.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/cchc/"
        deadline = time.monotonic() + 60
        draft = _get(base + "tin-bai/2024/03/ban-nhap-thu/", deadline)
        assert "Bản nháp – không xuất bản" in draft
        scheduled = _get(base + "tin-bai/2030/01/hen-gio-thu/", deadline)
        assert "Hẹn giờ – sẽ xuất bản ngày 01 tháng 01 năm 2030" in scheduled
        listing = _get(base + "tin-bai/", deadline)
        assert "cchc-badge--draft" in listing and "cchc-badge--scheduled" in listing
    finally:
        server.terminate()
        server.wait(timeout=10)
