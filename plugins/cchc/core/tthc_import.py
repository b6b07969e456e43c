"""Import procedures from CSV, XLSX and JSON (national database labels or the spec's keys) into content/thu-tuc/.

One bad row never stops the others and never leaves a half-written file. A second run over the same
input rewrites nothing. Values are taken from the input or parsed out of it; none is invented.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .dates import DateFormatError, parse_date
from .errors import ContentError
from .frontmatter_file import read_source
from .legacy_encoding import repair_values
from .procedure_writer import commit, render, write_temporary
from .procedures import CODE_RE, FOLDER, KEYS, METHODS, REQUIRED, read_procedure
from .settings import Settings
from . import tthc_parse as parse
from .vietnamese import fold, nfc


def norm_label(label) -> str:
    """'Mã thủ tục', 'MA THU TUC', 'ma_thu_tuc' -> 'ma thu tuc'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(nfc(str(label))).lower()).split())


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


@dataclass
class Outcome:
    status: str  # created | updated | unchanged | rejected
    where: str
    code: str | None = None
    path: str | None = None
    reasons: list[str] = field(default_factory=list)


class ImportFileError(Exception):
    pass


# -- reading inputs ----------------------------------------------------------------------------------
def _map_keys(record: dict) -> tuple[dict, list[str]]:
    values, unknown = {}, []
    for key, value in record.items():
        target = TARGET.get(norm_label(key))
        if target is None:
            if norm_label(key) not in IGNORED and key is not None and str(key).strip():
                unknown.append(str(key))
            continue
        if target not in values or values[target] in (None, ""):
            values[target] = value
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
        values, _ = _map_keys(record)
        result.append(Row(f"{name}, dòng {i}", values))
    return result, notes


