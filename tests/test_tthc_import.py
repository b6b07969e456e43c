"""cchc import-tthc: CSV, XLSX and JSON in, procedure files out; bad rows rejected with reasons; idempotent."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from cchc.core.text.vietnamese import fold, nfc

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"  # next to the repository; tests skip when it is absent
SAMPLE = DATA / "tthc-national-sample"

HEADER = ["STT", "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Cơ quan thực hiện", "Số quyết định",
          "Cách thức thực hiện", "Thời hạn giải quyết", "Phí, lệ phí", "Trình tự thực hiện", "Ghi chú nội bộ"]
GOOD = ["1", "1.001194", "Cấp giấy phép tiến hành công việc bức xạ", "An toàn bức xạ", "Cấp tỉnh",
        "Sở Khoa học và Công nghệ", "123/QĐ-BKHCN", "Trực tiếp; Trực tuyến", "10 ngày làm việc", "Không",
        "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả."]


def meta_of(site, code):
    text = (site.root / "content" / "thu-tuc" / f"{code}.md").read_text(encoding="utf-8")
    front, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


def write_csv(site, name, rows, delimiter=","):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return site.write(name, buffer.getvalue())


def run_import(site, *files):
    result = site.cchc("import-tthc", *[str(f) for f in files])
    return result.returncode, result.stdout + result.stderr


def test_csv_with_national_labels_and_bad_rows(site):
    rows = [HEADER, GOOD + ["x"],
            ["2", "1.001195", "Thiếu cơ quan", "An toàn bức xạ", "Cấp tỉnh", "", "1/QĐ", "Trực tiếp", "5 ngày", "Không", ""],
            ["3", "1.001196", "Cấp sai", "An toàn bức xạ", "Cấp thành phố", "Sở", "1/QĐ", "Trực tiếp", "5 ngày", "Không", ""],
            ["4", "12345", "Mã sai", "An toàn bức xạ", "Cấp tỉnh", "Sở", "1/QĐ", "Trực tiếp", "5 ngày", "Không", ""],
            ["5", "1.001197", "Không có phí", "An toàn bức xạ", "Cấp tỉnh", "Sở", "1/QĐ", "Trực tiếp", "5 ngày", "", ""],
            [],
            ["7", "1.001198", "Hai cấp", "An toàn bức xạ", "Cấp tỉnh, Cấp xã", "Sở", "2/QĐ", "Bưu chính", "7", "50,000 VNĐ", ""]]
    code, out = run_import(site, write_csv(site, "tthc.csv", rows))
    assert code == 1  # a row was rejected
    assert "Tạo mới: content/thu-tuc/1.001194.md (tthc.csv, dòng 2)" in out
    # What the source lacks is unknown, not a reason to leave the procedure out of the listing.
    assert "Tạo mới: content/thu-tuc/1.001195.md (tthc.csv, dòng 3)\n  Cảnh báo: thiếu cơ quan thực hiện." in out
    assert ("Tạo mới: content/thu-tuc/1.001196.md (tthc.csv, dòng 4)\n  Cảnh báo: cấp thực hiện 'Cấp thành phố' "
            "không hợp lệ") in out
    assert "Từ chối: tthc.csv, dòng 5 (mã 12345): mã thủ tục '12345' không đúng dạng d.dddddd" in out
    assert "Tạo mới: content/thu-tuc/1.001197.md (tthc.csv, dòng 6)\n  Cảnh báo: không ghi phí, lệ phí" in out
    assert "Tạo mới: content/thu-tuc/1.001198.md (tthc.csv, dòng 8)" in out
    assert "bỏ qua các cột không dùng: Ghi chú nội bộ" in out
    assert "Tạo mới: 5, cập nhật: 0, không đổi: 0, từ chối: 1." in out
    assert "Đã ghi 5/6 bản ghi (83.3 %)." in out
    assert "Cảnh báo theo loại (số thủ tục):" in out and "  - cách thức không ghi phí, lệ phí: 1" in out
    files = sorted(p.name for p in (site.root / "content" / "thu-tuc").iterdir())
    assert files == ["1.001194.md", "1.001195.md", "1.001196.md", "1.001197.md", "1.001198.md"]  # no temp file
    meta, _ = meta_of(site, "1.001197")
    assert meta["channels"] == [{"method": "direct", "time": "5 ngày"}]  # the fee is unknown: not written
    meta, body = meta_of(site, "1.001194")
    assert meta == {"code": "1.001194", "name": "Cấp giấy phép tiến hành công việc bức xạ", "field": "An toàn bức xạ",
                    "level": "Cấp tỉnh", "decision": "123/QĐ-BKHCN", "agency": "Sở Khoa học và Công nghệ",
                    "channels": [{"method": "direct", "time": "10 ngày làm việc", "fee": "Không"},
                                 {"method": "online", "time": "10 ngày làm việc", "fee": "Không"}]}
    assert body == "Bước 1: Nộp hồ sơ.\n\nBước 2: Nhận kết quả.\n"
    text = (site.root / "content/thu-tuc/1.001194.md").read_text(encoding="utf-8")
    assert text.startswith('---\ncode: "1.001194"\nname: ')
    meta, _ = meta_of(site, "1.001198")
    assert meta["level"] == ["Cấp tỉnh", "Cấp xã"]
    assert meta["channels"] == [{"method": "postal", "time": "7", "fee": "50.000 đồng"}]  # '7' stays: no unit guessed
    assert site.cchc("check").returncode == 0


def test_headers_without_diacritics_any_case_semicolons(site):
    rows = [["MA THU TUC", "ten thu tuc", "Linh Vuc", "CAP THUC HIEN", "co quan thuc hien", "so quyet dinh",
             "cach thuc thuc hien", "thoi han giai quyet", "phi, le phi", "muc do dich vu cong", "trang thai", "ngay co hieu luc"],
            ["1.000001", "Đăng ký khai sinh", "Hộ tịch", "cấp xã", "UBND xã", "1/QĐ", "Trực tuyến", "1 ngày", "Miễn phí",
             "Toàn trình", "Còn hiệu lực", "15/03/2024"]]
    code, out = run_import(site, write_csv(site, "khong-dau.csv", rows, delimiter=";"))
    assert code == 0, out
    meta, _ = meta_of(site, "1.000001")
    assert meta["level"] == "Cấp xã" and meta["online"] == "full" and meta["effective"] == "2024-03-15"
    assert "status" not in meta  # active is the default


def test_xlsx_with_code_typed_as_number(site):
    book = Workbook()
    sheet = book.active
    sheet.append(["Danh mục thủ tục hành chính"])  # a title row before the header
    sheet.append(HEADER[1:10])
    sheet.append([1.00008, "Đăng ký nhận cha, mẹ, con", "Hộ tịch", "Cấp xã", "UBND xã", "163/QĐ-BTP",
                  "Trực tiếp, Bưu chính", "5 ngày làm việc", "Miễn phí"])
    sheet.append(["1.012753.H19", "Thủ tục địa phương", "Hộ tịch", "Cấp huyện", "UBND huyện", "9/QĐ-UBND",
                  "Trực tiếp", "3 ngày làm việc", "Không"])
    sheet.append(["1.000099", "Thiếu quyết định", "Hộ tịch", "Cấp xã", "UBND xã", None, "Trực tiếp", "1 ngày", "Không"])
    path = site.root / "ds.xlsx"
    book.save(path)
    code, out = run_import(site, path)
    assert "Tạo mới: content/thu-tuc/1.000080.md (ds.xlsx, dòng 3)" in out
    assert "Tạo mới: content/thu-tuc/1.012753.H19.md (ds.xlsx, dòng 4)" in out
    assert "Tạo mới: content/thu-tuc/1.000099.md (ds.xlsx, dòng 5)\n  Cảnh báo: thiếu quyết định công bố." in out
    meta, _ = meta_of(site, "1.000080")
    assert meta["code"] == "1.000080"
    assert [c["method"] for c in meta["channels"]] == ["direct", "postal"]
    assert site.cchc("check").returncode == 0


def test_json_with_spec_keys_list_and_only_required_fields(site):
    records = [
        {"code": "1.000010", "name": "Chỉ có trường bắt buộc", "field": "Đăng kiểm", "level": "Cấp bộ",
         "decision": "877/QĐ-BGTVT", "agency": "Chi cục Đăng kiểm",
         "channels": [{"method": "direct", "time": "1 ngày làm việc", "fee": "Không"}]},
        {"code": "1.000011", "name": "Đầy đủ", "field": "Đăng kiểm", "level": ["Cấp bộ"], "decision": "1/QĐ",
         "decision_date": "02/10/2023", "agency": "Cục", "online": "partial", "status": "amended",
         "channels": [{"method": "online", "time": "2 ngày", "fee": "Không", "note": "Qua Cổng DVC"}],
         "documents": [{"name": "Đơn", "copies": "1 bản chính"}], "results": ["Giấy chứng nhận"],
         "legal_basis": [{"name": "Luật", "number": "1/2020/QH14"}], "body": "1. Bước một.\n"},
        {"code": "1.000012", "name": "Kênh sai", "field": "Đăng kiểm", "level": "Cấp bộ", "decision": "1/QĐ",
         "agency": "Cục", "channels": [{"method": "fax", "time": "1 ngày", "fee": "Không"}]},
        "không phải bản ghi",
    ]
    path = site.write("ds.json", json.dumps(records, ensure_ascii=False))
    code, out = run_import(site, path)
    assert "Tạo mới: content/thu-tuc/1.000010.md (ds.json, bản ghi 1)" in out
    assert "Tạo mới: content/thu-tuc/1.000011.md (ds.json, bản ghi 2)" in out
    assert "Từ chối: ds.json, bản ghi 3 (mã 1.000012): channels: Cách thức thứ 1: hình thức 'fax' không hợp lệ" in out
    assert "Từ chối: ds.json, bản ghi 4: bản ghi không phải đối tượng JSON" in out
    meta, body = meta_of(site, "1.000010")
    assert list(meta) == ["code", "name", "field", "level", "decision", "agency", "channels"] and body == ""
    meta, body = meta_of(site, "1.000011")
    assert meta["decision_date"] == "2023-10-02" and meta["status"] == "amended" and body == "1. Bước một.\n"
    assert list(meta) == ["code", "name", "field", "level", "decision", "decision_date", "agency", "channels",
                          "documents", "results", "legal_basis", "online", "status"]
    assert not (site.root / "content/thu-tuc/1.000012.md").exists()
    site.build()
    assert site.exists("thu-tuc-hanh-chinh/1.000010/")


def test_reimport_is_idempotent_and_keeps_editor_work(site):
    record = {"ma_thu_tuc": "1.000390", "ten_thu_tuc": "Cấp lại thẻ tư vấn viên pháp luật", "linh_vuc": "Tư vấn pháp luật",
              "cap_thuc_hien": "Cấp tỉnh", "co_quan_thuc_hien": "Sở Tư pháp", "so_quyet_dinh": "516/QĐ-BTP",
              "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việcMiễn phí",
              "trinh_tu_thuc_hien": "", "thanh_phan_ho_so": "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính"}
    path = site.write("r.json", json.dumps(record, ensure_ascii=False))
    assert "Tạo mới: 1" in run_import(site, path)[1]
    target = site.root / "content/thu-tuc/1.000390.md"
    # An editor adds the steps, a form and the online level by hand.
    site.write("content/thu-tuc/mau/don.docx", b"docx")
    text = target.read_text(encoding="utf-8").replace("---\n", "---\nonline: partial\n", 1) + "1. Nộp đơn tại Sở.\n"
    text = text.replace("  copies: 1 bản chính", "  copies: 1 bản chính\n  form: mau/don.docx")
    target.write_text(text, encoding="utf-8")
    code, out = run_import(site, path)
    assert "Cập nhật: content/thu-tuc/1.000390.md" in out  # key order made canonical once
    before = target.read_bytes()
    stamp = target.stat().st_mtime_ns
    code, out = run_import(site, path)
    assert code == 0 and "Tạo mới: 0, cập nhật: 0, không đổi: 1, từ chối: 0." in out
    assert target.read_bytes() == before and target.stat().st_mtime_ns == stamp
    meta, body = meta_of(site, "1.000390")
    assert body == "1. Nộp đơn tại Sở.\n"  # the source has no steps: the editor's body stays
    assert meta["online"] == "partial"
    assert meta["documents"] == [{"name": "Đơn đề nghị", "copies": "1 bản chính", "form": "mau/don.docx"}]
    # The national database changes the time: the file is updated, the editor's work kept.
    record["cach_thuc_thuc_hien"] = record["cach_thuc_thuc_hien"].replace("5 Ngày", "3 Ngày")
    site.write("r.json", json.dumps(record, ensure_ascii=False))
    assert "Cập nhật: content/thu-tuc/1.000390.md" in run_import(site, path)[1]
    meta, body = meta_of(site, "1.000390")
    assert meta["channels"][0]["time"] == "3 ngày làm việc" and body == "1. Nộp đơn tại Sở.\n"
    assert site.cchc("check").returncode == 0


def test_unreadable_file_does_not_stop_the_others(site):
    bad = site.write("hong.json", "{khong phai json")
    good = site.write("tot.csv", "Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Cơ quan thực hiện,Số quyết định,"
                                 "Cách thức thực hiện,Thời hạn giải quyết,Phí\n"
                                 "1.000001,Tên,Hộ tịch,Cấp xã,UBND,1/QĐ,Trực tiếp,1 ngày,Không\n")
    code, out = run_import(site, bad, good, site.root / "khong-co.xlsx", site.write("x.txt", "a"))
    assert "hong.json: tệp JSON không đọc được" in out
    assert "khong-co.xlsx: không tìm thấy tệp" in out
    assert "x.txt: chỉ nhập được tệp .csv, .xlsx hoặc .json" in out
    assert "Tạo mới: content/thu-tuc/1.000001.md (tot.csv, dòng 2)" in out
    headerless = site.write("khong-tieu-de.csv", "a,b\n1,2\n")
    assert "không tìm thấy dòng tiêu đề có cột 'Mã thủ tục'" in run_import(site, headerless)[1]


def test_duplicate_code_in_one_import(site):
    rows = [HEADER[1:10], GOOD[1:10], GOOD[1:10]]
    code, out = run_import(site, write_csv(site, "d.csv", rows))
    assert "Từ chối: d.csv, dòng 3 (mã 1.001194): trùng mã thủ tục với d.csv, dòng 2" in out


# -- the real national sample ------------------------------------------------------------------------
@pytest.fixture
def sample():
    files = sorted(SAMPLE.glob("*.json"))
    if not files:
        pytest.skip(f"no national sample in {SAMPLE}")
    return files


def test_real_national_sample(site, sample):
    code, out = run_import(site, *sample)
    lines = [l for l in out.splitlines() if l.startswith(("Tạo mới:", "Từ chối:"))]
    assert len(lines) == len(sample) + 1  # one line per record, then the summary
    assert code == 0 and f"Tạo mới: {len(sample)}, cập nhật: 0, không đổi: 0, từ chối: 0." in out
    # Unknown at the source: written, marked, and warned about (never invented, never dropped).
    assert "Tạo mới: content/thu-tuc/1.000094.md" in out
    meta, _ = meta_of(site, "1.000094")
    assert "agency" not in meta
    meta, _ = meta_of(site, "1.000028")
    assert any("fee" not in c for c in meta["channels"])
    written = sorted((site.root / "content" / "thu-tuc").glob("*.md"))
    assert len(written) == len(sample)
    check = site.cchc("check")
    assert check.returncode == 0, check.stdout
    assert "còn thiếu thông tin" in check.stdout
    for path in written:  # values come from the record itself
        meta, _ = meta_of(site, path.stem)
        record = json.loads(next(f for f in sample if f.name.endswith(f"--{path.stem}.json")).read_text(encoding="utf-8"))
        assert meta["code"] == record["ma_thu_tuc"] and meta["decision"] == record["so_quyet_dinh"]
        assert meta["name"] == " ".join(record["ten_thu_tuc"].split())
        assert meta["field"] == record["linh_vuc"]
        if "agency" in meta:
            assert meta["agency"].replace(" ", "") in record["co_quan_thuc_hien"].replace("\xa0", "").replace(" ", "")
        for channel in meta["channels"]:
            if "time" in channel:
                assert channel["time"].split()[0] in record["cach_thuc_thuc_hien"]
    meta, _ = meta_of(site, "1.000080")
    assert [c["time"] for c in meta["channels"]] == ["7", "7", "7"]  # no unit in the source: none added
    assert meta["channels"][0]["fee"] == "Miễn phí" and meta["level"] == "Cấp xã"
    meta, _ = meta_of(site, "1.000532")
    assert [(c["method"], c["time"], c["fee"]) for c in meta["channels"]] == [
        ("postal", "50 ngày", "35.000.000 đồng"), ("direct", "50 ngày", "35.000.000 đồng")]
    meta, _ = meta_of(site, "1.000239")
    assert [c["fee"] for c in meta["channels"]] == ["250.000 đồng", "250.000 đồng", "400.000 đồng"]
    meta, _ = meta_of(site, "1.000294")
    assert meta["level"] == ["Cấp bộ", "Cấp tỉnh"]
    assert meta["url"].startswith("https://dichvucong.gov.vn/")
    meta, _ = meta_of(site, "1.000390")
    assert meta["legal_basis"][0] == {"name": "Thông tư 01/2010/TT-BTP", "number": "01/2010/TT-BTP"}
    assert "Cán bộ, công chức, viên chức" in meta["subjects"] and "requirements" not in meta  # 'không' is no information
    # Idempotent on the real data too, and the site builds.
    again = run_import(site, *sample)[1]
    assert f"Tạo mới: 0, cập nhật: 0, không đổi: {len(written)}, từ chối: 0." in again
    site.build()
    assert site.exists("thu-tuc-hanh-chinh/1.000532/")


# -- Excel as officers make it ------------------------------------------------------------------------
def _with_cached_values(path: Path, cached: dict[str, str]) -> None:
    """openpyxl writes formulas without results; Excel stores the last result (<v>) next to the formula.
    Put such cached results in, as a file saved by Excel has them."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        xml = parts[name].decode("utf-8")
        for cell, value in cached.items():
            xml = re.sub(rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v></v></c>',
                         lambda m: f'<c r="{cell}"{m.group(1)} t="str"><f>{m.group(2)}</f><v>{value}</v></c>', xml)
        parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_excel_as_officers_make_it(site):
    """Merged lĩnh vực cells, a formula's cached value, a title above the header, several sheets."""
    book = Workbook()
    first = book.active
    first.title = "Cấp tỉnh"
    first.append(["DANH MỤC THỦ TỤC HÀNH CHÍNH"])
    first.append(["(Kèm theo Quyết định số 12/QĐ-UBND)"])
    first.append(["STT", "Lĩnh vực", "Mã thủ tục", "Tên thủ tục", "Cấp thực hiện", "Cơ quan thực hiện", "Số quyết định",
                  "Cách thức thực hiện", "Thời hạn giải quyết", "Phí, lệ phí"])
    first.append([1, "Hộ tịch", "1.000001", "Đăng ký khai sinh", "Cấp xã", "UBND xã", "12/QĐ-UBND", "Trực tiếp",
                  "1 ngày", "Miễn phí"])
    first.append([2, None, "1.000002", "Đăng ký kết hôn", "Cấp xã", "UBND xã", "12/QĐ-UBND", "Trực tiếp", "5 ngày",
                  '=CONCATENATE("50.000"," đồng")'])
    first.append([3, None, "1.000003", "Đăng ký khai tử", "Cấp xã", "UBND xã", "12/QĐ-UBND", "Trực tiếp", "1 ngày",
                  "Miễn phí"])
    first.merge_cells("B4:B6")  # the lĩnh vực written once for its block
    second = book.create_sheet("Cấp xã")
    second.append(["Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Cơ quan thực hiện", "Số quyết định",
                   "Cách thức thực hiện", "Thời hạn giải quyết", "Phí, lệ phí"])
    second.append(["2.000010", "Chứng thực bản sao", "Chứng thực", "Cấp xã", "UBND xã", "12/QĐ-UBND", "Trực tiếp",
                   "1 ngày", "2.000 đồng"])
    book.create_sheet("Ghi chú").append(["Bảng này do phòng Tư pháp lập"])
    path = site.root / "tthc.xlsx"
    book.save(path)
    _with_cached_values(path, {"J5": "50.000 đồng"})
    code, out = run_import(site, path)
    assert code == 0, out
    assert "Tạo mới: content/thu-tuc/1.000002.md (tthc.xlsx, trang 'Cấp tỉnh', dòng 5)" in out
    assert "Tạo mới: content/thu-tuc/2.000010.md (tthc.xlsx, trang 'Cấp xã', dòng 2)" in out
    assert "trang 'Ghi chú': không có dòng tiêu đề, bỏ qua trang này" in out
    for code_ in ("1.000001", "1.000002", "1.000003"):
        assert meta_of(site, code_)[0]["field"] == "Hộ tịch", code_  # merged cell holds for every row
    assert meta_of(site, "1.000002")[0]["channels"] == [{"method": "direct", "time": "5 ngày", "fee": "50.000 đồng"}]
    assert meta_of(site, "2.000010")[0]["field"] == "Chứng thực"


