"""Procedures (TTHC): validation errors, the listing, one procedure's page, lĩnh vực, abolished, changes, feed."""
from __future__ import annotations

import re

import feedparser
import pytest
from lxml import html as lxml_html

from procedure_helpers import add_procedure

ROOT = "thu-tuc-hanh-chinh/"


def tree(site, url):
    return lxml_html.fromstring(site.html(url))


def text_of(element) -> str:
    return " ".join(element.text_content().split())


# -- a small register of procedures -----------------------------------------------------------------
@pytest.fixture
def register(site):
    site.write("content/thu-tuc/mau/to-khai.docx", b"x" * 2048)
    site.write("content/thu-tuc/huong-dan/cach-nop.md", "---\ntitle: x\n---\n")  # not a procedure: sub-folder
    add_procedure(site, code="1.000001", name="Đăng ký khai sinh", field="Hộ tịch", level=["Cấp xã", "Cấp tỉnh"],
                  online="full", decision_date="2024-03-01",
                  channels=[{"method": "online", "time": "3 ngày làm việc", "fee": "Miễn phí"},
                            {"method": "direct", "time": "1 ngày làm việc", "fee": "8.000 đồng", "note": "Nộp tại Bộ phận Một cửa"}],
                  kind="TTHC được luật giao quy định chi tiết", authority="UBND cấp xã", address="Số 1 Trần Hưng Đạo",
                  subjects=["Công dân Việt Nam", "Người nước ngoài"],
                  documents=[{"name": "Tờ khai đăng ký khai sinh", "copies": "1 bản chính", "form": "mau/to-khai.docx"},
                             {"name": "Giấy chứng sinh", "copies": "1 bản chính"}],
                  results=["Giấy khai sinh"], legal_basis=[{"name": "Luật Hộ tịch", "number": "60/2014/QH13"}],
                  requirements="Không có yêu cầu riêng.", url="https://dichvucong.gov.vn/p/1",
                  effective="2024-03-15",
                  body="1. Nộp tờ khai ([xem mẫu](mau/to-khai.docx)).\n2. Nhận giấy khai sinh.\n")
    add_procedure(site, code="1.000002", name="Cấp giấy phép thiết lập mạng viễn thông", field="Bưu chính, viễn thông",
                  level="Cấp bộ", online="partial", status="amended", decision_date="2025-06-10", replaced_by="1.000003",
                  channels=[{"method": "postal", "time": "7", "fee": "250.000 đồng"}])
    add_procedure(site, code="1.000003", name="Ấp trứng giống gia cầm", field="Chăn nuôi", decision_date="2025-01-05")
    add_procedure(site, code="1.000004", name="Đăng ký kết hôn cũ", field="Hộ tịch", status="abolished",
                  abolished="2025-09-01", replaced_by="1.000001", decision_date="2020-01-01")
    add_procedure(site, code="1.000005.H19", name="Cấp phép bức xạ", field="An toàn bức xạ", level="cấp tỉnh")
    site.build()
    return site


