"""Hostile and accidental input never reaches the public site, and never gives a traceback (issue 8)."""
from __future__ import annotations

import csv
import io
import json
import os
import time

import pytest
from openpyxl import load_workbook

from cchc.core.frontmatter_file import read_source
from conftest import article

PLAN = """---
title: Kế hoạch tuyên truyền
number: "{number}"
issued: 2024-01-05
issuer: "{issuer}"
start: 2024-01
end: 2024-12
target: 2
---
Nội dung.
"""


def site_text(site) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in (site.root / "site").rglob("*") if p.is_file())


# -- symlinks ------------------------------------------------------------------------------------
def test_symlinks_are_refused_and_their_targets_never_published(site, tmp_path_factory):
    secret = tmp_path_factory.mktemp("ngoai") / "mat-khau.txt"
    secret.write_text("MAT-KHAU-BI-MAT-12345", encoding="utf-8")
    outside_md = secret.with_name("bai-ngoai.md")
    outside_md.write_text(article("Bài bên ngoài BI-MAT-MD", "2024-03-02"), encoding="utf-8")
    site.add_article("a.md", "Một", "2024-03-01")
    site.build()
    before = site.html("")
    (site.root / "content/tin-bai/tep").mkdir()
    os.symlink(secret, site.root / "content/tin-bai/tep/lo.txt")
    os.symlink(outside_md, site.root / "content/tin-bai/ngoai.md")
    os.symlink(secret.parent, site.root / "content/tin-bai/thu-muc-lien-ket")
    result = site.build(ok=False)
    assert result.returncode != 0
    assert "content/tin-bai/tep/lo.txt: 'lo.txt' là liên kết tượng trưng (symlink)" in result.stderr
    assert "content/tin-bai/ngoai.md" in result.stderr and "content/tin-bai/thu-muc-lien-ket" in result.stderr
    assert "Traceback" not in result.stderr
    assert site.html("") == before
    assert "MAT-KHAU-BI-MAT" not in site_text(site) and "BI-MAT-MD" not in site_text(site)
    check = site.cchc("check")
    assert check.returncode == 1 and "lo.txt" in check.stdout


def test_symlinked_hand_written_pages_are_refused(site, tmp_path_factory):
    secret = tmp_path_factory.mktemp("ngoai") / "cau-hinh.md"
    secret.write_text("# Cấu hình\n\nMAT-KHAU-TRANG-VIET-TAY\n", encoding="utf-8")
    site.add_article("a.md", "Một", "2024-03-01")
    (site.root / "docs").mkdir()
    os.symlink(secret, site.root / "docs/gioi-thieu.md")
    result = site.build(ok=False)
    assert "docs/gioi-thieu.md" in result.stderr and "liên kết tượng trưng" in result.stderr
    assert not (site.root / "site").exists() or "MAT-KHAU-TRANG-VIET-TAY" not in site_text(site)


def test_a_cover_that_is_a_symlink_names_the_key_and_line(site, tmp_path_factory):
    secret = tmp_path_factory.mktemp("ngoai") / "anh.png"
    secret.write_bytes(b"not really")
    (site.root / "content/tin-bai").mkdir(parents=True)
    os.symlink(secret, site.root / "content/tin-bai/anh.png")
    site.add_article("a.md", "Một", "2024-03-01", image="anh.png", image_alt="Ảnh")
    result = site.build(ok=False)
    assert "content/tin-bai/a.md:" in result.stderr and "[image] Tệp 'anh.png' là liên kết tượng trưng" in result.stderr


