"""The parts every inline SVG chart of the section shares (quota bars, index scores), built with
ElementTree (escaping is its job) at build time.

No fixed size: a chart takes its box's width, never below `min_scale` of its drawn size (labels stay
>= 11 px on a phone, the box scrolls instead) nor above `max_scale`. Accessible: role="img", named
by its <title> and <desc> (the chart in words).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET


def chart_root(css_class: str, width: float, height: float, scales: tuple[float, float], id_prefix: str,
               title: str, description: str) -> ET.Element:
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    low, high = scales
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg", "class": css_class, "role": "img",
        "viewBox": f"0 0 {width} {height}",
        "style": f"min-width:{round(width * low)}px;max-width:{round(width * high)}px",
        "aria-labelledby": f"{title_id} {desc_id}",
    })
    ET.SubElement(svg, "title", {"id": title_id}).text = title
    ET.SubElement(svg, "desc", {"id": desc_id}).text = description
    return svg


def text(parent: ET.Element, x: float, y: float, content: str, **attrs) -> None:
    ET.SubElement(parent, "text", {"x": f"{x:g}", "y": f"{y:g}", **attrs}).text = content
