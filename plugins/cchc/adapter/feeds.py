"""Feeds glue: keep each article's rendered body, write the feeds once every page is rendered."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from ..core.content import Content
from ..core.feeds import build_feeds
from ..core.pages import PageSpec


class FeedWriter:
    def __init__(self) -> None:
        self.bodies: dict[str, str] = {}  # article.url -> body HTML as rendered by MkDocs

    def page_content(self, html: str, spec: PageSpec | None) -> None:
        article = spec.data.get("article") if spec is not None else None
        if article is not None:
            self.bodies[article.url] = html

    def write(self, content: Content, site_dir: str, images=None) -> None:
        try:
            outputs = build_feeds(content.articles, content.settings, self.bodies, images)
        except ValueError as error:
            raise PluginError(f"Không tạo được bản tin RSS/Atom: {error}") from None
        root = Path(site_dir)
        for path, data in outputs.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
