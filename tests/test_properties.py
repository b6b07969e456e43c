"""Property-based tests (hypothesis): any input gives a value or a content error, never another exception."""
from __future__ import annotations

import csv
import io
import re
import string
from datetime import date
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import load_workbook

from cchc.core.text.dates import DateFormatError, YEARS, parse_datetime, parse_month
from cchc.core.errors import ContentError
from cchc.core.frontmatter_file import read_source
from cchc.core.quota.plans import Plan
from cchc.core.quota.quota import quotas
from cchc.core.quota.quota_exports import FORMULA_START, to_csv, to_xlsx
from cchc.core.text.vietnamese import SLUG_MAX, WINDOWS_RESERVED, slugify

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

digits = st.text(alphabet=string.digits + "٠١٢٣٤٥٦٧٨٩０１２", min_size=1, max_size=4)
offsets = st.builds(lambda sign, h, m: f"{sign}{h:02d}:{m:02d}", st.sampled_from("+-"),
                    st.integers(0, 99), st.integers(0, 99)) | st.sampled_from(["Z", "+0700", "+7", ""])
date_like = st.builds(lambda y, mo, d, h, mi, tz, sep: f"{y}-{mo}-{d}{sep}{h}:{mi}{tz}",
                      digits, digits, digits, digits, digits, offsets, st.sampled_from([" ", "T"]))
vn_like = st.builds(lambda d, mo, y, rest: f"{d}/{mo}/{y}{rest}", digits, digits, digits,
                    st.sampled_from(["", " 08:30", " 25:61", " 8:5"]))


@FAST
@given(st.one_of(st.text(max_size=40), date_like, vn_like, st.dates(), st.datetimes(timezones=st.just(LOCAL))))
def test_any_date_value_gives_a_local_datetime_or_a_date_error(value):
    try:
        result = parse_datetime(value, LOCAL)
    except DateFormatError:
        return
    assert result.tzinfo is not None and result.utcoffset() == result.astimezone(LOCAL).utcoffset()
    assert result.year in range(YEARS.start - 1, YEARS.stop + 1)  # an offset may cross a year's end


@FAST
@given(st.text(max_size=12))
def test_any_month_value_gives_a_month_or_a_date_error(value):
    try:
        year, month = parse_month(value)
    except DateFormatError:
        return
    assert 1 <= month <= 12 and year in YEARS


@FAST
@given(st.text(max_size=200))
def test_slugs_are_short_ascii_path_segments_safe_on_windows(text):
    slug = slugify(text)
    assert re.fullmatch(r"(?:[a-z0-9]+(?:-[a-z0-9]+)*)?", slug), slug
    assert len(slug) <= SLUG_MAX + 2 and slug not in WINDOWS_RESERVED
    assert slugify(slug) == slug


yaml_chunks = st.sampled_from(["title: ", "date: ", "- ", "  ", "&a ", "*a ", "[", "]", "{", "}", ": ", "\n",
                               "'", '"', "#", "|", ">", "!!python/object:os.system ", "<<: *a", "---", "\x00",
                               "é", "\ufeff", "\t", "?", "%YAML 1.1", "!tag "])
frontmatter = st.lists(st.one_of(yaml_chunks, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(frontmatter.map(lambda fm: f"---\n{fm}\n---\nThân bài.\n"), st.text(max_size=200),
                 st.binary(max_size=200)))
def test_any_file_gives_a_source_or_one_content_error(tmp_path, text):
    path = tmp_path / "x.md"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    result = read_source(path, "content/tin-bai/x.md")
    if isinstance(result, ContentError):
        assert result.file == "content/tin-bai/x.md" and result.message
    else:
        assert isinstance(result.meta, dict)


plan_text = st.one_of(st.text(min_size=1, max_size=30),
                      st.builds(lambda c, t: c + t, st.sampled_from(FORMULA_START), st.text(max_size=20)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(plan_text, plan_text), min_size=1, max_size=3))
def test_exports_never_hold_a_formula(plans):
    items = quotas([Plan(source=f"content/ke-hoach/{i}.md", content_path=f"ke-hoach/{i}.md", title=title,
                         number=number, issued=date(2024, 1, 1), issuer=title, start=(2024, 1), end=(2024, 3),
                         target=2, slug=f"k{i}") for i, (number, title) in enumerate(plans)], [], date(2024, 2, 15))
    for row in list(csv.reader(io.StringIO(to_csv(items).decode("utf-8-sig"))))[1:]:
        assert not row[0].startswith(FORMULA_START), row
    book = load_workbook(io.BytesIO(to_xlsx(items, date(2024, 2, 15))))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
