"""Bar chart of one plan: articles published per month against the target, as inline SVG.

Built with ElementTree (escaping is its job), at build time, from the same rows as the table.
Accessible: role="img", <title> and <desc> (every month in words); each bar has its own <title>.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from cchc.core.quota.quota import CURRENT, FUTURE, PlanQuota
from cchc.core.svg_chart import chart_root, text

SLOT = 34  # width per month
BAR = 22
HEIGHT = 160  # plot area
TOP, LEFT, BOTTOM, RIGHT = 14, 30, 42, 10
MIN_SCALE, MAX_SCALE = 0.8, 1.25  # shown width against the drawn width; labels are 14 units (cchc.css)


def describe(quota: PlanQuota) -> str:
    """The chart in words; also its text alternative."""
    parts = []
    for r in quota.rows:
        if r.state == FUTURE:
            parts.append(f"{r.label}: chưa đến")
        else:
            parts.append(f"{r.label}: {r.published}/{r.target} tin bài, {r.status.lower()}")
    return (f"Số tin bài đăng mỗi tháng so với chỉ tiêu {quota.plan.target} tin bài/tháng của kế hoạch "
            f"{quota.plan.number}. " + "; ".join(parts) + ".")



def chart_svg(quota: PlanQuota, id_prefix: str) -> str:
    rows = quota.rows
    top_value = max([quota.plan.target, *(r.published for r in rows)]) + 1
    scale = HEIGHT / top_value
    width = LEFT + SLOT * len(rows) + RIGHT
    height = TOP + HEIGHT + BOTTOM
    base = TOP + HEIGHT
    svg = chart_root("cchc-chart", width, height, (MIN_SCALE, MAX_SCALE), id_prefix,
                     f"Biểu đồ số tin bài theo tháng – kế hoạch {quota.plan.number}", describe(quota))
    # axis with a few whole-number ticks
    step = max(1, round(top_value / 4))
    for value in range(0, top_value + 1, step):
        y = base - value * scale
        ET.SubElement(svg, "line", {"class": "cchc-chart__grid", "x1": str(LEFT), "x2": str(width - RIGHT),
                                    "y1": f"{y:g}", "y2": f"{y:g}"})
        text(svg, LEFT - 4, y + 4, str(value), **{"text-anchor": "end", "class": "cchc-chart__tick"})
    for i, r in enumerate(rows):
        x = LEFT + i * SLOT + (SLOT - BAR) / 2
        group = ET.SubElement(svg, "g", {"class": f"cchc-chart__month cchc-chart__month--{r.state}"})
        if r.state == FUTURE:
            ET.SubElement(group, "title").text = f"{r.label}: chưa đến"
        else:
            ET.SubElement(group, "title").text = f"{r.label}: {r.published}/{r.target} tin bài – {r.status}"
            kind = "met" if r.met else ("current" if r.state == CURRENT else "missed")
            h = r.published * scale
            ET.SubElement(group, "rect", {"class": f"cchc-chart__bar cchc-chart__bar--{kind}", "x": f"{x:g}",
                                          "y": f"{base - h:g}", "width": str(BAR), "height": f"{h:g}"})
            text(group, x + BAR / 2, base - h - 3, str(r.published), **{"text-anchor": "middle",
                                                                          "class": "cchc-chart__value"})
        text(group, x + BAR / 2, base + 16, f"{r.month:02d}", **{"text-anchor": "middle", "class": "cchc-chart__tick"})
        if i == 0 or r.month == 1:
            text(group, x + BAR / 2, base + 33, str(r.year), **{"text-anchor": "middle", "class": "cchc-chart__tick"})
    y = base - quota.plan.target * scale
    ET.SubElement(svg, "line", {"class": "cchc-chart__target", "x1": str(LEFT), "x2": str(width - RIGHT),
                                "y1": f"{y:g}", "y2": f"{y:g}"})
    return ET.tostring(svg, encoding="unicode", short_empty_elements=True)