# -- spreadsheet formulas -------------------------------------------------------------------------
@pytest.mark.parametrize("number", ["=HYPERLINK(\"http://x\",\"a\")", "+1+2", "-3/KH", "@SUM(A1)"])
def test_exports_never_carry_a_live_formula(site, number):
    site.write("content/ke-hoach/k.md", PLAN.format(number=number.replace('"', '\\"'), issuer="=cmd|' /C calc'!A0"))
    site.add_article("a.md", "Một", "2024-03-01")
    site.build()
    rows = list(csv.reader(io.StringIO((site.root / "site/chi-tieu/chi-tieu.csv").read_text(encoding="utf-8-sig"))))
    assert rows[1][0] == "'" + number
    book = load_workbook(site.root / "site/chi-tieu/chi-tieu.xlsx")
    cell = book.worksheets[0]["A2"]
    assert cell.value == number and cell.data_type == "s" and cell.quotePrefix
    data = json.loads((site.root / "site/chi-tieu/chi-tieu.json").read_bytes())
    assert data["plans"][0]["number"] == number  # JSON is not a spreadsheet: the value as written
    report = site.cchc("report", "--format", "csv")
    assert report.returncode == 0
    assert list(csv.reader(io.StringIO(report.stdout.lstrip("\ufeff"))))[1][0] == "'" + number


# -- YAML ------------------------------------------------------------------------------------------
def alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "---\ntitle: Bom\ndate: 2024-03-01\ncategories: [Tin tức CCHC]\n" + "\n".join(lines) + "\n---\nThân.\n"


@pytest.mark.parametrize("text,line,words", [
    (alias_bomb(), 5, "bí danh YAML"),
    ("---\ntitle: Sâu\nk: " + "[" * 5000 + "]" * 5000 + "\n---\n", 3, "lồng nhau quá"),
    ("---\ntitle: Một\ndate: 2024-03-01\ntitle: Hai\n---\n", 4, "Khóa 'title' được khai báo hai lần"),
    ("---\ntitle: Có NUL\x00 ở đây\n---\n", 2, "U+0000"),
    ("---\ntitle: Dán từ Word\x0b\n---\n", 2, "U+000B"),
])
def test_frontmatter_limits_are_content_errors_in_milliseconds(tmp_path, text, line, words):
    path = tmp_path / "x.md"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    error = read_source(path, "content/tin-bai/x.md")
    assert time.perf_counter() - started < 1.0
    assert not hasattr(error, "meta"), error
    assert error.line == line and words in error.message, str(error)


def test_alias_bomb_in_a_build_is_one_clear_error(site):
    site.write("content/tin-bai/bom.md", alias_bomb())
    started = time.perf_counter()
    result = site.cchc("check")
    assert time.perf_counter() - started < 20  # a subprocess start; the bomb itself takes milliseconds
    assert result.returncode == 1 and "content/tin-bai/bom.md:5:" in result.stdout and "Traceback" not in result.stderr


# -- names that become URLs -------------------------------------------------------------------------
def png() -> bytes:
    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def test_hostile_file_names_are_escaped_and_links_work(site):
    hostile = 'a" onerror="alert(1)" x=".png'
    site.write(f"content/tin-bai/anh/{hostile}", png())
    site.write("content/tin-bai/tep/bảng số #1?x=%.xlsx", b"PK\x03\x04")
    site.add_article("a.md", "Một", "2024-03-01", image=f"anh/{hostile}", image_alt="Ảnh",
                     attachments=[{"path": "tep/bảng số #1?x=%.xlsx", "title": "Bảng"}])
    site.build(strict=False)
    from lxml import html as lxml_html
    for url in ("", "tin-bai/", "tin-bai/2024/03/mot/"):
        page = site.html(url)
        assert "onerror" not in page.replace("onerror=&#34;", "").replace("onerror=&quot;", "") or \
            not lxml_html.fromstring(page).xpath("//*[@onerror]"), url
        tree = lxml_html.fromstring(page)
        assert tree.xpath("//*[@onerror]") == []
        for src in tree.xpath("//img/@src | //a/@href | //meta[@property='og:image']/@content"):
            if "anh/" in src or "tep/" in src:
                target = (site.path(url).parent / src.split("://", 1)[-1]).resolve() if "://" not in src else None
                assert "%" in src and " " not in src and "#" not in src.split("/")[-1][:-1], src
                if target is not None:
                    from urllib.parse import unquote
                    assert (site.path(url).parent / unquote(src)).resolve().is_file(), src
    cover = lxml_html.fromstring(site.html("tin-bai/2024/03/mot/")).xpath("//figure//img/@src")[0]
    assert cover.endswith("anh/a%22%20onerror%3D%22alert%281%29%22%20x%3D%22.png.w40.png")  # a variant (#13)


