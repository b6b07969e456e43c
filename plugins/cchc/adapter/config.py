"""The plugin's options, declared and validated the MkDocs way, in one place.

MkDocs runs these checks when it loads mkdocs.yml, so `mkdocs build`, `mkdocs serve` and every
`cchc` command (which loads the config with mkdocs.config.load_config) refuse the same mistakes
with the same Vietnamese message.
"""
from __future__ import annotations

import html
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape
from mkdocs.config import base, config_options as c
from mkdocs.config.base import ValidationError

from cchc.core.text.vietnamese import slugify


class PositiveInt(c.Type):
    def __init__(self, default: int, example: str):
        super().__init__(int, default=default)
        self.example = example

    def run_validation(self, value):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(f"phải là số nguyên từ 1 trở lên, không phải '{value}'. "
                                  f"Cách sửa: ví dụ '{self.example}'.")
        return value


class TimeZone(c.Type):
    def __init__(self, default: str):
        super().__init__(str, default=default)

    def run_validation(self, value):
        try:
            ZoneInfo(str(value))
        except (ValueError, OSError, LookupError):  # ZoneInfoNotFoundError is a KeyError
            raise ValidationError(f"múi giờ '{value}' không tồn tại. Cách sửa: dùng 'Asia/Ho_Chi_Minh'.") from None
        return str(value)


class Categories(c.ListOfItems):
    def __init__(self):
        super().__init__(c.Type(str), default=[])

    def run_validation(self, value):
        names = super().run_validation(value)
        if not names:
            raise ValidationError("chưa khai báo danh sách chuyên mục. Cách sửa: thêm 'categories:' với mỗi "
                                  "chuyên mục trên một dòng '- Tên chuyên mục'.")
        slugs = [slugify(name) for name in names]
        if "" in slugs:
            raise ValidationError(f"chuyên mục '{names[slugs.index('')]}' không có chữ cái hay chữ số nào. "
                                  "Cách sửa: đặt tên chuyên mục bằng chữ.")
        if len(set(slugs)) != len(slugs):
            raise ValidationError("có hai chuyên mục trùng đường dẫn (ví dụ 'Tin tức' và 'Tin tuc'). "
                                  "Cách sửa: mỗi chuyên mục một tên khác hẳn nhau.")
        return names


DEFAULT_IFRAME_HOSTS = ["www.youtube.com", "www.youtube-nocookie.com", "dichvucong.gov.vn", "chinhphu.vn",
                        "baochinhphu.vn", "vanban.chinhphu.vn"]


_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]")  # a space or line break never belongs in an address
_EMAIL = re.compile(r"[^@\s\"'<>()\[\],;:\\]+@[^@\s\"'<>()\[\],;:\\?&=/]+\.[^@\s\"'<>()\[\],;:\\?&=/]+")
_PHONE = re.compile(r"\+?[0-9][0-9 .()\-]{2,30}")


def web_url_problem(value: str) -> str | None:
    """Why value is not an http(s) address a link may point to (javascript:, data:, //host, 'www.x' …)."""
    parts = urlsplit(value)
    if _CONTROL.search(value) or parts.scheme.lower() not in ("https", "http") or not parts.hostname:
        return (f"'{value}' không phải địa chỉ web bắt đầu bằng https:// (hoặc http://). "
                "Cách sửa: ghi đầy đủ, ví dụ 'https://ten-mien-cua-co-quan.gov.vn/'.")
    return None


