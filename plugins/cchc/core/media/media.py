"""Every picture the site publishes, made once per input (cached): the clean copies and variants of
each image under content/, and one social card per article. Bad images become ContentErrors that
name the article and the image."""
from __future__ import annotations

import json
import posixpath
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from cchc.core.build_cache import BuildCache
from cchc.core.media.body_images import body_images
from cchc.core.content import Content
from cchc.core.content_tree import on_disk
from cchc.core.media.references import referenced_files
from cchc.core.errors import ContentError
from cchc.core.media.fonts import MISSING as FONT_MISSING, vietnamese_font
from cchc.core.media.image_cache import ImageCache
from cchc.core.media.image_jobs import ImagePrefetch, publish_or_problem
from cchc.core.media.images import (SHARE, ImageProblem, ImageSettings, PublishedImage, is_raster,
                                    looks_like_image, share_crop)
from cchc.core.records import Article
from cchc.core.urls import share_crop_url
from cchc.core.media.card_batch import CARD, CardBatch, CardFace, CardJob, workers
from cchc.core.media.social_card import CardStyle, card_path

@dataclass
class Use:
    article: Article
    field: str | None  # "image" for the cover, None for the body
    needle: str  # the text of the use in the article's file: its line is looked up for an error only


@dataclass
class Media:
    images: dict[str, PublishedImage] = field(default_factory=dict)  # content path -> published
    image_files: dict[str, Path] = field(default_factory=dict)  # site path -> cached file to publish
    cards: dict[str, str] = field(default_factory=dict)  # article url -> site path of its og:image (crop or card)
    card_files: dict[str, Path] = field(default_factory=dict)  # site path -> cached card
    card_keys: dict[str, tuple[Article, str]] = field(default_factory=dict)  # url -> (article, cache key)
    attachments: list[str] = field(default_factory=list)  # content paths of the other files to publish, as they are
    errors: list[ContentError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    pending: CardBatch | None = None  # cards being drawn in other processes
    pending_files: set[str] = field(default_factory=set)  # their site paths, in card_files already

    @property
    def files(self) -> dict[str, Path]:
        """Every file to publish: site path -> cached file (pending cards included: see finish)."""
        return {**self.image_files, **self.card_files}

    def finish(self) -> dict[str, Path]:
        """Wait for the pending cards; the files that are ready now and were not before."""
        if self.pending is not None:
            self.pending.wait()
            self.pending = None
        ready, self.pending_files = {path: self.card_files[path] for path in sorted(self.pending_files)}, set()
        return ready

    def cancel(self) -> None:
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None


def _line_of(article: Article, project_dir: Path, text: str) -> int | None:
    try:
        lines = (project_dir / article.source).read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return None
    return next((i for i, line in enumerate(lines, 1) if text in line), None)


def _body_uses(content: Content, media: Media, known: BuildCache | None) -> dict[str, list[Use]]:
    """Images of article bodies, by content path; a missing file or alt text is an error here."""
    settings = content.settings
    root = settings.content_root.resolve()
    uses: dict[str, list[Use]] = {}
    for article in content.articles.articles:
        folder = posixpath.dirname(article.content_path)
        for src, alt in body_images(article.body, known):
            parts = urlsplit(src)
            if parts.scheme or parts.netloc or src.startswith(("/", "#")) or not parts.path:
                continue  # another site's image, or a data: URL: not ours to check
            path = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            target = on_disk(root, path).resolve()
            if path.startswith("..") or root not in target.parents or not target.is_file():
                media.errors.append(ContentError(
                    article.source, _line_of(article, settings.project_dir, src), None,
                    f"Ảnh trong bài '{src}' không tìm thấy (tính từ thư mục của bài).",
                    "Kiểm tra tên tệp, chữ hoa/thường và thư mục; ảnh phải nằm trong thư mục content/."))
                continue
            if alt is None:
                media.errors.append(ContentError(
                    article.source, _line_of(article, settings.project_dir, src), None,
                    f"Ảnh trong bài '{src}' thiếu mô tả (alt) cho người khiếm thị.",
                    f"Viết '![Mô tả nội dung ảnh]({src})' thay vì để trống phần trong ngoặc vuông."))
            uses.setdefault(path, []).append(Use(article, None, src))
    return uses


def _uses(content: Content, media: Media, known: BuildCache | None) -> dict[str, list[Use]]:
    """Where each image is shown (covers first); a cover that is not a photo is an error here."""
    uses = _body_uses(content, media, known)
    project = content.settings.project_dir
    for article in content.articles.articles:
        if article.image:
            uses.setdefault(article.image.path, []).insert(0, Use(article, "image", "image:"))
            if not is_raster(article.image.path):
                media.errors.append(ContentError(article.source, _line_of(article, project, "image:"), "image",
                                                 f"Ảnh bìa '{article.image.path}' không phải JPEG, PNG hay WebP.",
                                                 "Lưu ảnh lại dạng JPEG (.jpg) hoặc PNG (.png)."))
    return uses


# Files a web page could run code from if served from the site's own address: never published from content/.
ACTIVE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".js", ".mjs", ".svg", ".svgz", ".xml", ".xsl",
                             ".swf", ".php", ".asp", ".aspx", ".jsp", ".cgi", ".htaccess"})