# -- raw HTML ------------------------------------------------------------------------------------
HOSTILE_BODY = """\
Mở đầu <script>alert('s1')</script> đoạn văn.

<img src="anh.png" onerror="alert('s2')" alt="Ảnh">

[Bấm vào đây](javascript:alert('s3'))

<a href="JaVaScRiPt:alert('s4')">liên kết</a>

<iframe src="https://evil.example.com/s5"></iframe>

<div onmouseover="alert('s6')" style="position:fixed">che màn hình</div>

<iframe src="https://www.youtube.com/embed/abc123" title="Video hội nghị" allowfullscreen></iframe>

<figure><img src="https://dichvucong.gov.vn/logo.png" alt="Biểu trưng"><figcaption>Chú thích ảnh</figcaption></figure>

| Cột trái | Cột giữa |
|:---|:---:|
| 1 | 2 |
"""


def test_raw_html_is_sanitised_in_pages_and_every_feed(site):
    site.write("content/tin-bai/anh.png", png())  # the body's image exists: a missing one is an error (#13)
    site.add_article("a.md", "Một", "2024-03-01", body=HOSTILE_BODY)
    result = site.build(strict=False)
    assert "content/tin-bai/a.md:7: [html] Đã bỏ thẻ <script>" in result.stderr  # frontmatter is lines 1-6
    assert "thuộc tính onerror của <img>" in result.stderr and "evil.example.com" in result.stderr
    assert "thuộc tính onmouseover của <div>" in result.stderr
    page = site.html("tin-bai/2024/03/mot/")
    body = page.split("cchc-article__body", 1)[1].split("cchc-neighbours", 1)[0]
    feeds = {name: (site.root / "site" / name).read_text(encoding="utf-8") for name in ("feed.xml", "atom.xml", "feed.json")}
    for where, text in {"page": body, **feeds}.items():
        for marker in ("s1", "s2", "s3", "s4", "s5", "s6"):
            assert f"alert('{marker}')" not in text and f"alert(&#39;{marker}&#39;)" not in text \
                and f"alert(&apos;{marker}&apos;)" not in text and "evil.example.com" not in text, (where, marker)
        assert "youtube.com/embed/abc123" in text, where
        assert "Chú thích ảnh" in text and "figcaption" in text, where
        assert "text-align" in text or where == "feed.json" and "text-align" in text, where
    assert "position:fixed" not in body and 'style="text-align:center"' in body
    assert "<script" not in body


def test_raw_html_warning_fails_a_strict_build(site):
    site.add_article("a.md", "Một", "2024-03-01", body="<script>alert(1)</script>\n")
    assert site.build(ok=False).returncode != 0


def test_iframe_hosts_are_configurable(site):
    site.options["iframe_hosts"] = ["video.so.example.gov.vn"]
    site.add_article("a.md", "Một", "2024-03-01", body=(
        '<iframe src="https://video.so.example.gov.vn/v/1" title="Video"></iframe>\n\n'
        '<iframe src="https://www.youtube.com/embed/x" title="Y"></iframe>\n'))
    site.build(strict=False)
    page = site.html("tin-bai/2024/03/mot/")
    assert "video.so.example.gov.vn/v/1" in page and "youtube.com/embed/x" not in page


