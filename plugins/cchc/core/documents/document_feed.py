"""RSS feed of the register (van-ban/feed.xml), newest first, with feedgen; each document's file is
its enclosure. lastBuildDate is the newest document's date: the same content gives the same bytes."""
from __future__ import annotations

import mimetypes

from cchc.core.documents.documents import Document
from cchc.core.listing_feed import day_start, listing_feed, rss_bytes
from cchc.core.settings import Settings
from cchc.core.urls import DOCUMENTS, feed_url, file_href

FEED_PATH = feed_url(DOCUMENTS)


def document_feed(documents: list[Document], settings: Settings) -> bytes:
    base = settings.site_url
    feed = listing_feed(settings, "Văn bản chỉ đạo, điều hành", DOCUMENTS,
                        "Văn bản chỉ đạo, điều hành công tác cải cách hành chính, mới ban hành trước.")
    shown = documents[: settings.feed_items]
    for d in shown:  # newest first; 'append' keeps this order in the file
        entry = feed.add_entry(order="append")
        link = f"{base}{d.url}"
        entry.title(f"{d.title}: {d.summary}")
        entry.link(href=link)
        entry.guid(link, permalink=True)
        entry.pubDate(day_start(d.issued, settings))
        entry.description(f"{d.title} ngày {d.issued_short} của {d.issuer}. Trích yếu: {d.summary}")
        entry.category(term=d.kind)
        if d.file is not None:
            kind = mimetypes.guess_type(d.file.path)[0] or "application/octet-stream"
            entry.enclosure(f"{base}{file_href(d.file.path)}", str(d.file.size), kind)
    return rss_bytes(feed, shown[0].issued if shown else None, settings)
