"""MkDocs events -> core calls. Each event does only the work whose inputs exist at that point."""
from __future__ import annotations

import html
import logging
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_timestamp

from cchc.core.build_cache import BuildCache
from cchc.core.content import Content, load_content
from cchc.core.frontmatter_file import KIND as SOURCE_KIND
from cchc.core.content_tree import ContentTree, leftover, on_disk, plain_file
from cchc.core.errors import ContentError, ordered, summary
from cchc.core.news.feeds import feed_paths
from cchc.core.news.news_views import ArticleView
from cchc.core.pages import PageSpec, in_build_order
from cchc.core.procedures.procedure_links import procedure_links
from cchc.core.sanitize import clean_html, may_hold_unsafe, removals
from cchc.core.settings import Agency, Settings
from cchc.core.site_search import SearchIndexError, SiteSearch
from cchc.core.news.embed import embed_outputs
from cchc.core.media.image_cache import UNUSED_DAYS, ImageCache
from cchc.core.media.image_jobs import ImagePrefetch
from cchc.core.media.media import Media, publish_media
from cchc.core.media.picture import picture_html, responsive_body
from ..core import urls
from cchc.core.urls import file_href
from cchc.core.text.search_terms import BODY, with_folded_words
from cchc.core.text.vietnamese import slugify
from cchc.core.text import nfc_links
from . import compat, log_messages, site_output
from .chrome_cache import ChromeCache, theme_partials_loader
from .compat import use_page_class
from .config import CchcConfig, config_problem, escape_site_values, site_problem
from .content_watch import watch_content
from .feeds import FeedWriter
from .html_fixes import valid_html
from .navigation import section_entry, small_navigation
from .page_cache import PageCache
from .quick_rebuild import QuickRebuild
from .serve_errors import PreviewErrors
from .render_cache import KIND as RENDER_KIND, CachedPage
from .theme_assets import drop_unused_theme_assets
from .staging import StagedOutput, StagingError

log = logging.getLogger("mkdocs.plugins.cchc")
NFC_LINKS = nfc_links.__name__  # by name: a string in the resolved config keeps page keys stable
log_messages.install()  # imported while MkDocs validates mkdocs.yml: its config errors come out in Vietnamese


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
        agency=Agency(**{key: options.agency[key] for key in options.agency}),
        include_unpublished=include_unpublished,
        image_cache=options.image_cache,
        markdown_extensions=tuple(config.markdown_extensions),
        markdown_configs=dict(config.mdx_configs),
        theme_dirs=tuple(str(d) for d in config.theme.dirs),
        max_tags=options.max_tags, max_title_length=options.max_title_length,
        max_article_length=options.max_article_length,
        cache_dir=Path(config.config_file_path).resolve().parent / options.cache_dir if options.cache else None,
    )


def picture_filter(picture, href: str, kind: str = "cover", alt: str = "", lazy: bool = False) -> Markup:
    """Jinja filter: `{{ a.picture | cchc_picture(a.image.path | cchc_file | url, 'thumb', '', true) }}`.
    Only its arguments: the picture is the article's own (core.media.media.show_media)."""
    if picture is None:  # not published (cannot happen in a successful build): show nothing
        return Markup("")
    return Markup(picture_html(picture, href, alt, kind, lazy))


def report_errors(errors: list[ContentError]) -> None:
    """Every content error, one line each; then stop the build."""
    if errors:
        for error in ordered(errors):
            log.error(str(error))
        raise log_messages.Stop(summary(errors))