# -- tracebacks become content errors --------------------------------------------------------------
@pytest.mark.parametrize("date,words", [
    ("2024-03-01 08:00+25:00", "múi giờ \"+25:00\" không tồn tại"),
    ("9999-12-31 23:59-01:00", "năm 9999"),
    ("0001-01-01 00:00+01:00", "năm 1"),
    ("٢٠٢٤-٠٣-٠١", "không đúng định dạng"),
])
def test_impossible_dates_are_content_errors(site, date, words):
    site.add_article("a.md", "Một", date)
    result = site.build(ok=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "content/tin-bai/a.md:3: [date]" in result.stderr and words in result.stderr


@pytest.mark.parametrize("tag", ["😀", "]]>", "---"])
def test_tags_without_letters_are_content_errors(site, tag):
    site.add_article("a.md", "Một", "2024-03-01", tags=["một cửa", tag])
    for result in (site.cchc("check"), site.build(ok=False)):
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert f"Thẻ '{tag}' không có chữ cái hay chữ số" in result.stdout + result.stderr


def test_windows_device_names_are_never_slugs(site):
    site.add_article("a.md", "Con", "2024-03-01")
    site.add_article("b.md", "Bài hai", "2024-03-02", slug="nul")
    result = site.build(ok=False)
    assert "[slug] Slug 'nul' là tên thiết bị dành riêng của Windows" in result.stderr and "Dùng 'nul-1'" in result.stderr
    site.write("content/tin-bai/b.md", article("Bài hai", "2024-03-02"))
    site.build()
    assert site.exists("tin-bai/2024/03/con-1/")


def test_a_file_at_a_generated_path_is_an_error_not_a_silent_replacement(site):
    site.write("content/ke-hoach/k.md", PLAN.format(number="1/KH", issuer="Sở"))
    site.write("content/chi-tieu/chi-tieu.csv", "giả,mạo\n")
    site.write("content/feed.xml", "<rss/>")
    site.add_article("a.md", "Một", "2024-03-01", attachments=["../chi-tieu/chi-tieu.csv"])
    result = site.build(ok=False)
    assert "content/chi-tieu/chi-tieu.csv: Tệp này trùng đường dẫn 'chi-tieu/chi-tieu.csv'" in result.stderr
    # An XML file could be read as a page of the site: it is not published at all (issue 23).
    site.add_article("a.md", "Một", "2024-03-01", attachments=["../feed.xml"])
    result = site.build(ok=False)
    assert "content/tin-bai/a.md: 'content/feed.xml': tệp dạng này (HTML, SVG, JavaScript, XML…)" in result.stderr


# -- configuration: one place, the same answer from the build and every command ---------------------
@pytest.mark.parametrize("options,extra,words", [
    ({"timezone": "Asia/Ha_Noi"}, {}, "múi giờ 'Asia/Ha_Noi' không tồn tại"),
    ({"per_page": 0}, {}, "phải là số nguyên từ 1 trở lên"),
    ({"feed_items": "mười"}, {}, "phải là số nguyên từ 1 trở lên"),
    ({"categories": []}, {}, "chưa khai báo danh sách chuyên mục"),
    ({"categories": ["Tin tức", "Tin tuc"]}, {}, "trùng đường dẫn"),
    ({}, {"site_url": None}, "thiếu 'site_url'"),
])
def test_configuration_errors_are_the_same_everywhere(site, options, extra, words):
    site.options.update(options)
    if "site_url" in extra:
        site.site_url = None
    site.add_article("a.md", "Một", "2024-03-01")
    for args in (("check",), ("report",), ("new", "Bài mới"), ("import-tthc", "khong-co.csv")):
        result = site.cchc(*args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert words in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)
    build = site.build(ok=False)
    assert build.returncode != 0 and words in build.stderr and "Traceback" not in build.stderr


def test_report_lists_several_content_errors_without_crashing(site):
    site.add_article("a.md", "Một", "31/02/2024")
    site.add_article("b.md", "Hai", "2024-03-01", categories=["Không có"])
    result = site.cchc("report")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/tin-bai/a.md" in result.stderr and "content/tin-bai/b.md" in result.stderr
