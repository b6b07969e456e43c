"""Directive documents (văn bản chỉ đạo, điều hành): content/van-ban/*.md -> Document records.

Frontmatter: number (số ký hiệu), issued (ngày ban hành, the date forms of articles), issuer, kind
(Kế hoạch, Quyết định, Công văn, …), summary (trích yếu), optional file (the document itself, next to
the .md); the body is optional text shown on the document's page. Every error is collected.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc.core.content_tree import ContentTree
from cchc.core.errors import ContentError, duplicates
from cchc.core.fields import FieldReader
from cchc.core.build_cache import BuildCache
from cchc.core.frontmatter_file import SourceFile, read_records
from cchc.core.record_memo import RecordMemo
from cchc.core.records import Attachment
from cchc.core.settings import Settings
from cchc.core.text.vietnamese import long_date, short_date, slugify, sort_key
from cchc.core.urls import document_url

FOLDER = "van-ban"
KEYS = ["number", "issued", "issuer", "kind", "summary", "file"]


@dataclass(frozen=True)
class Document:
    source: str  # e.g. content/van-ban/ke-hoach-08.md
    content_path: str  # relative to the content root
    number: str  # số ký hiệu, e.g. 08/KH-SKHCN
    issued: date
    issuer: str
    kind: str  # loại văn bản
    summary: str  # trích yếu
    slug: str
    file: Attachment | None = None
    body: str = ""

    @property
    def url(self) -> str:
        return document_url(self.slug)

    @property
    def title(self) -> str:
        return f"{self.kind} số {self.number}"

    @property
    def issued_short(self) -> str:
        return short_date(self.issued)

    @property
    def issued_label(self) -> str:
        return long_date(self.issued)

    @property
    def kind_slug(self) -> str:
        return slugify(self.kind)

    @property
    def order(self) -> tuple:
        """Newest first; the same day in Vietnamese order of the number."""
        return (-self.issued.toordinal(), sort_key(self.number))


def read_document(source: SourceFile, abs_path: Path, settings: Settings) -> Document | list[ContentError]:
    reader = FieldReader(source, abs_path, settings.content_root, settings.tz)
    reader.check_keys(KEYS)
    number = reader.text("number", required=True, what="số ký hiệu", example="08/KH-UBND")
    issued = reader.date("issued", required=True, what="ngày ban hành")
    issuer = reader.text("issuer", required=True, what="cơ quan ban hành", example="Ủy ban nhân dân tỉnh ...")
    kind = reader.text("kind", required=True, what="loại văn bản", example="Kế hoạch")
    summary = reader.text("summary", required=True, what="trích yếu",
                          example="Về việc triển khai công tác cải cách hành chính năm 2026")
    file_path = reader.text("file", example="ke-hoach-08.pdf")
    attached = reader.attachment("file", file_path) if file_path else None
    kind = " ".join(kind.split()) if kind else kind
    if kind and not slugify(kind):
        reader.error("kind", f"Loại văn bản '{kind}' phải có chữ cái.", "Ví dụ: 'kind: Kế hoạch'.")
    slug = slugify(f"{number} {issued:%Y}") if number and issued else None
    if number and issued and not slugify(number):
        reader.error("number", f"Số ký hiệu '{number}' phải có chữ số hoặc chữ cái.", "Ví dụ: 'number: 08/KH-UBND'.")
    if reader.errors or not (number and issued and issuer and kind and summary and slug):
        return reader.errors
    return Document(source.path, abs_path.relative_to(settings.content_root).as_posix(), number, issued, issuer,
                    kind, summary, slug, attached, source.body)


def load_documents(settings: Settings, memo: RecordMemo | None = None,
                   tree: ContentTree | None = None,
                   cache: BuildCache | None = None) -> tuple[list[Document], list[ContentError]]:
    """(valid documents, newest first; every error)."""
    documents, errors = read_records(settings.content_root, FOLDER, True, settings.project_dir,
                                     lambda source, path: read_document(source, path, settings), memo, tree, cache)
    errors += duplicates(documents, lambda d: d.url, "number",
                         lambda value, files: f"Hai văn bản cùng số ký hiệu và năm ban hành (đường dẫn '{value}'): {files}.",
                         "Kiểm tra lại 'number' và 'issued'; mỗi văn bản chỉ cần một tệp.")
    documents.sort(key=lambda d: d.order)
    return documents, errors
