"""Tài liệu kiểm chứng: the articles a plan's reported months counted, each with its absolute URL.

The same rule as quota.count_by_month/_plan_counts (published, local month, one of the plan's
categories if it names any), applied to the months a PlanQuota reports; so for every plan the list
is exactly as long as the period's published total. One pass over the articles for all plans.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from cchc.core.quota.quota import PlanQuota
from cchc.core.records import Article


@dataclass(frozen=True)
class Counted:
    date: date  # local date of publication
    title: str
    categories: tuple[str, ...]
    url: str  # absolute

    def as_json(self) -> dict:
        return {"date": self.date.isoformat(), "title": self.title, "categories": list(self.categories),
                "url": self.url}


def counted_articles(items: list[PlanQuota], articles: Iterable[Article], site_url: str) -> dict[str, tuple[Counted, ...]]:
    """Plan number -> its counted articles, oldest first (the order of the months in a report)."""
    months = {q.plan.number: {(r.year, r.month) for r in q.reported} for q in items}
    wanted = {q.plan.number: set(q.plan.categories) for q in items}
    found: dict[str, list[Counted]] = {q.plan.number: [] for q in items}
    for article in articles:
        if not article.published:
            continue
        for number, in_period in months.items():
            if article.month in in_period and (not wanted[number] or wanted[number].intersection(article.categories)):
                found[number].append(Counted(article.date.date(), article.title, article.categories,
                                             f"{site_url}{article.url}"))
    return {number: tuple(sorted(rows, key=lambda c: (c.date, c.title, c.url))) for number, rows in found.items()}
