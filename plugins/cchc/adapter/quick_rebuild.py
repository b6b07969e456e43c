"""`mkdocs serve`: a saved article, procedure or plan renders again only the pages that show it.

MkDocs rebuilds the whole site on every save, and its --dirty misses what a save changes elsewhere
(listings, archives, feeds). After each full build of `mkdocs serve` the plugin keeps what
the build used (config, files, nav, Jinja environment), the state of the source files and every
page's data. On the next save, when only Markdown records under content/ changed and the site keeps
the same pages in the same order under the same menu, only the pages whose data changed
(core.same_data) are rendered (through MkDocs' own page steps and every plugin's page
events), and the feeds, exports, embeddable box and social cards are rewritten where their bytes
changed. The search index (Pagefind, written by the full build) is not rewritten by a quick rebuild:
until the next full build, search on the preview answers from the pages as they were. Anything
else (mkdocs.yml, theme, site_src/, images or attachments, a page added or removed, a content
error, another plugin) falls back to MkDocs' full build, which is always right. Tests compare the served site with a clean build after each kind of save.
"""
from __future__ import annotations

import gc
import logging
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Protocol

from mkdocs.structure.files import InclusionLevel

from cchc.core.content import load_content
from cchc.core.errors import ordered
from cchc.core.file_state import file_state, now_ns
from cchc.core.media.media import Media
from cchc.core.documents.documents import FOLDER as DOCUMENTS
from cchc.core.indices.indices import FILE as INDICES_FILE
from cchc.core.news.articles import FOLDER as ARTICLES
from cchc.core.pages import in_build_order
from cchc.core.news.feeds import build_feeds
from cchc.core.procedures.procedures import FOLDER as PROCEDURES
from cchc.core.quota.plans import FOLDER as PLANS
from cchc.core.record_memo import RecordMemo
from cchc.core.same_data import SameData

from . import compat, site_output

log = logging.getLogger("mkdocs.plugins.cchc")

KNOWN_PLUGINS = {"cchc.adapter.plugin"}  # the page events of others are not known to us
RECORD_FOLDERS = (ARTICLES, PROCEDURES, PLANS, DOCUMENTS)  # the Markdown records of core.content


def plugins_known(config) -> bool:
    """Only this plugin: what its page events do is known to us."""
    return all(type(p).__module__ in KNOWN_PLUGINS for p in config.plugins.values())


def source_state(roots: list[Path], before: dict | None = None) -> dict[str, tuple]:
    """The state of every file under the roots (core.file_state: an edit that keeps size and
    modification time is seen too); hidden files are never published."""
    before = before or {}
    seen = now_ns()
    state = {}

    def look(path: str) -> None:
        try:
            stat = os.stat(path)
        except OSError:
            return
        state[path] = file_state(path, stat, seen, before.get(path))

    for root in roots:
        if root.is_file():
            look(str(root))
            continue
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                if not name.startswith("."):
                    look(os.path.join(folder, name))
    return state


def _changed(before: dict, after: dict) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


@dataclass
class LastBuild:
    config: object
    files: object
    nav: object
    env: object
    state: dict[str, tuple]  # core.file_state of every source file
    order: list[tuple[str, str]]  # (src_uri, url) of every generated page, in the order of the files
    menu: list[tuple[str, str]]  # (src_uri, title) of the pages in the nav
    specs: dict  # src_uri -> PageSpec the pages were rendered from


class BuildState(Protocol):
    """What a quick rebuild takes from the last full build and hands back (the plugin, which holds
    it): named here so that this module does not import the plugin's."""
    content: object  # core.content.Content
    media: Media
    specs: dict
    outputs: dict[str, bytes]
    home_markdown: str
    feeds: object  # adapter.feeds.FeedWriter
    cache: object  # core.build_cache.BuildCache | None
    page_cache: object  # adapter.page_cache.PageCache | None

    def collect_media(self, content, previous: Media | None = None) -> Media: ...

    def generated_outputs(self) -> dict[str, bytes]: ...


