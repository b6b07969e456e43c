"""RSS 2.0 feeds of the listings that are not news (procedure changes, the register of directive
documents), with feedgen: the channel the section gives each, entries added newest first, and a
lastBuildDate taken from the newest entry's day, never the wall clock (same content, same bytes)."""
from __future__ import annotations

from datetime import date, datetime

from feedgen.feed import FeedGenerator

from cchc.core.settings import Settings


def listing_feed(settings: Settings, title: str, listing: str, description: str) -> FeedGenerator:
    """The channel: '<title> – <site name>', linking to the listing's page. Add entries with
    `add_entry(order="append")`, newest first: feedgen then keeps that order in the file."""
    feed = FeedGenerator()
    feed.title(f"{title} – {settings.site_name}")
    feed.link(href=f"{settings.site_url}{listing}", rel="alternate")
    feed.description(description)
    feed.language("vi")
    return feed


def day_start(day: date, settings: Settings) -> datetime:
    """An entry dated by day only, at the start of that day in the site's time zone."""
    return datetime(day.year, day.month, day.day, tzinfo=settings.tz)


def rss_bytes(feed: FeedGenerator, newest: date | None, settings: Settings) -> bytes:
    # An empty listing: the start of the build's day (the same bytes all day, like the quota page)
    feed.lastBuildDate(day_start(newest or settings.now.date(), settings))
    return feed.rss_str(pretty=True)
