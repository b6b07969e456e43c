"""Procedures (thủ tục hành chính): content/thu-tuc/*.md -> Procedure records, every error collected.

The field set follows the national TTHC database (Cổng Dịch vụ công quốc gia); see the content spec.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field as dc_field
from datetime import date
from pathlib import Path

from cchc.core.errors import ContentError, duplicates
from cchc.core.fields import FieldReader
from cchc.core.content_tree import ContentTree
from cchc.core.build_cache import BuildCache
from cchc.core.frontmatter_file import SourceFile, read_records
from cchc.core.records import Attachment
from cchc.core.record_memo import RecordMemo
from cchc.core.settings import Settings
from cchc.core.snippet_lines import inert_snippets
from cchc.core.urls import PROCEDURES, procedure_url
from cchc.core.text.vietnamese import fold, long_date, short_date, slugify

FOLDER = "thu-tuc"
URL_ROOT = PROCEDURES

# Frontmatter keys, in the order of the national database (also the order the importer writes).
KEYS = ["code", "name", "field", "level", "kind", "decision", "decision_date", "agency", "authority",
        "address", "subjects", "channels", "documents", "documents_note", "results", "legal_basis", "requirements",
        "online", "url", "status", "effective", "abolished", "replaced_by"]
# Required to publish: without them there is no procedure to list.
REQUIRED = {"code": "mã thủ tục", "name": "tên thủ tục"}
# Expected, but the national database itself often lacks them: a procedure without them is published
# with "Chưa có thông tin" and reported as incomplete (cchc check --incomplete), never dropped.
EXPECTED = {"field": "lĩnh vực", "level": "cấp thực hiện", "decision": "quyết định công bố",
            "agency": "cơ quan thực hiện", "channels": "cách thức thực hiện"}
UNKNOWN = "Chưa có thông tin"
NO_FIELD = "Chưa xác định lĩnh vực"
EXAMPLES = {"code": "1.001194", "name": "Cấp giấy phép ...", "field": "Hộ tịch", "level": "Cấp tỉnh",
            "decision": "5568/QĐ-BCA", "agency": "Sở Tư pháp"}

# ASCII digits only: '١.٠٠٠٠٠١' or full-width digits are not national codes.
CODE_RE = re.compile(r"^[0-9]\.[0-9]{6}(?:\.[A-Za-z0-9]+)?$", re.ASCII)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
LEVELS = ("Cấp bộ", "Cấp tỉnh", "Cấp huyện", "Cấp xã", "Cơ quan khác")
METHODS = {"direct": "Trực tiếp", "online": "Trực tuyến", "postal": "Bưu chính công ích"}
ONLINE = {"full": "Toàn trình", "partial": "Một phần", "none": "Không"}
STATUS = {"active": "Còn hiệu lực", "amended": "Đã sửa đổi, bổ sung", "abolished": "Đã bãi bỏ"}
CHANNEL_KEYS = ["method", "time", "fee", "note", "source"]
DOCUMENT_KEYS = ["name", "copies", "form"]
LEGAL_KEYS = ["name", "number"]

_LEVEL_BY_FOLDED = {fold(level).lower(): level for level in LEVELS}


def canonical_level(text: str) -> str | None:
    """'cap tinh', 'Cấp Tỉnh' -> 'Cấp tỉnh'; None when it is not a level of the spec."""
    return _LEVEL_BY_FOLDED.get(" ".join(fold(text).lower().split()))


# -- processing time -------------------------------------------------------------------------------
_TIME_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\d(;,]*)")
_UNIT_DAYS = [("gio lam viec", 1 / 8), ("gio", 1 / 24), ("phut", 1 / 1440), ("ngay lam viec", 1.4),
              ("ngay", 1.0), ("tuan", 7.0), ("thang", 30.0), ("nam", 365.0)]


def time_in_days(text: str) -> float | None:
    """A rough length in calendar days, only to find the shortest channel; None when there is no number.

    A time without unit ("7", as the national portal sometimes gives it) counts as its number."""
    match = _TIME_RE.search(text)
    if not match:
        return None
    number = float(match.group(1).replace(",", "."))
    unit = fold(match.group(2)).lower().strip()
    for name, factor in _UNIT_DAYS:
        if unit.startswith(name):
            return number * factor
    return number


# -- records ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Channel:
    method: str  # direct | online | postal
    time: str | None  # None: the source does not say
    fee: str | None
    note: str | None = None
    source: str | None = None  # the national text, verbatim, where it could not be read for sure

    @property
    def method_label(self) -> str:
        return METHODS[self.method]


@dataclass(frozen=True)
class Document:
    name: str
    copies: str | None = None
    form: Attachment | None = None


@dataclass(frozen=True)
class LegalDocument:
    name: str
    number: str | None = None


@dataclass(frozen=True)
class Procedure:
    source: str  # e.g. content/thu-tuc/1.001194.md
    content_path: str  # relative to the content root
    code: str
    name: str
    field: str | None
    levels: tuple[str, ...]
    decision: str | None
    agency: str | None
    channels: tuple[Channel, ...]
    body: str = ""
    kind: str | None = None
    decision_date: date | None = None
    authority: str | None = None
    address: str | None = None
    subjects: tuple[str, ...] = ()
    documents: tuple[Document, ...] = ()
    documents_note: str | None = None
    results: tuple[str, ...] = ()
    legal_basis: tuple[LegalDocument, ...] = ()
    requirements: str | None = None
    online: str | None = None
    national_url: str | None = None
    status: str = "active"
    effective: date | None = None
    abolished: date | None = None
    replaced_by: str | None = None
    lines: dict = dc_field(default_factory=dict, compare=False, hash=False, repr=False)  # key -> line in the file

    @property
    def url(self) -> str:
        return procedure_url(self.code)

    @property
    def field_label(self) -> str:
        return self.field or NO_FIELD

    @property
    def field_slug(self) -> str:
        return slugify(self.field_label) or "khac"

    @property
    def incomplete(self) -> list[str]:
        """What the file does not say that a reader expects, in Vietnamese (empty when complete)."""
        missing = [label for key, label in EXPECTED.items()
                   if not (self.levels if key == "level" else getattr(self, key))]
        for i, channel in enumerate(self.channels, start=1):
            for key, label in (("time", "thời hạn giải quyết"), ("fee", "phí, lệ phí")):
                if getattr(channel, key) is None:
                    missing.append(f"{label} của cách thức thứ {i} ({channel.method_label})")
        return missing

    @property
    def level_label(self) -> str:
        return ", ".join(self.levels) or UNKNOWN

    @property
    def online_label(self) -> str:
        return ONLINE[self.online] if self.online else "Chưa công bố"

    @property
    def status_label(self) -> str:
        return STATUS[self.status]

    @property
    def shortest_channel(self) -> Channel | None:
        timed = [(time_in_days(c.time), i, c) for i, c in enumerate(self.channels) if c.time]
        known = [t for t in timed if t[0] is not None]
        return min(known)[2] if known else (self.channels[0] if self.channels else None)

    @property
    def shortest_time(self) -> str:
        channel = self.shortest_channel
        return channel.time if channel and channel.time else UNKNOWN

    @property
    def search_text(self) -> str:
        """Folded, lowercase text the filter box matches (code, name, lĩnh vực, agency)."""
        return " ".join(fold(f"{self.code} {self.name} {self.field or ''} {self.agency or ''}").lower().split())

    @property
    def level_slugs(self) -> str:
        return " ".join(slugify(level) for level in self.levels)

    @property
    def active(self) -> bool:
        return self.status != "abolished"


def date_label(value: date | None) -> str:
    return long_date(value) if value else ""


def date_short(value: date | None) -> str:
    return short_date(value) if value else ""


# -- reading ---------------------------------------------------------------------------------------
def _unknown_keys(reader: FieldReader, key: str, index: int, item: dict, allowed: list[str]) -> None:
    for name in item:
        if name not in allowed:
            guess = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
            hint = f"Có phải ý bạn là '{guess[0]}'?" if guess else f"Các khóa hợp lệ: {', '.join(allowed)}."
            reader.error(key, f"Mục thứ {index} của '{key}' có khóa '{name}' không được hỗ trợ.", hint)


def _item_text(value) -> str | None:
    if value is None or isinstance(value, (list, dict)):
        return None
    text = str(value).strip()
    return text or None


def _list_of_dicts(reader: FieldReader, key: str) -> list[dict]:
    value = reader.raw(key)
    if not isinstance(value, list):
        if isinstance(value, dict):
            value = [value]
        elif isinstance(value, str):
            reader.error(key, f"'{key}' phải là danh sách, mỗi mục bắt đầu bằng '- '.",
                         f"Viết '{key}:' rồi mỗi mục trên các dòng sau, ví dụ '  - name: ...'.")
            return []
        else:
            return []
    return value


def _levels(reader: FieldReader) -> list[str]:
    names = reader.text_list("level")
    levels = []
    for name in names:
        level = canonical_level(name)
        if level is None:
            guess = difflib.get_close_matches(name, LEVELS, n=1, cutoff=0.5)
            hint = f"Có phải ý bạn là '{guess[0]}'? " if guess else ""
            reader.error("level", f"Cấp thực hiện '{name}' không hợp lệ.", f"{hint}Dùng một hoặc nhiều trong: {', '.join(LEVELS)}.")
        elif level not in levels:
            levels.append(level)
    return levels


def _channels(reader: FieldReader) -> list[Channel]:
    channels = []
    for index, item in enumerate(_list_of_dicts(reader, "channels"), start=1):
        if not isinstance(item, dict):
            reader.error("channels", f"Cách thức thứ {index} phải có các khóa method, time, fee.",
                         "Viết: '- method: direct' rồi '  time: 5 ngày làm việc' và '  fee: Không'.")
            continue
        _unknown_keys(reader, "channels", index, item, CHANNEL_KEYS)
        method, time, fee = (_item_text(item.get(k)) for k in ("method", "time", "fee"))
        # A missing time or fee is unknown, not wrong: the page says "Chưa có thông tin".
        ok = True
        if method is None:
            reader.error("channels", f"Cách thức thứ {index} thiếu 'method' (hình thức nộp).",
                         "Thêm 'method: direct' (trực tiếp), 'online' (trực tuyến) hoặc 'postal' (bưu chính công ích).")
            ok = False
        elif method not in METHODS:
            listed = ", ".join(f"{k} ({v})" for k, v in METHODS.items())
            reader.error("channels", f"Cách thức thứ {index}: hình thức '{method}' không hợp lệ.", f"Dùng một trong: {listed}.")
            ok = False
        if ok:
            channels.append(Channel(method, time, fee, _item_text(item.get("note")), _item_text(item.get("source"))))
    return channels


def _documents(reader: FieldReader) -> list[Document]:
    documents = []
    for index, item in enumerate(_list_of_dicts(reader, "documents"), start=1):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not _item_text(item.get("name")):
            reader.error("documents", f"Giấy tờ thứ {index} của 'documents' phải có 'name' (tên giấy tờ).",
                         "Viết: '- name: Tờ khai ...' rồi '  copies: 1 bản chính'.")
            continue
        _unknown_keys(reader, "documents", index, item, DOCUMENT_KEYS)
        form = None
        relative = _item_text(item.get("form"))
        if relative:
            form = reader.attachment("documents", relative, relative)
        documents.append(Document(_item_text(item["name"]), _item_text(item.get("copies")), form))
    return documents


def _legal_basis(reader: FieldReader) -> list[LegalDocument]:
    result = []
    for index, item in enumerate(_list_of_dicts(reader, "legal_basis"), start=1):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not _item_text(item.get("name")):
            reader.error("legal_basis", f"Văn bản thứ {index} của 'legal_basis' phải có 'name' (tên văn bản).",
                         "Viết: '- name: Luật ...' rồi '  number: 47/2014/QH13'.")
            continue
        _unknown_keys(reader, "legal_basis", index, item, LEGAL_KEYS)
        result.append(LegalDocument(_item_text(item["name"]), _item_text(item.get("number"))))
    return result


def _code(reader: FieldReader, key: str, required: bool) -> str | None:
    code = reader.text(key, required=required, what=REQUIRED.get(key, "mã thủ tục"), example="1.001194")
    if code is not None and not CODE_RE.match(code):
        reader.error(key, f"Mã thủ tục '{code}' không đúng dạng d.dddddd (ví dụ 1.001194 hoặc 1.012753.H19).",
                     "Chép đúng mã từ Cơ sở dữ liệu quốc gia về TTHC và đặt trong ngoặc kép, ví dụ "
                     f"{key}: \"1.001194\".")
        return None
    return code


def _control_characters(reader: FieldReader, value, key: str | None = None) -> None:
    """Control characters (\\x07, \\x00, …) break the RSS feed and mean nothing to a reader: an error each."""
    if isinstance(value, dict):
        for name, item in value.items():
            _control_characters(reader, item, key or str(name))
    elif isinstance(value, list):
        for item in value:
            _control_characters(reader, item, key)
    elif isinstance(value, str) and (match := CONTROL_RE.search(value)):
        reader.error(key, f"'{key}' chứa ký tự điều khiển không in được (mã U+{ord(match.group()):04X}), "
                          "thường do chép từ phần mềm khác.",
                     "Xóa ký tự đó (gõ lại đoạn văn bản quanh vị trí lỗi), hoặc nhập lại bằng 'cchc import-tthc' "
                     "để ký tự được xóa tự động.")


def read_procedure(source: SourceFile, abs_path: Path, settings: Settings) -> Procedure | list[ContentError]:
    reader = FieldReader(source, abs_path, settings.content_root, settings.tz)
    reader.check_keys(KEYS)
    _control_characters(reader, source.meta)
    code = _code(reader, "code", required=True)
    values = {"name": reader.text("name", required=True, what=REQUIRED["name"], example=EXAMPLES["name"]),
              **{key: reader.text(key) for key in ("field", "decision", "agency")}}
    levels = _levels(reader)
    channels = _channels(reader)
    status = reader.choice("status", STATUS, default="active")
    abolished = reader.date("abolished", what="ngày bãi bỏ")
    if status == "abolished" and reader.text("abolished") is None:
        reader.error("status", "Thủ tục đã bãi bỏ (status: abolished) phải có ngày bãi bỏ 'abolished'.",
                     "Thêm dòng 'abolished: 2025-01-01' (ngày quyết định bãi bỏ có hiệu lực).")
    elif abolished is not None and status != "abolished":
        reader.error("abolished", "Có ngày bãi bỏ 'abolished' nhưng 'status' không phải 'abolished'.",
                     "Thêm dòng 'status: abolished', hoặc xóa dòng 'abolished' nếu thủ tục còn hiệu lực.")
    url = reader.text("url")
    if url and not re.match(r"^https?://", url):
        reader.error("url", f"Đường dẫn '{url}' phải là địa chỉ đầy đủ bắt đầu bằng https://.",
                     "Chép địa chỉ trang thủ tục trên Cổng Dịch vụ công quốc gia, ví dụ "
                     "'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/...'.")
        url = None
    record = dict(
        kind=reader.text("kind"),
        decision_date=reader.date("decision_date", what="ngày quyết định"),
        authority=reader.text("authority"),
        address=reader.text("address"),
        subjects=tuple(reader.text_list("subjects")),
        documents=tuple(_documents(reader)),
        documents_note=reader.text("documents_note"),
        results=tuple(reader.text_list("results")),
        legal_basis=tuple(_legal_basis(reader)),
        requirements=reader.text("requirements"),
        online=reader.choice("online", ONLINE),
        national_url=url,
        effective=reader.date("effective", what="ngày có hiệu lực"),
        replaced_by=_code(reader, "replaced_by", required=False),
    )
    if record["replaced_by"] is not None and record["replaced_by"] == code:
        reader.error("replaced_by", "Thủ tục không thể được thay thế bởi chính nó.", "Ghi mã của thủ tục thay thế, hoặc xóa dòng này.")
    if reader.errors or not (code and values["name"]):
        return reader.errors
    return Procedure(
        source=source.path, content_path=abs_path.relative_to(settings.content_root).as_posix(),
        code=code, levels=tuple(levels), channels=tuple(channels),
        body=inert_snippets(source.body, settings.markdown_extensions),
        status=status, abolished=abolished, lines=source.key_lines, **values, **record)


def _cross_checks(procedures: list[Procedure]) -> list[ContentError]:
    errors = duplicates(procedures, lambda p: p.code, "code",
                        lambda code, files: f"Trùng mã thủ tục '{code}' giữa các tệp: {files}.",
                        "Mỗi thủ tục chỉ có một tệp: gộp nội dung rồi xóa tệp thừa, hoặc sửa mã cho đúng.",
                        line=lambda p: p.lines.get("code"))
    codes = {p.code for p in procedures}
    for procedure in procedures:
        if procedure.replaced_by and procedure.replaced_by not in codes:
            errors.append(ContentError(procedure.source, procedure.lines.get("replaced_by"), "replaced_by",
                                       f"Thủ tục thay thế '{procedure.replaced_by}' không có trong thư mục content/thu-tuc/.",
                                       "Thêm tệp của thủ tục thay thế (ví dụ bằng 'cchc import-tthc'), sửa mã cho đúng, "
                                       "hoặc xóa dòng 'replaced_by'."))
    return errors


def load_procedures(settings: Settings, memo: RecordMemo | None = None,
                    tree: ContentTree | None = None,
                    cache: BuildCache | None = None) -> tuple[list[Procedure], list[ContentError]]:
    procedures, errors = read_records(settings.content_root, FOLDER, False, settings.project_dir,
                                      lambda source, path: read_procedure(source, path, settings), memo, tree, cache)
    errors.extend(_cross_checks(procedures))
    return procedures, errors
