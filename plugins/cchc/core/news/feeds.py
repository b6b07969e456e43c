"""Feeds of the news section: RSS 2.0, Atom and JSON Feed 1.1, from the same entries.

Input: the article index, the settings and the rendered body HTML of each article (known only
after the site generator rendered it). Output: site-relative path -> bytes. The same input
always gives the same bytes: every date comes from the articles, never from the clock.
"""
from __future__ import annotations

import html
import json
import mimetypes
import posixpath
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Mapping, Sequence
from urllib.parse import quote

from feedgen.ext.base import BaseEntryExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from cchc.core.absolute_urls import make_absolute
from cchc.core.listing_feed import day_start
from cchc.core.news.collections import ArticleIndex
from cchc.core.media.images import PublishedImage
from cchc.core.records import Article
from cchc.core.settings import Settings
from cchc.core.urls import CATEGORY, FEED_ATOM, FEED_JSON, FEED_RSS, TAG, file_href, feed_url

RSS_PATH, ATOM_PATH, JSON_PATH = FEED_RSS, FEED_ATOM, FEED_JSON  # core.urls declares them
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
LANGUAGE = "vi"
GENERATOR = "cchc (MkDocs)"

# Fixed, not the system's mime.types: the same bytes on every machine.
_IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
                ".webp": "image/webp", ".avif": "image/avif", ".svg": "image/svg+xml"}
# Characters XML 1.0 cannot carry (lxml refuses them): dropped from every text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def category_feed_path(term_url: str) -> str:
    return feed_url(term_url)


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    type: str


@dataclass(frozen=True)
class Entry:
    """One article as every feed format shows it: absolute URLs, escaped nowhere (the writers escape)."""
    url: str  # absolute, permanent: also the guid / id
    title: str
    published: datetime
    updated: datetime
    summary: str
    content_html: str
    categories: tuple[tuple[str, str], ...]  # (name, scheme URL): categories, then tags
    authors: tuple[str, ...]
    enclosure: Enclosure | None


@dataclass(frozen=True)
class FeedInfo:
    path: str  # site-relative path of the feed file
    title: str
    description: str
    home_url: str  # absolute URL of the HTML page the feed follows
    self_url: str  # absolute URL of the feed itself


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def build_feeds(index: ArticleIndex, settings: Settings, contents: Mapping[str, str],
                images: Mapping[str, PublishedImage] | None = None) -> dict[str, bytes]:
    """Every feed file: path -> bytes.

    images: content path -> the published cover (its clean copy is what the feeds link and size).
    contents: article.url -> the article body as rendered HTML, with URLs relative to the article page.
    Only published articles are shown; each feed has at most settings.feed_items entries, newest first.
    """
    if settings.feed_items < 1:
        raise ValueError(f"feed_items phải là số nguyên ≥ 1 (đang là {settings.feed_items}).")
    base = settings.site_url
    published = [a for a in index.articles if a.published]
    entries: dict[str, Entry] = {}

    def entries_of(articles: Sequence[Article]) -> list[Entry]:
        chosen = [a for a in articles if a.published][: settings.feed_items]
        for article in chosen:
            if article.url not in entries:
                entries[article.url] = make_entry(article, settings, contents.get(article.url), images or {})
        return [entries[a.url] for a in chosen]

    name = settings.site_name or "Cải cách hành chính"
    description = settings.site_description or f"Tin bài cải cách hành chính – {name}"
    # A feed without items still needs a date: the newest article of the site, else the start of the
    # build's day (not its second: two builds of the same content write the same bytes).
    fallback = max((_changed(a) for a in published), default=day_start(settings.now.date(), settings))
    outputs: dict[str, bytes] = {}
    latest = entries_of(published)
    for path, writer in zip(feed_paths(index), (rss, atom, json_feed)):
        info = FeedInfo(path, name, description, base, base + path)
        outputs[path] = writer(info, latest, fallback, name)
    for term in index.categories:
        path = category_feed_path(term.url)
        info = FeedInfo(path, f"{term.name} – {name}", f"Tin bài chuyên mục “{term.name}” – {name}",
                        base + term.url, base + path)
        outputs[path] = rss(info, entries_of(term.articles), fallback, name)
    return outputs


def feed_paths(index: ArticleIndex) -> list[str]:
    """The site-relative paths build_feeds writes, known before any page is rendered."""
    return [RSS_PATH, ATOM_PATH, JSON_PATH, *(category_feed_path(term.url) for term in index.categories)]


def _changed(article: Article) -> datetime:
    return max(article.date, article.updated) if article.updated else article.date


