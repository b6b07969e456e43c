"""Every page of a built site is valid HTML (Nu Html Checker) and passes axe-core's WCAG 2.1 AA rules."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from browser import chromium, served
from conftest import Site

TOOLS = Path(__file__).parent / "tools" / "node_modules"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = TOOLS / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Site:
    """One build for both checks (neither writes into it)."""
    site = Site(tmp_path_factory.mktemp("html-quality"))
    _sample_site(site)
    return site


def _sample_site(site):
    buffer = io.BytesIO()
    Image.new("RGB", (800, 400), (20, 90, 160)).save(buffer, "JPEG")
    site.write("content/tin-bai/anh/a.jpg", buffer.getvalue())
    site.write("content/tin-bai/tep/kh.pdf", b"%PDF-1.4\n%%EOF\n")
    site.write("docs/gioi-thieu.md", "# Giới thiệu\n\nChuyên mục **CCHC**.\n")
    site.options["per_page"] = 2
    site.add_article("a.md", 'Hỏi & đáp: "một cửa" <liên thông>', "2024-03-01 08:00", tags=["một cửa"],
                     image="anh/a.jpg", image_alt="Ảnh minh họa", attachments=[{"path": "tep/kh.pdf", "title": "Kế hoạch"}],
                     body="Đoạn mở đầu.\n\n## Nội dung\n\n| Cột | Giá trị |\n|---|---|\n| A | 1 |\n")
    site.add_article("b.md", "Đẩy mạnh cải cách", "2024-02-01", categories=["Văn bản chỉ đạo"], pin=True)
    site.add_article("c.md", "Chuyển đổi số", "2024-01-15", categories=["Chuyển đổi số"], tags=["số hóa"])
    site.build()


def test_every_page_is_valid_html(sample_site):
    site = sample_site
    if not VNU.is_file() or not shutil.which("java"):
        pytest.skip("Nu Html Checker chưa cài: (cd tests/tools && npm ci); cần Java")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
                             str(site.root / "site")], capture_output=True, text=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert messages == [], "\n".join(f"{m.get('url')}: {m.get('message')}" for m in messages)


PAGES = ["", "tin-bai/", "tin-bai/2024/03/hoi-dap-mot-cua-lien-thong/", "tin-bai/2024/", "tin-bai/2024/03/",
         "tin-bai/luu-tru/", "chuyen-muc/tin-tuc-cchc/", "the/mot-cua/"]


def test_pages_pass_axe_wcag_aa(sample_site):
    site = sample_site
    if not AXE.is_file():
        pytest.skip("axe-core chưa cài: (cd tests/tools && npm ci)")
    with served(site.root / "site") as base, chromium() as driver:
        problems = [f"/{url}: {violation}" for url in PAGES for violation in axe_violations(driver, base + url)]
    assert problems == [], "\n".join(problems)


def axe_violations(driver, url: str) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on one page: 'rule: selectors'."""
    driver.get(url)
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))")