def read_csv(path: Path) -> tuple[list[Row], list[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(f"{path.name}: tệp CSV không phải UTF-8. Cách sửa: lưu lại tệp dạng 'CSV UTF-8'.") from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return _table_rows(rows, path.name)


def read_xlsx(path: Path) -> tuple[list[Row], list[str]]:
    from openpyxl import load_workbook
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(f"{path.name}: không mở được tệp Excel ({exc}).") from None
    try:
        sheet = book.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _table_rows(rows, path.name)


def read_json(path: Path) -> tuple[list[Row], list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportFileError(f"{path.name}: tệp JSON không đọc được ({exc}).") from None
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
        values, _ = _map_keys(record)
        rows.append(Row(where, values))
    return rows, []


READERS = {".csv": read_csv, ".xlsx": read_xlsx, ".xlsm": read_xlsx, ".json": read_json}


def read_input(path: Path) -> tuple[list[Row], list[str]]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportFileError(f"{path.name}: chỉ nhập được tệp .csv, .xlsx hoặc .json.")
    if not path.is_file():
        raise ImportFileError(f"{path}: không tìm thấy tệp.")
    return reader(path)


# -- one record -> frontmatter ----------------------------------------------------------------------
def _code(value) -> str | None:
    if isinstance(value, float):  # Excel turned '1.000080' into a number: the format d.dddddd gives it back
        value = f"{value:.6f}"
    return parse.clean(value)


def _date(value, key: str, reasons: list[str], settings: Settings) -> str | None:
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
        reasons.append(f"{key}: {exc}")
        return None


def _choice(value, table: dict, key: str, what: str, reasons: list[str]) -> str | None:
    text = parse.clean(value)
    if not text:
        return None
    folded = norm_label(text)
    for words, result in table.items():
        if folded == words or folded.endswith(words) or folded.startswith(words):
            return result
    reasons.append(f"{what} '{text}' không nhận ra (dùng: {', '.join(sorted(set(table.values())))})")
    return None


def _channels(values: dict, reasons: list[str]) -> list[dict]:
    raw = values.get("channels")
    if isinstance(raw, list):  # already in the spec's shape (JSON)
        return raw
    found, problems = parse.channels(raw)
    if found:
        reasons.extend(problems)
        return found
    # Spreadsheets: the methods in one column, time and fee in their own columns.
    text = parse.clean(raw)
    time, fee = parse.clean(values.get("time")), parse.clean(values.get("fee"))
    if text and (time or fee) and not found and not problems:
        methods = []
        for part in parse.split_top_level(text, ",;/"):
            method = parse.method_of(part) or (part if part in METHODS else None)
            if method is None:
                reasons.append(f"cách thức '{part}' không nhận ra (Trực tiếp, Trực tuyến, Bưu chính)")
            elif method not in methods:
                methods.append(method)
        if not time:
            reasons.append("thiếu thời hạn giải quyết (cột 'Thời hạn giải quyết')")
        if not fee:
            reasons.append("thiếu phí, lệ phí (cột 'Phí, lệ phí')")
        if time and fee:
            return [{"method": m, "time": time, "fee": parse.normalise_fee(fee)} for m in methods]
        return []
    reasons.extend(problems)
    if text and not problems:
        reasons.append("không đọc được hình thức nộp, thời hạn và phí từ nội dung cách thức thực hiện "
                       "(cần cột 'Thời hạn giải quyết' và 'Phí, lệ phí' nếu cột cách thức chỉ ghi hình thức nộp)")
    return []


def to_meta(values: dict, settings: Settings) -> tuple[dict, str | None, list[str]]:
    """(frontmatter, steps Markdown or None, reasons to reject)."""
    reasons: list[str] = []
    meta: dict = {}
    meta["code"] = _code(values.get("code"))
    for key in ("name", "field", "kind", "decision", "agency", "authority"):
        meta[key] = parse.clean(values.get(key))
    meta["requirements"] = parse.clean(values.get("requirements"), parse.NOTHING)
    meta["address"] = parse.one_line(values.get("address"))
    if meta["name"]:
        meta["name"] = " ".join(meta["name"].split())
    for key in ("agency", "authority"):
        if meta[key]:
            meta[key] = " ".join(meta[key].split()).rstrip(".")
    levels, unknown = parse.levels(values.get("level"))
    for name in unknown:
        reasons.append(f"cấp thực hiện '{name}' không hợp lệ (Cấp bộ, Cấp tỉnh, Cấp huyện, Cấp xã, Cơ quan khác)")
    meta["level"] = levels[0] if len(levels) == 1 else levels
    meta["decision_date"] = _date(values.get("decision_date"), "ngày quyết định", reasons, settings)
    meta["subjects"] = parse.subjects(values.get("subjects"))
    before = len(reasons)
    meta["channels"] = _channels(values, reasons)
    channel_reasons = len(reasons) > before
    raw = values.get("documents")
    meta["documents"] = raw if isinstance(raw, list) else parse.documents(raw)
    raw = values.get("results")
    meta["results"] = [parse.clean(r) for r in raw if parse.clean(r)] if isinstance(raw, list) else parse.results(raw)
    raw = values.get("legal_basis")
    meta["legal_basis"] = raw if isinstance(raw, list) else parse.legal_basis(raw)
    meta["online"] = _choice(values.get("online"), _ONLINE, "online", "mức dịch vụ công trực tuyến", reasons)
    meta["url"] = parse.clean(values.get("url"))
    meta["status"] = _choice(values.get("status"), _STATUS, "status", "tình trạng", reasons)
    if meta["status"] == "active":
        meta["status"] = None  # the default: not written
    meta["effective"] = _date(values.get("effective"), "ngày có hiệu lực", reasons, settings)
    meta["abolished"] = _date(values.get("abolished"), "ngày bãi bỏ", reasons, settings)
    meta["replaced_by"] = _code(values.get("replaced_by"))
    for key in REQUIRED:
        if (key == "level" and unknown) or (key == "channels" and channel_reasons):
            continue  # already said what is wrong
        if not meta.get(key):
            given = values.get(key if key != "channels" else "channels")
            shown = f" (nguồn ghi: \"{str(given).strip()[:60]}\")" if parse.clean(given) is None and given not in (None, "") else ""
            reasons.insert(0, f"thiếu {LABELS[key]}{shown}")
    body = values.get("body")
    steps = body.strip() + "\n" if isinstance(body, str) and body.strip() else parse.steps_markdown(values.get("steps"))
    return meta, steps or None, list(dict.fromkeys(reasons))


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


def import_row(row: Row, settings: Settings, seen: dict[str, str]) -> Outcome:
    if row.problem:
        return Outcome("rejected", row.where, reasons=[row.problem])
    meta, steps, reasons = to_meta(row.values, settings)
    code = meta.get("code")
    if code and not CODE_RE.match(code):
        reasons.append(f"mã thủ tục '{code}' không đúng dạng d.dddddd (ví dụ 1.001194 hoặc 1.012753.H19)")
    if reasons:
        return Outcome("rejected", row.where, code, reasons=reasons)
    if code in seen:
        return Outcome("rejected", row.where, code, reasons=[f"trùng mã thủ tục với {seen[code]}"])
    seen[code] = row.where
    folder = settings.content_root / FOLDER
    target = folder / f"{code}.md"
    shown = target.relative_to(settings.project_dir).as_posix()
    before = target.read_bytes() if target.is_file() else None
    body = steps or ""
    if before is not None:
        existing = read_source(target, shown)
        if isinstance(existing, ContentError):
            return Outcome("rejected", row.where, code, shown,
                           [f"tệp hiện có không đọc được, không ghi đè: {existing.message}"])
        meta = _merge(existing.meta, meta)
        if steps is None:
            body = existing.body  # keep what the editor wrote
    data = render(meta, body)
    if data == before:
        return Outcome("unchanged", row.where, code, shown)
    temporary = write_temporary(target, data)
    try:
        source = read_source(temporary, shown)
        result = read_procedure(source, target, settings) if not isinstance(source, ContentError) else [source]
        if isinstance(result, list):
            return Outcome("rejected", row.where, code, shown, [_error_text(e) for e in result])
        commit(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()
    return Outcome("created" if before is None else "updated", row.where, code, shown)


def import_files(paths: list[Path], settings: Settings) -> tuple[list[Outcome], list[str]]:
    """(one outcome per record, notes and file-level problems)."""
    outcomes, notes, seen = [], [], {}
    for path in paths:
        try:
            rows, file_notes = read_input(path)
        except ImportFileError as exc:
            outcomes.append(Outcome("rejected", str(exc).rstrip(".")))
            continue
        notes.extend(file_notes)
        for row in rows:
            notes += repair_values(row.values, row.where)  # TCVN3/VNI text read as Unicode
            outcomes.append(import_row(row, settings, seen))
    return outcomes, notes
