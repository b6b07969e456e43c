"""`cchc tong-hop`: Sở Nội vụ combines the chi-tieu.json of several agencies (files or URLs of their sites)
for a period; an unreadable or invalid input is named with the reason and left out, duplicates reported."""
from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading

import openpyxl
import pytest
import yaml
from docx import Document

from conftest import Site


def _agency_site(root, name, host, articles_per_month) -> Site:
    site = Site(root, site_url=f"https://{host}.example.gov.vn/cchc/")
    site.options = {"agency": {"name": name, "parent": "UBND tỉnh Thử nghiệm"}}
    meta = {"title": "Kế hoạch tuyên truyền CCHC năm 2026", "number": "3/KH", "issued": "2026-01-02",
            "issuer": name, "start": "2026-01", "end": "2026-12", "target": 2}
    site.write("content/ke-hoach/kh.md", f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\nKế hoạch.\n")
    for month, count in articles_per_month.items():
        for i in range(count):
            site.add_article(f"{month}-{i}.md", f"Tin {month} số {i}", f"2026-{month:02d}-{10 + i} 09:00")
    site.build()
    return site


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """Two agencies' published chi-tieu.json (built sites) and a folder to combine them in."""
    base = tmp_path_factory.mktemp("tinh")
    # Sở Y tế: Q3 7+2+3 = 12 of 6 target (August short); Sở Công Thương: 2+2+2 = 6, every month met
    y_te = _agency_site(base / "y-te", "Sở Y tế tỉnh Thử nghiệm", "syt", {7: 7, 8: 1, 9: 3, 10: 1})
    cong_thuong = _agency_site(base / "cong-thuong", "Sở Công Thương tỉnh Thử nghiệm", "sct", {7: 2, 8: 2, 9: 2})
    work = base / "so-noi-vu"
    work.mkdir()
    shutil.copy(y_te.path("chi-tieu/chi-tieu.json"), work / "y-te.json")
    shutil.copy(cong_thuong.path("chi-tieu/chi-tieu.json"), work / "cong-thuong.json")
    (work / "hong.json").write_text('{"plans": [', encoding="utf-8")
    return work, y_te, cong_thuong


def _run(work, *args):
    return Site(work).run("-m", "cchc.cli", "tong-hop", *args)  # no mkdocs.yml needed


def test_two_agencies_and_a_broken_file(exports):
    work, _, _ = exports
    result = _run(work, "--period", "2026-Q3", "y-te.json", "cong-thuong.json", "hong.json", "-o", "tong-hop.xlsx")
    assert result.returncode == 0, result.stderr
    assert "Không tổng hợp hong.json: không phải tệp JSON (UTF-8)." in result.stderr
    assert "Đã tổng hợp 2 cơ quan, kỳ quý III năm 2026; 1 nguồn không tổng hợp được." in result.stderr
    book = openpyxl.load_workbook(work / "tong-hop.xlsx")
    assert book.sheetnames == ["Tổng hợp", "Theo tháng", "Ghi chú"]
    rows = list(book["Tổng hợp"].iter_rows(values_only=True))
    assert rows[0][:7] == ("STT", "Cơ quan", "Cơ quan chủ quản", "Số tin bài", "Chỉ tiêu",
                           "Tháng đạt / tháng đã kết thúc", "Kết quả")
    # sorted in Vietnamese order: 'Công' before 'Y'
    assert [r[1:7] for r in rows[1:]] == [
        ("Sở Công Thương tỉnh Thử nghiệm", "UBND tỉnh Thử nghiệm", 6, 6, "3/3", "Đạt"),
        ("Sở Y tế tỉnh Thử nghiệm", "UBND tỉnh Thử nghiệm", 11, 6, "2/3", "Chưa đạt"),
    ]
    assert [r[9] for r in rows[1:]] == ["https://sct.example.gov.vn/cchc/", "https://syt.example.gov.vn/cchc/"]
    months = list(book["Theo tháng"].iter_rows(min_row=2, values_only=True))
    assert [(m[0][:6], m[1], m[2], m[4]) for m in months] == [
        ("Sở Côn", "2026-07", 2, "Đạt"), ("Sở Côn", "2026-08", 2, "Đạt"), ("Sở Côn", "2026-09", 2, "Đạt"),
        ("Sở Y t", "2026-07", 7, "Đạt"), ("Sở Y t", "2026-08", 1, "Chưa đạt"), ("Sở Y t", "2026-09", 3, "Đạt")]
    notes = [r[0] for r in book["Ghi chú"].iter_rows(min_row=2, values_only=True)]
    assert "Không tổng hợp hong.json: không phải tệp JSON (UTF-8)." in notes
    # --strict makes a CI job fail on a left-out input
    strict = _run(work, "--period", "2026-Q3", "y-te.json", "hong.json", "--strict", "-o", "s.xlsx")
    assert strict.returncode == 1


def test_the_month_in_progress_is_never_judged(exports):
    work, _, _ = exports
    result = _run(work, "--period", "2026-Q4", "y-te.json", "cong-thuong.json", "--format", "html", "-o", "q4.html")
    assert result.returncode == 0, result.stderr
    page = (work / "q4.html").read_text(encoding="utf-8")
    # October ended: Sở Y tế 1/2 not met; November in progress (as of 22/11/2026): not judged
    assert ('<td class="so">1</td><td class="so">4</td><td class="so">0/1</td><td class="chua-dat">Chưa đạt</td>'
            in page)  # Sở Y tế: October 1 of 2, November 0 so far, not judged
    assert "<td>2026-11</td><td class=\"so\">0</td><td class=\"so\">2</td><td>Đang thực hiện</td>" in page
    assert '<td class="so">0/1</td><td class="chua-dat">Chưa đạt</td>' in page.split("Sở Công Thương", 1)[1]
    assert '<html lang="vi">' in page and "<script" not in page


def test_inputs_by_url_duplicates_and_old_versions(exports, tmp_path):
    work, y_te, _ = exports
    v1 = json.loads((work / "cong-thuong.json").read_text(encoding="utf-8"))
    del v1["format_version"], v1["agency"]
    (work / "cu.json").write_text(json.dumps(v1), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(y_te.root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/chi-tieu/chi-tieu.json"
        missing = f"http://127.0.0.1:{server.server_address[1]}/khong-co.json"
        result = _run(work, "--period", "2026-Q3", url, "y-te.json", "cu.json", missing, "ftp://x/y.json",
                      "--format", "docx,xlsx", "-o", "ra")
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr
    err = result.stderr
    assert f"Không tổng hợp {missing}: máy chủ trả lời lỗi HTTP 404." in err
    assert "Không tổng hợp cu.json: phiên bản định dạng 1 không dùng được" in err
    assert "Không tổng hợp ftp://x/y.json: chỉ đọc được tệp trên máy hoặc địa chỉ https://" in err
    assert f"Cơ quan 'Sở Y tế tỉnh Thử nghiệm' có trong 2 tệp ({url}, y-te.json)" in err
    book = openpyxl.load_workbook(work / "ra/tong-hop.xlsx")
    rows = list(book["Tổng hợp"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[3]) for r in rows] == [("Sở Y tế tỉnh Thử nghiệm", 11)]  # counted once
    doc = Document(str(work / "ra/tong-hop.docx"))
    cells = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert cells[1][1:5] == ["Sở Y tế tỉnh Thử nghiệm", "UBND tỉnh Thử nghiệm", "11", "6"]
    # same inputs, same bytes
    again = _run(work, "--period", "2026-Q3", "y-te.json", "-o", "a.xlsx")
    twice = _run(work, "--period", "2026-Q3", "y-te.json", "-o", "b.xlsx")
    assert again.returncode == twice.returncode == 0
    assert (work / "a.xlsx").read_bytes() == (work / "b.xlsx").read_bytes()


def test_mistakes_in_the_command(exports):
    work, _, _ = exports
    assert "Kỳ báo cáo 'quy3'" in _run(work, "--period", "quy3", "y-te.json").stderr
    assert "Chưa có nguồn nào" in _run(work, "--period", "2026").stderr
    assert "Dạng 'pdf' không hỗ trợ" in _run(work, "--period", "2026", "y-te.json", "--format", "pdf").stderr


def test_hostile_inputs_are_refused_or_made_harmless(tmp_path):
    """Other agencies' files are untrusted: nesting bombs, huge or odd numbers, control characters, formulas."""
    import io

    from cchc.core.quota import combine as combine_module
    from cchc.core.quota.combine import combine
    from cchc.core.quota.combine_outputs import to_docx, to_html, to_xlsx
    from cchc.core.quota.report_period import parse_period

    def export(name, published=3, **extra):
        return {"format_version": 2, "as_of": "2026-10-05", "agency": {"name": name, "parent": "", "site_url": extra.get(
            "site_url", "javascript:alert(1)")}, "plans": [{"number": "=1+1", "months": [
                {"month": "2026-09", "published": published, "target": 2, "status": "đạt"}]}]}

    files = {"long.json": b"[" * 200_000,
             "so-lon.json": json.dumps(export("Sở B", published=10**12)).encode(),
             "dieu-khien.json": json.dumps(export("=HYPERLINK(\"x\")\x0b Sở\x01 A")).encode(),
             "qua-lon.json": b" " * (combine_module.MAX_BYTES + 1)}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = combine([str(tmp_path / n) for n in files], parse_period("2026-Q3"))
    reasons = {source.rsplit("/", 1)[-1]: why for source, why in result.problems}
    assert reasons == {"long.json": "không phải tệp chi-tieu.json (lồng nhau quá sâu)",
                       "so-lon.json": "số tin bài tháng 2026-09 phải là số nguyên từ 0 đến 100000",
                       "qua-lon.json": "lớn hơn 20 MB, không phải tệp chi-tieu.json"}
    assert [r.export.name for r in result.rows] == ['=HYPERLINK("x") Sở A']
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(result)))
    cell = book["Tổng hợp"]["B2"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("x") Sở A'  # text, never a live formula
    assert book["Theo tháng"]["F2"].data_type == "s"
    Document(io.BytesIO(to_docx(result)))  # writable and readable despite the control characters
    page = to_html(result).decode("utf-8")
    assert "javascript:" not in page and "\x0b" not in page