def test_listing_lists_fields_in_vietnamese_order_and_data_for_the_filter(register):
    import json
    doc = tree(register, ROOT)
    fields = doc.xpath("//nav[contains(@class,'cchc-tthc-fields')]//li")
    assert [text_of(li) for li in fields] == ["An toàn bức xạ (1)", "Bưu chính, viễn thông (1)", "Chăn nuôi (1)",
                                              "Hộ tịch (1)"]  # the abolished one left the main list
    assert [li.xpath("a/@href")[0] for li in fields] == [
        "linh-vuc/an-toan-buc-xa/", "linh-vuc/buu-chinh-vien-thong/", "linh-vuc/chan-nuoi/", "linh-vuc/ho-tich/"]
    assert not doc.xpath("//table")  # the main page stays light: the tables are on the lĩnh vực pages
    data = json.loads(register.path(f"{ROOT}danh-sach.json").read_text(encoding="utf-8"))
    assert data["columns"] == ["code", "name", "field", "levels", "online", "time", "text", "amended"]
    rows = {row[0]: row for row in data["rows"]}
    assert sorted(rows) == ["1.000001", "1.000002", "1.000003", "1.000005.H19"]
    assert rows["1.000001"] == ["1.000001", "Đăng ký khai sinh", "ho-tich", "cap-xa cap-tinh", "full", "1 ngày làm việc",
                                "1.000001 dang ky khai sinh ho tich so khoa hoc va cong nghe", 0]
    assert rows["1.000003"][4] == "unknown"
    assert rows["1.000002"][5] == "7" and rows["1.000002"][7] == 1
    assert doc.xpath("//form[@data-cchc-filter]/@data-source") == ["danh-sach.json"]
    page = tree(register, f"{ROOT}linh-vuc/ho-tich/")
    row = page.xpath("//tbody/tr[td[1]='1.000001']")[0]
    assert [text_of(c) for c in row.xpath("td|th")] == ["1.000001", "Đăng ký khai sinh", "Cấp xã, Cấp tỉnh", "Toàn trình",
                                                        "1 ngày làm việc"]
    assert row.xpath("th/a/@href") == ["../../1.000001/"]
    amended = tree(register, f"{ROOT}linh-vuc/buu-chinh-vien-thong/").xpath("//tbody/tr")[0]
    assert "Đã sửa đổi" in text_of(amended) and text_of(amended.xpath("td")[-1]) == "7"
    unknown = tree(register, f"{ROOT}linh-vuc/chan-nuoi/").xpath("//tbody/tr")[0]
    assert "Chưa công bố" in text_of(unknown)


def test_listing_is_accessible_and_usable_without_javascript(register):
    doc = tree(register, ROOT)
    form = doc.xpath("//form[@data-cchc-filter]")[0]
    assert form.get("hidden") is not None
    for control in form.xpath(".//input|.//select|.//button"):
        assert control.get("disabled") is not None
    for control in form.xpath(".//input|.//select"):
        assert doc.xpath(f"//label[@for='{control.get('id')}']"), control.get("id")
    assert doc.xpath("//*[@role='status' and @aria-live='polite']")
    for table in tree(register, f"{ROOT}linh-vuc/ho-tich/").xpath("//table"):
        assert table.xpath("caption")
        assert all(th.get("scope") == "col" for th in table.xpath("thead//th"))
        assert all(th.get("scope") == "row" for th in table.xpath("tbody//th"))
    options = doc.xpath("//select[@id='cchc-field']/option/@value")
    assert options == ["", "an-toan-buc-xa", "buu-chinh-vien-thong", "chan-nuoi", "ho-tich"]
    assert doc.xpath("//select[@id='cchc-level']/option/@value") == ["", "cap-bo", "cap-tinh", "cap-xa"]
    assert doc.xpath("//script[contains(@src, 'cchc-procedures.js')]")
    assert register.exists("assets/cchc-procedures.js") and register.exists("assets/cchc-procedures.css")
    assert doc.xpath("//a[@href='da-bai-bo/']")
    nav = register.html("")
    assert "Thủ tục hành chính" in nav