# -- files: permissions, temp files, control characters, report -------------------------------------
def test_files_are_world_readable_and_no_temp_file_survives(site):
    import os
    import stat
    folder = site.root / "content" / "thu-tuc"
    stale = site.write("content/thu-tuc/.1.001194.md.abc123.tmp", "nửa tệp của lần nhập bị ngắt")
    code, out = run_import(site, write_csv(site, "t.csv", [HEADER, GOOD]))
    assert code == 0, out
    assert not stale.exists() and "đã xóa 1 tệp tạm còn sót lại" in out
    mode = stat.S_IMODE((folder / "1.001194.md").stat().st_mode)
    assert mode == 0o666 & ~_umask(), oct(mode)  # 0644 under the usual umask, like any file the officer saves
    assert [p.name for p in folder.iterdir()] == ["1.001194.md"]


def _umask() -> int:
    import os
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_interrupted_write_leaves_no_temp_file(tmp_path, monkeypatch):
    from cchc.core.procedures import procedure_writer, tthc_import
    from cchc.core.settings import Settings

    def interrupted(temporary, target):
        raise KeyboardInterrupt  # Ctrl+C between writing the temp file and moving it in place

    monkeypatch.setattr(tthc_import, "commit", interrupted)
    settings = Settings(project_dir=tmp_path)
    row = tthc_import.Row("t.csv, dòng 2", {"code": "1.000001", "name": "Tên"})
    with pytest.raises(KeyboardInterrupt):
        tthc_import.import_row(row, settings, {})
    assert list((tmp_path / "content" / "thu-tuc").iterdir()) == []
    assert procedure_writer.remove_stale_temporaries(tmp_path / "content" / "thu-tuc") == 0