def _is_image(path: str, source: Path) -> bool:
    if is_raster(path):
        return True
    try:
        with open(source, "rb") as stream:
            return looks_like_image(stream.read(16))
    except OSError:
        return False


def _split(content: Content, media: Media, done: dict[str, PublishedImage],
           known: BuildCache | None) -> list[tuple[str, Path]]:
    """The used files: images to process (not in `done`) returned; the others, in media.attachments."""
    root = content.settings.content_root
    images = []
    for path, user in referenced_files(content, known).items():
        source = on_disk(root, path)
        if posixpath.splitext(path)[1].lower() == ".md":  # a record: published as its page, never as a file
            media.errors.append(ContentError(
                user, None, None,
                f"'{content.settings.content_dir}/{path}': tệp .md là một bài/thủ tục/kế hoạch, không đăng được như tệp đính kèm.",
                "Liên kết tới trang của bài đó thay vì đính kèm tệp .md."))
        elif posixpath.splitext(path)[1].lower() in ACTIVE_SUFFIXES:
            media.errors.append(ContentError(
                user, None, None,
                f"'{content.settings.content_dir}/{path}': tệp dạng này (HTML, SVG, JavaScript, XML…) có thể chứa mã "
                "chạy trên trang nên không được đăng.",
                "Đăng văn bản dưới dạng PDF; ảnh dưới dạng JPEG hoặc PNG."))
        elif _is_image(path, source):
            if path not in done:
                images.append((path, source))
        else:
            media.attachments.append(path)
    return images


def _images(content: Content, cache: ImageCache, settings: ImageSettings, media: Media,
            known: BuildCache | None, done: dict[str, PublishedImage] | None = None,
            prefetched: ImagePrefetch | None = None) -> None:
    """The used images not in `done` (published already, unchanged) are processed into media."""
    uses = _uses(content, media, known)
    sources = _split(content, media, done or {}, known)
    if prefetched is not None:  # what the helper has not made by now is made here, in threads
        prefetched.close()

    def publish(item):
        taken = prefetched.take(*item, settings) if prefetched is not None else None
        return taken if taken is not None else publish_or_problem(*item, cache, settings)

    # Pillow releases the GIL while it decodes, resizes and encodes: one thread per core is a real
    # speed-up, and the results are used in file order, so the output does not depend on timing.
    with ThreadPoolExecutor(max_workers=workers()) as pool:
        results = list(pool.map(publish, sources))
    for (path, _), result in zip(sources, results):
        if isinstance(result, ImageProblem):
            shown = f"{content.settings.content_dir}/{path}"
            for use in uses.get(path) or [None]:
                where, line, key = ((use.article.source, _line_of(use.article, content.settings.project_dir,
                                                                  use.needle), use.field) if use else (shown, None, None))
                what = ("Ảnh bìa" if use.field else "Ảnh trong bài") + f" '{shown}': " if use else ""
                media.errors.append(ContentError(where, line, key, what + result.message, result.fix))
            continue
        published, files = result
        media.images[path] = published
        media.image_files.update(files)


def share_path(cover_path: str) -> str:
    """Site path of a cover's share crop, next to its variants (tin-bai/anh/x.jpg.og.jpg)."""
    return share_crop_url(cover_path)


def _share_crops(content: Content, cache: ImageCache, settings: ImageSettings, media: Media,
                 previous: Media | None) -> list[Article]:
    """The og:image of each article with a published cover: a 1200x630 crop of its own cover (Zalo
    and Facebook show a photo better than a drawn title). The articles without one are returned."""
    without, covers = [], {}
    for article in content.articles.articles:
        if article.image is not None and article.image.path in media.images:
            covers.setdefault(article.image.path, []).append(article)
        else:
            without.append(article)
    known = previous.card_files if previous is not None else {}

    def crop(path: str) -> Path:
        site_path = share_path(path)
        if site_path in known:  # mkdocs serve: the image files did not change since
            return known[site_path]
        data = on_disk(content.settings.content_root, path).read_bytes()
        entry = cache.get_or_make(cache.key(data, "share " + settings.key()),
                                  lambda: ({}, {SHARE: share_crop(data, settings)}),
                                  check=lambda entry: SHARE in entry.names)
        return entry.file(SHARE)

    paths = sorted(covers)
    with ThreadPoolExecutor(max_workers=workers()) as pool:  # Pillow lets go of the GIL while it resizes
        files = list(pool.map(crop, paths))
    for path, file in zip(paths, files):
        media.card_files[share_path(path)] = file
        for article in covers[path]:
            media.cards[article.url] = share_path(path)
    return without