def test_procedure_page_fields_in_national_order(register):
    doc = tree(register, f"{ROOT}1.000001/")
    labels = [text_of(dt) for dt in doc.xpath("//dl[contains(@class,'cchc-tthc__fields')]/dt")]
    assert labels == ["Mã thủ tục", "Số quyết định công bố", "Tên thủ tục", "Cấp thực hiện", "Loại thủ tục", "Lĩnh vực",
                      "Đối tượng thực hiện", "Cơ quan có thẩm quyền", "Địa chỉ tiếp nhận hồ sơ", "Cơ quan thực hiện",
                      "Dịch vụ công trực tuyến", "Tình trạng", "Ngày có hiệu lực"]
    values = [text_of(dd) for dd in doc.xpath("//dl[contains(@class,'cchc-tthc__fields')]/dd")]
    assert values[:4] == ["1.000001", "123/QĐ-BKHCN, ngày 01/03/2024", "Đăng ký khai sinh", "Cấp xã, Cấp tỉnh"]
    assert values[6:] == ["Công dân Việt Nam, Người nước ngoài", "UBND cấp xã", "Số 1 Trần Hưng Đạo",
                          "Sở Khoa học và Công nghệ", "Toàn trình", "Còn hiệu lực", "15/03/2024"]
    headings = [text_of(h) for h in doc.xpath("//article//h2")]
    assert headings == ["Trình tự thực hiện", "Cách thức thực hiện", "Thành phần hồ sơ", "Căn cứ pháp lý",
                        "Yêu cầu, điều kiện", "Kết quả thực hiện", "Thay thế cho thủ tục"]
    channels = doc.xpath("//section[h2[@id='cach-thuc']]//tbody/tr")
    assert [[text_of(c) for c in r.xpath("th|td")] for r in channels] == [
        ["Trực tuyến", "3 ngày làm việc", "Miễn phí", ""],
        ["Trực tiếp", "1 ngày làm việc", "8.000 đồng", "Nộp tại Bộ phận Một cửa"]]
    documents = doc.xpath("//section[h2[@id='thanh-phan']]//tbody/tr")
    assert text_of(documents[0]) == "Tờ khai đăng ký khai sinh 1 bản chính Tải mẫu (DOCX, 2 KB)"
    assert documents[0].xpath(".//a/@href") == ["../../thu-tuc/mau/to-khai.docx"]
    assert register.exists("thu-tuc/mau/to-khai.docx")
    steps = doc.xpath("//div[@class='cchc-tthc__steps']")[0]
    assert [text_of(li) for li in steps.xpath(".//li")] == ["Nộp tờ khai (xem mẫu).", "Nhận giấy khai sinh."]
    assert steps.xpath(".//a/@href") == ["../../thu-tuc/mau/to-khai.docx"]  # relative link from the file still works
    assert "Luật Hộ tịch (số 60/2014/QH13)" in text_of(doc)
    assert "Không có yêu cầu riêng." in text_of(doc) and "Giấy khai sinh" in text_of(doc)
    assert doc.xpath("//a[@href='https://dichvucong.gov.vn/p/1']")
    assert doc.xpath("//section[h2[@id='thay-the']]//a/@href") == ["../1.000004/"]  # 1.000004 names it as replacement
    assert not doc.xpath("//*[contains(@class,'cchc-tthc-banner')]")
    assert doc.xpath("//a[@href='../linh-vuc/ho-tich/']")


def test_amended_and_abolished_banners(register):
    amended = tree(register, f"{ROOT}1.000002/")
    banner = text_of(amended.xpath("//*[contains(@class,'cchc-tthc-banner--amended')]")[0])
    assert "đã được sửa đổi, bổ sung" in banner and "10/06/2025" in banner
    abolished = tree(register, f"{ROOT}1.000004/")
    banner = abolished.xpath("//*[contains(@class,'cchc-tthc-banner--abolished')]")[0]
    assert "đã bị bãi bỏ" in text_of(banner) and "01/09/2025" in text_of(banner)
    assert banner.xpath(".//a/@href") == ["../1.000001/"]
    minimal = tree(register, f"{ROOT}1.000005.H19/")
    assert "Cấp tỉnh" in text_of(minimal)  # 'cấp tỉnh' accepted, written in the canonical spelling
    assert text_of(minimal.xpath("//section[h2[@id='thanh-phan']]")[0]).endswith("Chưa có thông tin.")


def test_abolished_list_and_field_pages(register):
    doc = tree(register, f"{ROOT}da-bai-bo/")
    rows = doc.xpath("//tbody/tr")
    assert [[text_of(c) for c in r.xpath("th|td")] for r in rows] == [
        ["1.000004", "Đăng ký kết hôn cũ", "Hộ tịch", "01/09/2025", "1.000001 – Đăng ký khai sinh"]]
    field = tree(register, f"{ROOT}linh-vuc/ho-tich/")
    assert text_of(field.xpath("//h1")[0]) == "Thủ tục hành chính lĩnh vực Hộ tịch"
    assert field.xpath("//tbody/tr/td[1]/text()") == ["1.000001"]
    assert "Đăng ký kết hôn cũ" in text_of(field.xpath("//section[h2[@id='da-bai-bo']]")[0])
    assert not field.xpath("//form[@data-cchc-filter]")
    for slug in ("an-toan-buc-xa", "buu-chinh-vien-thong", "chan-nuoi"):
        assert register.exists(f"{ROOT}linh-vuc/{slug}/")


