"""cchc import-tthc: CSV, XLSX and JSON in, procedure files out; bad rows rejected with reasons; idempotent."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

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
