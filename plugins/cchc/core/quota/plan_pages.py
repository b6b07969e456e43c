"""Pages of the plans: one per plan at ke-hoach/<slug>/, and the quota page chi-tieu/."""
from __future__ import annotations

from datetime import date

from cchc.core.news.collections import ArticleIndex
from cchc.core.pages import PageSpec
from cchc.core.quota.plan_views import PlanPageView, PlanView, QuotaView
from cchc.core.quota.quota import PlanQuota
from cchc.core.quota.quota_chart import chart_svg
from cchc.core.quota.quota_exports import BASENAME, EVIDENCE_BASENAME
from cchc.core.urls import QUOTA
from cchc.core.text.vietnamese import long_date

QUOTA_URL = QUOTA
QUOTA_TITLE = "Chỉ tiêu tuyên truyền"
EXPORTS = ((f"{BASENAME}.csv", "CSV"), (f"{BASENAME}.xlsx", "Excel (XLSX)"), (f"{BASENAME}.json", "JSON"),
           (f"{EVIDENCE_BASENAME}.csv", "Danh mục tin bài được tính (CSV)"))


def plan_pages(items: list[PlanQuota], index: ArticleIndex, as_of: date) -> list[PageSpec]:
    month_urls = {(m.year, m.month): m.url for m in index.months}
    views = [PlanView(q, q.plan, anchor=q.plan.slug, chart=chart_svg(q, f"bieu-do-{q.plan.slug}"),
                      month_urls={r.key: month_urls.get((r.year, r.month)) for r in q.rows})
             for q in items]
    pages = [PageSpec(
        url=QUOTA_URL, title=QUOTA_TITLE, template="cchc/quota.html", in_nav=bool(items),
        description="Số tin bài tuyên truyền cải cách hành chính đăng mỗi tháng so với chỉ tiêu của kế hoạch.",
        data=QuotaView(views, long_date(as_of), [(f"{QUOTA_URL}{name}", label) for name, label in EXPORTS]),
    )]
    for view in views:
        plan = view.plan
        pages.append(PageSpec(
            url=plan.url, title=plan.title, template="cchc/plan.html",
            markdown=plan.body, source=plan.content_path, section=QUOTA_URL,
            description=f"Kế hoạch số {plan.number} {plan.issued_label} của {plan.issuer}.",
            data=PlanPageView(**vars(view), as_of_label=long_date(as_of)),
        ))
    return pages