def test_change_log_newest_first(register):
    doc = tree(register, f"{ROOT}thay-doi/")
    rows = [[text_of(c) for c in r.xpath("td|th")][:4] for r in doc.xpath("//tbody/tr")]
    assert rows == [
        ["01/09/2025", "Bãi bỏ", "1.000004", "Đăng ký kết hôn cũ Thay thế bởi 1.000001"],
        ["10/06/2025", "Sửa đổi, bổ sung", "1.000002", "Cấp giấy phép thiết lập mạng viễn thông"],
        ["05/01/2025", "Công bố mới", "1.000003", "Ấp trứng giống gia cầm"],
        ["01/03/2024", "Công bố mới", "1.000001", "Đăng ký khai sinh"],
    ]  # 1.000005.H19 has no date: not in the log


def test_feed_of_changes(register):
    data = register.path(f"{ROOT}feed.xml").read_bytes()
    feed = feedparser.parse(data)
    assert not feed.bozo
    assert feed.feed.link == "https://so.example.gov.vn/cchc/thu-tuc-hanh-chinh/thay-doi/"
    assert [e.link for e in feed.entries] == [f"https://so.example.gov.vn/cchc/thu-tuc-hanh-chinh/{c}/"
                                              for c in ("1.000004", "1.000002", "1.000003", "1.000001")]
    assert feed.entries[0].title == "Bãi bỏ: Đăng ký kết hôn cũ (1.000004)"
    assert "Được thay thế bởi thủ tục 1.000001" in feed.entries[0].description
    assert b"<lastBuildDate>Mon, 01 Sep 2025 00:00:00 +0700</lastBuildDate>" in data
    assert tree(register, ROOT).xpath("//link[@type='application/rss+xml' and @href='feed.xml']")


