"""Bar chart of one index: its score by year, as inline SVG built at build time (like quota_chart).

Readable at 360 px: at most a few years per index, so the drawn width stays near a phone's; text is
14 units and the chart is never shown below 80 % of its drawn size (its box scrolls instead).
Accessible: role="img" with <title> and <desc> (every year in words), a <title> on each bar.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

from cchc.core.svg_chart import chart_root, text

SLOT = 56  # width per year
BAR = 34
HEIGHT = 150
TOP, LEFT, BOTTOM, RIGHT = 22, 8, 26, 8
MIN_SCALE, MAX_SCALE = 0.8, 1.5


def index_chart_svg(name: str, points: list[tuple[int, Decimal, str]], summary: str, id_prefix: str) -> str:
    """points: (year, score, score as shown), oldest first."""
    top = max((score for _, score, _ in points), default=Decimal(1)) or Decimal(1)
    scale = HEIGHT / float(top)
    width = LEFT + SLOT * max(1, len(points)) + RIGHT
    height = TOP + HEIGHT + BOTTOM
    base = TOP + HEIGHT
    svg = chart_root("cchc-chart cchc-index-chart", width, height, (MIN_SCALE, MAX_SCALE), id_prefix,
                     f"Biểu đồ điểm {name} theo năm", summary)
    ET.SubElement(svg, "line", {"class": "cchc-chart__grid", "x1": str(LEFT), "x2": str(width - RIGHT),
                                "y1": str(base), "y2": str(base)})
    for i, (year, score, shown) in enumerate(points):
        x = LEFT + i * SLOT + (SLOT - BAR) / 2
        h = float(score) * scale
        group = ET.SubElement(svg, "g", {"class": "cchc-index-chart__year"})
        ET.SubElement(group, "title").text = f"Năm {year}: {shown} điểm"
        ET.SubElement(group, "rect", {"class": "cchc-chart__bar cchc-index-chart__bar", "x": f"{x:g}",
                                      "y": f"{base - h:g}", "width": str(BAR), "height": f"{h:g}"})
        text(group, x + BAR / 2, base - h - 5, shown, **{"text-anchor": "middle", "class": "cchc-chart__value"})
        text(group, x + BAR / 2, base + 18, str(year), **{"text-anchor": "middle", "class": "cchc-chart__tick"})
    return ET.tostring(svg, encoding="unicode", short_empty_elements=True)
