"""The plugin's options, declared and validated the MkDocs way, in one place.

MkDocs runs these checks when it loads mkdocs.yml, so `mkdocs build`, `mkdocs serve` and every
`cchc` command (which loads the config with mkdocs.config.load_config) refuse the same mistakes
with the same Vietnamese message.
"""
from __future__ import annotations

from zoneinfo import ZoneInfo

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


def site_problem(site_url: str | None) -> str | None:
    """The one site-wide setting the plugin needs: an absolute site_url for feeds and share links."""
    if not site_url:
        return ("mkdocs.yml thiếu 'site_url'. Bản tin RSS/Atom cần địa chỉ tuyệt đối của trang. "
                "Cách sửa: thêm dòng 'site_url: https://ten-mien-cua-co-quan/cchc/' vào mkdocs.yml.")
    if not site_url.startswith(("https://", "http://")):
        return (f"'site_url: {site_url}' phải là địa chỉ đầy đủ bắt đầu bằng https://. "
                "Cách sửa: ví dụ 'site_url: https://ten-mien-cua-co-quan/cchc/'.")
    return None
