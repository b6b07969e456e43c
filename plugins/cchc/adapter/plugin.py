"""MkDocs events -> core calls. Each event does only the work whose inputs exist at that point."""
from __future__ import annotations

import html
import logging
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..core.content import Content, load_content
from ..core.errors import ordered, summary
from ..core.links import rebase_links
from ..core.pages import PageSpec
from ..core.settings import Settings
from ..core.thumbnails import make_thumbnail
from ..core.urls import file_href
from ..core.vietnamese import slugify
from .config import CchcConfig
from .feeds import FeedWriter
from .html_fixes import valid_html
from .navigation import small_navigation
from .search_index import add_folded_terms
from .staging import StagedOutput

log = logging.getLogger("mkdocs.plugins.cchc")


def settings_from(config: MkDocsConfig, options: CchcConfig, include_unpublished: bool = False) -> Settings:
    return Settings(
        project_dir=Path(config.config_file_path).resolve().parent,
        content_dir=options.content_dir,
        timezone=options.timezone,
        categories=tuple(options.categories),
        site_name=config.site_name,
        site_description=config.site_description or "",
        site_url=(config.site_url or "").rstrip("/") + "/",
        per_page=options.per_page,
        feed_items=options.feed_items,
        include_unpublished=include_unpublished,
    )


def report(content: Content) -> None:
    """Every content error, one line each; then stop the build."""
    if content.errors:
        for error in ordered(content.errors):
            log.error(str(error))
        raise PluginError(summary(content.errors))


