"""Markdown -> HTML of a generated page, rendered once and kept in the build cache.

The key holds the Markdown as MkDocs would render it (after every plugin's on_page_markdown), the
page's place, the Markdown and link-validation settings. Two inputs come from outside the page, and
both are recorded while it renders: every file the link resolver looked up, with what it found (URL,
inclusion), and every file a snippet line (`--8<--`, pymdownx.snippets) asked for, with the digest of
what it read (nested snippets too). An entry is used only if each lookup still finds the same. A
snippet downloaded from the web cannot be digested beforehand: such a page is never cached. Log records of the render (a broken link)
are stored too and logged again on every build that uses the entry, so `--strict` still fails.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Callable

import markdown
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from . import compat

from cchc.core.build_cache import BuildCache, digest, stable_text
from cchc.core.sanitize import may_hold_unsafe

KIND = "markdown"
_LOGGERS = ("mkdocs", "MARKDOWN")


def _snippet_state(find, path: str) -> list[str] | None:
    """What a snippet line naming `path` includes now: [file, digest of its bytes], or None (no file).
    find: the preprocessor's get_snippet_path (base folders, restrict_base_path)."""
    found = find(path)
    if not found:
        return None
    try:
        return [found, digest(Path(found).read_bytes())]
    except OSError:
        return [found, "?"]


class RecordingSnippets:
    """pymdownx.snippets' preprocessor of the build's Markdown instance, noting each file it looks up."""

    def __init__(self, md: markdown.Markdown):
        self.md = md
        self.preprocessor = md.preprocessors["snippet"] if "snippet" in md.preprocessors else None
        self.lookups: dict[str, list[str] | None] = {}
        self.downloaded = False

    def __enter__(self) -> "RecordingSnippets":
        snippets = self.preprocessor
        if snippets is not None:
            find, download = snippets.get_snippet_path, snippets.download

            def recorded(path):
                self.lookups[path] = _snippet_state(find, path)
                return find(path)

            def fetched(url):
                self.downloaded = True
                return download(url)

            snippets.get_snippet_path, snippets.download = recorded, fetched  # on this instance only
        return self

    def __exit__(self, *exc) -> None:
        if self.preprocessor is not None:
            vars(self.preprocessor).pop("get_snippet_path", None)
            vars(self.preprocessor).pop("download", None)

    def same(self, lookups: dict) -> bool:
        """Whether each snippet file the stored render read is still the same file with the same bytes."""
        if not lookups:
            return True
        if self.preprocessor is not None:
            self.preprocessor.bases = None  # which base folders exist: asked again, as a render would
        return self.preprocessor is not None and all(
            _snippet_state(self.preprocessor.get_snippet_path, path) == state for path, state in lookups.items())


def _state(file: File | None) -> list[str] | None:
    return None if file is None else [file.url, file.inclusion.name]


class RecordingFiles:
    """The site's files as the link resolver sees them, noting each lookup and its answer."""

    def __init__(self, files: Files):
        self._files = files
        self.lookups: dict[str, list[str] | None] = {}

    def get_file_from_path(self, path: str) -> File | None:
        found = self._files.get_file_from_path(path)
        self.lookups[path] = _state(found)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[list] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno > logging.DEBUG:
            self.records.append([record.name, record.levelno, record.getMessage()])


_per_build: dict[str, tuple[object, object]] = {}  # name -> (the build's config, what was made from it)


def _once_per_build(name: str, config, make):
    """make(config), made again only when a build brings a new config (mkdocs serve reloads it)."""
    known = _per_build.get(name)
    if known is None or known[0] is not config:
        known = _per_build[name] = (config, make(config))
    return known[1]


def settings_key(config) -> str | None:
    """What of the config shapes a render; None when it cannot be written down reliably."""
    return _once_per_build("settings", config, lambda c: stable_text(  # None: not stable, do not cache
        [c["markdown_extensions"], c["mdx_configs"], repr(c.validation), c.use_directory_urls]))


