"""Every content error of the spec: one clear Vietnamese line each, all reported together, no traceback."""
from __future__ import annotations

import pytest

from conftest import article

CASES = [
    # (file text, expected fragments of the single error line)
    ("---\ndate: 2024-03-01\ncategories: [Tin tức CCHC]\n---\nA\n", ["a.md", "[title]", "Thiếu khóa bắt buộc 'title'"]),
    ("---\ntitle: A\ncategories: [Tin tức CCHC]\n---\nA\n", ["a.md", "[date]", "Thiếu khóa bắt buộc 'date'"]),
    ("---\ntitle: A\ndate: 2024-03-01\n---\nA\n", ["[categories]", "Thiếu khóa bắt buộc 'categories'"]),
    (article("A", "31/02/2024"), ["a.md:3", "[date]", "ngày không tồn tại", "DD/MM/YYYY"]),
    (article("A", "2024/03/01"), ["[date]", "không đúng định dạng", "YYYY-MM-DD"]),
    (article("A", "2024-03-05", updated="2024-03-01"), ["[updated]", "không được trước ngày đăng"]),
    (article("A", "2024-03-01", categories=["Tin tuc"]), ["[categories]", "'Tin tuc'", "Tin tức CCHC"]),
    (article("A", "2024-03-01", slug="Viết Hoa"), ["[slug]", "viet-hoa"]),
    (article("A", "2024-03-01", image="anh/x.jpg", image_alt="Ảnh"), ["[image]", "Không tìm thấy tệp 'anh/x.jpg'"]),
    (article("A", "2024-03-01", attachments=[{"path": "van-ban/khong-co.pdf"}]), ["[attachments]", "khong-co.pdf"]),
    (article("A", "2024-03-01", catagories=["Tin tức CCHC"]), ["[catagories]", "Có phải ý bạn là 'categories'?"]),
    (article("A", "2024-03-01", draft="có"), ["[draft]", "true hoặc false"]),
    ("---\ntitle: A\ndate: [2024\n---\nA\n", ["a.md:3", "YAML"]),
    ("Không có phần khai báo\n", ["a.md:1", "frontmatter"]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[1][-1][:30] for c in CASES])
def test_each_error_is_one_clear_line(site, text, expected):
    site.write("content/tin-bai/a.md", text)
    result = site.build(ok=False)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if "content/tin-bai/a.md" in line]
    assert len(lines) == 1, output
    for fragment in expected:
        assert fragment in lines[0], (fragment, lines[0])
    assert "Cách sửa:" in lines[0] or "YAML" in lines[0]
    assert not (site.root / "site").exists()  # nothing half-written


def test_cover_image_needs_alt_text(site):
    from PIL import Image
    Image.new("RGB", (40, 20)).save(site.write("content/tin-bai/anh/x.jpg", b""))
    site.write("content/tin-bai/a.md", article("A", "2024-03-01", image="anh/x.jpg"))
    result = site.build(ok=False)
    [line] = [line for line in result.stderr.splitlines() if "a.md" in line]
    assert "a.md:6: [image_alt]" in line and "image_alt: " in line


def test_all_errors_of_a_build_are_reported_together(site):
    site.add_article("a.md", "A", "31/02/2024")
    site.add_article("b.md", "B", "2024-03-01", categories=["Không có"])
    site.add_article("c.md", "C", "2024-03-01", tagz=["x"])
    site.add_article("ok.md", "Đúng", "2024-03-01")
    result = site.build(ok=False)
    output = result.stderr + result.stdout  # the summary is the last line, printed by click on stdout
    for name in ("a.md", "b.md", "c.md"):
        assert f"content/tin-bai/{name}" in output
    assert "ok.md" not in output
    assert "Nội dung có 3 lỗi" in output


def test_duplicate_slug_in_the_same_month_names_both_files(site):
    site.add_article("x/a.md", "Cùng tên", "2024-03-01")
    site.add_article("y/b.md", "Cùng tên", "2024-03-20")
    site.add_article("z/c.md", "Cùng tên", "2024-04-01")  # another month: a different URL, fine
    result = site.build(ok=False)
    lines = [line for line in result.stderr.splitlines() if "Trùng đường dẫn" in line]
    assert len(lines) == 2
    for line in lines:
        assert "content/tin-bai/x/a.md" in line and "content/tin-bai/y/b.md" in line
    assert "z/c.md" not in result.stderr


def test_passthrough_keys_are_not_errors(site):
    site.add_article("a.md", "A", "2024-03-01", description="Mô tả", hide=["toc"])
    site.build()
    assert '<meta name="description" content="Mô tả">' in site.html("tin-bai/2024/03/a/")


def test_check_command_prints_every_error_and_exits_1(site):
    site.add_article("a.md", "A", "31/02/2024")
    site.add_article("b.md", "B", "2024-03-01", categories=["Không có"])
    result = site.cchc("check")
    assert result.returncode == 1
    assert "content/tin-bai/a.md" in result.stdout and "content/tin-bai/b.md" in result.stdout
    site.write("content/tin-bai/a.md", article("A", "28/02/2024"))
    site.write("content/tin-bai/b.md", article("B", "2024-03-01"))
    result = site.cchc("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 tin bài" in result.stdout


def test_missing_site_url_is_a_clear_error(site):
    site.site_url = ""
    site.add_article("a.md", "A", "2024-03-01")
    result = site.build(ok=False)
    assert result.returncode == 1
    assert "site_url" in result.stderr and "Traceback" not in result.stderr


def test_new_command_writes_a_valid_draft(site):
    site.write("docs/.keep", "")
    result = site.cchc("new", "Đẩy mạnh số hóa hồ sơ")
    assert result.returncode == 0, result.stderr
    path = site.root / result.stdout.strip()
    assert path.name == "2026-11-22-day-manh-so-hoa-ho-so.md"
    text = path.read_text(encoding="utf-8")
    assert "draft: true" in text and "categories: [Tin tức CCHC]" in text
    assert site.cchc("check").returncode == 0


def test_categories_with_the_same_slug_are_a_config_error(site):
    site.options["categories"] = ["Tin tức", "Tin tuc"]
    site.add_article("a.md", "A", "2024-03-01", categories=["Tin tức"])
    result = site.build(ok=False)
    assert result.returncode == 1 and "chuyên mục" in result.stderr and "Traceback" not in result.stderr


def test_page_size_must_be_positive(site):
    site.options["per_page"] = 0
    site.add_article("a.md", "A", "2024-03-01")
    result = site.build(ok=False)
    assert result.returncode == 1 and "per_page" in result.stderr and "Traceback" not in result.stderr
