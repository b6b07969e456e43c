"""The quota report as a báo cáo in Word, in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I).

A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman: names of the agency and the
Quốc hiệu 12–13 pt, body 14 pt. The numbers are those of the quota exports for the same period
(PlanQuota.reported rows). What only the agency can write (number, date, signer, recipients) is left
as "…" placeholders highlighted in yellow. Same content and as-of date give the same bytes.
"""
from __future__ import annotations

import io
import re
from datetime import date, datetime

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from cchc.core.quota.quota import CURRENT, PlanQuota
from cchc.core.quota.quota_exports import Evidence, fixed_zip_times, publisher_of
from cchc.core.quota.report_period import Period
from cchc.core.settings import Settings
from cchc.core.text.vietnamese import long_date, short_date

FONT = "Times New Roman"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
BLANK = "…"  # to be filled in by the agency; highlighted
LEFT_CM, RIGHT_CM = 6.5, 10.0  # the header's two columns; text width is 21 - 3 - 1.5 = 16.5 cm


class Blank(str):
    """A part of the text the agency fills in: shown highlighted."""


def _agency_lines(settings: Settings) -> tuple[str, str]:
    """(governing body, agency), from the configuration; the site name's last part names the agency."""
    publisher = publisher_of(settings)
    return publisher.parent, publisher.name


def _place(agency: str) -> str:
    found = re.search(r"(?:tỉnh|thành phố)\s+(.+)$", agency, re.IGNORECASE)
    return found.group(1).strip() if found else ""


