"""`cchc report --period … --format docx`: a báo cáo in the layout of Nghị định 30/2020/NĐ-CP,
with the numbers of the JSON export for the same period."""
from __future__ import annotations

import json

import pytest
import yaml
from docx import Document

from cchc.core.quota.report_period import PeriodError, parse_period


def _plan(site, name, title, number, start, end, target, categories=()):
    meta = {"title": title, "number": number, "issued": "2026-01-05", "issuer": "Sở Nội vụ tỉnh Hòa Bình Xanh",
            "start": start, "end": end, "target": target, "categories": list(categories)}
    site.write(f"content/ke-hoach/{name}", f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\nKế hoạch.\n")


@pytest.fixture
def report_site(site):
    site.options = {"agency": {"name": "Sở Thử nghiệm tỉnh Hòa Bình Xanh", "parent": "UBND tỉnh Hòa Bình Xanh"}}
    _plan(site, "a.md", "Kế hoạch tuyên truyền CCHC năm 2026", "12/KH-STN", "2026-01", "2026-12", 2)
    _plan(site, "b.md", "Kế hoạch tuyên truyền chuyển đổi số", "7/KH-CĐS", "2026-08", "2027-01", 1, ["Chuyển đổi số"])
    articles = [("2026-06-30", "Tin tức CCHC"), ("2026-07-02", "Tin tức CCHC"), ("2026-07-20", "Tin tức CCHC"),
                ("2026-08-11", "Chuyển đổi số"), ("2026-09-01", "Tin tức CCHC"), ("2026-09-15", "Chuyển đổi số"),
                ("2026-09-29", "Văn bản chỉ đạo"), ("2026-10-01", "Chuyển đổi số")]
    for i, (day, category) in enumerate(articles):
        site.add_article(f"2026/bai-{i}.md", f"Bài số {i}", f"{day} 09:00", categories=[category])
    return site


# Independently counted: plan a (every category, 2/month), plan b (Chuyển đổi số, 1/month from August).
EXPECTED = {"12/KH-STN": [("2026-07", 2, 2), ("2026-08", 1, 2), ("2026-09", 3, 2)],
            "7/KH-CĐS": [("2026-08", 1, 1), ("2026-09", 1, 1)]}


def _docx(site, *args):
    result = site.cchc("report", *args, "--format", "docx", "-o", "bao-cao.docx")
    assert result.returncode == 0, result.stdout + result.stderr
    return Document(str(site.root / "bao-cao.docx"))


def _all_paragraphs(doc):
    """Body paragraphs and those inside tables, in order."""
    for block in doc.element.body.iter():
        if block.tag.endswith("}p"):
            yield "".join(t.text or "" for t in block.iter() if t.tag.endswith("}t"))


def test_quarter_report_has_every_element_of_the_layout(report_site):
    doc = _docx(report_site, "--period", "2026-Q3")
    texts = list(_all_paragraphs(doc))
    joined = "\n".join(texts)
    header = doc.tables[0]
    left = header.cell(0, 0).text
    right = header.cell(0, 1).text
    assert "UBND TỈNH HÒA BÌNH XANH" in left and "SỞ THỬ NGHIỆM TỈNH HÒA BÌNH XANH" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    assert header.cell(1, 0).text == "Số: …/BC-…"
    assert header.cell(1, 1).text == "Hòa Bình Xanh, ngày … tháng … năm …"
    assert "BÁO CÁO" in texts
    assert "Kết quả thông tin, tuyên truyền cải cách hành chính quý III năm 2026" in texts
    assert "Trong quý III năm 2026, chuyên mục Cải cách hành chính đã đăng 6 tin bài (chỉ tiêu 6 tin bài" in joined
    assert "Các tháng chưa đạt: tháng 08/2026 thiếu 1 tin bài (1/2)." in joined
    assert "Nơi nhận:" in texts and any(t.startswith("- Lưu: VT") for t in texts)
    assert "CHỨC VỤ NGƯỜI KÝ …" in texts and "Họ và tên người ký …" in texts
    # Layout: A4, margins of the decree, Times New Roman 11–14 pt everywhere.
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert [round(m.cm, 1) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                       section.right_margin)] == [2.0, 2.0, 3.0, 1.5]
    runs = [r for p in doc.paragraphs for r in p.runs] + [
        r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)
    body = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert {r.font.size.pt for r in body} <= {13.0, 14.0}
    quoc_hieu = next(r for p in header.cell(0, 1).paragraphs for r in p.runs if r.text.startswith("CỘNG HÒA"))
    assert quoc_hieu.bold and quoc_hieu.font.size.pt in (12.0, 13.0)
    # The editable parts are marked.
    highlighted = [r.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs
                   for r in p.runs if r.font.highlight_color is not None]
    assert "…" in highlighted and "CHỨC VỤ NGƯỜI KÝ …" in highlighted


