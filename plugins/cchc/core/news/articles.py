"""Articles (tin/bài): content/tin-bai/**/*.md -> Article records, with every error collected."""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import replace
from pathlib import Path

from cchc.core.errors import ContentError, as_drafts, duplicates
from cchc.core.build_cache import BuildCache
from cchc.core.news.excerpt import Excerpts
from cchc.core.fields import _MISSING, PASSTHROUGH_KEYS, FieldReader
from cchc.core.content_tree import ContentTree
from cchc.core.frontmatter_file import SourceFile, read_records
from cchc.core.news.image_alt import placeholder_errors
from cchc.core.local_paths import local_path_errors
from cchc.core.news.new_article import leftover_instructions
from cchc.core.records import Article, Image
from cchc.core.record_memo import RecordMemo
from cchc.core.settings import Settings
from cchc.core.snippet_lines import inert_snippets
from cchc.core.text.vietnamese import SLUG_MAX, WINDOWS_RESERVED, slugify

FOLDER = "tin-bai"
KEYS = ["title", "date", "updated", "categories", "tags", "summary", "image", "image_alt",
        "authors", "source", "attachments", "slug", "draft", "pin"]


def _image(reader: FieldReader) -> Image | None:
    relative = reader.text("image")
    if not relative:
        return None
    alt = reader.text("image_alt")
    if not alt:
        reader.error("image_alt", "Có ảnh 'image' nhưng thiếu 'image_alt' (mô tả ảnh cho người khiếm thị).",
                     "Thêm dòng 'image_alt: Quang cảnh hội nghị' (mô tả nội dung ảnh) ngay dưới dòng image.",
                     line_of="image")
    path = reader.local_file("image", relative)
    if not path or not alt:
        return None
    return Image(path, alt)  # its pixels are checked and published by media.py


def _near_category(name: str, categories) -> str | None:
    """A configured category a small typo away (diacritics, case and spacing ignored)."""
    folded = {slugify(category): category for category in categories}
    guess = difflib.get_close_matches(slugify(name), list(folded), n=1, cutoff=0.75)
    return folded[guess[0]] if guess else None


def _leftover_instructions(source: SourceFile, abs_path: Path) -> list[ContentError]:
    """The instruction lines of `cchc new`, still in an article about to be published."""
    found = leftover_instructions(source.body)
    if not found:
        return []
    lines = abs_path.read_text(encoding="utf-8-sig", errors="replace").split("\n")
    return [ContentError(source.path, next((n for n, text in enumerate(lines, 1) if text.strip() == line), None),
                         None, f"Bài sắp xuất bản còn dòng hướng dẫn của mẫu bài: '{line}'.",
                         "Thay dòng này bằng nội dung của bài (hoặc xóa nó), hoặc để 'draft: true' nếu bài chưa xong.")
            for _, line in found]


_TEMPLATE_NAME = re.compile(r"[a-z0-9_][a-z0-9_.-]*(/[a-z0-9_][a-z0-9_.-]*)*\.html")


def _check_template(reader: FieldReader, settings: Settings) -> None:
    """'template' (passed to MkDocs) must name an HTML template of the theme: never a path out of it."""
    value = reader.raw("template")
    if value is _MISSING:
        return
    name = value if isinstance(value, str) else ""
    known = _TEMPLATE_NAME.fullmatch(name) and ".." not in name and not name.startswith("partials/") and (
        not settings.theme_dirs or any(os.path.isfile(os.path.join(d, name)) for d in settings.theme_dirs))
    if not known:
        shown = str(value)[:80]
        reader.error("template", f"'template: {shown}' không phải tên một khuôn trang (template) của giao diện.",
                     "Xóa dòng 'template' để dùng khuôn trang bài viết mặc định.")


def _count(number: int) -> str:
    return f"{number:,}".replace(",", ".")  # 10.000: the Vietnamese way


def _limits(reader: FieldReader, settings: Settings, title: str | None, tags: list[str], body: str) -> None:
    if title and len(title) > settings.max_title_length:
        reader.error("title", f"Tiêu đề dài {_count(len(title))} ký tự, quá giới hạn {_count(settings.max_title_length)} ký tự.",
                     "Rút gọn tiêu đề; phần chi tiết đưa vào 'summary' hoặc nội dung bài. (Quản trị có thể đổi "
                     "giới hạn bằng tùy chọn 'max_title_length' trong mkdocs.yml.)")
    if len(tags) > settings.max_tags:
        reader.error("tags", f"Bài có {_count(len(tags))} thẻ, quá giới hạn {settings.max_tags} thẻ (mỗi thẻ là một trang).",
                     "Giữ vài thẻ chính của bài. (Quản trị có thể đổi giới hạn bằng tùy chọn 'max_tags'.)")
    if len(body) > settings.max_article_length:
        reader.error(None, f"Nội dung bài dài {_count(len(body))} ký tự, quá giới hạn {_count(settings.max_article_length)} ký tự.",
                     "Chia thành nhiều bài, hoặc đăng văn bản dài dưới dạng tệp đính kèm PDF. (Quản trị có thể "
                     "đổi giới hạn bằng tùy chọn 'max_article_length'.)")


def _unique_tags(names: list[str]) -> tuple[str, ...]:
    """'Một cửa' and 'một cửa' are one tag: keep the first spelling."""
    by_slug: dict[str, str] = {}
    for name in names:
        by_slug.setdefault(slugify(name), name)
    return tuple(by_slug.values())


