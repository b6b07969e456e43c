"""Propaganda plans (kế hoạch): content/ke-hoach/*.md -> Plan records, with every error collected."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc.core.text.dates import DateFormatError, parse_month
from cchc.core.errors import ContentError, duplicates
from cchc.core.fields import FieldReader
from cchc.core.content_tree import ContentTree
from cchc.core.build_cache import BuildCache
from cchc.core.frontmatter_file import SourceFile, read_records
from cchc.core.records import Attachment
from cchc.core.urls import plan_url
from cchc.core.record_memo import RecordMemo
from cchc.core.settings import Settings
from cchc.core.snippet_lines import inert_snippets
from cchc.core.text.vietnamese import long_date, month_label, slugify

FOLDER = "ke-hoach"
KEYS = ["title", "number", "issued", "issuer", "start", "end", "target", "categories", "attachments"]


@dataclass(frozen=True)
class Plan:
    source: str  # e.g. content/ke-hoach/ke-hoach-2024.md
    content_path: str  # relative to the content root
    title: str
    number: str  # số ký hiệu, e.g. 2477/KH-SXD
    issued: date
    issuer: str
    start: tuple[int, int]  # (year, month), first month counted
    end: tuple[int, int]  # last month counted, not before start
    target: int  # articles per month
    slug: str
    body: str = ""
    categories: tuple[str, ...] = ()  # empty: every article counts
    attachments: tuple[Attachment, ...] = ()

    @property
    def url(self) -> str:
        return plan_url(self.slug)

    @property
    def issued_label(self) -> str:
        return long_date(self.issued)

    @property
    def period_label(self) -> str:
        return f"{month_label(*self.start)} – {month_label(*self.end).lower()}"

    def months(self) -> list[tuple[int, int]]:
        """Every (year, month) from start to end, in order."""
        (year, month), result = self.start, []
        while (year, month) <= self.end:
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result


def _month(reader: FieldReader, key: str, what: str) -> tuple[int, int] | None:
    value = reader.text(key, required=True, what=what, example="2024-01")
    if value is None:
        return None
    try:
        return parse_month(value)
    except DateFormatError as exc:
        reader.error(key, f"Tháng '{key}' ({what}) sai: {exc}.",
                     f"Viết năm và tháng dạng YYYY-MM, ví dụ '{key}: 2024-01' (tháng 01/2024).")
        return None


def _target(reader: FieldReader) -> int | None:
    value = reader.text("target", required=True, what="chỉ tiêu số tin bài mỗi tháng", example="2")
    if value is None:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        reader.error("target", f"Chỉ tiêu 'target' phải là số nguyên từ 1 trở lên (số tin bài mỗi tháng), không phải '{value}'.",
                     "Ghi một số nguyên, ví dụ 'target: 2' cho kế hoạch \"ít nhất 02 tin/bài/tháng\".")
        return None
    return int(value)


def read_plan(source: SourceFile, abs_path: Path, settings: Settings) -> Plan | list[ContentError]:
    reader = FieldReader(source, abs_path, settings.content_root, settings.tz)
    reader.check_keys(KEYS)
    title = reader.text("title", required=True, what="tên kế hoạch",
                        example="Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024")
    number = reader.text("number", required=True, what="số ký hiệu", example="12/KH-SNV")
    issued = reader.date("issued", required=True, what="ngày ban hành")
    issuer = reader.text("issuer", required=True, what="cơ quan ban hành", example="Sở Nội vụ tỉnh ...")
    start = _month(reader, "start", "tháng bắt đầu tính chỉ tiêu")
    end = _month(reader, "end", "tháng cuối cùng tính chỉ tiêu")
    if start and end and end < start:
        reader.error("end", f"Tháng kết thúc '{end[0]}-{end[1]:02d}' trước tháng bắt đầu '{start[0]}-{start[1]:02d}'.",
                     "Sửa 'end' thành tháng bằng hoặc sau 'start' (dạng YYYY-MM).")
    target = _target(reader)
    categories = reader.text_list("categories")
    for name in categories:
        if name not in settings.categories:
            reader.error("categories", f"Chuyên mục '{name}' không có trong danh sách chuyên mục của trang.",
                         f"Dùng một trong: {', '.join(settings.categories)}; hoặc để 'categories: []' để tính mọi tin bài.")
    attachments = reader.attachments()
    slug = slugify(title) if title else None
    if title and not slug:
        reader.error("title", "Không tạo được đường dẫn (slug) từ tên kế hoạch này.", "Viết tên kế hoạch bằng chữ.")
    if reader.errors or not (title and number and issued and issuer and start and end and target and slug):
        return reader.errors
    return Plan(
        source=source.path,
        content_path=abs_path.relative_to(settings.content_root).as_posix(),
        title=title, number=number, issued=issued, issuer=issuer, start=start, end=end,
        target=target, slug=slug, body=inert_snippets(source.body, settings.markdown_extensions),
        categories=tuple(dict.fromkeys(categories)), attachments=attachments,
    )


def _duplicates(plans: list[Plan], key, field: str, what: str, fix: str) -> list[ContentError]:
    return duplicates(plans, key, field, lambda value, files: f"Trùng {what} '{value}' với kế hoạch khác: {files}.", fix)


def load_plans(settings: Settings, memo: RecordMemo | None = None,
               tree: ContentTree | None = None,
               cache: BuildCache | None = None) -> tuple[list[Plan], list[ContentError]]:
    """(valid plans, newest first; all errors found)."""
    plans, errors = read_records(settings.content_root, FOLDER, False, settings.project_dir,
                                 lambda source, path: read_plan(source, path, settings), memo, tree, cache)
    errors += _duplicates(plans, lambda p: p.url, "title", "đường dẫn",
                          "Đổi tên (title) của một trong các kế hoạch để đường dẫn khác nhau.")
    errors += _duplicates(plans, lambda p: p.number, "number", "số ký hiệu",
                          "Mỗi kế hoạch có một số ký hiệu riêng; kiểm tra lại 'number'.")
    plans.sort(key=lambda p: (p.start, p.end, p.issued, p.number), reverse=True)
    return plans, errors
