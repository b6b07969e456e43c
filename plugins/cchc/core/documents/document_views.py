"""What the register's templates read as `cchc` (theme/cchc/documents.html, document.html)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from cchc.core.documents.documents import Document
from cchc.core.pages import Paged, View
from cchc.core import urls


@dataclass(frozen=True)
class FilterLink:
    label: str
    url: str
    count: int
    current: bool


@dataclass(frozen=True, repr=False)
class DocumentsView(Paged):  # documents.html: a page of the register, whole or filtered
    items: list[Document]
    heading: str  # what this listing holds, e.g. 'Kế hoạch năm 2025'
    years: list[FilterLink]  # 'Tất cả các năm' first, then newest year first
    kinds: list[FilterLink]  # 'Tất cả các loại' first, then in Vietnamese order
    feed_url: ClassVar[str] = urls.feed_url(urls.DOCUMENTS)
    register_url: ClassVar[str] = urls.DOCUMENTS


@dataclass(frozen=True, repr=False)
class DocumentView(View):  # document.html
    document: Document
    kind_url: str  # the register filtered to this kind
    register_url: ClassVar[str] = urls.DOCUMENTS