def _cards(content: Content, cache: ImageCache, media: Media, style: CardStyle, previous: Media | None,
           background: bool, articles: list[Article]) -> None:
    """A social card for each of `articles`: found in the cache, or drawn (in other processes when
    `background` and there are many: `Media.finish()` waits for them)."""
    regular, bold = vietnamese_font(400), vietnamese_font(700)
    if regular is None or bold is None:
        if FONT_MISSING not in " ".join(media.notices):
            media.notices.append(f"Không tạo ảnh chia sẻ (og:image) cho bài viết: {FONT_MISSING}")
        return
    agency = content.settings.agency.name or content.settings.site_name

    def key(article: Article) -> str:
        described = json.dumps([article.title, article.date_label, agency, repr(style), str(regular), str(bold)],
                               ensure_ascii=False)
        return cache.key(described.encode(), "social-card")  # the drawing code is in the cache's version

    earlier = previous.card_keys if previous is not None else {}
    keys = [earlier[a.url][1] if a.url in earlier and earlier[a.url][0] is a else key(a) for a in articles]
    jobs, planned = [], set()
    for article, key_ in zip(articles, keys):
        path = media.cards[article.url] = card_path(article.url)
        entry = cache.find(key_)  # drawn by an earlier build (or, in mkdocs serve, known in memory)
        if entry is None:
            jobs.append(CardJob(key_, article.title, article.date_label))
            planned.add(path)
        media.card_files[path] = entry.file(CARD) if entry else cache.planned_file(key_, CARD)
        media.card_keys[article.url] = (article, key_)
    if jobs:
        batch = CardBatch(cache, CardFace(agency, regular, bold, style), jobs, background)
        if batch.processes:  # drawn in other processes, collected by finish()
            media.pending, media.pending_files = batch, media.pending_files | planned


def publish_media(content: Content, cache: ImageCache, settings: ImageSettings = ImageSettings(),
                  style: CardStyle = CardStyle(), previous: Media | None = None, cards: bool = True,
                  background: bool = False, known: BuildCache | None = None,
                  prefetched: ImagePrefetch | None = None) -> Media:
    """`previous`: the media of the last build when only Markdown changed since (mkdocs serve): the
    image files are the same, so their published copies are kept; uses and cards are checked again.
    `cards`: False to check images only (`cchc check`). `background`: cards still missing are drawn
    in other processes; `Media.finish()` waits for them before their files are copied.
    `known`: the build cache, which keeps the images found in each article body.
    `prefetched`: the pictures published while the content loaded (closed here)."""
    media = Media()
    if previous is not None:
        media.images, media.image_files = dict(previous.images), dict(previous.image_files)
    # The cards of the articles without a cover need nothing from the pictures: they are drawn from
    # now on, in other processes, while the pictures are made (a cold build's longest job starts first).
    if cards and not content.blocking_errors:
        _cards(content, cache, media, style, previous, background,
               [article for article in content.articles.articles if article.image is None])
    # Only images used now are published (a held-back draft's cover is not); with `previous`, those
    # published already are kept as they are, and their uses are checked again.
    try:
        _images(content, cache, settings, media, known, previous.images if previous is not None else None,
                prefetched)
    finally:
        if prefetched is not None:
            prefetched.close()
    stops = content.blocking_errors or [e for e in content.mark_drafts(media.errors) if not e.draft]
    if stops:  # a build that will stop needs no cards; a draft's problem stops nothing
        media.cancel()
        for drawn in (media.cards, media.card_files, media.card_keys, media.pending_files):
            drawn.clear()
    elif cards:  # a cover that could not be used (a draft's, in mkdocs serve) gets a card instead, drawn here
        unused = _share_crops(content, cache, settings, media, previous)
        _cards(content, cache, media, style, previous, False, [a for a in unused if a.url not in media.cards])
    show_media(content.articles.articles, media)
    return media


def show_media(articles, media: Media) -> None:
    """Each article carries what the site published of it (its picture, its og:image), so that the
    templates and the page cache read them from the page's data, not from the build's media.
    Set on the records in place: the same record is shown by many pages and, in `mkdocs serve`,
    kept between builds (core.record_memo); every build sets both fields of every article again."""
    for article in articles:
        picture = media.images.get(article.image.path) if article.image is not None else None
        object.__setattr__(article, "picture", picture)  # frozen record: fields out of its equality
        object.__setattr__(article, "og_image", media.cards.get(article.url))
