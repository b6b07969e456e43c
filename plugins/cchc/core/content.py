"""Load everything under content/ once: records, collections and every error, together."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from cchc.core.news.articles import load_articles
from cchc.core.news.collections import ArticleIndex
from cchc.core.text.content_encoding import encoding_problems
from cchc.core.content_tree import ContentTree
from cchc.core.errors import ContentError
from cchc.core.news.news_pages import news_pages
from cchc.core.pages import PageSpec
from cchc.core.quota.plan_pages import plan_pages
from cchc.core.quota.plans import Plan, load_plans
from cchc.core.procedures.procedure_data import DATA_PATH, procedure_data
from cchc.core.procedures.procedure_feed import FEED_PATH, procedure_feed
from cchc.core.procedures.procedure_index import ProcedureIndex
from cchc.core.procedures.procedure_pages import procedure_pages
from cchc.core.procedures.procedures import load_procedures
from cchc.core.quota.quota import PlanQuota, behind_notices, quotas
from cchc.core.quota.quota_exports import exports as quota_exports
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

    def pages(self, home_markdown: str = "") -> list[PageSpec]:
        """Every generated page; the order of entry points (in_nav) is the order of the nav."""
        return (news_pages(self.articles, self.settings.per_page, home_markdown)
                + procedure_pages(self.procedures)
                + plan_pages(self.quotas, self.articles, self.as_of))

    def outputs(self) -> dict[str, bytes]:
        """Generated non-page files (exports, …): site-relative path -> bytes."""
        return {FEED_PATH: procedure_feed(self.procedures, self.settings),
                DATA_PATH: procedure_data(self.procedures),
                **quota_exports(self.quotas, self.as_of)}

    @property
    def as_of(self) -> date:
        """The quotas' today: the local build date (of SOURCE_DATE_EPOCH when set)."""
        return self.settings.now.date()

    @cached_property
    def quotas(self) -> list[PlanQuota]:
        """Each plan's months against its target, newest plan first."""
        return quotas(self.plans, self.articles.articles, self.as_of)

    def notices(self) -> list[str]:
        """Information for the build log (not errors): months in progress behind their target, procedures
        with unreadable characters."""
        return behind_notices(self.quotas) + self.encoding_notices


def load_content(settings: Settings, memo: RecordMemo | None = None) -> Content:
    """Everything under content/; with a memo (`mkdocs serve`), files unchanged since the last load are not read again."""
    if memo is not None:
        memo.start((settings, repr(settings.markdown_configs)))
    tree = ContentTree(settings.content_root)  # one listing of the files for every reader
    articles, held, errors = load_articles(settings, memo, tree)
    procedures, procedure_errors = load_procedures(settings, memo, tree)
    plans, plan_errors = load_plans(settings, memo, tree)
    errors = tree.unsafe_entries(settings.project_dir) + errors + procedure_errors + plan_errors
    encoding, encoding_notices = encoding_problems(settings, memo, tree)  # TCVN3/VNI text, letters lost from a PDF
    errors += encoding
    return Content(settings, ArticleIndex(articles, settings.categories), held, errors,
                   procedures=ProcedureIndex(procedures), plans=plans, encoding_notices=encoding_notices)
