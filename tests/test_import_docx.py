"""`cchc import-docx`: a Word document built here becomes a draft article and its images."""
from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from PIL import Image

from cchc.core.news.html_markdown import blocks

RED = (200, 30, 30)


def _png(colour=RED) -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    out.seek(0)
    return out


def _tracked(paragraph, kind: str, text: str) -> None:
    """A tracked insertion (w:ins) or deletion (w:del) of `text`, written as Word writes it."""
    change = OxmlElement(f"w:{kind}")
    change.set(qn("w:id"), "90" if kind == "ins" else "91")
    change.set(qn("w:author"), "Chuyên viên")
    change.set(qn("w:date"), "2026-09-01T08:00:00Z")
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    change.append(run)
    paragraph._p.append(change)


def build_docx(alt: str | None = "Quang cảnh hội nghị") -> bytes:
    doc = Document()
    doc.add_heading("Hội nghị tổng kết công tác cải cách hành chính", 1)
    intro = doc.add_paragraph("Sáng ngày 05/02, Sở đã tổ chức ")
    bold = intro.add_run("hội nghị tổng kết")
    bold.bold = True
    intro.add_run(" với sự tham dự của ")
    intro.add_run("lãnh đạo các phòng").italic = True
    intro.add_run(".")
    doc.add_comment([bold], text="Kiểm tra lại số liệu", author="Trưởng phòng")
    doc.add_paragraph("")  # Word's empty paragraphs
    doc.add_paragraph("   ")
    changed = doc.add_paragraph("Tỉ lệ hồ sơ trực tuyến đạt")
    _tracked(changed, "del", " 80%")
    _tracked(changed, "ins", " 95%")
    broken = doc.add_paragraph("Dòng một của đoạn")
    broken.add_run().add_break()  # a manual line break
    broken.add_run("vẫn là một đoạn.")
    doc.add_heading("Kết quả nổi bật", 2)
    doc.add_paragraph("Một cửa liên thông", style="List Bullet")
    doc.add_paragraph("Dịch vụ công trực tuyến", style="List Bullet")
    doc.add_paragraph("Bước thứ nhất", style="List Number")
    doc.add_paragraph("Bước thứ hai", style="List Number")
    table = doc.add_table(rows=3, cols=2)
    for (i, j), text in {(0, 0): "Chỉ tiêu", (0, 1): "Kết quả", (1, 0): "Hồ sơ | trực tuyến", (1, 1): "95%",
                         (2, 0): "Đúng hạn", (2, 1): "99%"}.items():
        table.cell(i, j).text = text
    doc.add_picture(_png(), width=Inches(1))
    if alt is not None:
        doc.inline_shapes[0]._inline.docPr.set("descr", alt)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


EXPECTED_BODY = """Sáng ngày 05/02, Sở đã tổ chức **hội nghị tổng kết** với sự tham dự của *lãnh đạo các phòng*.

Tỉ lệ hồ sơ trực tuyến đạt 95%

Dòng một của đoạn vẫn là một đoạn.

## Kết quả nổi bật

- Một cửa liên thông
- Dịch vụ công trực tuyến

1. Bước thứ nhất
2. Bước thứ hai

| Chỉ tiêu | Kết quả |
|---|---|
| Hồ sơ \\| trực tuyến | 95% |
| Đúng hạn | 99% |

![Quang cảnh hội nghị](2026-09-15-hoi-nghi-tong-ket-cong-tac-cai-cach-hanh-chinh-1.png)
"""
ARTICLE = "content/tin-bai/2026/2026-09-15-hoi-nghi-tong-ket-cong-tac-cai-cach-hanh-chinh.md"


def test_docx_imports_to_the_expected_markdown_and_image(site):
    source = site.write("bai.docx", build_docx())
    result = site.cchc("import-docx", str(source), "--category", "Tin tức CCHC", "--date", "2026-09-15 08:30")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Đã tạo bài nháp: {ARTICLE} (từ bai.docx, 1 ảnh)" in result.stdout
    text = (site.root / ARTICLE).read_text(encoding="utf-8")
    front, body = text[4:].split("\n---\n", 1)
    assert front.startswith('title: "Hội nghị tổng kết công tác cải cách hành chính"\ndate: 2026-09-15 08:30\n'
                            'categories: ["Tin tức CCHC"]')
    assert "draft: true" in front
    assert body == EXPECTED_BODY
    assert "Kiểm tra lại số liệu" not in text and "80%" not in text  # the comment and the deletion are gone
    image = site.root / "content/tin-bai/2026/2026-09-15-hoi-nghi-tong-ket-cong-tac-cai-cach-hanh-chinh-1.png"
    with Image.open(image) as picture:
        assert picture.size == (40, 30) and picture.getpixel((5, 5)) == RED
    check = site.cchc("check")
    assert check.returncode == 0, check.stdout
    assert "1 bài nháp/hẹn giờ" in check.stdout