def test_control_characters_are_removed_on_import_with_a_warning(site):
    record = {"ma_thu_tuc": "1.000007", "ten_thu_tuc": "Cấp phép\x07 bức xạ\x00", "linh_vuc": "An toàn\x1b bức xạ",
              "cap_thuc_hien": "Cấp tỉnh", "co_quan_thuc_hien": "Sở KH&CN", "so_quyet_dinh": "1/QĐ", "ngay_quyet_dinh": "01/03/2024",
              "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việcMiễn phí\x07"}
    code, out = run_import(site, site.write("c.json", json.dumps(record, ensure_ascii=False)))
    assert code == 0, out
    assert "Cảnh báo: đã xóa ký tự điều khiển không in được trong cột 'ten_thu_tuc'" in out
    meta, _ = meta_of(site, "1.000007")
    assert meta["name"] == "Cấp phép bức xạ" and meta["field"] == "An toàn bức xạ"
    assert site.cchc("check").returncode == 0
    site.build()
    assert "Cấp phép bức xạ" in (site.root / "site/thu-tuc-hanh-chinh/feed.xml").read_text(encoding="utf-8")


def test_non_ascii_digit_codes_are_refused(site):
    rows = [HEADER, ["1", "١.٠٠٠٠٠١", *GOOD[2:]], ["2", "１.００１１９４", *GOOD[2:]]]
    code, out = run_import(site, write_csv(site, "digits.csv", rows))
    assert code == 1
    assert "Từ chối: digits.csv, dòng 2 (mã ١.٠٠٠٠٠١): mã thủ tục '١.٠٠٠٠٠١' không đúng dạng d.dddddd, chữ số 0-9" in out
    assert "Từ chối: digits.csv, dòng 3 (mã １.００１１９４)" in out
    assert not (site.root / "content" / "thu-tuc").exists() or not list((site.root / "content" / "thu-tuc").iterdir())


