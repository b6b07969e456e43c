"""Load everything under content/ once: records, collections and every error, together."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from cchc.core.build_cache import BuildCache
from cchc.core.news.articles import load_articles
from cchc.core.news.collections import ArticleIndex
from cchc.core.text.content_encoding import encoding_problems
from cchc.core.content_tree import ContentTree
from cchc.core.documents.document_feed import FEED_PATH as DOCUMENT_FEED, document_feed
from cchc.core.documents.document_pages import document_pages
from cchc.core.documents.documents import Document, load_documents
from cchc.core.errors import ContentError
from cchc.core.indices.index_pages import index_pages
from cchc.core.indices.indices import IndexResult, load_indices
from cchc.core.news.news_pages import news_pages
from cchc.core.pages import PageSpec
from cchc.core.citizen_pages import citizen_pages
from cchc.core.quota.plan_pages import plan_pages
from cchc.core.quota.plans import Plan, load_plans
from cchc.core.procedures.procedure_data import DATA_PATH, procedure_data
from cchc.core.procedures.procedure_feed import FEED_PATH, procedure_feed
from cchc.core.procedures.procedure_index import ProcedureIndex
from cchc.core.procedures.procedure_pages import procedure_pages
from cchc.core.procedures.procedures import load_procedures
from cchc.core.quota.quota import PlanQuota, behind_notices, quotas
from cchc.core.quota.evidence import counted_articles
from cchc.core.quota.quota_exports import Evidence, exports as quota_exports, publisher_of
from cchc.core.record_memo import RecordMemo
from cchc.core.records import Article
from cchc.core.settings import Settings


@dataclass
class Content:
    settings: Settings
    articles: ArticleIndex
    held: list[Article] = field(default_factory=list)  # drafts and scheduled, left out of the build
    errors: list[ContentError] = field(default_factory=list)
    procedures: ProcedureIndex = field(default_factory=lambda: ProcedureIndex([]))  # thủ tục hành chính
    plans: list[Plan] = field(default_factory=list)  # kế hoạch tuyên truyền, newest first
    encoding_notices: list[str] = field(default_factory=list)  # procedures with letters lost from a PDF
    indices: list[IndexResult] = field(default_factory=list)  # chỉ số CCHC, from content/chi-so.yml
    documents: list[Document] = field(default_factory=list)  # văn bản chỉ đạo, điều hành, newest first

    def pages(self, home_markdown: str = "") -> list[PageSpec]:
        """Every generated page; the order of entry points (in_nav) is the order of the nav."""
        return (news_pages(self.articles, self.settings.per_page, home_markdown)
                + procedure_pages(self.procedures)
                + plan_pages(self.quotas, self.articles, self.as_of)
                + index_pages(self.indices)
                + document_pages(self.documents)
                + citizen_pages(self.articles.categories))

    def outputs(self, cache: BuildCache | None = None) -> dict[str, bytes]:
        """Generated non-page files (exports, …): site-relative path -> bytes. With the build cache, the
        workbook of an unchanged quota is not written again."""
        return {FEED_PATH: procedure_feed(self.procedures, self.settings),
                DATA_PATH: procedure_data(self.procedures),
                DOCUMENT_FEED: document_feed(self.documents, self.settings),
                **quota_exports(self.quotas, self.as_of, publisher_of(self.settings), self.evidence, cache=cache)}

    @property
    def as_of(self) -> date:
        """The quotas' today: the local build date (of SOURCE_DATE_EPOCH when set)."""
        return self.settings.now.date()

    @cached_property
    def quotas(self) -> list[PlanQuota]:
        """Each plan's months against its target, newest plan first."""
        return quotas(self.plans, self.articles.articles, self.as_of)

    @property
    def draft_errors(self) -> list[ContentError]:
        """Problems of unpublished drafts: reported apart, never a reason to stop a build."""
        return [error for error in self.errors if error.draft]

    @property
    def blocking_errors(self) -> list[ContentError]:
        """Problems in what would be published: the build stops on these."""
        return [error for error in self.errors if not error.draft]

    def mark_drafts(self, errors: list[ContentError]) -> list[ContentError]:
        """Errors found later (images) in a draft's file become a draft's."""
        drafts = {article.source for article in [*self.articles.articles, *self.held] if article.draft}
        return [replace(error, draft=True) if error.file in drafts else error for error in errors]

    @cached_property
    def evidence(self) -> Evidence:
        """The articles each plan counted, over the months of its quota (the exports' evidence)."""
        return self.evidence_of(self.quotas)

    def evidence_of(self, items: list[PlanQuota]) -> Evidence:
        """The same for quotas cut to a report period."""
        return counted_articles(items, self.articles.articles, self.settings.site_url)

    def notices(self) -> list[str]:
        """Information for the build log (not errors): months in progress behind their target, procedures
        with unreadable characters."""
        return behind_notices(self.quotas) + self.encoding_notices


def load_content(settings: Settings, memo: RecordMemo | None = None, cache: BuildCache | None = None,
                 tree: ContentTree | None = None) -> Content:
    """Everything under content/; with a memo (`mkdocs serve`), files unchanged since the last load are not read again;
    with the build cache, files whose bytes an earlier build read are not parsed or scanned again.
    `tree`: the listing of content/ made for this load (ImagePrefetch started from it), else made here."""
    if memo is not None:
        memo.start((settings, repr(settings.markdown_configs)))
    tree = tree or ContentTree(settings.content_root)  # one listing of the files for every reader
    articles, held, errors = load_articles(settings, memo, tree, cache)
    procedures, procedure_errors = load_procedures(settings, memo, tree, cache)
    plans, plan_errors = load_plans(settings, memo, tree, cache)
    indices, index_errors = load_indices(settings)
    documents, document_errors = load_documents(settings, memo, tree, cache)
    errors = (tree.unsafe_entries(settings.project_dir) + errors + procedure_errors + plan_errors + index_errors
              + document_errors)
    encoding, encoding_notices = encoding_problems(settings, memo, tree, cache)  # TCVN3/VNI, letters lost from a PDF
    errors += encoding
    return Content(settings, ArticleIndex(articles, settings.categories), held, errors,
                   procedures=ProcedureIndex(procedures), plans=plans, encoding_notices=encoding_notices,
                   indices=indices, documents=documents)
