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
PROCEDURES_ABOLISHED = f"{PROCEDURES}da-bai-bo/"
PROCEDURES_DATA = f"{PROCEDURES}danh-sach.json"  # the listing's filter data, fetched when a reader filters
PLANS = "ke-hoach/"
QUOTA = "chi-tieu/"
FEED_RSS = "feed.xml"  # the site's feeds, at its root; a listing's RSS feed: feed_url
FEED_ATOM = "atom.xml"
FEED_JSON = "feed.json"
PROCEDURES_FEED = f"{PROCEDURES}{FEED_RSS}"  # new, changed and abolished procedures
EMBED_HTML = "nhung/tin-moi.html"  # the embeddable box of the newest articles (an iframe on the portal)
EMBED_JSON = "nhung/tin-moi.json"
CARD = "the-chia-se.png"  # an article's social card, next to its index.html
SHARE_CROP = "og.jpg"  # a cover's 1200x630 crop for shared links, next to its variants
INDICES = "chi-so-cchc/"  # kết quả chỉ số CCHC (PAR INDEX, SIPAS, …)
DOCUMENTS = "van-ban/"  # văn bản chỉ đạo, điều hành
SEARCH = "tim-kiem/"  # the search page (Pagefind loads there only)
SEARCH_BUNDLE = "pagefind/"  # Pagefind's index and script
SEARCH_BUNDLE_RECENT = "pagefind-nam-moi/"  # the newest year's articles and the plans, indexed apart (core.site_search)
FEEDS_HELP = "nhan-tin/"  # how to subscribe to the feeds, in plain HTML (no XSLT)


def article_url(date: datetime, slug: str) -> str:
    return f"{NEWS}{date:%Y}/{date:%m}/{slug}/"


def year_url(year: int) -> str:
    return f"{NEWS}{year}/"


def month_url(year: int, month: int) -> str:
    return f"{NEWS}{year}/{month:02d}/"


def term_url(kind: str, slug: str) -> str:
    return f"{kind}/{slug}/"


def feed_url(listing: str) -> str:
    """The RSS feed of a listing (a category, the procedures' change log), at the listing's URL."""
    return f"{listing}{FEED_RSS}"


def card_url(article: str) -> str:
    return f"{article}{CARD}"


def share_crop_url(cover_path: str) -> str:
    """tin-bai/anh/x.jpg -> tin-bai/anh/x.jpg.og.jpg, beside the cover's variants (x.jpg.w480.webp)."""
    return f"{cover_path}.{SHARE_CROP}"


def listing_page_url(base_url: str, number: int) -> str:
    """Page `number` of a paginated listing at base_url."""
    return base_url if number == 1 else f"{base_url}trang/{number}/"


def procedure_url(code: str) -> str:
    return f"{PROCEDURES}{code}/"


def procedure_field_url(slug: str) -> str:
    return f"{PROCEDURES}linh-vuc/{slug}/"


def plan_url(slug: str) -> str:
    return f"{PLANS}{slug}/"


def document_url(slug: str) -> str:
    return f"{DOCUMENTS}{slug}/"


def document_filter_url(kind: str, slug: str) -> str:
    """A filtered listing of the register: kind 'nam' (by year) or 'loai' (by kind of document)."""
    return f"{DOCUMENTS}{kind}/{slug}/"


def file_href(path: str) -> str:
    """`anh/ảnh 1#b.jpg` -> `anh/%E1%BA%A3nh%201%23b.jpg`. Quotes, `<`, `#`, `?`, `%` and spaces are
    encoded, so the result is safe inside an HTML attribute and reaches the file that was copied."""
    return quote(path, safe="/")
