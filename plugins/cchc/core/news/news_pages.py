"""The news section's pages: home, articles, listings, categories, tags, archives."""
from __future__ import annotations

from functools import partial

from cchc.core.news.collections import ArticleIndex
from cchc.core.news.news_views import (ArchiveView, ArticleLink, ArticleView, HomeView, ListingView, MonthView,
                                       TermLink, TermsView, YearView)
from cchc.core.pages import PageSpec, paginate
from cchc.core.urls import ARCHIVE, CATEGORIES_INDEX, NEWS, TAGS_INDEX
from cchc.core.text.vietnamese import year_label

HOME_COUNT = 10
HOME_TITLE = "Trang chủ"  # the menu item; the page's heading is the section's name


def news_pages(index: ArticleIndex, per_page: int, home_markdown: str = "") -> list[PageSpec]:
    pages = [PageSpec(
        url="", title=HOME_TITLE, template="cchc/home.html", in_nav=True,
        markdown=home_markdown,
        data=HomeView(index.home_articles(HOME_COUNT), index.categories, index.years, len(index.articles)),
    )]
    pages += paginate(index.articles, per_page, NEWS, "Tin bài", "cchc/list.html",
                      partial(ListingView, kind="all"), in_nav=True)
    pages.append(PageSpec(url=ARCHIVE, title="Lưu trữ tin bài", template="cchc/archive.html",
                          in_nav=True, data=ArchiveView(index.years)))
    for year in index.years:
        pages.append(PageSpec(url=year.url, title=f"Tin bài {year_label(year.year).lower()}",
                              template="cchc/year.html", data=YearView(year), section=ARCHIVE))
    for i, month in enumerate(index.months):  # newest first
        pages.append(PageSpec(url=month.url, title=f"Tin bài {month.label.lower()}",
                              template="cchc/month.html", section=ARCHIVE,
                              data=MonthView(month, month.articles,
                                             older=index.months[i + 1] if i + 1 < len(index.months) else None,
                                             newer=index.months[i - 1] if i > 0 else None)))
    pages.append(PageSpec(url=CATEGORIES_INDEX, title="Các chuyên mục", template="cchc/terms.html",
                          data=TermsView("categories", index.categories)))
    pages.append(PageSpec(url=TAGS_INDEX, title="Các thẻ", template="cchc/terms.html",
                          data=TermsView("tags", index.tags)))
    for term in index.categories:
        pages += paginate(term.articles, per_page, term.url, term.name, "cchc/list.html",
                          partial(ListingView, kind="category", term=term))
    for term in index.tags:
        pages += paginate(term.articles, per_page, term.url, f"Thẻ: {term.name}", "cchc/list.html",
                          partial(ListingView, kind="tag", term=term))
    for article in index.articles:
        older, newer = index.neighbours(article)
        pages.append(PageSpec(
            url=article.url, title=article.title, template="cchc/article.html",
            markdown=article.body, source=article.content_path, description=article.excerpt,
            data=ArticleView(article, _neighbour(older), _neighbour(newer),
                             categories=[_link(index.category(name)) for name in article.categories],
                             tags=[_link(index.tag(name)) for name in article.tags]),
        ))
    return pages


def _neighbour(article) -> ArticleLink | None:
    return None if article is None else ArticleLink(article.title, article.url)


def _link(term) -> TermLink:
    return TermLink(term.name, term.url)