class QuickRebuild:
    def __init__(self, plugin: BuildState) -> None:
        self.plugin = plugin
        self.memo = RecordMemo()
        self.last: LastBuild | None = None

    # -- after a full build --------------------------------------------------------------------
    def roots(self, config) -> list[Path]:
        roots = [Path(config.config_file_path), Path(config.docs_dir), self.plugin.content.settings.content_root]
        return roots + [Path(d) for d in config.theme.dirs if "site-packages" not in Path(d).parts]

    def remember(self, config, files, nav, env) -> None:
        """After a full build: what it used."""
        plugin = self.plugin
        specs = plugin.specs
        self.last = LastBuild(
            config, files, nav, env, source_state(self.roots(config)), _order(specs), _menu(specs), dict(specs))

    def wrap(self, builder: Callable[[], None]) -> Callable[[], None]:
        def rebuild(config=None) -> None:
            started = time.monotonic()
            # A save builds a whole site's page specs again: the cyclic collector would walk the served
            # site's ~700,000 objects hundreds of times (0.5-0.8 s at 10,000 articles). What the update
            # drops is freed by reference counting; cycles wait for the next collection.
            collecting = gc.isenabled()
            gc.disable()
            try:
                pages = self.update() if config is None else None
            except Exception as error:  # never worse than MkDocs alone: the full build is always right
                log.info("Dựng lại nhanh không được (%s: %s); dựng lại toàn bộ.", type(error).__name__, error)
                pages = None
            finally:
                if collecting:
                    gc.enable()
            if pages is None:
                self.last = None
                builder(config) if config is not None else builder()
                return
            log.info("Dựng lại nhanh: %d trang thay đổi, %.2f giây.", pages, time.monotonic() - started)
        return rebuild

    # -- on a save -----------------------------------------------------------------------------
    def update(self) -> int | None:
        """Render again what the saved records change; the number of pages, or None for a full build."""
        last, plugin = self.last, self.plugin
        if last is None or not plugins_known(last.config) or not compat.FAST:
            return None
        steps = _Steps()
        state = source_state(self.roots(last.config), last.state)
        changed = _changed(last.state, state)
        content_root = plugin.content.settings.content_root
        if not all(_is_record(Path(path), content_root) for path in changed):
            return None
        settings = replace(plugin.content.settings)  # a new object: the build time is read again
        content = steps.done("đọc", load_content(settings, self.memo))
        if content.blocking_errors:
            return None  # the full build reports every one of them
        media = plugin.collect_media(content, previous=plugin.media)  # only Markdown changed: same image files
        drafts = content.mark_drafts(media.errors)
        if any(not error.draft for error in drafts) or media.attachments != plugin.media.attachments:
            return None  # a file is now used or no longer used: the full build publishes the right ones
        for error in ordered([*content.draft_errors, *drafts]):  # a draft's problems never stop a preview
            log.info("Bài nháp cần sửa trước khi xuất bản: %s", error)
        pages = in_build_order(content.pages(plugin.home_markdown))  # the order of the full build's files
        specs = steps.done("ảnh, trang", {spec.src_uri: spec for spec in pages})
        if _order(specs) != last.order or _menu(specs) != last.menu:
            return None  # pages added, removed, moved to another URL or renamed in the menu
        compare = SameData()
        stale = steps.done("so sánh", [src for src, spec in specs.items() if not compare.same(last.specs[src], spec)])
        previous = plugin.media
        plugin.content, plugin.media, plugin.specs = content, media, specs
        self._publish_files(Path(last.config.site_dir), previous, media)
        steps.done("tệp xuất", None)
        self._render(last, stale, content)
        steps.done("dựng trang, bản tin, tìm kiếm", None)
        last.state, last.specs = state, specs
        log.debug("Dựng lại nhanh, từng bước: %s.", steps)
        return len(stale)

    def _publish_files(self, site: Path, previous: Media, media: Media) -> None:
        """Exports, the embeddable box, cards: written where they differ from what the site has."""
        plugin = self.plugin
        outputs = plugin.generated_outputs()
        for path, data in outputs.items():
            if plugin.outputs.get(path) != data:
                site_output.write(site, path, data)
        plugin.outputs = outputs
        published = previous.files
        for path, cached in media.files.items():
            if published.get(path) != cached or not (site / path).is_file():
                site_output.copy(site, path, cached)

    def _render(self, last: LastBuild, stale: list[str], content) -> None:
        """MkDocs' own steps for each stale page (every plugin's page events run), then what the
        pages feed: the feeds (bodies as rendered)."""
        config, files, nav, env = last.config, last.files, last.nav, last.env
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for src in stale:
            page = files.get_file_from_path(src).page
            compat.rebuild_page(page, config, files, doc_files, nav, env)
        if self.plugin.cache:
            self.plugin.cache.close()  # what this save rendered is kept for the next
        site = Path(config.site_dir)
        settings = content.settings
        for path, data in build_feeds(content.articles, settings, self.plugin.feeds.bodies,
                                      self.plugin.media.images).items():
            site_output.write(site, path, data)


class _Steps:
    """Seconds of each step of a quick rebuild, for `mkdocs serve -v`."""

    def __init__(self) -> None:
        self.last, self.seconds = time.perf_counter(), []

    def done(self, name: str, result):
        now = time.perf_counter()
        self.seconds.append((name, now - self.last))
        self.last = now
        return result

    def __str__(self) -> str:
        return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.seconds)


def _is_record(path: Path, content_root: Path) -> bool:
    """A Markdown record of core.content, or the indices file: a save of one changes data, never files to copy."""
    if path == content_root / INDICES_FILE:
        return True
    return (path.suffix == ".md" and path.is_relative_to(content_root)
            and path.relative_to(content_root).parts[0] in RECORD_FOLDERS)


def _order(specs) -> list[tuple[str, str]]:
    return [(src, spec.url) for src, spec in specs.items()]


def _menu(specs) -> list[tuple[str, str]]:
    return [(src, spec.title) for src, spec in specs.items() if spec.in_nav]
