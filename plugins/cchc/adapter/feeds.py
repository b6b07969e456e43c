"""Feeds glue: keep each article's rendered body; once every page is rendered (on_env comes after
MkDocs rendered the Markdown of all pages and before it writes files), hand the feeds to MkDocs as
generated files, written through site_output like every other output file."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from cchc.core.content import Content
from cchc.core.news.feeds import build_feeds
from cchc.core.news.news_views import ArticleView
from cchc.core.pages import PageSpec

from .site_output import GeneratedFile


class FeedWriter:
    def __init__(self) -> None:
        self.bodies: dict[str, str] = {}  # article.url -> body HTML as rendered by MkDocs

    def page_content(self, html: str, spec: PageSpec | None) -> None:
        if spec is not None and isinstance(spec.data, ArticleView):
            self.bodies[spec.data.article.url] = html

    def add_files(self, content: Content, files: Files, config: MkDocsConfig, images=None) -> None:
        try:
            outputs = build_feeds(content.articles, content.settings, self.bodies, images)
        except ValueError as error:
            raise PluginError(f"Không tạo được bản tin RSS/Atom: {error}") from None
        for path, data in outputs.items():
            files.append(GeneratedFile.generated(config, path, content=data))
