"""What the plans' templates read as `cchc` (theme/cchc/quota.html, plan.html)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from cchc.core.pages import View
from cchc.core.quota.plans import Plan
from cchc.core.quota.quota import PlanQuota
from cchc.core.urls import QUOTA


@dataclass(frozen=True, repr=False)
class PlanView:  # one plan's quota, as partials/quota-table.html shows it (its `v`)
    quota: PlanQuota
    plan: Plan
    anchor: str  # its section's id on the quota page
    chart: str  # SVG
    month_urls: dict[str, str | None]  # month key -> that month's archive page, if it has articles


@dataclass(frozen=True, repr=False)
class QuotaView(View):  # quota.html
    plans: list[PlanView]
    as_of_label: str
    exports: list[tuple[str, str]]  # (site path, label) of each download


@dataclass(frozen=True, repr=False)
class PlanPageView(PlanView, View):  # plan.html
    quota_url: ClassVar[str] = QUOTA
    as_of_label: str
