"""Parts of Material's page frame rendered once and reused by every page that would get the same HTML.

On a site of 3,000 procedures, Material's header (around the page title), menu and table of contents,
footer, stylesheet, script and config blocks were more than half the time spent in templates, and
they are the same for every procedure page. A part is reused only between pages that give it the
same inputs, which go into its key: the part's name, the folder the page is in and its depth (its
relative links depend on them), the menu with each entry's title, URL and active state, the page's
hidden parts (`hide:`) and its neighbours. Pages in the menu and pages under whose URL a menu entry
lives (their relative links to it differ) are always rendered. A page's table of contents shows only
in the `site_nav` block (its right sidebar): a page with one still reuses every other part, and the
menu inside it (part `nav`, theme/partials/nav.html), so that an article with headings is not
rendered whole. One cache per Jinja environment (on_env); what else the parts show (config, theme,
agency) is fixed for an environment.

In a template (theme/main.html, theme/partials/header.html):

    {% block footer %}{% set key = cchc_chrome.key("footer", page, nav) %}
    {%- if key and cchc_chrome.has(key) %}{{ cchc_chrome.get(key) }}
    {%- else %}{% set html %}{{ super() }}{% endset %}{{ cchc_chrome.keep(key, html) }}{% endif %}{% endblock %}
"""
from __future__ import annotations

import os
import posixpath

from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, PrefixLoader
from markupsafe import Markup

# theme/partials/nav.html caches the theme's own partial of the same name, which it
# reaches under this prefix: "cchc-theme/partials/nav.html" is Material's, not ours.
THEME_PREFIX = "cchc-theme"


# Parts whose HTML shows the page's own table of contents.
TOC_PARTS = frozenset({"site_nav"})


def _items(items) -> list:
    """Every menu entry, depth first."""
    found = []
    for item in items:
        found.append(item)
        found += _items(item.children or [])
    return found


def _neighbour(page) -> tuple | None:
    return None if page is None else (page.title, page.url)


class ChromeCache:
    def __init__(self) -> None:
        self._parts: dict[tuple, Markup] = {}
        self._menu: tuple | None = None  # (nav, its entries, their titles and URLs, the menu's pages)
        self.reused = 0

    def _menu_of(self, nav) -> tuple:
        if self._menu is None or self._menu[0] is not nav:
            entries = _items(nav.items)
            self._menu = (nav, entries, tuple((type(e).__name__, e.title, getattr(e, "url", None)) for e in entries),
                          tuple(nav.pages))
        return self._menu

    def key(self, part: str, page, nav) -> tuple | None:
        """The part's inputs, or None when this page's part must be rendered."""
        if page is None or nav is None or (page.toc and part in TOC_PARTS):
            return None
        _, entries, described, pages = self._menu_of(nav)
        url = page.url or ""
        if any(p is page for p in pages) or any(u and u.startswith(url) for _, _, u in described):
            return None
        meta = page.meta or {}
        return (part, posixpath.dirname(url.rstrip("/")), url.count("/"), described,
                tuple(bool(e.active) for e in entries), repr(meta.get("hide")),
                _neighbour(page.previous_page), _neighbour(page.next_page))

    def has(self, key: tuple) -> bool:
        return key in self._parts

    def get(self, key: tuple) -> Markup:
        self.reused += 1
        return self._parts[key]

    def keep(self, key: tuple | None, html: str) -> Markup:
        html = Markup(html)
        if key is not None:
            self._parts[key] = html
        return html


def theme_partials_loader(loader: BaseLoader, config) -> BaseLoader:
    """The environment's loader, plus the theme's templates without our custom_dir under THEME_PREFIX."""
    custom = os.path.normpath(config.theme.custom_dir) if config.theme.custom_dir else None
    dirs = [d for d in config.theme.dirs if os.path.normpath(d) != custom]
    return ChoiceLoader([loader, PrefixLoader({THEME_PREFIX: FileSystemLoader(dirs)})])