def test_json_report_for_machines(site):
    rows = [HEADER, GOOD, ["2", "1.001195", "Thiếu cơ quan", "An toàn bức xạ", "Cấp tỉnh", "", "1/QĐ", "Trực tiếp",
                           "5 ngày", "", ""], ["3", "x", "Mã sai"]]
    result = site.cchc("import-tthc", "--json", str(write_csv(site, "r.csv", rows)))
    report = json.loads(result.stdout)
    assert report["counts"] == {"created": 2, "updated": 0, "unchanged": 0, "rejected": 1, "kept": 0}
    assert report["warnings"] == {"missing": 1, "fee_unknown": 1}
    assert report["legal_bases"] == {"read": 0, "verbatim": 0, "no_number": 0}
    outcome = next(o for o in report["outcomes"] if o["code"] == "1.001195")
    assert {"kind": "missing", "message": "thiếu cơ quan thực hiện"} in outcome["warnings"]
    assert result.returncode == 1


# -- symbols from Word, unreadable letters ----------------------------------------------------------
def _national(code, name, steps, legal=""):
    """A record with the labels of the national portal's JSON (fragments of the shapes of ../shared)."""
    return {"ma_thu_tuc": code, "ten_thu_tuc": name, "linh_vuc": "Hộ tịch", "cap_thuc_hien": "Cấp xã",
            "co_quan_thuc_hien": "Ủy ban nhân dân cấp xã", "so_quyet_dinh": "163/QĐ-BTP",
            "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việcMiễn phí",
            "trinh_tu_thuc_hien": steps, "can_cu_phap_ly": legal}