def _slug(reader: FieldReader, title: str | None) -> str | None:
    explicit = reader.text("slug")
    if explicit is None:
        return slugify(title) if title else None
    if explicit in WINDOWS_RESERVED:
        reader.error("slug", f"Slug '{explicit}' là tên thiết bị dành riêng của Windows: trang sẽ không sao chép "
                     "được sang máy chủ Windows/IIS.", f"Dùng '{slugify(explicit)}' hoặc một tên khác.")
        return None
    if explicit != slugify(explicit) or len(explicit) > SLUG_MAX:
        reader.error("slug", f"Slug '{explicit}' chỉ được gồm chữ thường không dấu, số và dấu '-', tối đa {SLUG_MAX} ký tự.",
                     f"Dùng '{slugify(explicit)}' hoặc xóa dòng slug để tự tạo từ tiêu đề.")
        return None
    return explicit


def read_article(source: SourceFile, abs_path: Path, settings: Settings,
                 excerpts: Excerpts | None = None) -> Article | list[ContentError]:
    reader = FieldReader(source, abs_path, settings.content_root, settings.tz)
    reader.check_keys(KEYS)
    _check_template(reader, settings)
    title = reader.text("title", required=True, what="tiêu đề", example="Tiêu đề bài viết")
    date = reader.datetime("date", required=True, what="ngày đăng")
    updated = reader.datetime("updated")
    if date and updated and updated < date:
        reader.error("updated", "Ngày cập nhật 'updated' không được trước ngày đăng 'date'.",
                     "Sửa 'updated' thành một ngày từ ngày đăng trở đi, hoặc xóa dòng này.")
    categories = reader.text_list("categories", required=True, what="chuyên mục", example="[Tin tức CCHC]")
    for name in categories:
        if name not in settings.categories:
            guess = _near_category(name, settings.categories)
            hint = f"Có phải ý bạn là '{guess}'? " if guess else ""
            reader.error("categories", f"Chuyên mục '{name}' không có trong danh sách chuyên mục của trang.",
                         f"{hint}Dùng một trong: {', '.join(settings.categories)}; hoặc nhờ quản trị thêm chuyên mục vào mkdocs.yml.")
    slug = _slug(reader, title)
    if title and slug == "":
        reader.error("title", "Không tạo được đường dẫn (slug) từ tiêu đề này.", "Thêm khóa 'slug: ten-bai-viet'.")
    attachments = reader.attachments()
    tags = reader.text_list("tags")
    _limits(reader, settings, title, tags, source.body)
    if reader.errors:
        tags = tags[:settings.max_tags]  # not one slug more, for an article that is refused anyway
    for name in tags:
        if not slugify(name):
            reader.error("tags", f"Thẻ '{name}' không có chữ cái hay chữ số nào để tạo đường dẫn cho trang thẻ.",
                         "Viết thẻ bằng chữ, ví dụ 'một cửa', hoặc xóa thẻ này.")
    reader.errors += placeholder_errors(source, abs_path)  # images imported from Word without a description
    reader.errors += local_path_errors(source.path, source.body, abs_path)  # C:\…, file://, \\server\…
    if source.meta.get("draft") is not True:
        reader.errors += _leftover_instructions(source, abs_path)
    article = dict(
        tags=_unique_tags(tags),
        summary=reader.text("summary"),
        image=_image(reader),
        authors=tuple(reader.text_list("authors")),
        origin=reader.text("source"),
        attachments=attachments,
        draft=reader.boolean("draft"),
        pin=reader.boolean("pin"),
    )
    if reader.errors or not (title and date and slug and categories):
        # A draft's problems are the editor's to finish: reported, never a stop for what is published.
        return as_drafts(reader.errors) if source.meta.get("draft") is True else reader.errors
    order = {name: i for i, name in enumerate(settings.categories)}
    body = inert_snippets(source.body, settings.markdown_extensions)  # no file of the project included
    return Article(
        source=source.path,
        content_path=abs_path.relative_to(settings.content_root).as_posix(),
        title=title,
        date=date,
        updated=updated,
        categories=tuple(sorted(dict.fromkeys(categories), key=order.__getitem__)),
        slug=slug,
        body=body,
        excerpt=(excerpts or Excerpts()).excerpt(body, article["summary"]),
        passthrough={k: v for k, v in source.meta.items() if k in PASSTHROUGH_KEYS},
        scheduled=date > settings.now,
        **article,
    )


def _scheduled_now(article: Article, settings: Settings) -> Article:
    scheduled = article.date > settings.now
    return article if article.scheduled == scheduled else replace(article, scheduled=scheduled)


def load_articles(settings: Settings, memo: RecordMemo | None = None, tree: ContentTree | None = None,
                  cache: BuildCache | None = None) -> tuple[list[Article], list[Article], list[ContentError]]:
    """(articles the build shows, drafts and scheduled ones it holds back, all errors found).
    `cache`: the build's cache (its owner closes it); without one, a cache of this load when the settings have one."""
    own = BuildCache(settings.cache_dir) if cache is None and settings.cache_dir else None
    excerpts = Excerpts(settings.markdown_extensions, settings.markdown_configs, cache or own)
    loaded, errors = read_records(settings.content_root, FOLDER, True, settings.project_dir,
                                  lambda source, path: read_article(source, path, settings, excerpts), memo, tree,
                                  cache)
    loaded = [_scheduled_now(a, settings) for a in loaded]  # a record kept by the memo was read earlier
    if own is not None:
        own.close()
    articles = [a for a in loaded if a.published or settings.include_unpublished]
    held = [a for a in loaded if not (a.published or settings.include_unpublished)]
    errors += duplicates(articles, lambda a: a.url, "slug",
                         lambda url, files: f"Trùng đường dẫn '{url}' với bài khác cùng tháng: {files}.",
                         "Đổi tiêu đề hoặc thêm khóa 'slug' khác nhau cho các bài này.")
    return articles, held, errors
