"""Load everything under content/ once: records, collections and every error, together."""
from __future__ import annotations

from dataclasses import dataclass, field

from .articles import load_articles
from .collections import ArticleIndex
from .errors import ContentError
from .news_pages import news_pages
from .pages import PageSpec
from .records import Article
from .settings import Settings


@dataclass
class Content:
    settings: Settings
    articles: ArticleIndex
    held: list[Article] = field(default_factory=list)  # drafts and scheduled, left out of the build
    errors: list[ContentError] = field(default_factory=list)

    def pages(self, home_markdown: str = "") -> list[PageSpec]:
        """Every generated page; the order of entry points (in_nav) is the order of the nav."""
        return news_pages(self.articles, self.settings.per_page, home_markdown)

    def outputs(self) -> dict[str, bytes]:
        """Generated non-page files (exports, …): site-relative path -> bytes."""
        return {}


def load_content(settings: Settings) -> Content:
    articles, held, errors = load_articles(settings)
    return Content(settings, ArticleIndex(articles, settings.categories), held, errors)
