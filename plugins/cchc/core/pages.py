"""Page specs: which page exists at which URL, with which template and data. No rendering here."""
from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Callable, Sequence

from cchc.core.urls import listing_page_url


class View:
    """What a page's template reads as `cchc`: one small dataclass per kind of page, defined next to the
    code that builds it (news_views, procedure_views, plan_views). Declare them
    `@dataclass(frozen=True, repr=False)`: core.fingerprint and core.same_data then go through a view
    field by field, so an article or category shown on many pages is digested once (a frozen dataclass
    with its generated repr is digested through that repr, which spells out every article it holds)."""


@dataclass
class PageSpec:
    url: str  # site-relative, '' for the home, always ending in '/' otherwise
    title: str
    template: str  # Jinja template under theme/
    data: View  # the template's `cchc`; the spec itself is `cchc_spec`
    markdown: str = ""  # body rendered by the site generator (article text, plan text)
    source: str | None = None  # content-relative path of the file the markdown comes from
    in_nav: bool = False  # entry points of the section only
    description: str = ""
    section: str | None = None  # URL of the menu entry to highlight when the page itself is not in the menu

    @property
    def src_uri(self) -> str:
        """The page's name among the site's files: a content file keeps its own path, so that relative
        links written next to it resolve as written; a generated listing is named after its URL."""
        return self.source or f"{self.url}index.md"

    @property
    def dest_uri(self) -> str:
        return f"{self.url}index.html"


@dataclass(frozen=True)
class Pagination:
    number: int
    count: int
    base_url: str

    def url_of(self, number: int) -> str:
        return listing_page_url(self.base_url, number)

    @property
    def previous_url(self) -> str | None:
        return self.url_of(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url_of(self.number + 1) if self.number < self.count else None

    @property
    def numbers(self) -> list[int | None]:
        """Page numbers to show; None is a gap (…). Bounded size, whatever the page count."""
        wanted = {1, self.count, *range(self.number - 2, self.number + 3)}
        shown, previous = [], 0
        for n in sorted(x for x in wanted if 1 <= x <= self.count):
            if n - previous > 1:
                shown.append(None)
            shown.append(n)
            previous = n
        return shown


@dataclass(frozen=True, repr=False)
class Paged(View):
    """One page of a listing: its items, where it is among the pages, and how many items in all."""
    items: Sequence
    pagination: Pagination
    total: int


def paginate(items: Sequence, per_page: int, base_url: str, title: str, template: str,
             view: Callable[[Sequence, Pagination, int], Paged], in_nav: bool = False) -> list[PageSpec]:
    """One spec per page of a listing: base_url, base_url/trang/2/, …; `view` makes a page's view from
    its items, pagination and total (a Paged subclass, or a functools.partial of one)."""
    count = max(1, ceil(len(items) / per_page))
    specs = []
    for number in range(1, count + 1):
        pagination = Pagination(number, count, base_url)
        page_title = title if number == 1 else f"{title} – Trang {number}"
        specs.append(PageSpec(
            url=pagination.url_of(number), title=page_title, template=template,
            data=view(items[(number - 1) * per_page: number * per_page], pagination, len(items)),
            in_nav=in_nav and number == 1,
        ))
    return specs


def in_build_order(specs: list[PageSpec]) -> list[PageSpec]:
    """Pages from editors' files first, listings after (stable: the menu keeps its order, its entries
    are listings): the search index starts on the first while the others render (core.site_search)."""
    return sorted(specs, key=lambda spec: not spec.source)