class CchcPlugin(BasePlugin[CchcConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.command = "build"
        self.content: Content | None = None
        self.specs: dict[str, PageSpec] = {}
        self.staged: StagedOutput | None = None
        self.built = False
        self.feeds = FeedWriter()
        self.media = Media()
        self.cache: BuildCache | None = None
        self.page_cache: PageCache | None = None
        self.home_markdown = ""
        self.outputs: dict[str, bytes] = {}  # exports and the embeddable box of this build, as published
        self.quick: QuickRebuild | None = None  # mkdocs serve only
        self.search: SiteSearch | None = None  # the search index of this build, started while it renders
        self.watcher = None  # mkdocs serve: the observer of content/, when the system's file events work

    def on_startup(self, *, command, dirty):
        self.command = command
        if command == "serve" and not dirty:  # with --dirty MkDocs skips pages itself: leave it alone
            self.quick = QuickRebuild(self)

    def on_config(self, config: MkDocsConfig):
        problem = site_problem(config.site_url) or config_problem(config)  # the plugin's own: by CchcConfig
        if problem:
            log.error(problem)
            raise log_messages.Stop("Cấu hình mkdocs.yml cần sửa (xem dòng ở trên); chưa dựng gì.")
        if any(name in config.plugins for name in ("search", "material/search")):
            log.warning("mkdocs.yml còn bật plugin 'search' của Material: tìm kiếm của chuyên mục do cchc lập "
                        "(Pagefind, trang tim-kiem/), plugin kia chỉ làm trang nặng thêm. Cách sửa: xóa dòng "
                        "'- search' (và các dòng cấu hình dưới nó) trong mục 'plugins:' của mkdocs.yml.")
        if NFC_LINKS not in config.markdown_extensions:  # links to files written in NFD (macOS) find them
            config.markdown_extensions.append(NFC_LINKS)
        settings = settings_from(config, self.config, include_unpublished=self.command == "serve")
        escape_site_values(config)  # after the settings took the plain text
        self.cache = BuildCache(settings.cache_dir) if settings.cache_dir else None
        self.image_cache = ImageCache(settings.project_dir / settings.image_cache)
        tree = ContentTree(settings.content_root)  # one walk of content/ for the pictures and the records
        prefetched = ImagePrefetch(settings.content_root, tree, self.image_cache)  # on the other core, meanwhile
        try:
            self.content = load_content(settings, self.quick.memo if self.quick else None, self.cache, tree)
        except BaseException:
            prefetched.close()
            raise
        if self.cache:
            self.cache.flush()  # the files read are kept even when their errors stop the build below
            log.info("Tệp nội dung: %d tệp lấy lại từ bộ nhớ đệm, %d tệp đọc mới.",
                     self.cache.counts[(SOURCE_KIND, True)], self.cache.counts[(SOURCE_KIND, False)])
        self.feeds = FeedWriter()  # bodies of this build only
        self._publish_media(prefetched)
        for error in ordered(self.content.draft_errors):  # INFO: never a failure, even with --strict
            log.info("Bài nháp cần sửa trước khi xuất bản: %s", error)
        report_errors(self.content.blocking_errors)
        if self.content.held:
            log.info("Không xuất bản %d bài nháp/hẹn giờ: %s", len(self.content.held),
                     ", ".join(a.source for a in self.content.held))
        for notice in self.content.notices():  # e.g. this month is behind a plan's target
            log.info(notice)
        self.page_cache = PageCache(self.cache, config, self.command) if self.cache else None
        if self.command == "build" and self.config.atomic:
            self.built = False
            self.staged = StagedOutput(config.site_dir)
            config.site_dir = self.staged.start()
        if compat.hands_pages_out():  # a full build: its files are written by a helper while pages render
            site_output.output.start(config.site_dir, self.staged.final if self.staged else None)
        return config

    # -- files -------------------------------------------------------------------------------
    @event_priority(50)  # before search and other plugins read the file list
    def on_files(self, files: Files, config: MkDocsConfig):
        self._drop_leftovers(files, config)
        self._refuse_linked_pages(files, config)
        drop_unused_theme_assets(files)
        for file in [f for f in files if type(f) is File and f.abs_src_path and not f.is_documentation_page()]:
            files.remove(file)  # the theme's assets and docs_dir's other files: copied through site_output
            files.append(site_output.CopiedFile.of(file))
        home = files.get_file_from_path("index.md")
        home_markdown = ""
        if home is not None:  # the hand-written home becomes the intro of the section home
            home_markdown = Path(home.abs_src_path).read_text(encoding="utf-8")
            files.remove(home)
        self.home_markdown = _strip_frontmatter(home_markdown)
        specs = in_build_order(self.content.pages(self.home_markdown))  # search starts in on_page_context
        self.specs = {}
        for spec in specs:
            self.specs[spec.src_uri] = spec
            # No text: on_page_markdown hands MkDocs the page's meta and Markdown as they are.
            file = File.generated(config, spec.src_uri, content="",
                                  inclusion=InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV)
            file.dest_uri = spec.dest_uri  # published at its URL; MkDocs resolves links from src_uri
            files.append(file)
        self.outputs = self.generated_outputs()
        for path, data in self.outputs.items():
            files.append(site_output.GeneratedFile.generated(config, path, content=data))
        self._add_content_assets(files, config)
        return files

    @staticmethod
    def _drop_leftovers(files: Files, config: MkDocsConfig) -> None:
        """Backups, lock and OS files in docs_dir are not published either (the rule of content/)."""
        docs = Path(config.docs_dir)
        for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).is_relative_to(docs)
                     and any(leftover(part) for part in f.src_uri.split("/"))]:
            files.remove(file)

    def _refuse_linked_pages(self, files: Files, config: MkDocsConfig) -> None:
        """MkDocs follows links in docs_dir; we publish only regular files from there too."""
        docs = Path(config.docs_dir)
        project = self.content.settings.project_dir
        linked = [f for f in files if f.abs_src_path and Path(f.abs_src_path).is_relative_to(docs)
                  and not plain_file(docs, Path(f.abs_src_path))]
        report_errors([ContentError(Path(f.abs_src_path).relative_to(project).as_posix()
                                    if Path(f.abs_src_path).is_relative_to(project) else f.src_uri, None, None,
                                    "Tệp là liên kết tượng trưng (symlink) hoặc nằm trong thư mục liên kết.",
                                    "Thay liên kết bằng bản sao thật của tệp.") for f in linked])

    def _add_content_assets(self, files: Files, config: MkDocsConfig) -> None:
        """Attachments under content/ keep their relative place in the site: only those a published
        record uses (media.attachments). Photos never go out as they are (EXIF, GPS, 4000 px): their
        clean copies and variants come from the image cache."""
        settings = self.content.settings
        root = settings.content_root
        taken = {f.dest_uri for f in files} | set(feed_paths(self.content.articles)) | \
            set(config.theme.static_templates)
        clashes = []
        for relative in self.media.attachments:  # NFC content paths; the name on disk may be NFD
            path = on_disk(root, relative)
            asset = site_output.CopiedFile.generated(config, relative, abs_src_path=str(path))
            if asset.dest_uri in taken:  # would silently replace a generated page, export or feed
                clashes.append(ContentError(
                    path.relative_to(settings.project_dir).as_posix(), None, None,
                    f"Tệp này trùng đường dẫn '{asset.dest_uri}' với một trang hoặc tệp do hệ thống tạo ra.",
                    "Đổi tên tệp hoặc chuyển nó sang thư mục khác (ví dụ thư mục tep/ cạnh bài viết)."))
                continue
            files.append(asset)
        report_errors(clashes)
        pending = self.media.pending_files  # still being drawn: copied in on_post_build
        for site_path, cached in sorted(self.media.files.items()):
            if site_path not in pending and files.get_file_from_path(site_path) is None:
                files.append(site_output.CachedFile.generated(config, site_path, abs_src_path=str(cached)))

    def generated_outputs(self) -> dict[str, bytes]:
        """Files made from the content that are not pages or feeds: exports, the embeddable box."""
        return {**self.content.outputs(self.cache),
                **embed_outputs(self.content.articles, self.content.settings, self.media.images)}

    # -- images --------------------------------------------------------------------------------
    def _publish_media(self, prefetched: ImagePrefetch | None = None) -> None:
        """Clean copies, variants and social cards, from the cache when the input is unchanged; bad
        images join the content errors, so that the editor sees every problem at once."""
        self.media = self.collect_media(self.content, prefetched=prefetched)
        self.content.errors.extend(self.content.mark_drafts(self.media.errors))
        for notice in self.media.notices:
            log.warning(notice)

    def collect_media(self, content: Content, previous: Media | None = None,
                      prefetched: ImagePrefetch | None = None) -> Media:
        """The published images and cards of the content, through the image cache of this build."""
        cache = self.image_cache
        self._media_counts = prefetched.counts_before if prefetched else (cache.processed, cache.reused)
        # A full build draws missing cards in other processes while it renders pages (on_post_build waits).
        media = publish_media(content, cache, previous=previous, background=previous is None, known=self.cache,
                              prefetched=prefetched)
        if media.pending is None:
            self._log_media_counts()
        else:
            log.info("Ảnh chia sẻ: vẽ %d thẻ ở %d tiến trình phụ trong lúc dựng trang.",
                     len(media.pending.jobs), media.pending.processes)
        return media

    def _log_media_counts(self) -> None:
        cache, (processed, reused) = self.image_cache, self._media_counts
        log.info("Ảnh: %d ảnh/thẻ chia sẻ mới được xử lý, %d lấy lại từ bộ nhớ đệm %s.",
                 cache.processed - processed, cache.reused - reused, self.content.settings.image_cache)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files):
        self.files = files
        entries = [files.get_file_from_path(src).page for src, spec in self.specs.items() if spec.in_nav]
        self.menu_entries = [p for p in entries if p is not None]  # once: every page outside the menu uses them
        if not config.nav:  # else IT staff wrote their own nav in mkdocs.yml: respect it
            nav = small_navigation(nav, self.menu_entries)
        for src in self.specs:  # our pages render through the build cache
            file = files.get_file_from_path(src)
            if file.page is None:
                CachedPage(None, file, config)
            elif not use_page_class(file.page, CachedPage):  # another engine: MkDocs renders it
                continue
            file.page.cache = self.cache
            file.page.clean = self._clean
            file.page.source = self._source_of(file.page)
            file.page.clean_key = repr(self.config.iframe_hosts)
        self.nav = nav
        self.search = SiteSearch(config.site_dir, self.staged.final if self.staged else None, self.cache)
        return nav

    def on_env(self, env, config: MkDocsConfig, files: Files):
        # A build's templates do not change while it runs: no stat() of every include on every page.
        env.auto_reload = self.command == "serve"
        if self.content.settings.cache_dir is not None:  # compiled templates, keyed by their source's checksum
            folder = self.content.settings.cache_dir / "jinja"
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))  # ~0.35 s of compiling per build
        # Jinja's template cache (an LRU of 400) moves each template it serves to the end of a deque, a
        # scan of the deque on each of ~130,000 includes a build; a dict (Jinja's cache_size=-1) does not.
        env.cache = {}
        env.globals["cchc_chrome"] = ChromeCache()  # menu, footer, scripts: rendered once for many pages
        env.loader = theme_partials_loader(env.loader, config)
        env.filters["cchc_slug"] = slugify
        env.filters["cchc_file"] = file_href  # content file paths: `{{ path | cchc_file | url }}`
        agency = self.content.settings.agency
        env.globals["cchc_agency"] = agency  # header logo, footer of every page
        env.globals["cchc_procedure_links"] = lambda procedure: procedure_links(procedure, agency)
        env.filters["cchc_picture"] = picture_filter  # reads the article's own picture, no plugin state
        env.globals["cchc_urls"] = urls  # the fixed URLs of the scheme: `{{ cchc_urls.NEWS | url }}`
        self.env = env
        self.feeds.add_files(self.content, files, config, self.media.images)  # every body is rendered by now
        if self.page_cache:  # every page was read: hand-written pages' titles are in the nav now
            self.page_cache.set_nav(self.nav, config)
        return env

    # -- pages ---------------------------------------------------------------------------------
    @event_priority(100)  # first: other plugins see the page as it will be rendered
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files):
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return markdown
        page.meta = page_meta(spec)
        return spec.markdown

    @event_priority(-100)  # last: the context as every other plugin left it
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            if not spec.source and self.search is not None:  # every page from a file is out by now
                site_output.output.sync()  # on disk, for Pagefind
                self.search.start()
            context["cchc"] = spec.data  # a view of core (news_views, procedure_views, plan_views)
            context["cchc_spec"] = spec
            self._highlight_section(page, spec)
            if self.page_cache:
                context["cchc_cached"] = self.page_cache.cached_output(
                    page, lambda template: self.env.get_template(template).render(context))
        return context

    @event_priority(100)  # first: search, feeds and every other plugin see only the cleaned body
    def _sanitize(self, html: str, page: Page, config: MkDocsConfig, files: Files):
        if isinstance(page, CachedPage):  # cleaned in its render(), kept in the build cache with the warnings
            return html
        return self._clean(html, page)

    def _clean(self, html: str, page: Page) -> str:
        """The sanitiser, with a warning naming file and line for each thing it removed."""
        cleaned = clean_html(html, self.config.iframe_hosts)
        if may_hold_unsafe(page.markdown or ""):
            source = self._source_of(page)
            text = source.read_text(encoding="utf-8", errors="replace") if source else page.markdown
            shown = source.relative_to(self.content.settings.project_dir).as_posix() if source else page.file.src_uri
            for removal in removals(html, self.config.iframe_hosts):
                line = removal.line_in(text)
                log.warning("%s%s: [html] Đã bỏ %s khi xuất bản (không an toàn hoặc không được phép). Cách sửa: "
                            "xóa phần đó, hoặc nhờ quản trị thêm máy chủ video vào 'iframe_hosts' nếu đó là "
                            "video cần nhúng.", shown, f":{line}" if line else "", removal.what)
        return cleaned

    def _unhighlight(self) -> None:
        if getattr(self, "_highlighted", None) is not None:
            self._highlighted.active = False
            self._highlighted = None

    def _highlight_section(self, page: Page, spec: PageSpec) -> None:
        """A month, plan or article page is not in the menu: mark its section's entry as current."""
        self._highlighted = None
        if spec.in_nav or not spec.url:
            return
        entry = section_entry(spec.url, spec.section, self.menu_entries)
        if entry is not None and not entry.active:
            entry.active = True  # MkDocs resets `active` only for the page it renders: undone in on_post_page
            self._highlighted = entry

    @event_priority(-100)  # last: the body as every other plugin left it
    def _collect_feed_body(self, html: str, page: Page, config: MkDocsConfig, files: Files):
        spec = self.specs.get(page.file.src_uri)
        self.feeds.page_content(html, spec)  # feeds keep plain <img>: readers differ in <picture> support
        if spec is not None and isinstance(spec.data, ArticleView):
            html = responsive_body(html, page.url, self.media.images)
        if spec is not None and self.page_cache:
            page.content = html
            self.page_cache.prepare(page, spec)
        return html

    on_page_content = CombinedEvent(_sanitize, _collect_feed_body)

    def _source_of(self, page: Page) -> Path | None:
        """The editor's file behind a page: content/<source> for generated pages, docs_dir for others."""
        spec = self.specs.get(page.file.src_uri)
        if spec is not None and spec.source:
            return self.content.settings.content_root / spec.source
        path = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        return path if path and path.is_file() else None

    @event_priority(100)  # first: the template's output as it was rendered, before any fix-up
    def _finish_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        self._unhighlight()
        if self.page_cache and self.page_cache.was_served(page):  # stored finished: the fixes are in it
            return output
        finished = with_folded_words(valid_html(output))  # not idempotent: applied once per output
        if self.page_cache:
            self.page_cache.store(page, finished)
        return finished

    @event_priority(-100)  # last: the page as every plugin left it
    def _hand_out(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """The page to the search index and to site_output; MkDocs then skips its own write (an empty
        output). Encoded once, as MkDocs would write it."""
        if not output.strip():
            return output
        data = output.encode("utf-8", errors="xmlcharrefreplace")
        if BODY in output and self.search is not None:  # a page that only mentions it: read, ignored
            self.search.add(page.file.dest_uri, data)
        if not compat.hands_pages_out():  # another engine: MkDocs writes the page
            return output
        site_output.output.page(config.site_dir, page.file.dest_uri, data)
        compat.written_by_us(page.file.src_uri)
        return ""

    on_post_page = CombinedEvent(_finish_page, _hand_out)

    @event_priority(100)  # first: other plugins' on_post_build may read the pages
    def _pages_out(self, config: MkDocsConfig):
        site_output.output.sync()

    @event_priority(-50)  # after other plugins wrote their files: the index reads the finished pages
    def _finish_build(self, config: MkDocsConfig):
        if self.media.pending is not None:  # the cards drawn during the build
            for site_path, cached in self.media.finish().items():
                site_output.output.link(config.site_dir, site_path, cached)
            self._log_media_counts()
        site_output.output.close()
        if self.cache:
            self.cache.close()
        if self.page_cache:
            counts = self.cache.counts
            log.info("Bộ nhớ đệm dựng trang (%s): dùng lại %d trang, dựng mới %d trang; Markdown: %d trang lấy lại, "
                     "%d trang chuyển mới.", self.config.cache_dir,
                     self.page_cache.reused, self.page_cache.stored, counts[(RENDER_KIND, True)],
                     counts[(RENDER_KIND, False)])
        log_messages.stop_if_strict_failed(serving=self.command == "serve")  # its last line in Vietnamese
        try:  # into the staging folder: the site and its index are swapped in together
            if self.search.finish():
                log.info("Chỉ mục tìm kiếm: không trang nào đổi, dùng lại chỉ mục của lần dựng trước.")
            elif self.search.reused_folders:  # e.g. a new article: only the newest year is indexed again
                log.info("Chỉ mục tìm kiếm: dùng lại phần %s của lần dựng trước (không trang nào trong đó đổi), "
                         "lập lại phần còn lại.", ", ".join(f"{folder}/" for folder in self.search.reused_folders))
            if self.cache:
                self.cache.close()  # the index's entry
        except SearchIndexError as exc:
            log.error(str(exc))
            raise log_messages.Stop("Chưa lập được chỉ mục tìm kiếm (xem dòng ở trên); trang cũ được giữ nguyên.") from None
        removed = self.image_cache.prune()  # every picture of this build is in the site by now
        if removed:
            log.info("Bộ nhớ đệm ảnh (%s): đã xóa %d mục không lần dựng nào dùng trong %d ngày.",
                     self.content.settings.image_cache, removed, UNUSED_DAYS)
        if self.cache and self.page_cache and self.command == "build":  # a whole build: it used all it needs
            removed = self.cache.prune_unused()
            if removed:
                log.info("Bộ nhớ đệm dựng trang (%s): đã xóa %d mục lần dựng này không dùng tới.",
                         self.config.cache_dir, removed)
        self.built = True  # MkDocs may still abort after this event (--strict with warnings)
        if self.quick:
            self.quick.remember(config, self.files, self.nav, self.env)

    on_post_build = CombinedEvent(_pages_out, _finish_build)

    def on_serve(self, server, config: MkDocsConfig, builder):
        """`mkdocs serve` rebuilds when an editor saves a file under content/, not only site_src/."""
        self.watcher = watch_content(server, str(self.content.settings.content_root))
        if self.quick:
            server.builder = self.quick.wrap(server.builder)
        PreviewErrors().install(server)  # a content error: keep serving, show it on the page
        return server


    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """404.html, sitemap.xml and extra templates go into the site through site_output; MkDocs,
        given nothing back, writes nothing (its line saying so is not shown)."""
        if not output.strip():
            return output
        pages = [f.page for f in self.files.documentation_pages() if f.page is not None]
        site_output.template(config.site_dir, template_name,
                             valid_html(output) if template_name.endswith(".html") else output,
                             get_build_timestamp(pages=pages))
        log_messages.silence(f"Template skipped: '{template_name}' generated empty output.")
        return ""

    def on_build_error(self, error):
        self.built = False  # also called for the --strict abort, which comes after on_post_build
        site_output.output.cancel()  # nothing is written into the site after the build stopped
        self.media.cancel()
        if self.search is not None:
            self.search.cancel()
        explanation = log_messages.build_stopped(error, serving=self.command == "serve")
        if explanation:
            log.error(explanation)
        if self.cache:
            self.cache.close()  # what was rendered before the error stays useful

    def on_shutdown(self):
        """The very end of `mkdocs build`: only a build MkDocs finished without error replaces site/."""
        if self.watcher is not None:  # mkdocs serve stops
            self.watcher.stop()
            self.watcher = None
        site_output.output.cancel()  # still running only if MkDocs stopped between two events
        staged, self.staged = self.staged, None
        if staged is None:
            return
        if not self.built:
            staged.abort()
            log.error("Lần dựng không thành công: thư mục %s được giữ nguyên như trước.", staged.final)
            return
        try:
            staged.commit()
        except StagingError as exc:
            raise Abort(str(exc)) from None
        log.info("Đã dựng xong vào thư mục tạm và thay thế %s bằng bản mới.", staged.final)


def _strip_frontmatter(markdown: str) -> str:
    if markdown.startswith("---"):
        parts = markdown.split("\n---", 1)
        return parts[1].split("\n", 1)[1] if len(parts) == 2 and "\n" in parts[1] else ""
    return markdown


def page_meta(spec: PageSpec) -> dict:
    """The page's meta for MkDocs/Material: the theme prints title and description as they are."""
    meta = {"title": html.escape(spec.title, quote=False), "template": spec.template}
    if not spec.source:
        meta["hide"] = ["toc"]  # listings have no headings to list: give the width to the content
    if isinstance(spec.data, ArticleView):
        meta.update(spec.data.article.passthrough)  # template, hide, search, description, status, icon
    description = meta.get("description", spec.description)
    if description:
        meta["description"] = html.escape(str(description))
    return meta