def test_report_numbers_equal_the_json_export(report_site):
    doc = _docx(report_site, "--period", "2026-Q3")
    result = report_site.cchc("report", "--period", "2026-Q3", "--format", "json")
    data = json.loads(result.stdout)
    exported = {p["number"]: [(m["month"], m["published"], m["target"]) for m in p["months"]] for p in data["plans"]}
    assert exported == EXPECTED
    closing = next(i for i, t in enumerate(doc.tables) if t.cell(0, 0).text.startswith("Nơi nhận"))
    plan_tables = doc.tables[1:closing]  # between the header and the signature block
    assert len(plan_tables) == len(data["plans"])
    for plan, table in zip(data["plans"], plan_tables):
        cells = [[c.text for c in row.cells] for row in table.rows]
        assert cells[0] == ["Tháng", "Số tin bài đã đăng", "Chỉ tiêu", "Kết quả"]
        months = [(f"{label[-4:]}-{label[6:8]}", int(published), int(target)) for label, published, target, _ in cells[1:-1]]
        assert months == [(m["month"], m["published"], m["target"]) for m in plan["months"]]
        assert [c[3] for c in cells[1:-1]] == [m["status"].capitalize() for m in plan["months"]]
        assert cells[-1][:3] == ["Cộng", str(sum(m["published"] for m in plan["months"])),
                                 str(sum(m["target"] for m in plan["months"]))]


def test_period_applies_to_every_format(report_site):
    csv_out = report_site.cchc("report", "--period", "2026-09", "--format", "csv").stdout
    assert csv_out.splitlines()[1:] == ["7/KH-CĐS,2026-09,1,1,Đạt", "12/KH-STN,2026-09,3,2,Đạt"]
    table = report_site.cchc("report", "--period", "2026-H1").stdout
    assert "Tháng 06/2026" in table and "Tháng 07/2026" not in table and "7/KH-CĐS" not in table
    report_site.cchc("report", "--period", "2026", "--format", "xlsx", "-o", "nam.xlsx")
    import openpyxl
    book = openpyxl.load_workbook(report_site.root / "nam.xlsx")
    assert [row[1] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)][-1] == "2026-11"


def test_docx_needs_a_period_and_a_valid_one(report_site):
    result = report_site.cchc("report", "--format", "docx", "-o", "x.docx")
    assert result.returncode == 2 and "--period 2026-Q3" in result.stderr
    result = report_site.cchc("report", "--period", "2026-Q5", "--format", "docx")
    assert result.returncode == 2 and "không đúng dạng" in result.stderr
    result = report_site.cchc("report", "--period", "2030", "--format", "docx")
    assert result.returncode == 2 and "năm 2030" in result.stderr


def test_same_content_gives_the_same_bytes(report_site):
    _docx(report_site, "--period", "2026-Q3")
    first = (report_site.root / "bao-cao.docx").read_bytes()
    _docx(report_site, "--period", "2026-Q3")
    assert (report_site.root / "bao-cao.docx").read_bytes() == first


def test_periods():
    assert parse_period("2026-Q3").label == "quý III năm 2026"
    assert (parse_period("2026-q3").first, parse_period("2026-Q3").last) == ((2026, 7), (2026, 9))
    assert parse_period("2026-09").label == "tháng 09 năm 2026"
    assert parse_period("2026-H1").label == "6 tháng đầu năm 2026" and parse_period("2026-H2").first == (2026, 7)
    assert parse_period("2026").last == (2026, 12)
    for wrong in ("2026-13", "26-Q1", "2026-Q0", "quý 3"):
        with pytest.raises(PeriodError):
            parse_period(wrong)


