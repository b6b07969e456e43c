"""What the news section's templates read as `cchc` (theme/cchc/<template>.html), one view per kind of page."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from cchc.core.news.collections import Month, Term, Year
from cchc.core.pages import Paged, View
from cchc.core.records import Article


@dataclass(frozen=True, repr=False)
class HomeView(View):  # home.html
    articles: list[Article]  # pinned first, then the latest
    categories: list[Term]
    years: list[Year]
    total: int  # articles in all


@dataclass(frozen=True, repr=False)
class ListingView(Paged):  # list.html: every article, or a category's, or a tag's
    items: list[Article]
    kind: Literal["all", "category", "tag"]
    term: Term | None = None  # the category or tag


@dataclass(frozen=True, repr=False)
class ArchiveView(View):  # archive.html
    years: list[Year]


@dataclass(frozen=True, repr=False)
class YearView(View):  # year.html
    year: Year


@dataclass(frozen=True, repr=False)
class MonthView(View):  # month.html
    month: Month
    articles: list[Article]  # the month's, digested whole: core.fingerprint digests a Month by its articles' URLs
    older: Month | None
    newer: Month | None


@dataclass(frozen=True, repr=False)
class TermsView(View):  # terms.html: every category, or every tag
    kind: Literal["categories", "tags"]
    terms: list[Term]


@dataclass(frozen=True)
class TermLink:
    """What an article's page shows of a category or tag: its name and its link, not its other
    articles, so that publishing one leaves the pages of the others as they were."""
    name: str
    url: str


@dataclass(frozen=True)
class ArticleLink:
    """What an article's page shows of its neighbours (older, newer): title and link, not their
    picture or text, so that a new cover of one leaves its neighbours' pages as they were."""
    title: str
    url: str


@dataclass(frozen=True, repr=False)
class ArticleView(View):  # article.html
    article: Article
    older: ArticleLink | None
    newer: ArticleLink | None
    categories: list[TermLink]
    tags: list[TermLink]
