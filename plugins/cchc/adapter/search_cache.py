"""Search entries of unchanged pages, from the build cache instead of parsing their HTML again.

Material's search plugin parses every page's HTML to split it into sections (a tenth of a warm
build). A page's entries follow only from what `SearchIndex.add_entry_from_context` reads: its
content, URL, title, table of contents and the `title`/`tags`/`search` of its meta; with those
unchanged, the entries stored by an earlier build are the same ones, so they are added as stored.
"""
from __future__ import annotations

import json
from typing import Any

from cchc.core.build_cache import BuildCache, digest

KIND = "search-entries"
SEARCH_PLUGIN = "material.plugins.search.plugin"  # the module of Material's search plugin


def enabled_search(config) -> Any | None:
    """Material's search plugin of this config, when it is on."""
    search = next((p for p in config.plugins.values() if type(p).__module__ == SEARCH_PLUGIN), None)
    return search if search is not None and search.config.enabled else None


def _toc(items) -> list:
    return [[item.id, item.url, item.title, _toc(item.children)] for item in items]


def _key(page, segmenter: bool) -> str:
    meta = {name: page.meta.get(name) for name in ("title", "tags", "search")}
    described = json.dumps([page.url, page.title, meta, _toc(page.toc), segmenter],
                           ensure_ascii=False, sort_keys=True, default=repr)
    return digest(described, page.content or "")


def reuse_search_entries(search_plugin: Any, cache: BuildCache) -> None:
    """Wrap this build's search index so that each page's entries come from the cache when they can."""
    from material.plugins.search import plugin as search_module

    index = search_plugin.search_index
    original = index.add_entry_from_context
    segmenter = bool(getattr(search_module, "jieba", None))  # Chinese word splitting changes the text

    def add_entry_from_context(page) -> None:
        key = _key(page, segmenter)
        stored = cache.get(KIND, key)
        if isinstance(stored, list):
            index.entries.extend(stored)
            return
        start = len(index.entries)
        original(page)
        cache.put(KIND, key, index.entries[start:])

    index.add_entry_from_context = add_entry_from_context