def _markdown_for(config) -> markdown.Markdown:
    """One Markdown instance per build, reset before each page. MkDocs makes a new one per page, which
    loads every extension again: about a millisecond a page, seconds on a site of 3,000 procedures."""
    md = _once_per_build("markdown", config, lambda c: markdown.Markdown(
        extensions=c["markdown_extensions"], extension_configs=c["mdx_configs"] or {}))
    md.reset()
    return md


class CachedPage(Page):
    """A generated page whose render() reads the build cache first, and gives sanitised HTML.

    The sanitiser (clean) runs inside render, so that the cache holds the cleaned HTML and the
    sanitiser's warnings (logged again on every build that uses the entry)."""

    cache: BuildCache | None = None
    clean: Callable[[str, Page], str] | None = None  # html, page -> cleaned html (logs its warnings)
    clean_key = ""  # the sanitiser's settings
    source: Path | None = None  # the editor's file: the warnings name its lines

    def _render_markdown(self, config, files, snippets: RecordingSnippets | None = None) -> None:
        """Page.render with the build's Markdown instance instead of a new one (adapter.compat);
        MkDocs' own Page.render when the fast paths are off."""
        if not compat.FAST:
            return super().render(config, files)
        md = _markdown_for(config) if snippets is None else snippets.md

        def convert(text: str) -> str:
            if snippets is None:
                return md.convert(text)
            with snippets:
                return md.convert(text)

        compat.render_markdown(self, md, files, config, convert)

    def _render_clean(self, config, files, snippets: RecordingSnippets | None = None) -> None:
        self._render_markdown(config, files, snippets)
        if self.clean is not None:
            self.content = self.clean(self.content, self)

    def _source_key(self) -> str:
        """Warnings name lines of the whole file (frontmatter too): the file is an input when there may be any."""
        if self.source is None or not may_hold_unsafe(self.markdown or ""):
            return ""
        try:
            return digest(self.source.read_bytes())
        except OSError:
            return "?"

    def render(self, config, files: Files) -> None:
        settings = settings_key(config) if self.cache is not None and compat.FAST else None
        if settings is None:
            return self._render_clean(config, files)
        key = digest(self.markdown, self.file.src_uri, self.file.url, self.file.inclusion.name, settings,
                     self.clean_key, self._source_key())
        snippets = RecordingSnippets(_markdown_for(config))
        entry = self.cache.get(KIND, key)
        if entry is not None and all(_state(files.get_file_from_path(p)) == s for p, s in entry["lookups"].items()) \
                and snippets.same(entry.get("snippets")):
            self._use(entry, files)
            return None
        recording = RecordingFiles(files)
        capture = _Capture()
        loggers = [logging.getLogger(name) for name in _LOGGERS]
        for logger in loggers:
            logger.addHandler(capture)
        try:
            self._render_clean(config, recording, snippets)
        finally:
            for logger in loggers:
                logger.removeHandler(capture)
        if snippets.downloaded:  # a page from the web: its input changes without us knowing
            return None
        self.cache.put(KIND, key, {
            "snippets": snippets.lookups,
            "html": self.content, "toc": self._toc_tokens, "title": compat.rendered_title(self),
            "anchors": sorted(self.present_anchor_ids or ()), "lookups": recording.lookups, "logs": capture.records,
            "links_to_anchors": {f.src_uri: links for f, links in (self.links_to_anchors or {}).items()},
        })

    def _use(self, entry: dict, files: Files) -> None:
        for name, level, message in entry["logs"]:
            logging.getLogger(name).log(level, message)
        self.content = entry["html"]
        self.toc = get_toc(entry["toc"])
        compat.set_rendered_title(self, entry["title"])
        self.present_anchor_ids = set(entry["anchors"])
        self.links_to_anchors = {files.get_file_from_path(src): links
                                 for src, links in entry["links_to_anchors"].items()}

    @property
    def _toc_tokens(self) -> list:
        return json.loads(json.dumps(_tokens(self.toc)))


def _tokens(toc) -> list[dict]:
    """The table of contents back as Markdown's toc tokens (what get_toc builds it from)."""
    return [{"level": item.level, "id": item.id, "name": item.title, "children": _tokens(item.children)}
            for item in toc]
