"""Quota exports as bytes: chi-tieu.csv, chi-tieu.xlsx, chi-tieu.json (content spec, "Quota export").

Every export holds the same rows: one per plan and month, from the plan's first month up to and
including the month in progress on the as-of date (its count is the count so far); months still to
come are left out. Same content and same as-of date give the same bytes.
"""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from cchc.core.quota.quota import MonthRow, PlanQuota

BASENAME = "chi-tieu"
HEADERS = ("Số kế hoạch", "Tháng", "Số tin bài", "Chỉ tiêu", "Đạt")
MET = {True: "Đạt", False: "Chưa đạt"}


# A text cell starting with one of these is run as a formula by Excel/LibreOffice (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _row_cells(number: str, row: MonthRow) -> list:
    return [number, row.key, row.published, row.target, MET[row.met]]


def csv_cell(value):
    """OWASP: text that a spreadsheet would read as a formula gets a leading apostrophe."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


def _append_text_safe(sheet, values: list) -> None:
    """Like sheet.append, but text is always stored as text: openpyxl turns '=…' into a live formula."""
    # control characters dropped: Excel refuses a file that holds them
    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if cell.value.startswith(FORMULA_START):
                cell.quotePrefix = True  # Excel shows the text as is, and keeps it text when edited


def to_json(items: list[PlanQuota], as_of: date) -> bytes:
    data = {
        "as_of": as_of.isoformat(),
        "plans": [
            {"number": q.plan.number, "title": q.plan.title, "target": q.plan.target,
             "months": [{"month": r.key, "published": r.published, "target": r.target, "met": r.met}
                        for r in q.reported]}
            for q in items
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_csv(items: list[PlanQuota]) -> bytes:
    """UTF-8 with BOM so that Excel shows Vietnamese; CRLF line ends as RFC 4180 says."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for q in items:
        for r in q.reported:
            writer.writerow([csv_cell(v) for v in _row_cells(q.plan.number, r)])
    return out.getvalue().encode("utf-8-sig")


def sheet_name(number: str, taken: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique ignoring case."""
    base = re.sub(r"[\[\]:*?/\\]", "-", ILLEGAL_CHARACTERS_RE.sub("", number)).strip("' ") or "Ke hoach"
    base = base[:31]
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def to_xlsx(items: list[PlanQuota], as_of: date) -> bytes:
    """One sheet per plan, named by its number; numbers stay numbers."""
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    bold = Font(bold=True)
    for q in items or [None]:
        sheet = book.create_sheet(sheet_name(q.plan.number, taken) if q else "Chỉ tiêu")
        _append_text_safe(sheet, list(HEADERS))
        for cell in sheet[1]:
            cell.font = bold
        for r in (q.reported if q else ()):
            _append_text_safe(sheet, _row_cells(q.plan.number, r))
        sheet.freeze_panes = "A2"
        for column, width in zip("ABCDE", (18, 10, 12, 10, 10)):
            sheet.column_dimensions[column].width = width
    stamp = datetime(as_of.year, as_of.month, as_of.day)
    book.properties.creator = "cchc"
    book.properties.created = stamp
    book.properties.modified = stamp
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()  # not save_workbook(): that stamps 'modified' with now
    return fixed_zip_times(buffer.getvalue(), stamp)


def fixed_zip_times(data: bytes, stamp: datetime) -> bytes:
    """The same members in the same order, every timestamp set to the as-of date."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def exports(items: list[PlanQuota], as_of: date, folder: str = f"{BASENAME}/") -> dict[str, bytes]:
    """Site-relative path -> bytes."""
    return {
        f"{folder}{BASENAME}.csv": to_csv(items),
        f"{folder}{BASENAME}.xlsx": to_xlsx(items, as_of),
        f"{folder}{BASENAME}.json": to_json(items, as_of),
    }
