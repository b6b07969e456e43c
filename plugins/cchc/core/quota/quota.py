"""Plans x articles -> one row per month of each plan, with quarter, half-year, year and period totals.

Counting (content spec): an article counts toward a month of a plan when it is published (not draft,
not future), its local date falls in that month and, if the plan names categories, it has one of them.
One pass over the articles; each plan then reads its months from a dict keyed by (year, month).
"""
from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable

from cchc.core.quota.plans import Plan
from cchc.core.records import Article
from cchc.core.text.vietnamese import month_label

PAST, CURRENT, FUTURE = "past", "current", "future"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class MonthRow:
    year: int
    month: int
    published: int
    target: int
    state: str  # PAST (ended), CURRENT (in progress on the as-of date) or FUTURE (chưa đến)

    @property
    def key(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def label(self) -> str:
        return month_label(self.year, self.month)

    @property
    def met(self) -> bool:
        return self.published >= self.target

    @property
    def shortfall(self) -> int:
        return max(0, self.target - self.published)

    @property
    def status(self) -> str:
        """Words, never colour only: Đạt / Chưa đạt / Đang thực hiện / Chưa đến."""
        if self.state == FUTURE:
            return "Chưa đến"
        if self.met:
            return "Đạt"
        return "Chưa đạt" if self.state == PAST else "Đang thực hiện"


@dataclass(frozen=True)
class Total:
    """A group of months of one plan: a quarter, six months, a year or the whole period."""
    label: str
    rows: tuple[MonthRow, ...]

    @property
    def started(self) -> tuple[MonthRow, ...]:
        return tuple(r for r in self.rows if r.state != FUTURE)

    @property
    def published(self) -> int:
        return sum(r.published for r in self.started)

    @property
    def target(self) -> int:
        """Target of the months up to and including the current one."""
        return sum(r.target for r in self.started)

    @property
    def ended(self) -> int:
        return sum(r.state == PAST for r in self.rows)

    @property
    def met_months(self) -> int:
        return sum(r.state == PAST and r.met for r in self.rows)

    @property
    def share(self) -> int | None:
        """Share of ended months that met the target, in whole per cent; None before any month ended."""
        return round(100 * self.met_months / self.ended) if self.ended else None

    @property
    def share_label(self) -> str:
        return "–" if self.share is None else f"{self.share}%"


@dataclass(frozen=True)
class PlanQuota:
    plan: Plan
    rows: tuple[MonthRow, ...]
    quarters: tuple[Total, ...]
    halves: tuple[Total, ...]
    years: tuple[Total, ...]  # only when the plan spans more than one calendar year
    total: Total
    as_of: date

    @property
    def current(self) -> MonthRow | None:
        return next((r for r in self.rows if r.state == CURRENT), None)

    @property
    def days_left(self) -> int:
        """Days left in the current month, today included."""
        return calendar.monthrange(self.as_of.year, self.as_of.month)[1] - self.as_of.day + 1

    @property
    def behind(self) -> bool:
        return self.current is not None and not self.current.met

    @property
    def reported(self) -> tuple[MonthRow, ...]:
        """Rows of the exports: every month up to and including the current one."""
        return tuple(r for r in self.rows if r.state != FUTURE)


def count_by_month(articles: Iterable[Article]) -> Counter:
    """One pass: (year, month, categories) -> number of published articles, in local time."""
    counts: Counter = Counter()
    for article in articles:
        if article.published:
            counts[(article.date.year, article.date.month, article.categories)] += 1
    return counts


def _plan_counts(plan: Plan, counts: Counter) -> Counter:
    wanted = set(plan.categories)
    result: Counter = Counter()
    for (year, month, categories), n in counts.items():
        if plan.start <= (year, month) <= plan.end and (not wanted or wanted.intersection(categories)):
            result[(year, month)] += n
    return result


def _groups(rows: tuple[MonthRow, ...], key, label) -> tuple[Total, ...]:
    groups: dict = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return tuple(Total(label(k), tuple(items)) for k, items in groups.items())


def plan_quota(plan: Plan, counts: Counter, as_of: date) -> PlanQuota:
    per_month = _plan_counts(plan, counts)
    today = (as_of.year, as_of.month)
    rows = tuple(
        MonthRow(y, m, per_month.get((y, m), 0), plan.target,
                 PAST if (y, m) < today else CURRENT if (y, m) == today else FUTURE)
        for y, m in plan.months()
    )
    return _assemble(plan, rows, as_of, "Cả kỳ kế hoạch")


def _assemble(plan: Plan, rows: tuple[MonthRow, ...], as_of: date, total_label: str) -> PlanQuota:
    years = _groups(rows, lambda r: r.year, lambda y: f"Năm {y}")
    return PlanQuota(
        plan=plan,
        rows=rows,
        quarters=_groups(rows, lambda r: (r.year, (r.month + 2) // 3), lambda k: f"Quý {ROMAN[k[1]]}/{k[0]}"),
        halves=_groups(rows, lambda r: (r.year, r.month > 6),
                       lambda k: f"6 tháng {'cuối' if k[1] else 'đầu'} năm {k[0]}"),
        years=years if len(years) > 1 else (),
        total=Total(total_label, rows),
        as_of=as_of,
    )


def within(items: list[PlanQuota], first: tuple[int, int], last: tuple[int, int], label: str) -> list[PlanQuota]:
    """The same quotas cut to the months first..last (a report period); plans with no month in it left out."""
    result = []
    for quota in items:
        rows = tuple(r for r in quota.rows if first <= (r.year, r.month) <= last)
        if rows:
            cut = _assemble(quota.plan, rows, quota.as_of, label)
            # A quarter's 'six months' would be the quarter again, under a misleading name.
            smaller = lambda groups: tuple(g for g in groups if len(g.rows) < len(rows))  # noqa: E731
            result.append(replace(cut, quarters=smaller(cut.quarters), halves=smaller(cut.halves)))
    return result


def quotas(plans: list[Plan], articles: Iterable[Article], as_of: date) -> list[PlanQuota]:
    """One PlanQuota per plan, in the plans' order (newest first)."""
    counts = count_by_month(articles)
    return [plan_quota(plan, counts, as_of) for plan in plans]


def behind_notices(items: list[PlanQuota]) -> list[str]:
    """One line per plan whose month in progress is still below its target."""
    lines = []
    for quota in items:
        row = quota.current
        if quota.behind:
            lines.append(
                f"Chỉ tiêu tuyên truyền: kế hoạch {quota.plan.number} – {row.label.lower()} mới có "
                f"{row.published}/{row.target} tin bài, còn thiếu {row.shortfall}, còn {quota.days_left} ngày.")
    return lines
