"""Imported files (import-tthc: CSV, XLSX, JSON; import-docx) never give a traceback, and small hostile
files are refused in bounded time and memory (issue 23)."""
from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from cchc.core.news.docx_import import DocxError, convert
from cchc.core.procedures.tthc_import import import_files
from cchc.core.settings import Settings

QUICK = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
HEADER = ["Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Cơ quan thực hiện", "Số quyết định"]


def _settings(tmp_path: Path) -> Settings:
    return Settings(project_dir=tmp_path, categories=("Tin tức CCHC",))


def _import(tmp_path: Path, name: str, data: bytes, seconds: float = 10.0):
    path = tmp_path / name
    path.write_bytes(data)
    started = time.monotonic()
    outcomes, notes = import_files([path], _settings(tmp_path))  # raises nothing
    assert time.monotonic() - started < seconds
    return outcomes, notes


def _xlsx(build) -> bytes:
    book = Workbook()
    build(book.active)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- crafted files of the issue ---------------------------------------------------------------------
def test_a_cell_at_the_last_address_costs_nothing(tmp_path):
    def build(sheet):
        sheet.append(HEADER)
        sheet.append(["1.000001", "Thủ tục", "Lĩnh vực", "Cấp tỉnh", "Sở", "1/QĐ"])
        sheet["XFD1048576"] = "x"
    data = _xlsx(build)
    assert len(data) < 10_000
    outcomes, _ = _import(tmp_path, "o-cuoi.xlsx", data)
    assert len(outcomes) == 1 and "ô XFD1048576, ngoài giới hạn" in outcomes[0].where


def _with_merge(data: bytes, ref: str) -> bytes:
    """The workbook with a merged range written into the sheet's XML (openpyxl would make every cell of it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                part = part.replace(b"</sheetData>", f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/>'
                                                     f'</mergeCells>'.encode())
            target.writestr(item, part)
    return out.getvalue()


def test_a_merged_range_to_the_last_address_costs_nothing(tmp_path):
    def build(sheet):
        sheet.append(HEADER)
        sheet.append(["1.000001", "Thủ tục", "Lĩnh vực", "Cấp tỉnh", "Sở", "1/QĐ"])
    data = _with_merge(_xlsx(build), "C2:XFD1048576")
    assert len(data) < 10_000
    outcomes, _ = _import(tmp_path, "gop.xlsx", data)
    assert [o.status for o in outcomes] == ["created"]


def test_a_cell_far_right_is_refused_with_a_message(tmp_path):
    def build(sheet):
        sheet.append(HEADER)
        sheet["ZZ20000"] = "x"
    outcomes, _ = _import(tmp_path, "xa.xlsx", _xlsx(build))
    assert outcomes[0].status == "rejected" and "cột" in outcomes[0].where


def test_too_many_rows_are_refused(tmp_path):
    lines = [",".join(HEADER)] + [f"1.{n:06d},Thủ tục {n},Lĩnh vực,Cấp tỉnh,Sở,1/QĐ" for n in range(20_001)]
    outcomes, _ = _import(tmp_path, "dai.csv", "\n".join(lines).encode(), seconds=30)
    assert outcomes[0].status == "rejected" and "quá 20.000 dòng" in outcomes[0].where


@pytest.mark.parametrize("text,words", [("[" * 100_000 + "]" * 100_000, "lồng nhau"),
                                        (json.dumps(json.loads("[" * 40 + "1" + "]" * 40)), "lồng nhau quá 32 cấp"),
                                        ('{"code": "1.000001", "body": "' + "x" * 10 + '"', "không đọc được")])
def test_deep_or_broken_json_is_a_message(tmp_path, text, words):
    outcomes, _ = _import(tmp_path, "sau.json", text.encode())
    assert outcomes[0].status == "rejected" and words in outcomes[0].where


def test_a_huge_csv_field_is_a_message(tmp_path):
    outcomes, _ = _import(tmp_path, "o-lon.csv", (",".join(HEADER) + '\n"' + "x" * 200_000 + '",b\n').encode())
    assert outcomes[0].status == "rejected" and "CSV" in outcomes[0].where


def _docx_with_text(text: str) -> bytes:
    doc = Document()
    doc.add_paragraph("Tiêu đề")
    doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_docx_expanding_to_megabytes_of_text_is_refused_at_once(tmp_path):
    data = _docx_with_text(" " * (20 * 1024 * 1024))
    assert len(data) < 200_000
    path = tmp_path / "bom.docx"
    path.write_bytes(data)
    started = time.monotonic()
    with pytest.raises(DocxError, match="quá giới hạn"):
        convert(path)
    assert time.monotonic() - started < 2


def test_a_zip_of_many_parts_is_refused(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for n in range(5_001):
            archive.writestr(f"x/{n}", "")
    path = tmp_path / "nhieu.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(DocxError, match="phần"):
        convert(path)


# -- any input: a result or a message, in bounded time -----------------------------------------------
cells = st.one_of(st.none(), st.text(max_size=40), st.integers(), st.floats(allow_nan=False, allow_infinity=False))


@QUICK
@given(rows=st.lists(st.lists(st.text(max_size=30), max_size=8), max_size=6), delimiter=st.sampled_from(",;\t"))
def test_any_csv(tmp_path, rows, delimiter):
    import csv
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([HEADER] + rows)
    _import(tmp_path, "a.csv", buffer.getvalue().encode("utf-8", "surrogatepass"))


@QUICK
@given(data=st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
                         lambda children: st.one_of(st.lists(children, max_size=4),
                                                    st.dictionaries(st.sampled_from(
                                                        ["code", "name", "field", "level", "decision", "agency",
                                                         "channels", "documents", "body", "steps", "x"]),
                                                        children, max_size=6)), max_leaves=30))
def test_any_json(tmp_path, data):
    _import(tmp_path, "a.json", json.dumps(data, ensure_ascii=False).encode())


@QUICK
@given(rows=st.lists(st.lists(cells, max_size=8), max_size=6),
       merges=st.lists(st.tuples(st.integers(1, 8), st.integers(1, 8), st.integers(0, 3), st.integers(0, 3)), max_size=3))
def test_any_xlsx(tmp_path, rows, merges):
    def build(sheet):
        sheet.append(HEADER)
        for row in rows:
            sheet.append([c.replace("\x00", "") if isinstance(c, str) else c for c in row])
        for row, col, height, width in merges:
            sheet.merge_cells(start_row=row, start_column=col, end_row=row + height, end_column=col + width)
    try:
        data = _xlsx(build)
    except (ValueError, TypeError, IllegalCharacterError):  # openpyxl refuses control characters: not our input
        return
    _import(tmp_path, "a.xlsx", data)


@QUICK
@given(paragraphs=st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60), min_size=1, max_size=6))
def test_any_docx(tmp_path, paragraphs):
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    path = tmp_path / "a.docx"
    path.write_bytes(out.getvalue())
    started = time.monotonic()
    try:
        convert(path)
    except DocxError:
        pass
    assert time.monotonic() - started < 10


@QUICK
@given(data=st.binary(max_size=400))
def test_any_bytes_as_docx_xlsx_json_csv(tmp_path, data):
    for name in ("a.xlsx", "a.json", "a.csv"):
        _import(tmp_path, name, data)
    path = tmp_path / "b.docx"
    path.write_bytes(data)
    try:
        convert(path)
    except DocxError:
        pass
