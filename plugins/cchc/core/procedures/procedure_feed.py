"""RSS feed of procedure changes (thu-tuc-hanh-chinh/feed.xml), built with feedgen from the change log.

lastBuildDate is the newest entry's date, never the wall clock: two builds of the same content are
byte-identical."""
from __future__ import annotations

from cchc.core.listing_feed import day_start, listing_feed, rss_bytes
from cchc.core.procedures.procedure_index import Change, ProcedureIndex
from cchc.core.procedures.procedures import UNKNOWN, URL_ROOT
from cchc.core.settings import Settings
from cchc.core.urls import PROCEDURE_CHANGES, feed_url

FEED_PATH = feed_url(URL_ROOT)


def _description(change: Change) -> str:
    p = change.procedure
    parts = [f"{change.label} ngày {change.date_short}: thủ tục {p.code} – {p.name}.",
             f"Lĩnh vực: {p.field_label}. Cấp thực hiện: {p.level_label}. Cơ quan thực hiện: {p.agency or UNKNOWN}."]
    if change.kind != "abolished":  # the publication decision did not abolish it: the file names no abolishing one
        parts.append(f"Quyết định công bố: {p.decision or UNKNOWN}.")
    if p.replaced_by:
        parts.append(f"Được thay thế bởi thủ tục {p.replaced_by}.")
    return " ".join(parts)


def procedure_feed(index: ProcedureIndex, settings: Settings) -> bytes:
    base = settings.site_url
    feed = listing_feed(settings, "Thay đổi thủ tục hành chính", PROCEDURE_CHANGES,
                        "Thủ tục hành chính công bố mới, sửa đổi, bổ sung và bãi bỏ.")
    changes = index.changes[: settings.feed_items]
    # Added newest first; feedgen's 'append' keeps this order in the file.
    for change in changes:
        entry = feed.add_entry(order="append")
        p = change.procedure
        link = f"{base}{p.url}"
        entry.title(f"{change.label}: {p.name} ({p.code})")
        entry.link(href=link)
        entry.guid(f"{link}#{change.kind}-{change.date.isoformat()}", permalink=False)
        entry.pubDate(day_start(change.date, settings))
        entry.description(_description(change))
        entry.category(term=p.field_label)
    return rss_bytes(feed, changes[0].date if changes else None, settings)