def test_word_symbols_become_their_signs_and_unreadable_letters_only_warn(site):
    """Private-use bullets of Symbol/Wingdings (U+F0FC ✔, U+F0A7 ▪, U+F0D8 ➢, U+F0B7 •) are mapped at
    import; a character still unreadable is a warning naming the procedure; `mkdocs build --strict` passes."""
    records = [_national("1.000005", "Đăng ký lại việc nuôi con nuôi",
                         "\uf0fc Người yêu cầu nộp hồ sơ.\n\uf0a7 Công chức kiểm tra hồ sơ.\n\uf0d8 Trả kết quả.\n"
                         "\uf0b7 Lưu hồ sơ."),
               _national("1.000006", "Cấp bản sao trích lục hộ tịch", "Cán bộ tiếp nh\ue123n hồ sơ trong ngày.")]
    path = site.write("quoc-gia.json", json.dumps(records, ensure_ascii=False))
    code, out = run_import(site, path)
    assert code == 0, out
    _, body = meta_of(site, "1.000005")
    assert "✔ Người yêu cầu nộp hồ sơ." in body and "▪ Công chức" in body and "➢ Trả kết quả." in body
    assert "• Lưu hồ sơ." in body and not any("\uf000" <= c <= "\uf0ff" for c in body)
    assert "đã đổi ký hiệu phông Symbol/Wingdings chép từ Word sang ký tự Unicode tương ứng trong 'steps' (4)" in out
    assert ("Cảnh báo: thủ tục 1.000006: cột 'steps' còn ký tự không đọc được (U+E123), thường là chữ bị mất khi "
            "chép từ PDF") in out
    result = site.build()  # --strict: the site is published right after the import
    log = result.stdout + result.stderr
    assert "content/thu-tuc/1.000006.md, dòng" in log and "(thủ tục 1.000006)" in log
    assert "✔ Người yêu cầu nộp hồ sơ." in site.html("thu-tuc-hanh-chinh/1.000005/")


