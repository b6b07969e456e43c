"""The indices page chi-so-cchc/: one block per index (chart beside a table), from content/chi-so.yml."""
from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from cchc.core.indices.index_chart import index_chart_svg
from cchc.core.indices.index_views import IndexBlock, IndexRow, IndicesView
from cchc.core.indices.indices import KNOWN, IndexResult
from cchc.core.pages import PageSpec
from cchc.core.text.vietnamese import LOCALE, slugify, sort_key
from cchc.core.urls import INDICES

TITLE = "Chỉ số cải cách hành chính"


def decimal_label(value: Decimal, places: int) -> str:
    """88.4 -> '88,4' (Vietnamese decimal comma, '.' between thousands), with the given decimals."""
    pattern = "#,##0" + ("." + "0" * places if places > 0 else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def _places(value: Decimal) -> int:
    return max(0, -value.as_tuple().exponent)


def _change(score: Decimal, before: Decimal | None) -> str:
    if before is None:
        return ""
    difference, places = score - before, max(_places(score), _places(before))
    if difference == 0:
        return "không đổi"
    return f"{'tăng' if difference > 0 else 'giảm'} {decimal_label(abs(difference), places)}"


def _block(name: str, results: list[IndexResult]) -> IndexBlock:
    results = sorted(results, key=lambda r: r.year)
    by_year = {r.year: r.score for r in results}
    rows = tuple(IndexRow(
        year=r.year, score=decimal_label(r.score, _places(r.score)),  # as written: 88.4 -> 88,4
        rank=(f"{r.rank}/{r.of}" if r.of else str(r.rank)) if r.rank else "",
        change=_change(r.score, by_year.get(r.year - 1)), source=r.source,
    ) for r in results)
    words = "; ".join(f"năm {row.year}: {row.score} điểm" + (f", xếp thứ {row.rank}" if row.rank else "")
                      + (f", {row.change} so với năm trước" if row.change else "") for row in rows)
    summary = f"Điểm {name} qua các năm: {words}."
    anchor = slugify(name) or "chi-so"
    chart = index_chart_svg(name, [(r.year, r.score, row.score) for r, row in zip(results, rows)], summary,
                            f"bieu-do-{anchor}")
    return IndexBlock(name, anchor, rows, chart, summary)


def index_pages(results: list[IndexResult]) -> list[PageSpec]:
    groups: dict[str, list[IndexResult]] = {}
    for result in results:
        groups.setdefault(result.index, []).append(result)
    order = sorted(groups, key=lambda n: (KNOWN.index(n) if n in KNOWN else len(KNOWN), sort_key(n)))
    return [PageSpec(
        url=INDICES, title=TITLE, template="cchc/indices.html", in_nav=bool(results),
        description="Kết quả các chỉ số cải cách hành chính (PAR INDEX, SIPAS, PAPI, PCI, DTI) qua các năm.",
        data=IndicesView([_block(name, groups[name]) for name in order]),
    )]
