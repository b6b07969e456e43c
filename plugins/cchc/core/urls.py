"""The site's URL scheme, declared once: every page URL is made here (site-relative, ending in '/').

Records and groupings expose theirs as `.url`; templates reach the fixed ones as `cchc_urls.NEWS`, …
Content file paths become hrefs with file_href (percent-encoded once, so any file name works).
"""
from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

NEWS = "tin-bai/"
ARCHIVE = f"{NEWS}luu-tru/"
CATEGORY = "chuyen-muc"  # kind of Term, and the first segment of its URL
TAG = "the"
CATEGORIES_INDEX = f"{CATEGORY}/"  # every category with its count
TAGS_INDEX = f"{TAG}/"
PROCEDURES = "thu-tuc-hanh-chinh/"
PROCEDURE_CHANGES = f"{PROCEDURES}thay-doi/"  # the change log; its pages: listing_page_url
PLANS = "ke-hoach/"
QUOTA = "chi-tieu/"
SEARCH = "tim-kiem/"  # the search page (Pagefind loads there only)
FEEDS_HELP = "nhan-tin/"  # how to subscribe to the feeds, in plain HTML (no XSLT)


def article_url(date: datetime, slug: str) -> str:
    return f"{NEWS}{date:%Y}/{date:%m}/{slug}/"


def year_url(year: int) -> str:
    return f"{NEWS}{year}/"


def month_url(year: int, month: int) -> str:
    return f"{NEWS}{year}/{month:02d}/"


def term_url(kind: str, slug: str) -> str:
    return f"{kind}/{slug}/"


def listing_page_url(base_url: str, number: int) -> str:
    """Page `number` of a paginated listing at base_url."""
    return base_url if number == 1 else f"{base_url}trang/{number}/"


def procedure_url(code: str) -> str:
    return f"{PROCEDURES}{code}/"


def procedure_field_url(slug: str) -> str:
    return f"{PROCEDURES}linh-vuc/{slug}/"


def plan_url(slug: str) -> str:
    return f"{PLANS}{slug}/"


def file_href(path: str) -> str:
    """`anh/ảnh 1#b.jpg` -> `anh/%E1%BA%A3nh%201%23b.jpg`. Quotes, `<`, `#`, `?`, `%` and spaces are
    encoded, so the result is safe inside an HTML attribute and reaches the file that was copied."""
    return quote(path, safe="/")