class CchcPlugin(BasePlugin[CchcConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.command = "build"
        self.content: Content | None = None
        self.specs: dict[str, PageSpec] = {}
        self.staged: StagedOutput | None = None
        self.feeds = FeedWriter()

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config: MkDocsConfig):
        if not config.site_url:
            raise PluginError(
                "mkdocs.yml thiếu 'site_url'. Bản tin RSS/Atom cần địa chỉ tuyệt đối của trang. "
                "Cách sửa: thêm dòng 'site_url: https://ten-mien-cua-co-quan/cchc/' vào mkdocs.yml.")
        if not self.config.categories:
            raise PluginError(
                "mkdocs.yml chưa khai báo danh sách chuyên mục (plugins > cchc > categories). "
                "Cách sửa: thêm 'categories:' với mỗi chuyên mục trên một dòng '- Tên chuyên mục'.")
        for option in ("per_page", "feed_items"):
            if self.config[option] < 1:
                raise PluginError(f"Tùy chọn '{option}' của plugin cchc phải là số nguyên từ 1 trở lên, "
                                  f"không phải {self.config[option]}. Cách sửa: ví dụ '{option}: 10'.")
        slugs = [slugify(name) for name in self.config.categories]
        if len(set(slugs)) != len(slugs) or "" in slugs:
            raise PluginError(
                "Danh sách chuyên mục trong mkdocs.yml có hai tên trùng đường dẫn (ví dụ 'Tin tức' và 'Tin tuc') "
                "hoặc một tên không có chữ. Cách sửa: mỗi chuyên mục một tên khác hẳn nhau.")
        settings = settings_from(config, self.config, include_unpublished=self.command == "serve")
        try:
            settings.tz  # noqa: B018 - fail early on an unknown timezone name
        except Exception:
            raise PluginError(f"Múi giờ '{settings.timezone}' không hợp lệ. Cách sửa: dùng 'Asia/Ho_Chi_Minh'.") from None
        self.content = load_content(settings)
        self.feeds = FeedWriter()  # bodies of this build only
        report(self.content)
        if self.content.held:
            log.info("Không xuất bản %d bài nháp/hẹn giờ: %s", len(self.content.held),
                     ", ".join(a.source for a in self.content.held))
        for notice in self.content.notices():  # e.g. this month is behind a plan's target
            log.info(notice)
        if self.command == "build" and self.config.atomic:
            self.staged = StagedOutput(config.site_dir)
            config.site_dir = self.staged.start()
        return config

    # -- files -------------------------------------------------------------------------------
    @event_priority(50)  # before search and other plugins read the file list
    def on_files(self, files: Files, config: MkDocsConfig):
        home = files.get_file_from_path("index.md")
        home_markdown = ""
        if home is not None:  # the hand-written home becomes the intro of the section home
            home_markdown = Path(home.abs_src_path).read_text(encoding="utf-8")
            files.remove(home)
        specs = self.content.pages(_strip_frontmatter(home_markdown))
        moved = {spec.source: spec.src_uri for spec in specs if spec.source}
        self.specs = {}
        for spec in specs:
            self.specs[spec.src_uri] = spec
            body = rebase_links(spec.markdown, spec.source, spec.src_uri, moved) if spec.source else spec.markdown
            files.append(File.generated(
                config, spec.src_uri, content=_page_source(spec, body),
                inclusion=InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV))
        for path, data in self.content.outputs().items():
            files.append(File.generated(config, path, content=data))
        self._add_content_assets(files, config)
        return files

    def _add_content_assets(self, files: Files, config: MkDocsConfig) -> None:
        """Images and attachments under content/ keep their relative place in the site."""
        root = self.content.settings.content_root
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix.lower() != ".md" and not path.name.startswith("."):
                files.append(File.generated(config, path.relative_to(root).as_posix(), abs_src_path=str(path)))
        for article in self.content.articles.articles:
            if article.image:
                thumb = article.image.thumb_path
                if files.get_file_from_path(thumb) is None:
                    files.append(File.generated(config, thumb, content=make_thumbnail(root / article.image.path)))

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files):
        if config.nav:  # IT staff wrote their own nav in mkdocs.yml: respect it
            return nav
        entries = [files.get_file_from_path(src).page for src, spec in self.specs.items() if spec.in_nav]
        return small_navigation(nav, [p for p in entries if p is not None])

    def on_env(self, env, config: MkDocsConfig, files: Files):
        env.filters["cchc_slug"] = slugify
        env.filters["cchc_file"] = file_href  # content file paths: `{{ path | cchc_file | url }}`
        return env

    # -- pages ---------------------------------------------------------------------------------
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            context["cchc"] = {**spec.data, "spec": spec}
        return context

    @event_priority(-100)  # last: the body as every other plugin left it
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files):
        self.feeds.page_content(html, self.specs.get(page.file.src_uri))
        return html

    @event_priority(-50)  # after the search plugin has written its index
    def on_post_build(self, config: MkDocsConfig):
        add_folded_terms(config.site_dir)
        self.feeds.write(self.content, config.site_dir)  # into the staging folder, before the swap
        if self.staged:
            self.staged.commit()
            config.site_dir = str(self.staged.final)
            log.info("Đã dựng xong vào thư mục tạm và thay thế %s bằng bản mới.", self.staged.final)
            self.staged = None

    def on_serve(self, server, config: MkDocsConfig, builder):
        """`mkdocs serve` rebuilds when an editor saves a file under content/, not only site_src/."""
        server.watch(str(self.content.settings.content_root))
        return server

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return valid_html(output)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return valid_html(output) if template_name.endswith(".html") else output

    def on_build_error(self, error):
        if self.staged:
            self.staged.abort()
            self.staged = None


def _strip_frontmatter(markdown: str) -> str:
    if markdown.startswith("---"):
        parts = markdown.split("\n---", 1)
        return parts[1].split("\n", 1)[1] if len(parts) == 2 and "\n" in parts[1] else ""
    return markdown


def _page_source(spec: PageSpec, body: str) -> str:
    """A virtual Markdown file: meta for MkDocs/Material, then the body."""
    meta = {"title": html.escape(spec.title, quote=False), "template": spec.template}
    if spec.description:
        meta["description"] = html.escape(spec.description)
    if not spec.source:
        meta["search"] = {"exclude": True}  # listings repeat the articles: keep search results clean
        meta["hide"] = ["toc"]  # listings have no headings to list: give the width to the content
    article = spec.data.get("article")
    if article is not None:
        meta.update(article.passthrough)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
    return f"---\n{front}---\n\n{body}"
