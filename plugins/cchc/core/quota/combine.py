"""cchc tong-hop: many agencies' chi-tieu.json (files or URLs) -> one row per agency for a report period.

Each input is read with a size limit (and a timeout for URLs) and checked against the export format
(format_version 2, docs "Số liệu chỉ tiêu"); an input that cannot be read or is not such an export is
named with the reason and left out, the others are still combined. The same agency twice is reported
and counted once (the export with the latest as_of date). Months are judged as the agency's export
judged them: only ended months count as đạt/chưa đạt; the month in progress is never judged.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cchc.core.quota.quota_exports import IN_PROGRESS, MET, NOT_MET
from cchc.core.quota.report_period import Period
from cchc.core.text.vietnamese import nfc, sort_key

# Text no agency means to send: it would make the Word file unwritable and the HTML invalid.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MAX_COUNT = 100_000  # articles or target of one month: more is not a real figure
MAX_BYTES = 20 * 1024 * 1024  # a province's biggest export (3,000 articles listed) is well under 2 MB
TIMEOUT = 20  # seconds per URL
STATUSES = (MET, NOT_MET, IN_PROGRESS)
NOT_JUDGED = "chưa đánh giá"  # no month of the period has ended yet


class InputError(Exception):
    """Why one input is left out, in Vietnamese."""


@dataclass(frozen=True)
class Month:
    month: str  # YYYY-MM
    published: int
    target: int
    status: str  # đạt / chưa đạt / đang thực hiện
    plan: str  # number of the plan it belongs to


@dataclass(frozen=True)
class AgencyExport:
    source: str  # as given on the command line
    name: str
    parent: str
    site_url: str
    as_of: date
    months: tuple[Month, ...]  # every month of every plan, as exported

    @property
    def key(self) -> str:
        return nfc(" ".join(self.name.split())).casefold()


@dataclass(frozen=True)
class AgencyRow:
    """One agency over the period: what Sở Nội vụ scores."""
    export: AgencyExport
    months: tuple[Month, ...]  # the period's months, in order

    @property
    def published(self) -> int:
        return sum(m.published for m in self.months)

    @property
    def target(self) -> int:
        return sum(m.target for m in self.months)

    @property
    def judged(self) -> int:
        return sum(m.status != IN_PROGRESS for m in self.months)

    @property
    def met(self) -> int:
        return sum(m.status == MET for m in self.months)

    @property
    def plans(self) -> str:
        return ", ".join(dict.fromkeys(m.plan for m in self.months))

    @property
    def result(self) -> str:
        if not self.judged:
            return NOT_JUDGED
        return MET if self.met == self.judged else NOT_MET


@dataclass
class Combined:
    period: Period
    rows: list[AgencyRow] = field(default_factory=list)  # sorted by agency, Vietnamese order
    problems: list[tuple[str, str]] = field(default_factory=list)  # (input, why it was left out)
    duplicates: list[str] = field(default_factory=list)  # one sentence per agency given more than once

    @property
    def months(self) -> list[str]:
        (year, month), last, result = self.period.first, self.period.last, []
        while (year, month) <= last:
            result.append(f"{year}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    @property
    def as_of(self) -> date | None:
        """The latest as-of date of the inputs: the date the combined files are stamped with."""
        return max((r.export.as_of for r in self.rows), default=None)


# -- reading --------------------------------------------------------------------------------------
def read_bytes(source: str) -> bytes:
    """A file, or an http(s) URL of an agency's published site; at most MAX_BYTES."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.IGNORECASE):
        if not source.lower().startswith(("https://", "http://")):
            raise InputError("chỉ đọc được tệp trên máy hoặc địa chỉ https://")
        try:
            with urllib.request.urlopen(source, timeout=TIMEOUT) as response:  # noqa: S310 - scheme checked
                data = response.read(MAX_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise InputError(f"máy chủ trả lời lỗi HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise InputError(f"không tải được ({reason})") from None
    else:
        path = Path(source)
        try:
            if not path.is_file():
                raise InputError("không có tệp này")
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(f"không đọc được tệp ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"lớn hơn {MAX_BYTES // (1024 * 1024)} MB, không phải tệp chi-tieu.json")
    return data


def _text(value, what: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"thiếu hoặc sai {what}")
    return _CONTROL.sub("", nfc(" ".join(value.split())))


def _count(value, what: str, least: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= MAX_COUNT:
        raise InputError(f"{what} phải là số nguyên từ {least} đến {MAX_COUNT}")
    return value


def parse_export(data: bytes, source: str) -> AgencyExport:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputError("không phải tệp JSON (UTF-8)") from None
    except RecursionError:  # '[[[[…' nested deeper than the parser goes
        raise InputError("không phải tệp chi-tieu.json (lồng nhau quá sâu)") from None
    if not isinstance(doc, dict) or "plans" not in doc:
        raise InputError("không phải tệp chi-tieu.json của chuyên mục CCHC")
    version = doc.get("format_version", 1)
    if version != 2:
        raise InputError(f"phiên bản định dạng {version} không dùng được (cần format_version 2, có thông tin cơ quan); "
                         "cơ quan cần dựng lại trang bằng phiên bản cchc mới")
    agency = doc.get("agency")
    if not isinstance(agency, dict):
        raise InputError("thiếu thông tin cơ quan ('agency')")
    name = _text(agency.get("name"), "tên cơ quan (agency.name)")
    if not name:
        raise InputError("tên cơ quan (agency.name) để trống; cơ quan cần khai báo agency.name trong mkdocs.yml")
    try:
        as_of = date.fromisoformat(_text(doc.get("as_of"), "ngày số liệu (as_of)"))
    except ValueError:
        raise InputError("ngày số liệu (as_of) không đúng dạng YYYY-MM-DD") from None
    plans = doc["plans"]
    if not isinstance(plans, list):
        raise InputError("'plans' phải là danh sách kế hoạch")
    months = []
    for i, plan in enumerate(plans, start=1):
        if not isinstance(plan, dict) or not isinstance(plan.get("months"), list):
            raise InputError(f"kế hoạch thứ {i} thiếu danh sách tháng ('months')")
        number = _text(plan.get("number"), f"số ký hiệu của kế hoạch thứ {i}")
        for row in plan["months"]:
            if not isinstance(row, dict):
                raise InputError(f"kế hoạch {number}: mỗi tháng phải là một mục có month, published, target, status")
            month = _text(row.get("month"), f"tháng của kế hoạch {number}")
            if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
                raise InputError(f"kế hoạch {number}: tháng '{month}' không đúng dạng YYYY-MM")
            status = _text(row.get("status"), f"kết quả (status) tháng {month} của kế hoạch {number}")
            if status not in STATUSES:
                raise InputError(f"kế hoạch {number}, tháng {month}: kết quả '{status}' phải là một trong "
                                 f"{', '.join(STATUSES)}")
            months.append(Month(month, _count(row.get("published"), f"số tin bài tháng {month}", 0),
                                _count(row.get("target"), f"chỉ tiêu tháng {month}", 1), status, number))
    return AgencyExport(source, name, _text(agency.get("parent", ""), "cơ quan chủ quản (agency.parent)"),
                        _text(agency.get("site_url", ""), "địa chỉ trang (agency.site_url)"), as_of, tuple(months))


def read_export(source: str) -> AgencyExport:
    return parse_export(read_bytes(source), source)


# -- combining ------------------------------------------------------------------------------------
def _period_months(export: AgencyExport, period: Period) -> tuple[Month, ...]:
    """The period's months; a month two plans cover is taken from the later plan in the file (its plans
    are newest first, so the first one met), which is the plan in force."""
    first, last = (f"{y}-{m:02d}" for y, m in (period.first, period.last))
    chosen: dict[str, Month] = {}
    for month in export.months:
        if first <= month.month <= last:
            chosen.setdefault(month.month, month)
    return tuple(chosen[k] for k in sorted(chosen))


def combine(sources: list[str], period: Period, reader=read_export) -> Combined:
    result = Combined(period)
    by_agency: dict[str, list[AgencyExport]] = {}
    for source in sources:
        try:
            export = reader(source)
        except InputError as exc:
            result.problems.append((source, str(exc)))
            continue
        by_agency.setdefault(export.key, []).append(export)
    for same in by_agency.values():
        kept = max(same, key=lambda e: e.as_of)  # the first of the latest, as max() keeps the first
        if len(same) > 1:
            listed = ", ".join(e.source for e in same)
            result.duplicates.append(f"Cơ quan '{kept.name}' có trong {len(same)} tệp ({listed}); "
                                     f"chỉ tính tệp {kept.source} (số liệu đến {kept.as_of:%d/%m/%Y}).")
        result.rows.append(AgencyRow(kept, _period_months(kept, period)))
    result.rows.sort(key=lambda r: (sort_key(r.export.name), r.export.source))
    return result