def test_without_category_and_alt_the_check_names_what_to_fill(site):
    source = site.write("bai.docx", build_docx(alt=None))
    result = site.cchc("import-docx", str(source), "--date", "2026-09-15 08:30")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ảnh thứ 1 chưa có mô tả (alt)" in result.stdout
    assert "Chưa có chuyên mục" in result.stdout
    body = (site.root / ARTICLE).read_text(encoding="utf-8")
    assert "![CẦN VIẾT MÔ TẢ ẢNH](2026-09-15-hoi-nghi-tong-ket-cong-tac-cai-cach-hanh-chinh-1.png)" in body
    check = site.cchc("check").stdout
    assert f"{ARTICLE}:5: [categories] Thiếu khóa bắt buộc 'categories'" in check or "[categories]" in check
    line = body.split("\n").index("![CẦN VIẾT MÔ TẢ ẢNH](2026-09-15-hoi-nghi-tong-ket-cong-tac-cai-cach-hanh-chinh-1.png)") + 1
    assert f"{ARTICLE}:{line}: (bài nháp, chưa xuất bản: không chặn việc xuất bản) Ảnh chưa có mô tả cho người khiếm thị" in check
    # Given the category and the description, the file passes.
    text = (site.root / ARTICLE).read_text(encoding="utf-8")
    text = text.replace("categories: []", "categories: [Chuyển đổi số]").replace("CẦN VIẾT MÔ TẢ ẢNH", "Hội trường")
    (site.root / ARTICLE).write_text(text, encoding="utf-8")
    assert site.cchc("check").returncode == 0


def test_legacy_text_in_word_is_repaired_with_a_note(site):
    doc = Document()
    doc.add_paragraph("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    doc.add_paragraph("Tr\u00adêng häc vµ ng\u00adêi d©n")
    out = io.BytesIO()
    doc.save(out)
    source = site.write("cu.docx", out.getvalue())
    result = site.cchc("import-docx", str(source), "--category", "Tin tức CCHC", "--date", "2026-09-15")
    assert result.returncode == 0, result.stdout
    assert "Tiêu đề dòng 1: đã chuyển sang Unicode" in result.stdout
    text = (site.root / "content/tin-bai/2026/2026-09-15-cong-hoa-xa-hoi-chu-nghia-viet-nam.md").read_text(encoding="utf-8")
    assert 'title: "Cộng hoà xã hội chủ nghĩa Việt Nam"' in text and "Trường học và người dân" in text
    assert site.cchc("check").returncode == 0


def test_refuses_what_is_not_a_docx_and_never_overwrites(site):
    bad = site.write("cu.doc", b"\xd0\xcf\x11\xe0 old Word")
    source = site.write("bai.docx", build_docx())
    first = site.cchc("import-docx", str(source), "--date", "2026-09-15 08:30")
    assert first.returncode == 0
    again = site.cchc("import-docx", str(bad), str(source), "--date", "2026-09-15 08:30")
    assert again.returncode == 1
    assert "cu.doc: không phải tệp Word .docx" in again.stdout
    assert "đã có, không ghi đè" in again.stdout
    wrong = site.cchc("import-docx", str(source), "--category", "Không có")
    assert wrong.returncode == 2 and "Dùng một trong: Tin tức CCHC" in wrong.stdout


@pytest.mark.parametrize("html,markdown", [
    ("<p># không phải tiêu đề</p>", "\\# không phải tiêu đề"),
    ("<p>1. không phải danh sách, 5*3 và a_b</p>", "1\\. không phải danh sách, 5\\*3 và a\\_b"),
    ("<p><strong>đậm </strong>rồi thường</p>", "**đậm** rồi thường"),
    ("<ul><li>a<ul><li>b</li></ul></li></ul>", "- a\n    - b"),
    ('<p><a href="https://dichvucong.gov.vn">Cổng DVC</a></p>', "[Cổng DVC](https://dichvucong.gov.vn)"),
])
def test_html_to_markdown(html, markdown):
    assert blocks(html)[0][1] == markdown
