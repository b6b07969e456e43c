"""What the core needs to know about the site; filled from mkdocs.yml by the adapter or the CLI."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from cchc.core.procedures.procedure_links import NATIONAL_FEEDBACK


@dataclass(frozen=True)
class Agency:
    """The publishing agency, shown in the header and the footer of every page."""
    name: str = ""
    parent: str = ""
    logo: str | None = None  # site-relative path of the logo file
    address: str = ""
    phone: str = ""
    email: str = ""
    responsible: str = ""  # trưởng ban biên tập
    licence: str = ""
    portal_url: str | None = None
    hotline: str = ""  # đường dây nóng
    public_service_url: str | None = None  # the province's public-service portal
    feedback_url: str | None = None  # phản ánh, kiến nghị (None: the national portal's page)
    lookup_url: str | None = None  # tra cứu hồ sơ
    survey_url: str | None = None  # đánh giá mức độ hài lòng

    @property
    def feedback(self) -> str:
        return self.feedback_url or NATIONAL_FEEDBACK


@dataclass(frozen=True)
class Settings:
    project_dir: Path
    content_dir: str = "content"
    timezone: str = "Asia/Ho_Chi_Minh"
    categories: tuple[str, ...] = ()
    site_name: str = ""
    site_description: str = ""
    site_url: str = ""  # absolute, ends with '/'
    per_page: int = 10
    feed_items: int = 20
    agency: Agency = Agency()
    include_unpublished: bool = False  # mkdocs serve shows drafts and scheduled articles, marked
    image_cache: str = ".cache/cchc/images"  # processed photos and social cards, relative to project_dir
    markdown_extensions: tuple[str, ...] = ("tables",)  # the site's, for text rendered outside pages (excerpts)
    markdown_configs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    cache_dir: Path | None = None  # the build cache (core.build_cache); None: no cache
    theme_dirs: tuple[str, ...] = ()  # where the theme's templates are: a 'template' key must name one of them
    # Limits of one article (docs/dinh-dang-noi-dung.md): past them a build would slow down or publish
    # pages nobody reads (10,000 tags = 10,000 pages); an agency that needs more raises them in mkdocs.yml.
    max_tags: int = 30
    max_title_length: int = 300  # characters
    max_article_length: int = 500_000  # characters of the body: a long decree, written out, is ~200,000

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def content_root(self) -> Path:
        return self.project_dir / self.content_dir

    @cached_property
    def now(self) -> datetime:
        """Build time: SOURCE_DATE_EPOCH when set, so that builds are reproducible."""
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.strip().isdigit():
            return datetime.fromtimestamp(int(epoch), self.tz)
        return datetime.now(self.tz)