def test_builds_are_byte_identical(register):
    first = {p: p.read_bytes() for p in (register.root / "site" / "thu-tuc-hanh-chinh").rglob("*") if p.is_file()}
    register.build(env={"SOURCE_DATE_EPOCH": "1900000000"})  # another "today": the feed must not change
    second = {p: p.read_bytes() for p in (register.root / "site" / "thu-tuc-hanh-chinh").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert first == second


def test_no_procedures_gives_empty_pages(site):
    site.build()
    assert "Chưa có thủ tục hành chính nào" in site.html(ROOT)
    assert feedparser.parse(site.path(f"{ROOT}feed.xml").read_bytes()).entries == []


# -- validation: every rule of the spec, with file, line, field and how to fix ------------------------
def check(site):
    result = site.cchc("check")
    return result.returncode, result.stdout


VALIDATION_ERRORS = [
    ({"code": "1.1194"}, "code", "không đúng dạng d.dddddd"),
    ({"code": "A.001194"}, "code", "không đúng dạng d.dddddd"),
    ({"code": "١.٠٠٠٠٠١"}, "code", "không đúng dạng d.dddddd"),  # Arabic-Indic digits
    ({"code": "１.００１１９４"}, "code", "không đúng dạng d.dddddd"),  # full-width digits
    ({"name": "Cấp phép\x07 bức xạ"}, "name", "ký tự điều khiển"),
    ({"agency": "Sở\x00 KH&CN"}, "agency", "ký tự điều khiển"),
    ({"channels": [{"method": "direct", "time": "1 ngày", "fee": "Không", "note": "a\x1bb"}]}, "channels",
     "ký tự điều khiển"),
    ({"name": None}, "name", "Thiếu khóa bắt buộc 'name' (tên thủ tục)"),
    ({"level": "Cấp thành phố"}, "level", "Cấp thực hiện 'Cấp thành phố' không hợp lệ"),
    ({"level": ["Cấp tỉnh", "Cap xa lo"]}, "level", "Cấp thực hiện 'Cap xa lo' không hợp lệ"),
    ({"channels": [{"method": "email", "time": "1 ngày", "fee": "Không"}]}, "channels", "hình thức 'email' không hợp lệ"),
    ({"channels": [{"method": "direct", "time": "1 ngày", "fee": "Không", "notes": "x"}]}, "channels", "Có phải ý bạn là 'note'?"),
    ({"online": "toàn trình"}, "online", "Giá trị 'toàn trình' của 'online' không hợp lệ"),
    ({"status": "repealed"}, "status", "Giá trị 'repealed' của 'status' không hợp lệ"),
    ({"status": "abolished"}, "status", "phải có ngày bãi bỏ 'abolished'"),
    ({"abolished": "2025-01-01"}, "abolished", "'status' không phải 'abolished'"),
    ({"abolished": "31/02/2025", "status": "abolished"}, "abolished", "là ngày không tồn tại"),
    ({"decision_date": "hôm qua"}, "decision_date", "không đúng định dạng ngày"),
    ({"replaced_by": "1.999999"}, "replaced_by", "Thủ tục thay thế '1.999999' không có"),
    ({"agencyy": "Sở"}, "agencyy", "Có phải ý bạn là 'agency'?"),
    ({"legal_basis": [{"nmae": "Luật"}]}, "legal_basis", "phải có 'name'"),
    ({"documents": [{"name": "Tờ khai", "form": "mau/khong-co.doc"}]}, "documents", "Không tìm thấy tệp 'mau/khong-co.doc'"),
    ({"url": "dichvucong.gov.vn/x"}, "url", "bắt đầu bằng https://"),
]


@pytest.mark.parametrize("keys, field, words", VALIDATION_ERRORS)
def test_each_validation_error(site, keys, field, words):
    add_procedure(site, filename="thu-tuc-loi", **keys)
    code, out = check(site)
    assert code == 1, out
    lines = [line for line in out.splitlines() if f"[{field}]" in line]
    assert lines, out
    assert any(words in line for line in lines), out
    assert all(line.startswith("content/thu-tuc/thu-tuc-loi.md") and "Cách sửa:" in line for line in lines), out


def test_one_build_reports_every_validation_error_at_once(site):
    """The build says what `cchc check` says, every file's errors together (one build, not one per rule)."""
    for number, (keys, _field, _words) in enumerate(VALIDATION_ERRORS):
        add_procedure(site, filename=f"thu-tuc-loi-{number:02d}", **keys)
    build = site.build(ok=False)
    assert build.returncode != 0 and "Traceback" not in build.stderr
    for number, (_keys, field, words) in enumerate(VALIDATION_ERRORS):
        lines = [line for line in build.stderr.splitlines()
                 if f"content/thu-tuc/thu-tuc-loi-{number:02d}.md" in line and f"[{field}]" in line]
        assert any(words in line for line in lines), (number, field, words, build.stderr)


def test_error_names_the_line(site):
    add_procedure(site, filename="x", level="Cấp thành phố")
    line = next(l for l in check(site)[1].splitlines() if "[level]" in l)
    assert line.startswith("content/thu-tuc/x.md:5: [level]"), line
    assert "Có phải ý bạn là" in line or "Cấp bộ, Cấp tỉnh" in line


def test_duplicate_codes_name_both_files(site):
    add_procedure(site, filename="a")
    add_procedure(site, filename="b")
    code, out = check(site)
    assert code == 1
    lines = [l for l in out.splitlines() if "Trùng mã thủ tục" in l]
    assert len(lines) == 2
    assert all("content/thu-tuc/a.md" in l and "content/thu-tuc/b.md" in l for l in lines)
    assert lines[0].startswith("content/thu-tuc/a.md:2: [code]")


def test_all_errors_reported_together_with_articles(site):
    from conftest import article
    site.write("content/tin-bai/x.md", article("Tin", "2024-02-30"))
    add_procedure(site, filename="p", code="12", level="Cấp trung ương")
    code, out = check(site)
    assert code == 1
    assert "content/tin-bai/x.md" in out and "[code]" in out and "[level]" in out
    assert "Nội dung có 3 lỗi" in out


def test_yaml_float_code_kept(site):
    site.write("content/thu-tuc/1.000080.md", "---\ncode: 1.000080\nname: T\nfield: Hộ tịch\nlevel: Cấp xã\n"
               "decision: 1/QĐ\nagency: UBND xã\nchannels:\n  - method: direct\n    time: 7\n    fee: Miễn phí\n---\n")
    site.build()
    assert site.exists(f"{ROOT}1.000080/")
    assert re.search(r"<td data-label=\"Thời hạn giải quyết\">7</td>", site.html(f"{ROOT}1.000080/"))


def test_unknown_fields_are_published_as_unknown_and_listed_as_incomplete(site):
    """Only code and name are required to publish: what the source lacks reads 'Chưa có thông tin'."""
    add_procedure(site, code="1.000010", name="Thủ tục thiếu nhiều thông tin", field=None, agency=None, decision=None,
                  level=None, channels=None)
    add_procedure(site, code="1.000011", name="Thủ tục thiếu phí",
                  channels=[{"method": "direct", "time": "5 ngày"}, {"method": "online", "fee": "Miễn phí"}])
    add_procedure(site, code="1.000012", name="Thủ tục đầy đủ")
    result = site.cchc("check")
    assert result.returncode == 0, result.stdout
    assert "Cảnh báo: 2 thủ tục hành chính còn thiếu thông tin" in result.stdout
    assert "cchc check --incomplete" in result.stdout
    listing = site.cchc("check", "--incomplete").stdout.splitlines()
    assert ("content/thu-tuc/1.000010.md: thiếu lĩnh vực; cấp thực hiện; quyết định công bố; cơ quan thực hiện; "
            "cách thức thực hiện.") in listing
    assert ("content/thu-tuc/1.000011.md: thiếu phí, lệ phí của cách thức thứ 1 (Trực tiếp); thời hạn giải quyết của "
            "cách thức thứ 2 (Trực tuyến).") in listing
    assert not any("1.000012" in line for line in listing)
    assert "2 thủ tục hành chính còn thiếu thông tin (trang ghi \"Chưa có thông tin\")." in listing
    site.build()
    page = tree(site, f"{ROOT}1.000010/")
    values = {text_of(dt): text_of(dt.getnext()) for dt in page.xpath("//dl[contains(@class,'cchc-tthc__fields')]/dt")}
    for label in ("Số quyết định công bố", "Cấp thực hiện", "Lĩnh vực", "Cơ quan thực hiện"):
        assert values[label] == "Chưa có thông tin", label
    assert "Chưa có thông tin về cách thức nộp hồ sơ" in text_of(page.xpath("//section[h2[@id='cach-thuc']]")[0])
    fees = tree(site, f"{ROOT}1.000011/").xpath("//section[h2[@id='cach-thuc']]//tbody/tr")
    assert [[text_of(c) for c in r.xpath("th|td")] for r in fees] == [
        ["Trực tiếp", "5 ngày", "Chưa có thông tin", ""], ["Trực tuyến", "Chưa có thông tin", "Miễn phí", ""]]
    assert site.exists(f"{ROOT}linh-vuc/chua-xac-dinh-linh-vuc/")
    assert "Thủ tục thiếu nhiều thông tin" in site.html(f"{ROOT}linh-vuc/chua-xac-dinh-linh-vuc/")
    indexed = text_of(tree(site, f"{ROOT}1.000012/").xpath("//*[@data-pagefind-body]")[0])
    assert "1.000012" in indexed and "Khoa học và công nghệ" in indexed  # code, lĩnh vực in the indexed text