def test_symbol_table_covers_word_bullets_and_keeps_other_text():
    from cchc.core.text.symbol_fonts import PRIVATE_USE, map_symbols
    assert map_symbols("\uf0fc\uf0a7\uf0d8\uf0b7\uf076\uf071\uf0ae\uf0b3") == ("✔▪➢•❖❑→≥", 8)
    assert map_symbols("Cộng hòa xã hội chủ nghĩa Việt Nam \ue123") == ("Cộng hòa xã hội chủ nghĩa Việt Nam \ue123", 0)
    assert all(not ("\ue000" <= sign <= "\uf8ff") for sign in PRIVATE_USE.values())


# -- one code, one procedure --------------------------------------------------------------------------
def test_a_local_procedure_of_the_same_code_and_another_name_is_never_overwritten(site):
    code, _ = run_import(site, write_csv(site, "a.csv", [HEADER, GOOD]))
    assert code == 0
    target = site.root / "content" / "thu-tuc" / "1.001194.md"
    before = target.read_bytes()
    other = ["1", "1.001194", "Đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch", "Cấp xã", "Ủy ban nhân dân cấp xã",
             "9/QĐ-BTP", "Trực tiếp", "5 ngày", "Không", "Bước 1: Nộp tờ khai."]
    code, out = run_import(site, write_csv(site, "b.csv", [HEADER, other]))
    assert code == 1
    assert target.read_bytes() == before  # untouched
    assert ("Không ghi (trùng mã, khác thủ tục): b.csv, dòng 2 (mã 1.001194): mã 1.001194 đã có trong "
            "content/thu-tuc/1.001194.md với tên «Cấp giấy phép tiến hành công việc bức xạ», bản ghi nhập có tên "
            "«Đăng ký khai sinh có yếu tố nước ngoài»: hai thủ tục khác nhau, không ghi đè. Nếu đúng là thay thủ tục "
            "này, chạy lại với --thay-the 1.001194.") in out
    assert "cập nhật: 0" in out and "không ghi (trùng mã, khác thủ tục): 1" in out
    report = json.loads(site.cchc("import-tthc", "--json", str(site.root / "b.csv")).stdout)
    assert report["counts"]["kept"] == 1 and report["outcomes"][0]["status"] == "kept"
    # The same procedure (name written with other spaces and case) is updated as before.
    same = GOOD[:2] + ["CẤP GIẤY PHÉP  tiến hành công việc bức xạ."] + GOOD[3:6] + ["456/QĐ-BKHCN"] + GOOD[7:]
    code, out = run_import(site, write_csv(site, "c.csv", [HEADER, same]))
    assert code == 0 and "Cập nhật: content/thu-tuc/1.001194.md" in out
    # On purpose: replaced whole, nothing of the other procedure is kept.
    result = site.cchc("import-tthc", "--thay-the", "1.001194", str(site.root / "b.csv"))
    assert result.returncode == 0, result.stdout
    meta, body = meta_of(site, "1.001194")
    assert meta["name"] == "Đăng ký khai sinh có yếu tố nước ngoài" and meta["field"] == "Hộ tịch"
    assert meta["decision"] == "9/QĐ-BTP" and "Bước 1: Nộp tờ khai." in body


