"""Whole generated pages kept in the build cache: a page whose inputs did not change is not rendered.

A page's HTML is what its theme template makes of: the page (URL, title, meta, content, table of
contents, neighbours in the nav), our template data (digested by core.fingerprint), the nav, the
config and the theme's files. All of these go into the page's key. On a hit the page is built with
the one-line template cchc/cached.html, which prints the stored output; every other step of the
build (search index, feeds, on_post_page hooks, writing the file) runs as for any page.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from cchc.core.build_cache import BuildCache, digest
from cchc.core.fingerprint import Fingerprinter, Uncacheable
from cchc.core.pages import PageSpec

KIND = "page"
CACHED_TEMPLATE = "cchc/cached.html"


def _theme_digest(config: MkDocsConfig) -> str:
    """Every file of the theme folders outside installed packages (their version is in the cache key)."""
    parts = []
    for folder in config.theme.dirs:
        if "site-packages" in Path(folder).parts:
            parts.append(Path(folder).name)
            continue
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


def _nav_items(items) -> list:
    return [[type(item).__name__, item.title, getattr(item, "url", None), _nav_items(item.children or [])]
            for item in items]


def _toc(toc) -> list:
    return [[item.title, item.id, item.level, _toc(item.children)] for item in toc]


def _neighbour(page: Page | None) -> list | None:
    return None if page is None else [page.title, page.url]


class PageCache:
    def __init__(self, cache: BuildCache, config: MkDocsConfig, command: str, today: str):
        config_path = Path(config.config_file_path)
        self.cache = cache
        self.fingerprints = Fingerprinter()
        self.site_key = digest(
            config_path.read_bytes(), config.site_url or "", config.site_dir, command, today,
            os.environ.get("SOURCE_DATE_EPOCH", ""), _theme_digest(config))
        self.nav_key = ""
        self.pending: dict[str, str] = {}  # src_uri -> key of a page rendered this build
        # src_uri -> key of a page served from the cache; its output is read again when the page is
        # written, not kept: 16,000 pages of HTML held from the first step to the last exceeded 1 GB.
        self.hits: dict[str, str] = {}
        self.stored = self.reused = 0

    def set_nav(self, nav: Navigation, media: str = "") -> None:
        """The nav and the published images (variants, cards) that every page may show."""
        # digested once: with every image and card of the site it is megabytes, hashed for each page before
        self.nav_key = digest(json.dumps(_nav_items(nav.items), ensure_ascii=False), media)

    def page_key(self, page: Page, spec: PageSpec) -> str | None:
        try:
            data = self.fingerprints.digest(spec)
        except Uncacheable:
            return None
        described = json.dumps([
            page.url, page.file.src_uri, page.file.inclusion.name, page.title, page.meta, _toc(page.toc),
            page.canonical_url, page.edit_url, _neighbour(page.previous_page), _neighbour(page.next_page),
            page.parent.title if page.parent else None, page.is_homepage,
        ], ensure_ascii=False, sort_keys=True, default=repr)
        return digest(self.site_key, self.nav_key, described, page.content or "", data)

    def prepare(self, page: Page, spec: PageSpec) -> None:
        """After the page's content is final: use the stored output, or note the key to store it under."""
        key = self.page_key(page, spec)
        if key is None:
            return
        if self.cache.has(KIND, key):  # read when the page is written (cached_output)
            self.hits[page.file.src_uri] = key
            self.reused += 1
            page.meta["template"] = CACHED_TEMPLATE
        else:
            self.pending[page.file.src_uri] = key

    def cached_output(self, page: Page) -> str | None:
        key = self.hits.pop(page.file.src_uri, None)
        if key is None:
            return None
        output = self.cache.get(KIND, key)
        if not isinstance(output, str):  # the entry was there a moment ago: the cache file was damaged
            raise PluginError(f"Bộ nhớ đệm dựng trang hỏng khi đang dựng trang '{page.url}'. Cách sửa: xóa thư "
                              "mục bộ nhớ đệm (mặc định .cache/cchc/) rồi dựng lại.")
        return output

    def store(self, page: Page, output: str) -> None:
        key = self.pending.pop(page.file.src_uri, None)
        if key is not None:
            self.cache.put(KIND, key, output)
            self.stored += 1
