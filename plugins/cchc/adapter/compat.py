"""The one place that uses MkDocs' private internals (names starting with `_`, or a class swap).

Everything else in the package uses MkDocs' public plugin API only. The speed layer needs a few
internals: the page steps of a build (quick rebuilds in `mkdocs serve`), the tree processors that
Page.render registers (one Markdown instance per build instead of one per page), a Page subclass
that reads the build cache, and the live-reload server's rebuild request. (The nav's parent and neighbour links are set through public attributes, in
adapter.navigation.) Each is used only when the installed engine is a version this module was checked
against (PINNED) and the internal is there with the expected shape; otherwise every helper falls
back to what stock MkDocs does: slower, never wrong. tests/test_compat.py fails loudly when a
pinned internal changes, and builds the site once with the fallbacks to show that they are right.

Supported engines: MkDocs 1.6.1 and ProperDocs 1.6.7 (which serves the `mkdocs` modules itself).
CCHC_STOCK_ENGINE=1 turns every fast path off (to compare, or to rule the speed layer out).
"""
from __future__ import annotations

import inspect
import logging
import os
from importlib import metadata
from typing import Any, Callable

import mkdocs
from mkdocs.commands import build as mkdocs_build
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

from . import log_messages

log = logging.getLogger("mkdocs.plugins.cchc")

PINNED = {("mkdocs", "1.6.1"), ("properdocs", "1.6.7")}  # engines whose internals were read for this module

# name -> parameters it must take (None: a class or an attribute); checked before any use.
INTERNALS: dict[str, tuple[Any, str, tuple[str, ...] | None]] = {
    "build._populate_page": (mkdocs_build, "_populate_page", ("page", "config", "files", "dirty")),
    "build._build_page": (mkdocs_build, "_build_page", ("page", "config", "doc_files", "nav", "env", "dirty", "excluded")),
    "pages._RawHTMLPreprocessor": (mkdocs_pages, "_RawHTMLPreprocessor", None),
    "pages._ExtractAnchorsTreeprocessor": (mkdocs_pages, "_ExtractAnchorsTreeprocessor", None),
    "pages._RelativePathTreeprocessor": (mkdocs_pages, "_RelativePathTreeprocessor", None),
    "pages._ExtractTitleTreeprocessor": (mkdocs_pages, "_ExtractTitleTreeprocessor", None),
}


def engine() -> tuple[str, str]:
    """(distribution, version) of the engine that serves the `mkdocs` modules."""
    name = "properdocs" if mkdocs.__name__ == "properdocs" else "mkdocs"
    try:
        return name, metadata.version(name)
    except metadata.PackageNotFoundError:
        return name, "?"


def problems() -> list[str]:
    """Why the fast paths are off; [] when they are on."""
    found = []
    if os.environ.get("CCHC_STOCK_ENGINE") == "1":
        found.append("CCHC_STOCK_ENGINE=1")
    if engine() not in PINNED:
        found.append("%s %s chưa được kiểm tra" % engine())
    for name, (module, attribute, parameters) in INTERNALS.items():
        target = getattr(module, attribute, None)
        if target is None:
            found.append(f"thiếu {name}")
        elif parameters is not None and tuple(inspect.signature(target).parameters) != parameters:
            found.append(f"{name} đổi tham số")
    return found


_PROBLEMS = problems()
FAST = not _PROBLEMS
if not FAST:
    log.info("Dựng trang theo cách gốc của MkDocs, không dùng lối tắt tăng tốc (%s).", "; ".join(_PROBLEMS))


# -- the page steps of a build (adapter.quick_rebuild) -------------------------------------------
def rebuild_page(page, config, files, doc_files, nav, env) -> None:
    """MkDocs' own steps for one page (read, every plugin's page events, template, write)."""
    mkdocs_build._populate_page(page, config, files)
    mkdocs_build._build_page(page, config, doc_files, nav, env, excluded=page.file.inclusion.is_excluded())
    page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)


# -- a page rendered with the build's Markdown instance (adapter.render_cache) ----------------------
def use_page_class(page, cls: type) -> bool:
    """Make MkDocs' Page object of a generated page an instance of our subclass; False when the fast
    paths are off (the page then renders as MkDocs renders it)."""
    if not FAST:
        return False
    page.__class__ = cls
    return True


def render_markdown(page, md, files, config, convert: Callable[[str], str]) -> None:
    """Page.render of MkDocs 1.6 (pinned), with the given Markdown instance instead of a new one:
    MkDocs' own processors are registered again each time (same names: they replace the last page's).
    convert(markdown) runs the conversion (our caller records what snippets it reads)."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    raw_html = mkdocs_pages._RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    relative_paths = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
    relative_paths._register(md)
    title = mkdocs_pages._ExtractTitleTreeprocessor()
    title._register(md)
    page.content = convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
    if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative_paths.links_to_anchors


def rendered_title(page) -> str | None:
    return page._title_from_render


def set_rendered_title(page, title: str | None) -> None:
    page._title_from_render = title


# -- pages written by adapter.site_output (adapter.plugin) ---------------------------------------------
def hands_pages_out() -> bool:
    """Whether the plugin writes the pages itself: MkDocs 1.6's build (pinned) writes a page only when
    the last on_post_page returns something other than blanks, and logs one INFO line for each page
    it skips (`written_by_us` keeps those lines out of the log)."""
    return FAST


def written_by_us(src_uri: str) -> None:
    log_messages.silence(f"Page skipped: '{src_uri}'. Generated empty output.")  # MkDocs 1.6's words


# -- mkdocs serve (adapter.content_watch) -------------------------------------------------------------
def can_request_rebuild(server) -> bool:
    return FAST and hasattr(server, "_rebuild_cond") and hasattr(server, "_want_rebuild")


def request_rebuild(server) -> None:
    """What the LiveReloadServer's own watch() callback does on a change (MkDocs 1.6, pinned)."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def wrap_served_html(server, transform: Callable[[bytes], bytes]) -> bool:
    """Pass every HTML page the live-reload server sends through `transform` (after MkDocs adds its
    reload script). False when this server has no such step: the preview then shows no banner."""
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None:
        return False

    def injected(content: bytes, epoch) -> bytes:
        return transform(inject(content, epoch))
    server._inject_js_into_html = injected
    return True
