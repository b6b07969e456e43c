"""Groupings of articles: newest first, by month, year, category and tag. Built once, in linear time."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from cchc.core.records import Article
from cchc.core.urls import CATEGORY, TAG, month_url, term_url, year_url
from cchc.core.text.vietnamese import month_label, slugify, sort_key


@dataclass
class Term:
    """A category or tag with its articles, newest first."""
    name: str
    slug: str
    kind: str  # 'chuyen-muc' or 'the'
    articles: list[Article] = field(default_factory=list)

    @property
    def url(self) -> str:
        return term_url(self.kind, self.slug)

    @property
    def count(self) -> int:
        return len(self.articles)


@dataclass
class Month:
    year: int
    month: int
    articles: list[Article]

    @property
    def url(self) -> str:
        return month_url(self.year, self.month)

    @property
    def year_url(self) -> str:
        return year_url(self.year)

    @property
    def label(self) -> str:
        return month_label(self.year, self.month)

    @property
    def count(self) -> int:
        return len(self.articles)


@dataclass
class Year:
    year: int
    months: list[Month]  # newest first, only months with articles

    @property
    def url(self) -> str:
        return year_url(self.year)

    @property
    def count(self) -> int:
        return sum(m.count for m in self.months)


def _newest_first(article: Article):
    return (-article.date.timestamp(), article.slug)


class ArticleIndex:
    def __init__(self, articles: list[Article], categories: tuple[str, ...]):
        self.articles = sorted(articles, key=_newest_first)
        self.pinned = [a for a in self.articles if a.pin]
        by_month: dict[tuple[int, int], list[Article]] = defaultdict(list)
        by_category: dict[str, list[Article]] = {name: [] for name in categories}
        tag_articles: dict[str, list[Article]] = defaultdict(list)
        tag_spellings: dict[str, Counter] = defaultdict(Counter)
        for article in self.articles:
            by_month[article.month].append(article)
            for name in article.categories:
                by_category[name].append(article)
            for name in article.tags:
                slug = slugify(name)
                tag_articles[slug].append(article)
                tag_spellings[slug][name] += 1
        self.months = [Month(y, m, by_month[(y, m)]) for (y, m) in sorted(by_month, reverse=True)]
        years: dict[int, list[Month]] = defaultdict(list)
        for month in self.months:
            years[month.year].append(month)
        self.years = [Year(y, months) for y, months in sorted(years.items(), reverse=True)]
        # Categories keep the configured display order; empty ones still get a page.
        self.categories = [Term(name, slugify(name), CATEGORY, items) for name, items in by_category.items()]
        # Tags: one page per slug ("Một cửa" and "một cửa" are one tag), Vietnamese alphabetical order.
        self.tags = sorted(
            (Term(_spelling(tag_spellings[slug]), slug, TAG, items) for slug, items in tag_articles.items()),
            key=lambda term: sort_key(term.name),
        )
        self._category_by_name = {term.name: term for term in self.categories}
        self._tag_by_slug = {term.slug: term for term in self.tags}
        chronological = list(reversed(self.articles))
        self._neighbours = {
            id(a): (chronological[i - 1] if i > 0 else None,
                    chronological[i + 1] if i + 1 < len(chronological) else None)
            for i, a in enumerate(chronological)
        }

    def category(self, name: str) -> Term:
        return self._category_by_name[name]

    def tag(self, name: str) -> Term:
        return self._tag_by_slug[slugify(name)]

    def neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """(older, newer) article."""
        return self._neighbours[id(article)]

    def home_articles(self, count: int) -> list[Article]:
        """Pinned first, then the latest, without repeats."""
        rest = [a for a in self.articles if not a.pin]
        return self.pinned + rest[: max(count - len(self.pinned), 0)]


def _spelling(counter: Counter) -> str:
    return min(counter, key=lambda name: (-counter[name], sort_key(name)))
