"""Import procedures from CSV, XLSX and JSON (national database labels or the spec's keys) into content/thu-tuc/.

One bad row never stops the others and never leaves a half-written file. A second run over the same
input rewrites nothing. Values are taken from the input or parsed out of it; none is invented.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, datetime
from pathlib import Path

from cchc.core.text.dates import DateFormatError, parse_date
from cchc.core.errors import ContentError
from cchc.core.frontmatter_file import SourceFile, read_source
from cchc.core.text.legacy_encoding import repair_values
from cchc.core.text.symbol_fonts import map_symbols, unreadable
from cchc.core.procedures.procedure_writer import commit, ordered, remove_stale_temporaries, render, write_temporary
from cchc.core.procedures.procedures import CODE_RE, EXPECTED, FOLDER, KEYS, METHODS, read_procedure
from cchc.core.snippet_lines import escaped_directive_lines
from cchc.core import input_limits as limits
from cchc.core.settings import Settings
from . import tthc_parse as parse
from cchc.core.text.vietnamese import fold, nfc


@lru_cache(maxsize=4096)  # the same few column names, once per record
def _norm_text(label: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(nfc(label)).lower()).split())


def norm_label(label) -> str:
    """'Mã thủ tục', 'MA THU TUC', 'ma_thu_tuc' -> 'ma thu tuc'."""
    return _norm_text(str(label))


_ALIASES = {
    "code": ["ma thu tuc", "ma tthc", "ma so thu tuc", "code"],
    "name": ["ten thu tuc", "ten tthc", "name"],
    "field": ["linh vuc", "field"],
    "level": ["cap thuc hien", "level"],
    "kind": ["loai thu tuc", "kind"],
    "decision": ["so quyet dinh", "quyet dinh cong bo", "so quyet dinh cong bo", "decision"],
    "decision_date": ["ngay quyet dinh", "ngay ban hanh", "ngay ban hanh quyet dinh", "ngay quyet dinh cong bo", "decision date"],
    "agency": ["co quan thuc hien", "agency"],
    "authority": ["co quan co tham quyen", "authority"],
    "address": ["dia chi tiep nhan", "dia chi tiep nhan ho so", "dia chi tiep nhan hs", "address"],
    "subjects": ["doi tuong thuc hien", "subjects"],
    "steps": ["trinh tu thuc hien", "steps"],
    "body": ["body"],  # Markdown as an editor wrote it (JSON with the spec's keys)
    "channels": ["cach thuc thuc hien", "channels"],
    "time": ["thoi han giai quyet", "thoi gian giai quyet", "thoi han"],
    "fee": ["phi le phi", "le phi", "phi"],
    "documents": ["thanh phan ho so", "documents"],
    "legal_basis": ["can cu phap ly", "legal basis"],
    "requirements": ["yeu cau dieu kien", "yeu cau dieu kien thuc hien", "requirements"],
    "results": ["ket qua thuc hien", "ket qua xu ly", "ket qua", "results"],
    "online": ["muc do dich vu cong", "dich vu cong truc tuyen", "muc do dvc", "dvc truc tuyen", "online"],
    "url": ["detail url", "url", "duong dan", "lien ket"],
    "status": ["trang thai", "tinh trang", "tinh trang hieu luc", "status"],
    "effective": ["ngay co hieu luc", "ngay hieu luc", "effective"],
    "abolished": ["ngay bai bo", "abolished"],
    "replaced_by": ["thu tuc thay the", "ma thu tuc thay the", "replaced by"],
}
TARGET = {alias: key for key, aliases in _ALIASES.items() for alias in aliases}
# Columns of the national exports we know and leave out on purpose.
IGNORED = {"stt", "raw text", "formality id", "co quan duoc uy quyen", "co quan phoi hop", "thu tuc lien quan"}
LABELS = {"code": "mã thủ tục", "name": "tên thủ tục", "field": "lĩnh vực", "level": "cấp thực hiện",
          "decision": "số quyết định", "agency": "cơ quan thực hiện", "channels": "cách thức thực hiện"}
Warning = tuple[str, str]  # (kind of tthc_parse.WARNING_KINDS, message)

_ONLINE = {"toan trinh": "full", "full": "full", "mot phan": "partial", "partial": "partial",
           "khong": "none", "none": "none", "cung cap thong tin": "none"}
_STATUS = {"con hieu luc": "active", "active": "active", "dang thuc hien": "active",
           "da sua doi": "amended", "sua doi": "amended", "sua doi bo sung": "amended", "da sua doi bo sung": "amended",
           "amended": "amended", "da bai bo": "abolished", "bai bo": "abolished", "het hieu luc": "abolished",
           "abolished": "abolished"}


@dataclass
class Row:
    where: str  # 'tthc.csv, dòng 3' / 'mau.json, bản ghi 2'
    values: dict  # spec-ish key -> raw value
    problem: str | None = None  # the row could not be read at all
    warnings: list = field(default_factory=list)  # found while reading (control characters)


@dataclass
class Outcome:
    status: str  # created | updated | unchanged | kept (same code, another procedure) | rejected
    where: str
    code: str | None = None
    path: str | None = None
    reasons: list[str] = field(default_factory=list)  # why it was rejected
    warnings: list[Warning] = field(default_factory=list)  # written, but these parts are unknown or unsure
    legal: dict[str, int] = field(default_factory=dict)  # căn cứ pháp lý: read (with number), verbatim, no_number


class ImportFileError(Exception):
    pass


# -- reading inputs ----------------------------------------------------------------------------------
def _without_control(value, key: str, warnings: list[Warning]):
    """Control characters (\\x07, \\x00) mean nothing to a reader and break the feeds: removed, with a warning."""
    if isinstance(value, str):
        cleaned, changed = parse.strip_control(value)
        if changed:
            warnings.append(("control", f"đã xóa ký tự điều khiển không in được trong cột '{key}'"))
        return cleaned
    if isinstance(value, list):
        return [_without_control(item, key, warnings) for item in value]
    if isinstance(value, dict):
        return {k: _without_control(v, key, warnings) for k, v in value.items()}
    return value


def _map_keys(record: dict, warnings: list[Warning] | None = None) -> tuple[dict, list[str]]:
    values, unknown = {}, []
    warnings = [] if warnings is None else warnings
    for key, value in record.items():
        target = TARGET.get(norm_label(key))
        if target is None:
            if norm_label(key) not in IGNORED and key is not None and str(key).strip():
                unknown.append(str(key))
            continue
        if target not in values or values[target] in (None, ""):
            values[target] = _without_control(value, str(key), warnings)
    return values, unknown


def _table_rows(rows: list[list], name: str) -> tuple[list[Row], list[str]]:
    header_index = None
    for i, row in enumerate(rows[:20]):
        if any(TARGET.get(norm_label(c)) == "code" for c in row if c is not None):
            header_index = i
            break
    if header_index is None:
        raise ImportFileError(f"{name}: không tìm thấy dòng tiêu đề có cột 'Mã thủ tục'. "
                              "Cách sửa: dòng tiêu đề phải ghi tên cột như trên Cơ sở dữ liệu quốc gia "
                              "(Mã thủ tục, Tên thủ tục, Lĩnh vực, Cấp thực hiện, Cơ quan thực hiện, Số quyết định, …).")
    header = [c if c is not None else "" for c in rows[header_index]]
    notes = []
    unknown = [str(c) for c in header if str(c).strip() and norm_label(c) not in TARGET and norm_label(c) not in IGNORED]
    if unknown:
        notes.append(f"{name}: bỏ qua các cột không dùng: {', '.join(unknown)}.")
    result = []
    for i, row in enumerate(rows[header_index + 1:], start=header_index + 2):
        if all(c is None or str(c).strip() == "" for c in row):
            continue
        record = {header[j]: row[j] for j in range(min(len(header), len(row))) if header[j]}
        warnings: list[Warning] = []
        values, _ = _map_keys(record, warnings)
        result.append(Row(f"{name}, dòng {i}", values, warnings=warnings))
    return result, notes


def _bounded(rows, name: str) -> list[list]:
    """At most MAX_ROWS rows of MAX_COLUMNS cells; more is an error, not a silent cut."""
    kept = []
    for row in rows:
        if len(kept) == limits.MAX_ROWS:
            if any(c is not None and str(c).strip() for c in row):
                raise ImportFileError(f"{name}: quá {limits.number(limits.MAX_ROWS)} dòng. Cách sửa: chia thành nhiều tệp.")
            continue
        row = list(row)
        if len(row) > limits.MAX_COLUMNS:
            if any(c is not None and str(c).strip() for c in row[limits.MAX_COLUMNS:]):
                raise ImportFileError(f"{name}: dòng {len(kept) + 1} có quá {limits.MAX_COLUMNS} cột. "
                                      "Cách sửa: xóa các cột thừa bên phải bảng.")
            row = row[:limits.MAX_COLUMNS]
        kept.append(row)
    return kept


def read_csv(path: Path) -> tuple[list[Row], list[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(f"{path.name}: tệp CSV không phải UTF-8. Cách sửa: lưu lại tệp dạng 'CSV UTF-8'.") from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    try:
        rows = _bounded(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), path.name)
    except csv.Error as exc:  # a field over csv's limit (128 KB), a NUL byte …
        raise ImportFileError(f"{path.name}: tệp CSV hỏng hoặc có ô quá dài ({exc}).") from None
    return _table_rows(rows, path.name)


def _merged_ranges(sheet, name: str) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of each merged range, read from the sheet's XML, streamed,
    entities not resolved (a read-only sheet does not load them). A cell with a value past the limits
    is an error here: the rows read are cut at the limits, so this is where it is seen."""
    from lxml import etree
    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
    ranges = []
    with sheet._get_source() as source:  # openpyxl's own way into the sheet's XML
        for _, element in etree.iterparse(source, events=("end",), resolve_entities=False, no_network=True,
                                          tag=("{*}mergeCell", "{*}c")):
            try:
                if element.tag.endswith("mergeCell"):
                    ranges.append(range_boundaries(element.get("ref") or ""))
                elif len(element) and "".join(element.itertext()).strip():
                    row, column = coordinate_to_tuple(element.get("r") or "A1")
                    if row > limits.MAX_ROWS or column > limits.MAX_COLUMNS:
                        raise ImportFileError(
                            f"{name}: có dữ liệu ở ô {element.get('r')}, ngoài giới hạn {limits.number(limits.MAX_ROWS)} "
                            f"dòng, {limits.MAX_COLUMNS} cột. Cách sửa: xóa ô đó (Ctrl+End trong Excel cho biết ô "
                            "cuối), hoặc chia thành nhiều tệp.")
            except (ValueError, TypeError):
                pass
            element.clear()
    return ranges[:limits.MAX_ROWS]