class AgencyConfig(base.Config):
    """Who publishes the section (Thông tư 32/2017/TT-BTTTT asks for it on every page)."""
    name = c.Type(str, default="")  # Sở Khoa học và Công nghệ tỉnh …
    parent = c.Type(str, default="")  # cơ quan chủ quản: UBND tỉnh …
    logo = c.Optional(c.Type(str))  # file under site_src/, e.g. anh/logo.svg
    address = c.Type(str, default="")
    phone = c.Type(str, default="")
    email = c.Type(str, default="")
    responsible = c.Type(str, default="")  # trưởng ban biên tập
    licence = c.Type(str, default="")  # giấy phép / quyết định thành lập, if any
    portal_url = c.Optional(c.Type(str))  # the agency's main portal
    # Citizens' shortcuts (home page and footer); each is optional, shown only when set.
    hotline = c.Type(str, default="")  # đường dây nóng
    public_service_url = c.Optional(c.Type(str))  # the province's public-service portal (nộp hồ sơ)
    feedback_url = c.Optional(c.Type(str))  # phản ánh, kiến nghị; unset: the national portal's page
    lookup_url = c.Optional(c.Type(str))  # tra cứu hồ sơ
    survey_url = c.Optional(c.Type(str))  # đánh giá mức độ hài lòng

    def validate(self):
        """Every address becomes a link on every page: each '*_url' (those added later too) must be
        http(s), 'email' a plain address (mailto:), 'phone' and 'hotline' a number (tel:), 'logo' a
        file of site_src/ or an http(s) address. Checked when mkdocs.yml loads."""
        failed, warnings = super().validate()
        for key in self:
            value = self[key]
            if not isinstance(value, str) or not value.strip():
                continue
            problem = None
            if key.endswith("_url"):
                problem = web_url_problem(value)
            elif key == "email" and not _EMAIL.fullmatch(value.strip()):
                problem = (f"'{value}' không phải địa chỉ thư điện tử. "
                           "Cách sửa: ghi một địa chỉ, ví dụ 'vanthu@so.gov.vn'.")
            elif key in ("phone", "hotline") and not _PHONE.fullmatch(value.strip()):
                problem = (f"'{value}' không phải số điện thoại. "
                           "Cách sửa: chỉ ghi chữ số, dấu cách, dấu chấm, ví dụ '0200 3800 000'.")
            elif key == "logo" and (urlsplit(value).scheme or value.startswith("//")) and web_url_problem(value):
                problem = web_url_problem(value)
            if problem:
                failed.append((key, ValidationError(problem)))
        return failed, warnings


class CchcConfig(base.Config):
    content_dir = c.Type(str, default="content")
    timezone = TimeZone(default="Asia/Ho_Chi_Minh")
    categories = Categories()
    per_page = PositiveInt(default=10, example="per_page: 10")
    feed_items = PositiveInt(default=20, example="feed_items: 20")
    atomic = c.Type(bool, default=True)  # build into a staging folder, swap in at the end
    cache = c.Type(bool, default=True)  # keep rendered pages in cache_dir; a page whose inputs did not change is reused
    cache_dir = c.Type(str, default=".cache/cchc")  # relative to mkdocs.yml; safe to delete
    # <iframe> in articles only from these hosts (and their subdomains); everything else is removed.
    iframe_hosts = c.ListOfItems(c.Type(str), default=DEFAULT_IFRAME_HOSTS)
    agency = c.SubConfig(AgencyConfig)
    image_cache = c.Type(str, default=".cache/cchc/images")  # processed photos and cards, kept across builds
    # Limits of one article (docs/dinh-dang-noi-dung.md, "Giới hạn").
    max_tags = PositiveInt(default=30, example="max_tags: 30")
    max_title_length = PositiveInt(default=300, example="max_title_length: 300")
    max_article_length = PositiveInt(default=500_000, example="max_article_length: 500000")


def config_problem(config) -> str | None:
    """Addresses of mkdocs.yml itself that the theme turns into links: only http(s)."""
    extra = config.extra or {}
    values = [("repo_url", config.repo_url), ("extra.homepage", extra.get("homepage"))]
    socials = extra.get("social") if isinstance(extra.get("social"), list) else []
    values += [("extra.social", item.get("link")) for item in socials if isinstance(item, dict)]
    for key, value in values:
        if isinstance(value, str) and value.strip() and web_url_problem(value):
            return f"mkdocs.yml, '{key}': {web_url_problem(value)}"
    return None


# Shown by Material's templates as they are ({{ config.site_description }} in a <meta> attribute, the
# site name in the logo's aria-label): given to them escaped once, as markup, so a '"' or a '<' is
# text. The plugin's own settings keep the plain text (feeds, cards and reports escape it their way).
ESCAPED_KEYS = ("site_name", "site_description", "site_author", "copyright", "repo_name")


def escape_site_values(config) -> None:
    for key in ESCAPED_KEYS:
        value = config.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            # 'Copyright &copy; 2026', as Material's documentation writes it, still shows '©'.
            config[key] = escape(html.unescape(value) if key == "copyright" else value)


def site_problem(site_url: str | None) -> str | None:
    """The one site-wide setting the plugin needs: an absolute site_url for feeds and share links."""
    if not site_url:
        return ("mkdocs.yml thiếu 'site_url'. Bản tin RSS/Atom cần địa chỉ tuyệt đối của trang. "
                "Cách sửa: thêm dòng 'site_url: https://ten-mien-cua-co-quan/cchc/' vào mkdocs.yml.")
    if not site_url.startswith(("https://", "http://")):
        return (f"'site_url: {site_url}' phải là địa chỉ đầy đủ bắt đầu bằng https://. "
                "Cách sửa: ví dụ 'site_url: https://ten-mien-cua-co-quan/cchc/'.")
    return None
