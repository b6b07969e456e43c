"""Records: what one content file means once it is read and validated."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import PurePosixPath

from cchc.core.urls import CATEGORY, article_url, term_url
from cchc.core.text.vietnamese import file_size, long_date, slugify


@dataclass(frozen=True)
class Attachment:
    path: str  # relative to the content root; also its URL path
    title: str
    size: int  # bytes

    @property
    def kind(self) -> str:
        return PurePosixPath(self.path).suffix.lstrip(".").upper() or "TỆP"

    @property
    def size_label(self) -> str:
        return file_size(self.size)


@dataclass(frozen=True)
class Image:
    """A cover; its published copy and variants (sizes as displayed) are the article's `picture`."""
    path: str  # relative to the content root
    alt: str


@dataclass(frozen=True)
class Article:
    source: str  # e.g. content/tin-bai/2024/x.md
    content_path: str  # relative to the content root, e.g. tin-bai/2024/x.md
    title: str
    date: datetime  # aware, in local time
    categories: tuple[str, ...]
    slug: str
    body: str
    excerpt: str  # plain text
    updated: datetime | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None
    image: Image | None = None
    authors: tuple[str, ...] = ()
    origin: str | None = None  # 'source' in frontmatter: nguồn tin
    attachments: tuple[Attachment, ...] = ()
    draft: bool = False
    pin: bool = False
    passthrough: dict = field(default_factory=dict, compare=False, hash=False)
    scheduled: bool = False  # dated after the build time
    # What the site published of the article (core.media.media.show_media), once its images are ready:
    # its cover's variants (media.images.PublishedImage) and the site path of its og:image. Templates
    # read them from the article, so a page's data holds what the page shows. Kept out of the repr and
    # of equality: they come from image files, not from the article's text (core.fingerprint digests
    # fields kept out of the repr after it).
    picture: object | None = field(default=None, repr=False, compare=False)
    og_image: str | None = field(default=None, repr=False, compare=False)

    @cached_property  # asked for by every page that shows the article
    def url(self) -> str:
        return article_url(self.date, self.slug)

    @cached_property
    def category_links(self) -> tuple[tuple[str, str], ...]:
        """(name, URL) of each category, in the configured order."""
        return tuple((name, term_url(CATEGORY, slugify(name))) for name in self.categories)

    @property
    def month(self) -> tuple[int, int]:
        return self.date.year, self.date.month

    @property
    def published(self) -> bool:
        return not self.draft and not self.scheduled

    @cached_property
    def date_label(self) -> str:
        return long_date(self.date)

    @cached_property
    def updated_label(self) -> str:
        return long_date(self.updated) if self.updated else ""
