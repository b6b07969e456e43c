"""Quota exports as bytes: chi-tieu.csv, chi-tieu.xlsx, chi-tieu.json (docs: "Số liệu chỉ tiêu").

Every export holds the same rows: one per plan and month, from the plan's first month up to and
including the month in progress on the as-of date (its count is the count so far); months still to
come are left out. The month in progress is never judged: its status is "đang thực hiện".
With the counted articles (evidence.py) they also list each article counted: the XLSX in a sheet per
plan, the JSON under each plan, the CSV in a companion file. Same content and same as-of date give the
same bytes.
"""
from __future__ import annotations

import base64
import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from cchc.core.build_cache import BuildCache, digest
from cchc.core.quota.evidence import Counted
from cchc.core.settings import Settings
from cchc.core.quota.quota import CURRENT, MonthRow, PlanQuota

BASENAME = "chi-tieu"
EVIDENCE_BASENAME = f"{BASENAME}-tin-bai"  # the CSV of counted articles, beside chi-tieu.csv
FORMAT_VERSION = 2  # of chi-tieu.json; 2 added format_version, agency, plan details, status, articles
HEADERS = ("Số kế hoạch", "Tháng", "Số tin bài", "Chỉ tiêu", "Kết quả")
EVIDENCE_HEADERS = ("Số kế hoạch", "Ngày đăng", "Tiêu đề", "Chuyên mục", "Đường dẫn")
MET, NOT_MET, IN_PROGRESS = "đạt", "chưa đạt", "đang thực hiện"
Evidence = dict[str, tuple[Counted, ...]]  # plan number -> counted articles


@dataclass(frozen=True)
class Publisher:
    """Who publishes the figures: what lets Sở Nội vụ tell one agency's export from another's."""
    name: str
    parent: str
    site_url: str

    def as_json(self) -> dict:
        return {"name": self.name, "parent": self.parent, "site_url": self.site_url}


def publisher_of(settings: Settings) -> Publisher:
    """From the configuration; without agency.name, the site name's last part names the agency."""
    name = settings.agency.name or re.split(r"\s+[–—-]\s+", settings.site_name)[-1]  # '… – Sở …' -> 'Sở …'
    return Publisher(name.strip(), settings.agency.parent.strip(), settings.site_url)


def status(row: MonthRow) -> str:
    """đạt / chưa đạt for an ended month; the month in progress is never judged before it ends."""
    if row.state == CURRENT:
        return IN_PROGRESS
    return MET if row.met else NOT_MET


# A text cell starting with one of these is run as a formula by Excel/LibreOffice (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _row_cells(number: str, row: MonthRow) -> list:
    return [number, row.key, row.published, row.target, status(row).capitalize()]


def csv_cell(value):
    """OWASP: text that a spreadsheet would read as a formula gets a leading apostrophe."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


def _append_text_safe(sheet, values: list) -> None:
    """Like sheet.append, but text is always stored as text: openpyxl turns '=…' into a live formula."""
    # control characters dropped: Excel refuses a file that holds them
    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    # The row append() just wrote, by openpyxl's own counter and cell by cell: sheet[row] and
    # sheet.max_row scan every cell of the sheet, which made 4,000 counted articles take 11 s.
    row = sheet._current_row
    for cell in (sheet.cell(row, column) for column in range(1, len(values) + 1)):
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if cell.value.startswith(FORMULA_START):
                cell.quotePrefix = True  # Excel shows the text as is, and keeps it text when edited


def _plan_json(q: PlanQuota, evidence: Evidence | None) -> dict:
    plan = q.plan
    data = {"number": plan.number, "title": plan.title, "target": plan.target,
            "months": [{"month": r.key, "published": r.published, "target": r.target, "met": r.met,
                        "status": status(r)} for r in q.reported],
            "issued": plan.issued.isoformat(), "issuer": plan.issuer,
            "start": f"{plan.start[0]}-{plan.start[1]:02d}", "end": f"{plan.end[0]}-{plan.end[1]:02d}",
            "categories": list(plan.categories)}
    if evidence is not None:
        data["articles"] = [c.as_json() for c in evidence.get(plan.number, ())]
    return data


def to_json(items: list[PlanQuota], as_of: date, publisher: Publisher | None = None,
            evidence: Evidence | None = None) -> bytes:
    """Version 1's keys (as_of, plans: number, title, target, months: month, published, target, met) stay."""
    data = {"format_version": FORMAT_VERSION, "as_of": as_of.isoformat()}
    if publisher is not None:
        data["agency"] = publisher.as_json()
    data["plans"] = [_plan_json(q, evidence) for q in items]
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _evidence_rows(items: list[PlanQuota], evidence: Evidence, number: str | None = None):
    for q in items:
        if number is None or q.plan.number == number:
            for c in evidence.get(q.plan.number, ()):
                yield [q.plan.number, c.date.isoformat(), c.title, ", ".join(c.categories), c.url]


