"""What the indices page's template reads as `cchc` (theme/cchc/indices.html)."""
from __future__ import annotations

from dataclasses import dataclass

from cchc.core.pages import View


@dataclass(frozen=True)
class IndexRow:
    year: int
    score: str  # with a decimal comma: '88,4'
    rank: str  # '4/20', '4' or '' when not ranked
    change: str  # 'tăng 2,1', 'giảm 0,5', 'không đổi', or '' without the year before
    source: str


@dataclass(frozen=True)
class IndexBlock:
    name: str  # PAR INDEX, …
    anchor: str  # its section's id
    rows: tuple[IndexRow, ...]  # oldest year first, as the chart reads
    chart: str  # SVG, drawn at build time
    summary: str  # the chart in words (also its <desc>)


@dataclass(frozen=True, repr=False)
class IndicesView(View):  # indices.html
    blocks: list[IndexBlock]