def test_codes_differ_only_in_case_are_one_procedure_written_in_one_case(site):
    row = GOOD[:1] + ["1.099015.h68"] + GOOD[2:]
    code, out = run_import(site, write_csv(site, "a.csv", [HEADER, row]))
    assert code == 0 and "Tạo mới: content/thu-tuc/1.099015.H68.md" in out
    meta, _ = meta_of(site, "1.099015.H68")
    assert meta["code"] == "1.099015.H68"
    # A file an editor named in lower case is the same procedure: updated and written in one case.
    folder = site.root / "content" / "thu-tuc"
    (folder / "1.099015.H68.md").rename(folder / "x.md")
    (folder / "x.md").rename(folder / "1.099015.h68.md")
    row2 = GOOD[:1] + ["1.099015.H68"] + GOOD[2:6] + ["999/QĐ-BKHCN"] + GOOD[7:]
    code, out = run_import(site, write_csv(site, "b.csv", [HEADER, row2]))
    assert code == 0, out
    assert sorted(p.name for p in folder.glob("*.md")) == ["1.099015.H68.md"]
    assert meta_of(site, "1.099015.H68")[0]["decision"] == "999/QĐ-BKHCN"
    # Twice in one file, in two cases: the second is a duplicate.
    code, out = run_import(site, write_csv(site, "c.csv", [HEADER, row, row2]))
    assert "Từ chối: c.csv, dòng 3 (mã 1.099015.H68): trùng mã thủ tục với c.csv, dòng 2" in out


