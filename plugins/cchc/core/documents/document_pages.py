"""The register's pages: van-ban/ newest first, filtered by year, kind and both (static pages, no
JavaScript needed), one page per document. Listings exist only for years and kinds that have documents."""
from __future__ import annotations

import html
from functools import partial

from cchc.core.documents.document_views import DocumentsView, DocumentView, FilterLink
from cchc.core.documents.documents import Document
from cchc.core.pages import PageSpec, paginate
from cchc.core.text.vietnamese import sort_key
from cchc.core.urls import DOCUMENTS, document_filter_url

TITLE = "Văn bản chỉ đạo, điều hành"
PER_PAGE = 50  # rows of the register per page


def filter_url(year: int | None, kind: str | None) -> str:
    """van-ban/, van-ban/nam/2025/, van-ban/loai/ke-hoach/, van-ban/nam/2025/loai/ke-hoach/."""
    url = document_filter_url("nam", str(year)) if year else DOCUMENTS
    return f"{url}loai/{kind}/" if kind else url


def page_markdown(document: Document) -> str:
    """The trích yếu leads the page's text, so that search indexes it with the body (an HTML block:
    Markdown leaves it as it is, and escaping it is all the untrusted text needs)."""
    lead = f'<p class="cchc-document__summary"><strong>Trích yếu:</strong> {html.escape(document.summary)}</p>'
    return f"{lead}\n\n{document.body}"


def document_pages(documents: list[Document]) -> list[PageSpec]:
    kinds: dict[str, str] = {}  # slug -> name as first written (the newest document's spelling)
    groups: dict[tuple, list[Document]] = {}  # (year or None, kind slug or None) -> its documents, newest first
    for d in documents:  # one pass: each document joins its four listings
        kinds.setdefault(d.kind_slug, d.kind)
        for key in ((None, None), (d.issued.year, None), (None, d.kind_slug), (d.issued.year, d.kind_slug)):
            groups.setdefault(key, []).append(d)
    groups.setdefault((None, None), [])
    years = sorted({year for year, _ in groups if year}, reverse=True)
    kind_order = sorted(kinds, key=lambda slug: sort_key(kinds[slug]))
    rank = {slug: i for i, slug in enumerate(kind_order)}
    pages = []
    for year, kind in sorted(groups, key=lambda k: (k[0] is not None, k[1] is not None, -(k[0] or 0), rank.get(k[1], -1))):
        items = groups[(year, kind)]
        heading = " ".join(filter(None, [kinds[kind] if kind else "Tất cả văn bản", f"năm {year}" if year else ""]))
        # The other filter keeps its value: from 'Kế hoạch' the year links lead to 'Kế hoạch năm …'.
        year_links = [FilterLink("Tất cả các năm", filter_url(None, kind), len(groups[(None, kind)]), year is None)]
        year_links += [FilterLink(str(y), filter_url(y, kind), len(groups[(y, kind)]), y == year)
                       for y in years if (y, kind) in groups]
        kind_links = [FilterLink("Tất cả các loại", filter_url(year, None), len(groups[(year, None)]), kind is None)]
        kind_links += [FilterLink(kinds[k], filter_url(year, k), len(groups[(year, k)]), k == kind)
                       for k in kind_order if (year, k) in groups]
        title = TITLE if (year, kind) == (None, None) else f"{TITLE}: {heading}"
        pages += paginate(items, PER_PAGE, filter_url(year, kind), title, "cchc/documents.html",
                          partial(DocumentsView, heading=heading, years=year_links, kinds=kind_links),
                          in_nav=(year, kind) == (None, None) and bool(documents))
    for d in documents:
        pages.append(PageSpec(
            url=d.url, title=d.title, template="cchc/document.html", markdown=page_markdown(d), source=d.content_path,
            description=f"{d.title} ngày {d.issued_short} của {d.issuer}: {d.summary}", section=DOCUMENTS,
            data=DocumentView(d, filter_url(None, d.kind_slug)),
        ))
    return pages
