"""Whole generated pages kept in the build cache: a page whose inputs did not change is not rendered.

A page's HTML is what its theme template makes of: the page (URL, title, meta, content, table of
contents, neighbours in the nav), our template data (digested by core.fingerprint; an article carries
its published picture and og:image), the nav, the config as MkDocs resolved
it (after INHERIT and !ENV) and the theme's files. All of these go into the page's key, and nothing
else: no date, no digest of the whole site's images, so that publishing one article leaves the key of
every page that does not show it as it was. The nav is digested once every page has been read
(on_env): hand-written pages take their menu titles from their `# heading`. On a hit the page is built
with the one-line template cchc/cached.html, which prints the stored output; every other step of the
build (search index, feeds, on_post_page hooks, writing the file) runs as for any page, except our own
fix-ups of the output (stored after them: they are not applied twice, nor paid twice).
"""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from cchc.core.build_cache import BuildCache, digest, stable_text
from cchc.core.fingerprint import Fingerprinter, Uncacheable
from cchc.core.pages import PageSpec

log = logging.getLogger("mkdocs.plugins.cchc")
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


_NOT_INPUTS = {"site_dir", "dev_addr", "watch", "remote_branch", "remote_name"}  # where and how, not what


def _module_code(module: ModuleType) -> str:
    """The source of a hook or of a plugin's module (our own code is in the cache's version)."""
    try:
        return digest(Path(module.__file__).read_bytes()) if getattr(module, "__file__", None) else module.__name__
    except OSError:
        return module.__name__


def _plain(value: Any) -> Any:
    """The config as plain data: mappings (Config, Theme, plugins' configs), lists and values.
    A value whose text would not follow its content (an object at an address) raises Uncacheable."""
    if isinstance(value, ModuleType):  # a hook (mkdocs.yml `hooks:`): its code
        return _module_code(value)
    if hasattr(value, "on_config") and hasattr(value, "config"):  # a plugin: its class, its code, its options
        module = sys.modules.get(type(value).__module__)
        return [f"{type(value).__module__}.{type(value).__qualname__}", _module_code(module) if module else "",
                _plain(value.config)]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in sorted(value.items(), key=lambda pair: str(pair[0]))
                if not str(key).startswith("_")}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    text = stable_text(value)
    if text is None:
        raise Uncacheable(type(value).__qualname__)
    return text


def config_digest(config: MkDocsConfig) -> str | None:
    """The config as loaded (INHERIT merged, !ENV read, plugins' options), or None if it cannot be
    written down reliably (then no page is cached)."""
    try:
        values = {key: _plain(config[key]) for key in config if key not in _NOT_INPUTS}
    except Uncacheable:
        return None
    return digest(json.dumps(values, ensure_ascii=False, sort_keys=True, default=repr))


class PageCache:
    def __init__(self, cache: BuildCache, config: MkDocsConfig, command: str):
        self.cache = cache
        self.fingerprints = Fingerprinter()
        self.command = command
        self.theme_key = _theme_digest(config)
        self.ready = False  # the config and the nav are digested in on_env, once every page was read
        self.site_key: str | None = None  # None once ready: the config cannot be digested, nothing is cached
        self.waiting: list[tuple[Page, PageSpec]] = []  # pages read before that
        self.pending: dict[str, str] = {}  # src_uri -> key of a page rendered this build
        # src_uri -> key of a page served from the cache; its output is read again when the page is
        # written, not kept: 16,000 pages of HTML held from the first step to the last exceeded 1 GB.
        self.hits: dict[str, tuple[str, str]] = {}  # src_uri -> (key, the page's own template)
        self.served: set[str] = set()  # src_uri of pages whose stored output was printed, not yet finished
        self.stored = self.reused = 0

    def set_nav(self, nav: Navigation, config: MkDocsConfig) -> None:
        """Once every page was read (titles of hand-written pages come from their heading): the pages
        read so far get their keys."""
        settings = config_digest(config)
        self.ready = True
        self.site_key = None if settings is None else digest(
            settings, self.command, self.theme_key, json.dumps(_nav_items(nav.items), ensure_ascii=False))
        waiting, self.waiting = self.waiting, []
        if self.site_key is None:
            return
        keyed = [(page, self.page_key(page, spec)) for page, spec in waiting]
        present = self.cache.present(KIND, [key for _, key in keyed if key is not None])  # a few queries
        for page, key in keyed:
            if key is not None:
                self._use(page, key, key in present)

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
        return digest(self.site_key, described, page.content or "", data)

    def prepare(self, page: Page, spec: PageSpec) -> None:
        """After the page's content is final: use the stored output, or note the key to store it under."""
        if not self.ready:
            if not self.waiting or self.waiting[-1][0] is not page:
                self.waiting.append((page, spec))
            return
        if self.site_key is None:
            return
        key = self.page_key(page, spec)
        if key is not None:
            self._use(page, key, self.cache.has(KIND, key))

    def _use(self, page: Page, key: str, stored: bool) -> None:
        if stored:  # read when the page is written (cached_output)
            self.hits[page.file.src_uri] = (key, page.meta.get("template") or "main.html")
            self.reused += 1
            page.meta["template"] = CACHED_TEMPLATE
        else:
            self.pending[page.file.src_uri] = key

    def cached_output(self, page: Page, render: Callable[[str], str]) -> str | None:
        """The stored output of a page served from the cache. An entry found damaged only now (its
        start was read in prepare) is skipped with one warning: render(template) makes the page as
        if it had not been cached, and the new output replaces the entry."""
        hit = self.hits.pop(page.file.src_uri, None)
        if hit is None:
            return None
        key, template = hit
        output = self.cache.get(KIND, key)
        if isinstance(output, str):
            self.served.add(page.file.src_uri)
            return output
        log.info("Cảnh báo: bộ nhớ đệm dựng trang: mục của trang '%s' bị hỏng, đã bỏ qua và dựng lại trang.", page.url)
        self.reused -= 1
        self.pending[page.file.src_uri] = key
        return render(template)

    def was_served(self, page: Page) -> bool:
        """Whether the page's output came from the cache: it was stored already finished (store())."""
        if page.file.src_uri in self.served:
            self.served.discard(page.file.src_uri)
            return True
        return False

    def store(self, page: Page, output: str) -> None:
        key = self.pending.pop(page.file.src_uri, None)
        if key is not None:
            self.cache.put(KIND, key, output)
            self.stored += 1
