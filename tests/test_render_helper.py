"""`mkdocs build` renders part of the templates in a forked second process (adapter/render_helper.py):
the site is byte for byte the one a build in one process writes, warnings included."""
from __future__ import annotations

import re

from conftest import Site
from test_serve_quick import differences


def _site(root, parallel: bool) -> Site:
    site = Site(root, options={"parallel": parallel, "cache": False})
    for i in range(80):
        site.add_article(f"2025/bai-{i:03d}.md", f"Tin cải cách hành chính số {i:03d}", f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} 08:00",
                         categories=["Tin tức CCHC" if i % 3 else "Chuyển đổi số"], tags=[f"Chủ đề {i % 5}"],
                         body=f"## Mục {i}\n\nNội dung bài số {i}, có [liên kết](bai-{(i + 1) % 80:03d}.md).\n")
    # a warning (an unsafe tag removed) must still be logged by the build, once
    site.add_article("2025/bai-079.md", "Tin có mã lạ", "2025-06-30 08:00", body="Đoạn <script>alert(1)</script> cuối.")
    return site


def test_two_processes_write_the_site_one_process_writes(tmp_path):
    alone, together = _site(tmp_path / "alone", False), _site(tmp_path / "together", True)
    one, two = alone.build(strict=False), together.build(strict=False)
    found = re.search(r"Trang: (\d+) trang dựng ở tiến trình phụ, (\d+) ở tiến trình chính", two.stderr)
    assert found and int(found[1]) >= 50, two.stderr
    assert "tiến trình phụ, " not in one.stderr
    assert differences(alone.root / "site", together.root / "site") == []
    assert two.stderr.count("Đã bỏ") == one.stderr.count("Đã bỏ") == 1


def test_a_strict_build_with_a_warning_still_stops(tmp_path):
    site = _site(tmp_path, True)
    (site.root / "site").mkdir()
    (site.root / "site" / "cu.html").write_text("bản cũ", encoding="utf-8")
    result = site.build(strict=True, ok=False)
    assert result.returncode != 0
    assert (site.root / "site" / "cu.html").read_text(encoding="utf-8") == "bản cũ"