def evidence_csv(items: list[PlanQuota], evidence: Evidence) -> bytes:
    """Each counted article, one row: the 'tài liệu kiểm chứng' of the CSV export."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EVIDENCE_HEADERS)
    for row in _evidence_rows(items, evidence):
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


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


# `mkdocs serve` asks for the workbook after every save, and every build writes it: 0.1-0.3 s at
# 3,000 articles. The key is every value to_xlsx reads, so the same key is the same bytes.
_last_xlsx: tuple[str, bytes] | None = None
XLSX_KIND = "quota-xlsx"  # build-cache entries: digest of the key -> the workbook, base64


def to_xlsx(items: list[PlanQuota], as_of: date, evidence: Evidence | None = None,
            cache: BuildCache | None = None) -> bytes:
    """One sheet per plan, named by its number; numbers stay numbers. With evidence, each plan's sheet
    is followed by one listing its counted articles (named 'Tin bài <số>')."""
    global _last_xlsx
    key = repr((as_of, [(q.plan.number, [_row_cells(q.plan.number, r) for r in q.reported],
                         None if evidence is None else list(_evidence_rows([q], evidence))) for q in items]))
    if _last_xlsx is not None and _last_xlsx[0] == key:
        return _last_xlsx[1]
    cache_key = digest(key) if cache is not None else None
    stored = cache.get(XLSX_KIND, cache_key) if cache is not None else None
    data = base64.b64decode(stored) if isinstance(stored, str) else _write_xlsx(items, as_of, evidence)
    if cache is not None and stored is None:
        cache.put(XLSX_KIND, cache_key, base64.b64encode(data).decode("ascii"))
    _last_xlsx = (key, data)
    return data


def _write_xlsx(items: list[PlanQuota], as_of: date, evidence: Evidence | None) -> bytes:
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
        for column, width in zip("ABCDE", (18, 10, 12, 10, 16)):
            sheet.column_dimensions[column].width = width
        if q and evidence is not None:
            _evidence_sheet(book.create_sheet(sheet_name(f"Tin bài {q.plan.number}", taken)),
                            list(_evidence_rows([q], evidence)), bold)
    stamp = datetime(as_of.year, as_of.month, as_of.day)
    book.properties.creator = "cchc"
    book.properties.created = stamp
    book.properties.modified = stamp
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()  # not save_workbook(): that stamps 'modified' with now
    return fixed_zip_times(buffer.getvalue(), stamp)


def _evidence_sheet(sheet, rows: list[list], bold: Font) -> None:
    _append_text_safe(sheet, list(EVIDENCE_HEADERS))
    for cell in sheet[1]:
        cell.font = bold
    for row in rows:
        _append_text_safe(sheet, row)
        link = sheet.cell(sheet._current_row, 5)
        if link.value.startswith(("https://", "http://")):
            link.hyperlink = link.value  # a click opens the article
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDE", (18, 12, 60, 24, 60)):
        sheet.column_dimensions[column].width = width


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


def exports(items: list[PlanQuota], as_of: date, publisher: Publisher, evidence: Evidence,
            folder: str = f"{BASENAME}/", cache: BuildCache | None = None) -> dict[str, bytes]:
    """Site-relative path -> bytes."""
    return {
        f"{folder}{BASENAME}.csv": to_csv(items),
        f"{folder}{EVIDENCE_BASENAME}.csv": evidence_csv(items, evidence),
        f"{folder}{BASENAME}.xlsx": to_xlsx(items, as_of, evidence, cache),
        f"{folder}{BASENAME}.json": to_json(items, as_of, publisher, evidence),
    }
