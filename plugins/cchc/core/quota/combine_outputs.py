"""The combined figures of many agencies as files: tong-hop.xlsx, tong-hop.docx, tong-hop.html.

Every format shows the same rows (combine.Combined): one per agency, in Vietnamese order, then each
agency's months, then what was left out and why. Same inputs give the same bytes: the files are
stamped with the latest as-of date of the inputs, never the clock.
"""
from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt
from jinja2 import Environment
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from cchc.core.quota.combine import Combined
from cchc.core.quota.quota_exports import _append_text_safe, fixed_zip_times
from cchc.core.text.vietnamese import long_date, short_date

TITLE = "Tổng hợp kết quả thông tin, tuyên truyền cải cách hành chính"
AGENCY_HEADERS = ("STT", "Cơ quan", "Cơ quan chủ quản", "Số tin bài", "Chỉ tiêu", "Tháng đạt / tháng đã kết thúc",
                  "Kết quả", "Kế hoạch", "Số liệu đến ngày", "Trang")
MONTH_HEADERS = ("Cơ quan", "Tháng", "Số tin bài", "Chỉ tiêu", "Kết quả", "Kế hoạch")
PROBLEM_HEADERS = ("Tệp / địa chỉ", "Lý do không tổng hợp")


def agency_cells(combined: Combined) -> list[list]:
    return [[i, r.export.name, r.export.parent, r.published, r.target, f"{r.met}/{r.judged}", r.result.capitalize(),
             r.plans, short_date(r.export.as_of), r.export.site_url] for i, r in enumerate(combined.rows, start=1)]


def month_cells(combined: Combined) -> list[list]:
    return [[r.export.name, m.month, m.published, m.target, m.status.capitalize(), m.plan]
            for r in combined.rows for m in r.months]


def notes(combined: Combined) -> list[str]:
    """Sentences under the tables: what was left out, duplicates, agencies without a month in the period."""
    lines = [f"Không tổng hợp {source}: {why}." for source, why in combined.problems]
    lines += combined.duplicates
    lines += [f"{r.export.name}: không có tháng nào của kỳ {combined.period.label} trong số liệu "
              f"(số liệu đến {short_date(r.export.as_of)})." for r in combined.rows if not r.months]
    return lines


def _stamp(combined: Combined) -> datetime:
    day = combined.as_of or date(combined.period.first[0], combined.period.first[1], 1)
    return datetime(day.year, day.month, day.day)


