"""Pages for citizens that hold no content of their own: the search page and how to receive news by RSS."""
from __future__ import annotations

from dataclasses import dataclass

from cchc.core.news.news_views import TermLink
from cchc.core.pages import PageSpec, View
from cchc.core.urls import FEEDS_HELP, SEARCH


@dataclass(frozen=True, repr=False)
class PlainView(View):
    kind: str  # "search" | "feeds"
    categories: tuple[TermLink, ...] = ()  # the feeds page lists each category's own feed (name and link only)


def citizen_pages(categories=()) -> list[PageSpec]:
    return [
        PageSpec(url=SEARCH, title="Tìm kiếm", template="cchc/search.html", data=PlainView("search"),
                 description="Tìm tin bài và thủ tục hành chính của chuyên mục."),
        PageSpec(url=FEEDS_HELP, title="Nhận tin qua RSS", template="cchc/feeds-help.html", data=PlainView("feeds", tuple(TermLink(c.name, c.url) for c in categories)),
                 description="Cách nhận tin mới của chuyên mục qua RSS, Atom hoặc JSON Feed."),
    ]