def make_entry(article: Article, settings: Settings, body_html: str | None,
               images: Mapping[str, PublishedImage] | None = None) -> Entry:
    base = settings.site_url
    url = base + article.url
    body = body_html if body_html is not None else f"<p>{html.escape(article.excerpt)}</p>"
    enclosure = None
    parts = []
    published = (images or {}).get(article.image.path) if article.image else None
    if article.image and published:
        image = article.image
        image_url = base + file_href(image.path)
        enclosure = Enclosure(image_url, published.size, image_type(image.path))
        parts.append(f'<figure><img src="{html.escape(image_url)}" alt="{html.escape(image.alt)}" '
                     f'width="{published.width}" height="{published.height}"></figure>')
    parts.append(make_absolute(body, url))
    if article.attachments:
        items = "".join(
            f'<li><a href="{html.escape(base + quote(f.path))}">{html.escape(f.title)}</a> ({f.kind}, {f.size_label})</li>'
            for f in article.attachments)
        parts.append(f"<h2>Tài liệu đính kèm</h2><ul>{items}</ul>")
    categories = tuple((c, f"{base}{CATEGORY}/") for c in article.categories)  # the scheme of the term
    tags = tuple((t, f"{base}{TAG}/") for t in article.tags)
    return Entry(
        url=url, title=clean(article.title), published=article.date, updated=_changed(article),
        summary=clean(article.excerpt), content_html=clean("\n".join(parts)),
        categories=tuple((clean(n), s) for n, s in categories + tags),
        authors=tuple(clean(a) for a in article.authors), enclosure=enclosure,
    )


def image_type(path: str) -> str:
    suffix = posixpath.splitext(path)[1].lower()
    return _IMAGE_TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


class _AtomLinks(BaseEntryExtension):
    """Entry links for Atom. feedgen 1.0.0 writes entry links without their rel and type, which would
    turn the cover enclosure into a second 'alternate' link (readers then link the image, not the page)."""

    def __init__(self) -> None:
        self.links: list[dict[str, str]] = []

    def extend_atom(self, entry):
        for attributes in self.links:
            xml_elem("link", entry, **attributes)
        return entry


def _generator(info: FeedInfo, entries: Sequence[Entry], fallback: datetime, site_name: str,
               for_atom: bool) -> FeedGenerator:
    fg = FeedGenerator()
    if not for_atom:
        fg.load_extension("dc", atom=False, rss=True)  # dc:creator: RSS <author> needs an e-mail address
    fg.id(info.self_url)
    fg.title(clean(info.title))
    fg.description(clean(info.description))
    fg.subtitle(clean(info.description))
    fg.language(LANGUAGE)
    fg.author(name=clean(site_name))
    fg.generator(GENERATOR)
    # Order matters: feedgen uses the last link as the RSS channel <link>.
    fg.link(href=info.self_url, rel="self", type="application/atom+xml" if for_atom else "application/rss+xml")
    fg.link(href=info.home_url, rel="alternate", type="text/html")
    # Never the clock: the newest entry's date (feedgen's default is "now").
    fg.updated(max((e.updated for e in entries), default=fallback))
    for e in entries:
        fe = fg.add_entry(order="append")
        fe.guid(e.url, permalink=True)
        fe.title(e.title)
        fe.published(e.published)
        fe.updated(e.updated)
        fe.content(e.content_html, type="html")
        if for_atom:
            fe.summary(e.summary)  # Atom text construct: plain text
        else:  # RSS <description> is HTML by convention: the plain text is escaped once as HTML
            fe.description(html.escape(e.summary, quote=False), isSummary=True)
        for term, scheme in e.categories:
            fe.category(term=term, scheme=scheme)
        if e.authors:
            fe.author([{"name": a} for a in e.authors])
        if for_atom:
            fe.register_extension("cchc_links", _AtomLinks, atom=True, rss=False)
            fe.cchc_links.links.append({"rel": "alternate", "type": "text/html", "href": e.url})
            if e.enclosure:
                fe.cchc_links.links.append({"rel": "enclosure", "type": e.enclosure.type,
                                            "length": str(e.enclosure.length), "href": e.enclosure.url})
        else:
            fe.link(href=e.url, rel="alternate")
            if e.authors:
                fe.dc.dc_creator(list(e.authors))
            if e.enclosure:
                fe.enclosure(e.enclosure.url, str(e.enclosure.length), e.enclosure.type)
    return fg


def rss(info: FeedInfo, entries: Sequence[Entry], fallback: datetime, site_name: str) -> bytes:
    fg = _generator(info, entries, fallback, site_name, for_atom=False)
    return fg.rss_str(pretty=True)


def atom(info: FeedInfo, entries: Sequence[Entry], fallback: datetime, site_name: str) -> bytes:
    fg = _generator(info, entries, fallback, site_name, for_atom=True)
    return fg.atom_str(pretty=True)


def json_feed(info: FeedInfo, entries: Sequence[Entry], fallback: datetime, site_name: str) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1), keys sorted, UTF-8 as is."""
    items = []
    for e in entries:
        item = {
            "id": e.url, "url": e.url, "title": e.title,
            "content_html": e.content_html, "summary": e.summary,
            "date_published": e.published.isoformat(), "date_modified": e.updated.isoformat(),
        }
        tags = list(dict.fromkeys(term for term, _ in e.categories))  # categories, then tags, once each
        if tags:
            item["tags"] = tags
        if e.authors:
            item["authors"] = [{"name": a} for a in e.authors]
        if e.enclosure:
            item["image"] = e.enclosure.url
            item["attachments"] = [{"url": e.enclosure.url, "mime_type": e.enclosure.type,
                                    "size_in_bytes": e.enclosure.length}]
        items.append(item)
    feed = {
        "version": JSON_FEED_VERSION, "title": info.title, "description": info.description,
        "home_page_url": info.home_url, "feed_url": info.self_url, "language": LANGUAGE,
        "authors": [{"name": site_name}], "items": items,
    }
    return (json.dumps(feed, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")
