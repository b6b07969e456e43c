"""Raw HTML in editors' Markdown, cleaned with nh3 against an allow-list before it is published.

Editors may use tables, figures with captions, images, links and video from allowed hosts; scripts,
event handlers (on…=), javascript: links, styles and frames from other hosts are removed, in pages
and in the feeds (which take the cleaned body). What was removed is described for a warning, with
the line of the Markdown source where it appears.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from lxml import html as lxml_html

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "s", "samp", "small", "source", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
})
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media"},
    "iframe": {"src", "title", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "th": {"colspan", "rowspan", "headers", "scope", "style"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"}, "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"}, "details": {"open"},
}
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
STYLE_PROPERTIES = frozenset({"text-align"})  # Markdown tables align columns with style="text-align: …"
_URL_ATTRIBUTES = {"href", "src", "cite", "srcset"}
_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.S)


@dataclass(frozen=True)
class Removal:
    what: str  # in Vietnamese, e.g. "thẻ <script>", "thuộc tính onerror của <img>"
    needle: str  # text to look for in the Markdown source to give the line

    def line_in(self, markdown: str, first_line: int = 1) -> int | None:
        at = markdown.lower().find(self.needle.lower())
        return None if at < 0 else first_line + markdown.count("\n", 0, at)


def host_allowed(url: str, hosts: frozenset[str]) -> bool:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and any(host == h or host.endswith("." + h) for h in hosts)


@lru_cache(maxsize=8)
def _cleaner(hosts: frozenset[str]) -> nh3.Cleaner:
    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "iframe" and attribute == "src" and not host_allowed(value, hosts):
            return None  # the frame without src is then removed whole
        return value

    return nh3.Cleaner(tags=set(TAGS), attributes={k: set(v) for k, v in ATTRIBUTES.items()},
                       attribute_filter=keep, url_schemes=set(SCHEMES), link_rel=None, strip_comments=True,
                       filter_style_properties=set(STYLE_PROPERTIES))


def clean_html(html: str, iframe_hosts: tuple[str, ...] | frozenset[str]) -> str:
    hosts = frozenset(h.lower() for h in iframe_hosts)
    if "<" not in html:
        return html
    return _EMPTY_IFRAME.sub("", _cleaner(hosts).clean(html))


_SCHEME_LINK = re.compile(r"\]\(\s*<?(?!https?:|mailto:|tel:)[a-z][\w+.-]*:", re.I)


def may_hold_unsafe(markdown: str) -> bool:
    """Only raw HTML, attribute lists ({: …}) and links with an odd scheme can bring what
    clean_html removes; plain Markdown cannot. Saves parsing the page to describe nothing."""
    return "<" in markdown or "{" in markdown or bool(_SCHEME_LINK.search(markdown))


def removals(html: str, iframe_hosts) -> list[Removal]:
    """What clean_html takes out of `html`, described for the editor (same allow-list)."""
    hosts = frozenset(h.lower() for h in iframe_hosts)
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several types on odd input; report nothing then
        return []
    found: dict[str, Removal] = {}

    def add(what: str, needle: str) -> None:
        found.setdefault(what, Removal(what, needle))

    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None or element is root:
            continue
        if tag not in TAGS:
            add(f"thẻ <{tag}>", f"<{tag}")
            continue
        allowed = ATTRIBUTES.get(tag, set()) | ATTRIBUTES["*"]
        for name, value in element.attrib.items():
            if name not in allowed:
                add(f"thuộc tính {name} của <{tag}>", f"{name}=")
            elif name in _URL_ATTRIBUTES and _bad_scheme(value):
                add(f"liên kết '{value.strip()[:40]}' của <{tag}>", value.strip()[:40])
            elif name == "style" and _bad_style(value):
                add(f"kiểu trình bày (style) của <{tag}>", "style=")
        if tag == "iframe" and not host_allowed(element.get("src", ""), hosts):
            host = urlsplit(element.get("src", "")).hostname or "không rõ"
            add(f"khung nhúng <iframe> từ '{host}'", "<iframe")
    return list(found.values())


def _bad_scheme(value: str) -> bool:
    scheme = urlsplit(value.strip().split(",")[0].strip()).scheme.lower()
    return bool(scheme) and scheme not in SCHEMES


def _bad_style(value: str) -> bool:
    properties = {part.split(":", 1)[0].strip().lower() for part in value.split(";") if part.strip()}
    return not properties <= STYLE_PROPERTIES
