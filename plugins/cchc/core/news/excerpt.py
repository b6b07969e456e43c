"""The excerpt shown in listings and feeds: summary, else text before <!-- more -->, else first paragraph.

The text is rendered with the site's own Markdown extensions (an admonition is text, not '!!! note'),
by one converter per build; with a build cache, each excerpt is kept under its source and settings.
"""
from __future__ import annotations

import re
from typing import Any

import markdown
from markupsafe import Markup

from cchc.core.build_cache import BuildCache, digest, stable_text
from cchc.core.sanitize import clean_html

MORE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LIMIT = 300


class Excerpts:
    """The excerpts of one build."""

    def __init__(self, extensions: tuple[str, ...] = ("tables",), configs: dict[str, Any] | None = None,
                 cache: BuildCache | None = None):
        self._markdown = markdown.Markdown(extensions=list(extensions), extension_configs=configs or {})
        self._settings = stable_text([list(extensions), configs or {}])  # None: no stable key, do not cache
        self._cache = cache

    def plain_text(self, markdown_text: str) -> str:
        # An image inside a sentence reads as its alt text, not as nothing.
        html = self._markdown.reset().convert(IMAGE.sub(r"\1", markdown_text))
        # Cleaned first: the text of a <script> or <style> is not prose either.
        return " ".join(Markup(clean_html(html, ())).striptags().split())

    def excerpt(self, body: str, summary: str | None) -> str:
        if summary:
            return cut(" ".join(summary.split()))
        if self._cache is None or self._settings is None:
            return self._excerpt(body)
        key = digest(body, self._settings)
        known = self._cache.get("excerpt", key)
        if isinstance(known, str):
            return known
        text = self._excerpt(body)
        self._cache.put("excerpt", key, text)
        return text

    def _excerpt(self, body: str) -> str:
        parts = MORE.split(body, maxsplit=1)
        source = parts[0] if len(parts) == 2 else first_paragraph(body)
        return cut(self.plain_text(source))


def cut(text: str, limit: int = LIMIT) -> str:
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    head = head.rsplit(" ", 1)[0] if " " in head else head[:limit]
    return head.rstrip(" ,;:.-–") + "…"


def first_paragraph(body: str) -> str:
    for block in re.split(r"\n\s*\n", body.strip()):
        block = block.strip()
        # skip headings, images and HTML blocks: they are not prose
        if block and not block.startswith(("#", "![", "<", "|", "---")):
            return block
    return ""


def excerpt(body: str, summary: str | None) -> str:
    """With the default extensions and no cache (tests, tools)."""
    return Excerpts().excerpt(body, summary)