def test_report_counts_legal_bases_read_and_kept_verbatim(site):
    legal = "Tên văn bản pháp lýMã văn bảnLuật Thú y79/2015/QH13Quyết định về việc ban hành quy chế12/2024/QĐ-XYZ"
    path = site.write("l.json", json.dumps([_national("1.000005", "Đăng ký lại việc nuôi con nuôi", "Bước 1.", legal)],
                                           ensure_ascii=False))
    code, out = run_import(site, path)
    assert "Căn cứ pháp lý: 1 văn bản đọc được số, 1 giữ nguyên văn bản nguồn (số không đọc được chắc chắn), " \
           "0 không ghi số." in out
    meta, _ = meta_of(site, "1.000005")
    assert meta["legal_basis"] == [{"name": "Luật Thú y", "number": "79/2015/QH13"},
                                   {"name": "Quyết định về việc ban hành quy chế"}]
    report = json.loads(site.cchc("import-tthc", "--json", str(path)).stdout)
    assert report["legal_bases"] == {"read": 1, "verbatim": 1, "no_number": 0}
    assert report["warnings"]["legal_verbatim"] == 1


# -- every shared national record --------------------------------------------------------------------
NATIONAL = DATA / "tthc-national"


def _squash(text: str) -> str:
    return "".join(nfc(str(text)).split())


def test_all_shared_national_records(site):
    """At least 99 % written; every value found in its own record; fees compared as amounts; every legal
    basis has a real name; the report prints the warnings by kind."""
    from cchc.core.procedures.tthc_parse import amounts_in, kind_of
    files = sorted(NATIONAL.glob("*/*.json"))
    if len(files) < 1000:
        pytest.skip(f"cần {NATIONAL} (1.135 bản ghi thật của Cổng Dịch vụ công quốc gia) bên cạnh kho mã")
    code, out = run_import(site, *files)
    summary = next(line for line in out.splitlines() if line.startswith("Đã ghi "))
    written = sorted((site.root / "content" / "thu-tuc").glob("*.md"))
    assert len(written) >= 0.99 * len(files), summary
    assert "Cảnh báo theo loại (số thủ tục):" in out
    print(summary)
    print(out[out.index("Cảnh báo theo loại"):])
    records = {json.loads(f.read_text(encoding="utf-8"))["ma_thu_tuc"]: json.loads(f.read_text(encoding="utf-8"))
               for f in files}
    for path in written:
        meta, _ = meta_of(site, path.stem)
        record = records[meta["code"]]
        source = _squash(" ".join(str(v) for k, v in record.items() if k != "raw_text"))
        for key in ("name", "field", "decision", "agency", "authority", "kind"):
            if key in meta:
                assert _squash(meta[key]) in source, (path.name, key, meta[key])
        methods = record["cach_thuc_thuc_hien"]
        stated = set(amounts_in(methods))
        for channel in meta.get("channels", []):
            if "time" in channel:
                assert channel["time"].split()[0] in methods, (path.name, channel)
            fee = channel.get("fee")
            if fee and fee not in ("Miễn phí", "Không"):
                amount = int(fee.split()[0].replace(".", ""))
                assert amount in stated, (path.name, fee)  # the amount is the source's, in any spelling
            if "source" in channel:
                assert _squash(channel["source"]) in _squash(methods)
        legal = _squash(record["can_cu_phap_ly"])
        for basis in meta.get("legal_basis", []):
            name = basis["name"]
            assert fold(name).lower().strip(" .") not in {"luat", "so", "luat so", "nghi dinh", "thong tu", "quyet dinh"}
            if basis.get("number"):
                assert _squash(basis["number"]) in legal, (path.name, basis)
            kind = kind_of(basis.get("number") or "")
            bare = name[len(kind):].strip() if kind and name.startswith(kind) else name
            assert _squash(bare) in legal, (path.name, basis)
        for document in meta.get("documents", []):
            assert not fold(document["name"]).lower().startswith(("luu y", "ghi chu")), (path.name, document)
    check = site.cchc("check")
    assert check.returncode == 0, check.stdout[-2000:]


def test_legal_bases_of_all_shared_records_are_whole_and_not_glued():
    """tools/check_legal_bases.py on the 1,135 shared records: no number cut short, no name with another
    document glued on, nothing not found in its record (the issue asks ≤ 1 % of records)."""
    import importlib.util
    if len(list(NATIONAL.glob("*/*.json"))) < 1000:
        pytest.skip(f"cần {NATIONAL} bên cạnh kho mã")
    spec = importlib.util.spec_from_file_location("check_legal_bases", REPO / "tools" / "check_legal_bases.py")
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    files = sorted(NATIONAL.glob("*/*.json"))
    flagged = [f.name for f in files if checker.problems(json.loads(f.read_text(encoding="utf-8")))]
    assert len(flagged) <= 0.01 * len(files), flagged[:20]
    assert checker.whole_token("80/2022/NĐ-CP", "Luật Thú y.80/2022/NĐ-CPquy định")
    assert not checker.whole_token("80/2022/NĐ-C", "Luật Thú y.80/2022/NĐ-CPquy định")
    assert not checker.whole_token("19/2018/QĐ-T", "19/2018/QĐ-TTgLuật")