def _sheet_rows(sheet, name: str) -> list[list]:
    """Cell values with merged cells filled in: a lĩnh vực written once for a block of rows holds for each row.
    The sheet's real rows are read (not its declared size: a cell at XFD1048576 costs nothing more)."""
    merged = _merged_ranges(sheet, name)  # first: a cell past the limits is refused before any row is read
    sheet.reset_dimensions()
    rows = _bounded(sheet.iter_rows(max_row=limits.MAX_ROWS + 1, max_col=limits.MAX_COLUMNS + 1, values_only=True),
                    name)
    while rows and all(c is None for c in rows[-1]):
        rows.pop()
    for min_col, min_row, max_col, max_row in merged:
        if min_row > len(rows) or min_col > limits.MAX_COLUMNS:
            continue
        value = rows[min_row - 1][min_col - 1] if min_col - 1 < len(rows[min_row - 1]) else None
        for r in range(min_row, min(max_row, len(rows)) + 1):
            row = rows[r - 1]
            for c in range(min_col, min(max_col, len(row)) + 1):
                row[c - 1] = value
    return rows


def read_xlsx(path: Path) -> tuple[list[Row], list[str]]:
    """Every sheet that has a header row; formulas give their cached value (data_only)."""
    from openpyxl import load_workbook
    try:
        book = load_workbook(path, data_only=True, read_only=True)  # rows streamed; merged cells read apart
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(f"{path.name}: không mở được tệp Excel ({exc}).") from None
    result, notes, problems = [], [], []
    try:
        for sheet in book.worksheets:
            name = f"{path.name}, trang '{sheet.title}'" if len(book.worksheets) > 1 else path.name
            try:
                rows, sheet_notes = _table_rows(_sheet_rows(sheet, name), name)
            except ImportFileError as exc:
                problems.append(str(exc))
                continue
            result.extend(rows)
            notes.extend(sheet_notes)
    finally:
        book.close()
    if not result and problems:
        raise ImportFileError(problems[0])
    notes.extend(f"{p.split(':', 1)[0]}: không có dòng tiêu đề, bỏ qua trang này." for p in problems if result)
    return result, notes


