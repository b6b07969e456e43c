"""Keep the navigation small: the section's entry points and the hand-written pages, nothing per article."""
from __future__ import annotations

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def small_navigation(nav: Navigation, entries: list[Page]) -> Navigation:
    # MkDocs' automatic nav holds only files marked INCLUDED: the entry points and site_src pages.
    rest = [item for item in nav.items if not (isinstance(item, Page) and item in entries)]
    rest = [item for item in rest if not _only_generated(item, entries)]
    items = [*entries, *rest]
    pages = [*entries, *(p for p in nav.pages if p not in entries)]
    for page in entries:
        page.parent = None
    _link_parents(items)
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None]):
        page.previous_page, page.next_page = before, after
    return Navigation(items, pages)


def _link_parents(items) -> None:
    """What MkDocs' get_navigation sets, through the items' public attributes."""
    for item in items:
        if item.is_section:
            for child in item.children:
                child.parent = item
            _link_parents(item.children)


def section_entry(url: str, section: str | None, entries: list[Page]) -> Page | None:
    """The menu entry a page outside the menu belongs to: its declared section, else the longest URL prefix."""
    by_url = {page.file.src_uri[: -len("index.md")]: page for page in entries}
    if section in by_url:
        return by_url[section]
    prefixes = [u for u in by_url if u and url.startswith(u)]
    return by_url[max(prefixes, key=len)] if prefixes else None


def _only_generated(item, entries: list[Page]) -> bool:
    """Sections that MkDocs made from our folders (tin-bai/, …) hold only entry points."""
    children = getattr(item, "children", None)
    if not children:
        return False
    return all(isinstance(c, Page) and c in entries or _only_generated(c, entries) for c in children)