def _font(run, size: float, bold=False, italic=False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _text(paragraph, parts, size: float, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    for part in [parts] if isinstance(parts, str) else parts:
        run = paragraph.add_run(part)
        _font(run, size, bold, italic)
        if isinstance(part, Blank):
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return paragraph


def _rule(container, length_cm: float, width_cm: float) -> None:
    """A solid line of the given length, centred below the previous paragraph (the decree's 'đường kẻ')."""
    paragraph = container.add_paragraph()
    indent = Cm(max(0.0, (width_cm - length_cm) / 2))
    paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.right_indent = indent
    paragraph.paragraph_format.space_before = Pt(2)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _columns(table, widths_cm) -> None:
    """Widths in the grid (read by LibreOffice) and in every cell (read by Word)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)


def _header(doc, settings: Settings) -> None:
    parent, agency = _agency_lines(settings)
    table = doc.add_table(rows=2, cols=2)
    _no_borders(table)
    _columns(table, (LEFT_CM, RIGHT_CM))
    left, right = table.cell(0, 0), table.cell(0, 1)
    _text(left.paragraphs[0], parent.upper() if parent else Blank("TÊN CƠ QUAN CHỦ QUẢN …"), 12)
    _text(left.add_paragraph(), agency.upper(), 12, bold=True)
    _rule(left, 2.2, LEFT_CM)
    _text(right.paragraphs[0], QUOC_HIEU, 12, bold=True)
    _text(right.add_paragraph(), TIEU_NGU, 13, bold=True)
    _rule(right, 6.1, RIGHT_CM)
    number = _text(table.cell(1, 0).paragraphs[0], ["Số: ", Blank(BLANK), "/BC-", Blank(BLANK)], 13)
    number.paragraph_format.space_before = Pt(6)
    place = _place(agency)
    dated = _text(table.cell(1, 1).paragraphs[0],
                  [place or Blank(BLANK), ", ngày ", Blank(BLANK), " tháng ", Blank(BLANK), " năm ", Blank(BLANK)],
                  14, italic=True)
    dated.paragraph_format.space_before = Pt(6)


def _body(doc, text_parts, bold=False, indent=True) -> None:
    paragraph = doc.add_paragraph()
    _text(paragraph, text_parts, 14, bold=bold, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    paragraph.paragraph_format.first_line_indent = Cm(1.27) if indent else None
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.line_spacing = 1.15


def summary_sentences(quota: PlanQuota, period: Period) -> list[str]:
    """What the numbers say, in words: articles, months met, shortfalls, the month in progress."""
    total, plan = quota.total, quota.plan
    sentences = [f"Trong {period.label}, chuyên mục Cải cách hành chính đã đăng {total.published} tin bài "
                 f"(chỉ tiêu {total.target} tin bài, {plan.target} tin bài mỗi tháng)."]
    if total.ended:
        sentences.append(f"Số tháng đạt chỉ tiêu: {total.met_months}/{total.ended} tháng đã kết thúc.")
    short = [r for r in quota.reported if r.state != CURRENT and not r.met]
    if short:
        listed = "; ".join(f"{r.label.lower()} thiếu {r.shortfall} tin bài ({r.published}/{r.target})" for r in short)
        sentences.append(f"Các tháng chưa đạt: {listed}.")
    elif total.ended:
        sentences.append("Không có tháng nào chưa đạt chỉ tiêu.")
    current = quota.current
    if current:
        sentences.append(f"{current.label} đang thực hiện: {current.published}/{current.target} tin bài"
                         + (", đã đạt." if current.met else f", cần thêm {current.shortfall} tin bài."))
    waiting = len(quota.rows) - len(quota.reported)
    if waiting:
        sentences.append(f"Còn {waiting} tháng của kỳ báo cáo chưa đến.")
    return sentences


def table_rows(quota: PlanQuota) -> list[list[str]]:
    """The rows of a plan's table: header, one per reported month (as in the exports), the sum."""
    rows = [["Tháng", "Số tin bài đã đăng", "Chỉ tiêu", "Kết quả"]]
    rows += [[r.label, str(r.published), str(r.target), r.status] for r in quota.reported]
    total = quota.total
    rows.append(["Cộng", str(total.published), str(total.target), f"Đạt {total.met_months}/{total.ended} tháng"])
    return rows


def _plan_table(doc, quota: PlanQuota) -> None:
    rows = table_rows(quota)
    table = doc.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _columns(table, (4.5, 4.0, 3.0, 4.5))
    for i, values in enumerate(rows):
        header_or_sum = i == 0 or i == len(rows) - 1
        for j, value in enumerate(values):
            paragraph = table.cell(i, j).paragraphs[0]
            _text(paragraph, value, 13, bold=header_or_sum,
                  align=WD_ALIGN_PARAGRAPH.LEFT if j == 0 and not header_or_sum else WD_ALIGN_PARAGRAPH.CENTER)
    # Repeat the header row on every page.
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _closing(doc) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _columns(table, (8.0, 8.5))
    left, right = table.cell(0, 0), table.cell(0, 1)
    _text(left.paragraphs[0], "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in (["- Sở Nội vụ ", Blank(BLANK), " (để báo cáo);"], ["- ", Blank(BLANK), ";"],
                 ["- Lưu: VT, ", Blank(BLANK), "."]):
        _text(left.add_paragraph(), line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _text(right.paragraphs[0], Blank("CHỨC VỤ NGƯỜI KÝ …"), 14, bold=True)
    _text(right.add_paragraph(), Blank("(Chữ ký, dấu)"), 14, italic=True)
    for _ in range(3):
        _text(right.add_paragraph(), "", 14)
    _text(right.add_paragraph(), Blank("Họ và tên người ký …"), 14, bold=True)


APPENDIX_TITLE = "Phụ lục: Danh mục tin bài đã đăng"
APPENDIX_HEADERS = ("STT", "Ngày đăng", "Tiêu đề", "Chuyên mục", "Đường dẫn")


def _appendix(doc, items: list[PlanQuota], period: Period, evidence: Evidence) -> None:
    """The tài liệu kiểm chứng: every counted article of each plan, on pages of its own."""
    page_break = doc.add_paragraph().add_run()
    _font(page_break, 14)
    page_break.add_break(WD_BREAK.PAGE)
    _text(doc.add_paragraph(), APPENDIX_TITLE.upper(), 14, bold=True)
    _text(doc.add_paragraph(), f"(Kèm theo Báo cáo kết quả thông tin, tuyên truyền cải cách hành chính {period.label})",
          14, italic=True)
    for number, quota in enumerate(items, start=1):
        rows = evidence.get(quota.plan.number, ())
        _body(doc, f"{number}. Kế hoạch số {quota.plan.number}: {len(rows)} tin bài", bold=True, indent=False)
        if not rows:
            _body(doc, "Không có tin bài nào được tính trong kỳ báo cáo.", indent=False)
            continue
        table = doc.add_table(rows=len(rows) + 1, cols=len(APPENDIX_HEADERS))
        table.style = "Table Grid"
        _columns(table, (1.1, 2.4, 5.6, 3.0, 4.4))
        for j, value in enumerate(APPENDIX_HEADERS):
            _text(table.cell(0, j).paragraphs[0], value, 12, bold=True)
        for i, c in enumerate(rows, start=1):
            values = (str(i), short_date(c.date), c.title, ", ".join(c.categories), c.url)
            for j, value in enumerate(values):
                _text(table.cell(i, j).paragraphs[0], value, 10 if j == 4 else 12,
                      align=WD_ALIGN_PARAGRAPH.CENTER if j < 2 else WD_ALIGN_PARAGRAPH.LEFT)
        header = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header.append(repeat)


def report_docx(items: list[PlanQuota], period: Period, settings: Settings, as_of: date,
                evidence: Evidence | None = None) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(language)

    _header(doc, settings)
    title = _text(doc.add_paragraph(), "BÁO CÁO", 14, bold=True)
    title.paragraph_format.space_before = Pt(18)
    _text(doc.add_paragraph(), f"Kết quả thông tin, tuyên truyền cải cách hành chính {period.label}", 14, bold=True)
    _rule(doc, 4.0, 16.5)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)

    _, agency = _agency_lines(settings)
    _body(doc, f"{agency} báo cáo kết quả thông tin, tuyên truyền cải cách hành chính {period.label} trên "
               f"chuyên mục Cải cách hành chính của trang thông tin điện tử (số liệu tính đến {long_date(as_of)}) "
               "như sau:")
    _body(doc, "I. KẾT QUẢ THỰC HIỆN", bold=True, indent=False)
    if not items:
        _body(doc, "Trong kỳ báo cáo không có kế hoạch tuyên truyền nào.")
    for number, quota in enumerate(items, start=1):
        plan = quota.plan
        _body(doc, f"{number}. Thực hiện Kế hoạch số {plan.number} {plan.issued_label} của {plan.issuer} "
                   f"({plan.title})", bold=True)
        _body(doc, " ".join(summary_sentences(quota, period)))
        _plan_table(doc, quota)
    _body(doc, "II. ĐÁNH GIÁ, KIẾN NGHỊ", bold=True, indent=False)
    _body(doc, [Blank("Nội dung đánh giá, khó khăn, vướng mắc và kiến nghị do cơ quan bổ sung …")])
    _body(doc, f"Trên đây là báo cáo kết quả thông tin, tuyên truyền cải cách hành chính {period.label} "
               f"của {agency}./.")
    _closing(doc)
    if evidence is not None:
        _appendix(doc, items, period, evidence)

    stamp = datetime(as_of.year, as_of.month, as_of.day)
    properties = doc.core_properties
    properties.author = properties.last_modified_by = "cchc"
    properties.title = f"Báo cáo kết quả thông tin, tuyên truyền cải cách hành chính {period.label}"
    properties.created = properties.modified = stamp
    properties.last_printed = stamp
    properties.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_zip_times(buffer.getvalue(), stamp)