def _sheet(book: Workbook, title: str, headers, rows, widths) -> None:
    sheet = book.create_sheet(title)
    _append_text_safe(sheet, list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        _append_text_safe(sheet, row)
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width


def to_xlsx(combined: Combined) -> bytes:
    """Sheet 'Tổng hợp' (one row per agency), 'Theo tháng' (one row per agency and month), 'Ghi chú'."""
    book = Workbook()
    book.remove(book.active)
    _sheet(book, "Tổng hợp", AGENCY_HEADERS, agency_cells(combined), (5, 40, 36, 11, 10, 16, 14, 24, 14, 40))
    _sheet(book, "Theo tháng", MONTH_HEADERS, month_cells(combined), (40, 10, 11, 10, 16, 24))
    _sheet(book, "Ghi chú", ("Ghi chú",), [[f"{TITLE} {combined.period.label}."], *([line] for line in notes(combined))],
           (120,))
    stamp = _stamp(combined)
    book.properties.creator = "cchc"
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return fixed_zip_times(buffer.getvalue(), stamp)


def _table(doc, headers, rows) -> None:
    table = doc.add_table(rows=len(rows) + 1, cols=len(headers))
    table.style = "Table Grid"
    for j, value in enumerate(headers):
        table.cell(0, j).paragraphs[0].add_run(str(value)).bold = True
    for i, row in enumerate(rows, start=1):
        for j, value in enumerate(row):
            table.cell(i, j).paragraphs[0].add_run(str(value))


def to_docx(combined: Combined) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(12)
    doc.add_heading(f"{TITLE} {combined.period.label}", level=1)
    if combined.as_of:
        doc.add_paragraph(f"Số liệu của các cơ quan tính đến {long_date(combined.as_of)} (ngày mới nhất).")
    doc.add_heading("1. Kết quả từng cơ quan", level=2)
    _table(doc, AGENCY_HEADERS[:9], [row[:9] for row in agency_cells(combined)])
    doc.add_heading("2. Kết quả theo tháng", level=2)
    _table(doc, MONTH_HEADERS, month_cells(combined))
    lines = notes(combined)
    if lines:
        doc.add_heading("3. Ghi chú", level=2)
        for line in lines:
            doc.add_paragraph(line, style="List Bullet")
    stamp = _stamp(combined)
    properties = doc.core_properties
    properties.author = properties.last_modified_by = "cchc"
    properties.title = f"{TITLE} {combined.period.label}"
    properties.created = properties.modified = properties.last_printed = stamp
    properties.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_zip_times(buffer.getvalue(), stamp)


_HTML = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string("""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1rem;color:#1b1b1b;line-height:1.5}
.bang{overflow-x:auto}
table{border-collapse:collapse;margin:0 0 1.5rem}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #6b6b6b;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.so{text-align:right}
.chua-dat{color:#a40000;font-weight:bold}
</style>
</head>
<body>
<main>
<h1>{{ title }}</h1>
{% if as_of %}<p>Số liệu của các cơ quan tính đến {{ as_of }} (ngày mới nhất). Chỉ các tháng đã kết thúc được đánh giá đạt hoặc chưa đạt.</p>{% endif %}
<div class="bang" tabindex="0" role="region" aria-labelledby="bang-co-quan">
<table>
<caption id="bang-co-quan">Kết quả từng cơ quan</caption>
<thead><tr>{% for h in agency_headers %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in agencies %}
<tr><td class="so">{{ row[0] }}</td><th scope="row">{% if row[9] %}<a href="{{ row[9] }}">{{ row[1] }}</a>{% else %}{{ row[1] }}{% endif %}</th><td>{{ row[2] }}</td><td class="so">{{ row[3] }}</td><td class="so">{{ row[4] }}</td><td class="so">{{ row[5] }}</td><td{% if row[6] == 'Chưa đạt' %} class="chua-dat"{% endif %}>{{ row[6] }}</td><td>{{ row[7] }}</td><td>{{ row[8] }}</td></tr>
{% endfor %}
</tbody>
</table>
</div>
<div class="bang" tabindex="0" role="region" aria-labelledby="bang-thang">
<table>
<caption id="bang-thang">Kết quả theo tháng</caption>
<thead><tr>{% for h in month_headers %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in months %}
<tr><th scope="row">{{ row[0] }}</th><td>{{ row[1] }}</td><td class="so">{{ row[2] }}</td><td class="so">{{ row[3] }}</td><td{% if row[4] == 'Chưa đạt' %} class="chua-dat"{% endif %}>{{ row[4] }}</td><td>{{ row[5] }}</td></tr>
{% endfor %}
</tbody>
</table>
</div>
{% if notes %}
<h2>Ghi chú</h2>
<ul>
{% for line in notes %}<li>{{ line }}</li>
{% endfor %}
</ul>
{% endif %}
</main>
</body>
</html>
""")


def to_html(combined: Combined) -> bytes:
    """One page that works without JavaScript, readable on a phone (tables scroll in their own box)."""
    rows = agency_cells(combined)
    for row in rows:  # only a web address is made a link: the input is another agency's file
        if not str(row[9]).startswith(("https://", "http://")):
            row[9] = ""
    return _HTML.render(
        title=f"{TITLE} {combined.period.label}", as_of=long_date(combined.as_of) if combined.as_of else "",
        agency_headers=AGENCY_HEADERS[:9], agencies=rows,
        month_headers=MONTH_HEADERS, months=month_cells(combined), notes=notes(combined),
    ).encode("utf-8")