def read_json(path: Path) -> tuple[list[Row], list[str]]:
    try:
        data = limits.load_json(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:  # json.JSONDecodeError is a ValueError
        raise ImportFileError(f"{path.name}: tệp JSON không đọc được ({exc}).") from None
    problem = limits.json_depth_problem(data)
    if problem:
        raise ImportFileError(f"{path.name}: {problem}")
    if isinstance(data, dict):
        for key in ("data", "items", "records", "thu_tuc"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        raise ImportFileError(f"{path.name}: JSON phải là một bản ghi {{...}} hoặc danh sách bản ghi [...].")
    rows = []
    for i, record in enumerate(data, start=1):
        where = f"{path.name}, bản ghi {i}"
        if not isinstance(record, dict):
            rows.append(Row(where, {}, "bản ghi không phải đối tượng JSON {...}"))
            continue
        warnings: list[Warning] = []
        values, _ = _map_keys(record, warnings)
        rows.append(Row(where, values, warnings=warnings))
    return rows, []


READERS = {".csv": read_csv, ".xlsx": read_xlsx, ".xlsm": read_xlsx, ".json": read_json}


def read_input(path: Path) -> tuple[list[Row], list[str]]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportFileError(f"{path.name}: chỉ nhập được tệp .csv, .xlsx hoặc .json.")
    if not path.is_file():
        raise ImportFileError(f"{path}: không tìm thấy tệp.")
    problem = limits.zip_problem(path) if reader is read_xlsx else limits.file_problem(path)
    if problem:
        raise ImportFileError(f"{path.name}: {problem}")
    return reader(path)


# -- symbols and lost letters ------------------------------------------------------------------------
def _map_symbols(value, key: str, counts: dict[str, int]):
    if isinstance(value, str):
        text, count = map_symbols(value)
        if count:
            counts[key] = counts.get(key, 0) + count
        return text
    if isinstance(value, list):
        return [_map_symbols(item, key, counts) for item in value]
    if isinstance(value, dict):
        return {k: _map_symbols(v, key, counts) for k, v in value.items()}
    return value


def _unreadable(value) -> list[str]:
    if isinstance(value, str):
        return unreadable(value)
    items = value if isinstance(value, list) else list(value.values()) if isinstance(value, dict) else []
    return [char for item in items for char in _unreadable(item)]


def symbols_and_lost_letters(row: Row) -> None:
    """Bullets of the Symbol/Wingdings fonts (private-use characters copied from Word) become their
    Unicode signs; what is still unreadable is a warning naming the procedure, never a stop."""
    counts: dict[str, int] = {}
    for key in list(row.values):
        row.values[key] = _map_symbols(row.values[key], key, counts)
    code = parse.clean(row.values.get("code")) if isinstance(row.values.get("code"), str) else None
    if counts:
        shown = ", ".join(f"'{key}' ({n})" for key, n in counts.items())
        row.warnings.append(("symbol", f"đã đổi ký hiệu phông Symbol/Wingdings chép từ Word sang ký tự Unicode "
                                       f"tương ứng trong {shown}"))
    for key, value in row.values.items():
        lost = list(dict.fromkeys(_unreadable(value)))
        if lost:
            codes = " ".join(f"U+{ord(c):04X}" for c in lost[:5])
            row.warnings.append(("unreadable", f"thủ tục {code or '(chưa có mã)'}: cột '{key}' còn ký tự không đọc được "
                                               f"({codes}), thường là chữ bị mất khi chép từ PDF; trang vẫn được dựng, "
                                               "cần gõ lại chữ đó theo văn bản gốc"))


# -- one record -> frontmatter ----------------------------------------------------------------------
def _code(value) -> str | None:
    """The code in one case (upper): '1.099015.h68' and '1.099015.H68' are one procedure, one file."""
    if isinstance(value, float):  # Excel turned '1.000080' into a number: the format d.dddddd gives it back
        value = f"{value:.6f}"
    code = parse.clean(value)
    return code.upper() if code else code


def _date(value, key: str, warnings: list[Warning], settings: Settings) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = parse.clean(value)
    if not text:
        return None
    try:
        return parse_date(text, settings.tz).isoformat()
    except DateFormatError as exc:
        warnings.append(("unknown_value", f"{key}: {exc}; bỏ qua"))
        return None


def _choice(value, table: dict, what: str, warnings: list[Warning]) -> str | None:
    text = parse.clean(value)
    if not text:
        return None
    folded = norm_label(text)
    for words, result in table.items():
        if folded == words or folded.endswith(words) or folded.startswith(words):
            return result
    warnings.append(("unknown_value", f"{what} '{text}' không nhận ra (dùng: {', '.join(sorted(set(table.values())))}); bỏ qua"))
    return None


def _column_channels(values: dict, text: str, warnings: list[Warning]) -> list[dict]:
    """Spreadsheets: the methods in one column, time and fee in their own columns."""
    time, fee = parse.clean(values.get("time")), parse.clean(values.get("fee"))
    methods = []
    for part in parse.split_top_level(text, ",;/"):
        method = parse.method_of(part) or (part if part in METHODS else None)
        if method is None:
            warnings.append(("unknown_value", f"cách thức '{part}' không nhận ra (Trực tiếp, Trực tuyến, Bưu chính); bỏ qua"))
        elif method not in methods:
            methods.append(method)
    if methods and not time:
        warnings.append(("time_unknown", "không ghi thời hạn giải quyết (cột 'Thời hạn giải quyết')"))
    if methods and not fee:
        warnings.append(("fee_unknown", "không ghi phí, lệ phí (cột 'Phí, lệ phí')"))
    channels = []
    for method in methods:
        channel = {"method": method}
        if time:
            channel["time"] = time
        if fee:
            channel["fee"] = parse.normalise_fee(fee)
        channels.append(channel)
    return channels


def _channels(values: dict, warnings: list[Warning]) -> list[dict]:
    raw = values.get("channels")
    if isinstance(raw, list):  # already in the spec's shape (JSON)
        return raw
    found, problems = parse.channels(raw)
    if found:
        warnings.extend(problems)
        return found
    text = parse.clean(raw)
    if not text:
        return []
    channels = _column_channels(values, text, warnings)
    if not channels:
        warnings.append(("ambiguous", f"không đọc được cách thức thực hiện từ \"{text[:80]}\"; để trống"))
    return channels


def to_meta(values: dict, settings: Settings) -> tuple[dict, str | None, list[str], list[Warning]]:
    """(frontmatter, steps Markdown or None, reasons to reject, warnings). Only a missing or bad code
    or name rejects a record: what else the source lacks stays unknown and is warned about."""
    reasons: list[str] = []
    warnings: list[Warning] = []
    meta: dict = {}
    meta["code"] = _code(values.get("code"))
    for key in ("name", "field", "kind", "decision", "agency", "authority"):
        meta[key] = parse.clean(values.get(key))
    meta["requirements"] = parse.clean(values.get("requirements"), parse.NOTHING)
    meta["address"] = parse.one_line(values.get("address"))
    for key in ("name", "field", "agency", "authority", "decision"):
        if meta[key]:
            meta[key] = " ".join(meta[key].split())
    for key in ("agency", "authority"):
        if meta[key]:
            meta[key] = meta[key].rstrip(".")
    levels, unknown = parse.levels(values.get("level"))
    for name in unknown:
        warnings.append(("unknown_value", f"cấp thực hiện '{name}' không hợp lệ (Cấp bộ, Cấp tỉnh, Cấp huyện, Cấp xã, "
                                          "Cơ quan khác); bỏ qua"))
    meta["level"] = levels[0] if len(levels) == 1 else levels
    meta["decision_date"] = _date(values.get("decision_date"), "ngày quyết định", warnings, settings)
    meta["subjects"] = parse.subjects(values.get("subjects"))
    meta["channels"] = _channels(values, warnings)
    raw = values.get("documents")
    if isinstance(raw, list):
        meta["documents"] = raw
    else:
        meta["documents"], notes = parse.documents_and_notes(raw)
        meta["documents_note"] = "\n".join(notes) or None
    raw = values.get("results")
    meta["results"] = [parse.clean(r) for r in raw if parse.clean(r)] if isinstance(raw, list) else parse.results(raw)
    raw = values.get("legal_basis")
    if isinstance(raw, list):
        meta["legal_basis"] = raw
    else:
        meta["legal_basis"], legal_warnings = parse.legal_basis_and_warnings(raw)
        warnings.extend(legal_warnings)
    meta["online"] = _choice(values.get("online"), _ONLINE, "mức dịch vụ công trực tuyến", warnings)
    meta["url"] = parse.clean(values.get("url"))
    meta["status"] = _choice(values.get("status"), _STATUS, "tình trạng", warnings)
    if meta["status"] == "active":
        meta["status"] = None  # the default: not written
    meta["effective"] = _date(values.get("effective"), "ngày có hiệu lực", warnings, settings)
    meta["abolished"] = _date(values.get("abolished"), "ngày bãi bỏ", warnings, settings)
    meta["replaced_by"] = _code(values.get("replaced_by"))
    if meta["replaced_by"] and not CODE_RE.match(meta["replaced_by"]):
        warnings.append(("unknown_value", f"mã thủ tục thay thế '{meta['replaced_by']}' không đúng dạng d.dddddd; bỏ qua"))
        meta["replaced_by"] = None
    for key in ("code", "name"):
        if not meta.get(key):
            given = values.get(key)
            shown = f" (nguồn ghi: \"{str(given).strip()[:60]}\")" if given not in (None, "") else ""
            reasons.append(f"thiếu {LABELS[key]}{shown}")
    for key, label in EXPECTED.items():
        if not meta.get(key) and not (key == "level" and unknown):
            warnings.append(("missing", f"thiếu {label}"))
    body = values.get("body")
    steps = body.strip() + "\n" if isinstance(body, str) and body.strip() else parse.steps_markdown(values.get("steps"))
    steps = escaped_directive_lines(steps) if steps else None  # imported text includes no file of the project
    return meta, steps, reasons, list(dict.fromkeys(warnings))


# -- importing --------------------------------------------------------------------------------------
def _merge(existing: dict, imported: dict) -> dict:
    """Imported values win; keys the input does not carry keep what the editor wrote.

    Forms (mẫu đơn) an editor attached to a document are kept when the document keeps its name."""
    merged = dict(existing)
    for key, value in imported.items():
        if value in (None, "", []):
            continue
        merged[key] = value
    old_forms = {d.get("name"): d.get("form") for d in existing.get("documents") or [] if isinstance(d, dict) and d.get("form")}
    if old_forms and isinstance(merged.get("documents"), list):
        merged["documents"] = [
            {**d, "form": old_forms[d.get("name")]} if isinstance(d, dict) and not d.get("form") and d.get("name") in old_forms else d
            for d in merged["documents"]]
    return {key: merged[key] for key in [*KEYS, *merged] if key in merged}


def _error_text(error: ContentError) -> str:
    return f"{error.field + ': ' if error.field else ''}{error.message}"


def _same_name(a, b) -> bool:
    """Names of one procedure: equal but for spaces, case and a final full stop."""
    def norm(name) -> str:
        return " ".join(nfc(str(name or "")).split()).casefold().rstrip(" .")
    return norm(a) == norm(b)


def _existing(folder: Path, code: str) -> Path | None:
    """The local file of this code, whatever the case of its name ('1.099015.h68.md' for 1.099015.H68)."""
    exact = folder / f"{code}.md"
    if exact.is_file():
        return exact
    wanted = f"{code}.md".casefold()
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.name.casefold() == wanted and path.is_file():
                return path
    return None


def import_row(row: Row, settings: Settings, seen: dict[str, str], replace: frozenset[str] = frozenset()) -> Outcome:
    """One record into its file. A file of the same code that describes another procedure (another
    name) is left untouched unless its code is in `replace` (the --thay-the option)."""
    if row.problem:
        return Outcome("rejected", row.where, reasons=[row.problem])
    meta, steps, reasons, warnings = to_meta(row.values, settings)
    warnings = list(dict.fromkeys([*row.warnings, *warnings]))
    legal = _legal_counts(meta, warnings)
    code = meta.get("code")
    if code and not CODE_RE.match(code):
        reasons.append(f"mã thủ tục '{code}' không đúng dạng d.dddddd, chữ số 0-9 (ví dụ 1.001194 hoặc 1.012753.H19)")
    if reasons:
        return Outcome("rejected", row.where, code, reasons=reasons)
    if code in seen:
        return Outcome("rejected", row.where, code, reasons=[f"trùng mã thủ tục với {seen[code]}"])
    seen[code] = row.where
    folder = settings.content_root / FOLDER
    target = folder / f"{code}.md"
    shown = target.relative_to(settings.project_dir).as_posix()
    found = _existing(folder, code)
    before = found.read_bytes() if found is not None else None
    body = steps or ""
    if found is not None:
        found_shown = found.relative_to(settings.project_dir).as_posix()
        existing = read_source(found, found_shown)
        if isinstance(existing, ContentError):
            return Outcome("rejected", row.where, code, found_shown,
                           [f"tệp hiện có không đọc được, không ghi đè: {existing.message}"])
        if not _same_name(existing.meta.get("name"), meta.get("name")) and code not in replace:
            return Outcome("kept", row.where, code, found_shown, [
                f"mã {code} đã có trong {found_shown} với tên «{existing.meta.get('name')}», bản ghi nhập có tên "
                f"«{meta.get('name')}»: hai thủ tục khác nhau, không ghi đè. Nếu đúng là thay thủ tục này, chạy lại "
                f"với --thay-the {code}"])
        if code in replace and not _same_name(existing.meta.get("name"), meta.get("name")):
            pass  # replaced on purpose: nothing of the other procedure is kept
        else:
            meta = _merge(existing.meta, meta)
            if steps is None:
                body = existing.body  # keep what the editor wrote
    data = render(meta, body)
    if data == before and found == target:
        return Outcome("unchanged", row.where, code, shown, warnings=warnings, legal=legal)
    # Checked with the same rules as a build, before anything is written (no YAML round trip: the
    # writer writes exactly these values).
    result = read_procedure(SourceFile(shown, ordered(meta), body, {}), target, settings)
    if isinstance(result, list):
        return Outcome("rejected", row.where, code, shown, [_error_text(e) for e in result])
    temporary = None
    try:
        temporary = write_temporary(target, data)
        commit(temporary, target)
    finally:
        if temporary is not None and temporary.exists():
            temporary.unlink()  # any failure, even an interruption, leaves no hidden half file
    if found is not None and found.name != target.name and found.exists() and not _same_file(found, target):
        found.unlink()  # '1.099015.h68.md' is now written '1.099015.H68.md': one file per code
    return Outcome("created" if before is None else "updated", row.where, code, shown, warnings=warnings, legal=legal)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)  # a case-insensitive disk (Windows, macOS) has one file for both names
    except OSError:
        return False


def import_files(paths: list[Path], settings: Settings, replace: frozenset[str] = frozenset()
                 ) -> tuple[list[Outcome], list[str]]:
    """(one outcome per record, notes and file-level problems). `replace`: codes whose local procedure
    may be replaced by a record of another name (--thay-the)."""
    outcomes, notes, seen = [], [], {}
    replace = frozenset(code.upper() for code in replace)
    removed = remove_stale_temporaries(settings.content_root / FOLDER)
    if removed:
        notes.append(f"đã xóa {removed} tệp tạm còn sót lại từ lần nhập bị ngắt trước.")
    for path in paths:
        try:
            rows, file_notes = read_input(path)
        except ImportFileError as exc:
            outcomes.append(Outcome("rejected", str(exc).rstrip(".")))
            continue
        notes.extend(file_notes)
        for row in rows:
            symbols_and_lost_letters(row)  # Symbol/Wingdings bullets; letters lost from a PDF
            notes += repair_values(row.values, row.where)  # TCVN3/VNI text read as Unicode
            outcomes.append(import_row(row, settings, seen, replace))
    return outcomes, notes


def _legal_counts(meta: dict, warnings: list[Warning]) -> dict[str, int]:
    bases = meta.get("legal_basis") or []
    return {"read": sum(isinstance(b, dict) and bool(b.get("number")) for b in bases),
            "verbatim": sum(kind == "legal_verbatim" for kind, _ in warnings),
            "no_number": sum(kind == "legal_no_number" for kind, _ in warnings)}


def legal_counts(outcomes: list[Outcome]) -> dict[str, int]:
    """Legal bases of the records written: read with their number, kept verbatim, without a number."""
    total = {"read": 0, "verbatim": 0, "no_number": 0}
    for outcome in outcomes:
        for key, value in outcome.legal.items():
            total[key] += value
    return total


def warning_counts(outcomes: list[Outcome]) -> dict[str, int]:
    """Kind of warning -> number of records written with it."""
    counts: dict[str, int] = {}
    for outcome in outcomes:
        for kind in dict.fromkeys(kind for kind, _ in outcome.warnings):
            counts[kind] = counts.get(kind, 0) + 1
    return counts