def test_report_lists_each_counted_article_as_evidence(report_site):
    """Sở Nội vụ scores the report 'kèm tài liệu kiểm chứng': every format lists the articles it counted."""
    site = report_site
    url = lambda i, month: f"{site.site_url}tin-bai/2026/{month}/bai-so-{i}/"  # noqa: E731
    # independently: plan a counts every category in Q3, plan b only 'Chuyển đổi số' from August
    want = {"12/KH-STN": [("02/07/2026", "Bài số 1", url(1, "07")), ("20/07/2026", "Bài số 2", url(2, "07")),
                          ("11/08/2026", "Bài số 3", url(3, "08")), ("01/09/2026", "Bài số 4", url(4, "09")),
                          ("15/09/2026", "Bài số 5", url(5, "09")), ("29/09/2026", "Bài số 6", url(6, "09"))],
            "7/KH-CĐS": [("11/08/2026", "Bài số 3", url(3, "08")), ("15/09/2026", "Bài số 5", url(5, "09"))]}
    assert {n: sum(p for _, p, _ in months) for n, months in EXPECTED.items()} == {n: len(v) for n, v in want.items()}
    # DOCX: the appendix after the signature block, one table per plan, a row per article
    doc = _docx(site, "--period", "2026-Q3")
    texts = list(_all_paragraphs(doc))
    assert "PHỤ LỤC: DANH MỤC TIN BÀI ĐÃ ĐĂNG" in texts
    assert texts.index("PHỤ LỤC: DANH MỤC TIN BÀI ĐÃ ĐĂNG") > texts.index("Nơi nhận:")
    closing = next(i for i, t in enumerate(doc.tables) if t.cell(0, 0).text.startswith("Nơi nhận"))
    appendix = doc.tables[closing + 1:]
    numbers = ["7/KH-CĐS", "12/KH-STN"]  # the report's order: newest plan first
    assert len(appendix) == len(numbers)
    for number, table in zip(numbers, appendix):
        cells = [[c.text for c in row.cells] for row in table.rows]
        assert cells[0] == ["STT", "Ngày đăng", "Tiêu đề", "Chuyên mục", "Đường dẫn"]
        assert [(r[1], r[2], r[4]) for r in cells[1:]] == want[number]
        assert [r[0] for r in cells[1:]] == [str(i) for i in range(1, len(want[number]) + 1)]
    # XLSX: a sheet of articles after each plan's sheet, as many links as the plan counted
    result = site.cchc("report", "--period", "2026-Q3", "--format", "xlsx", "-o", "quy3.xlsx")
    assert result.returncode == 0, result.stderr
    import openpyxl
    book = openpyxl.load_workbook(site.root / "quy3.xlsx")
    assert book.sheetnames == ["7-KH-CĐS", "Tin bài 7-KH-CĐS", "12-KH-STN", "Tin bài 12-KH-STN"]
    for number in numbers:
        sheet = book[f"Tin bài {number.replace('/', '-')}"]
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        assert [(r[2], r[4]) for r in rows] == [(title, link) for _, title, link in want[number]]
        assert [sheet.cell(i, 5).hyperlink.target for i in range(2, len(rows) + 2)] == [r[4] for r in rows]
    # JSON and CSV carry the same rows
    data = json.loads(site.cchc("report", "--period", "2026-Q3", "--format", "json").stdout)
    assert {p["number"]: [a["url"] for a in p["articles"]] for p in data["plans"]} == {
        n: [link for _, _, link in rows] for n, rows in want.items()}
    assert site.cchc("report", "--period", "2026-Q3", "--format", "csv", "-o", "quy3.csv").returncode == 0
    lines = (site.root / "quy3-tin-bai.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Số kế hoạch,Ngày đăng,Tiêu đề,Chuyên mục,Đường dẫn" and len(lines) == 1 + 6 + 2
