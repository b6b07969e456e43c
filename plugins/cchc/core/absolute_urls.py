"""Relative href/src in an HTML fragment -> absolute URLs, so the fragment works outside the site (feeds)."""
from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import lxml.etree
import lxml.html

# Attributes that hold one URL; srcset holds a list "url 1x, url 2x".
_URL_ATTRIBUTES = ("href", "src", "poster", "cite")
_ABSOLUTE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # https:, mailto:, tel:, data:, …
_SRCSET_ITEM = re.compile(r"^\s*(\S+)(.*)$", re.DOTALL)


def absolute(url: str, base: str) -> str:
    """url resolved against base (an absolute page URL); absolute URLs and schemes stay as they are."""
    url = url.strip()
    if _ABSOLUTE.match(url):
        return url
    return urljoin(base, url)


def _srcset(value: str, base: str) -> str:
    items = []
    for item in value.split(","):
        match = _SRCSET_ITEM.match(item)
        if match:
            items.append(absolute(match.group(1), base) + match.group(2).rstrip())
    return ", ".join(items)


def make_absolute(fragment: str, base: str) -> str:
    """Every relative URL in href/src/srcset/poster/cite of fragment, resolved against base.

    base: the absolute URL of the page the fragment was rendered for (ends with '/').
    Text and markup are kept; only the URL attributes change.
    """
    if not fragment.strip():
        return fragment
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for comment in list(root.iter(lxml.etree.Comment)):  # e.g. <!-- more -->: not content
        _remove_keeping_tail(comment)
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            continue
        for name in _URL_ATTRIBUTES:
            value = element.get(name)
            if value is not None:
                element.set(name, absolute(value, base))
        srcset = element.get("srcset")
        if srcset is not None:
            element.set("srcset", _srcset(srcset, base))
    inner = html.escape(root.text or "", quote=False)
    return inner + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def _remove_keeping_tail(node) -> None:
    parent, tail = node.getparent(), node.tail or ""
    previous = node.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(node)
