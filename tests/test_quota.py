"""Plans and the quota page: real builds whose expected counts are computed here, independently.

The fixture's SOURCE_DATE_EPOCH is 2026-11-22 10:00 +07:00: November 2026 is the month in progress.
"""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import datetime
from html import unescape
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import yaml

from conftest import CATEGORIES, EPOCH, Site

SITE_URL = Site.site_url
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime.fromtimestamp(int(EPOCH), LOCAL)


def plan_text(title, number, start, end, target, body="Nội dung kế hoạch.", **keys) -> str:
    meta = {"title": title, "number": number, "issued": "2024-01-05", "issuer": "Sở Nội vụ tỉnh Thử nghiệm",
            "start": start, "end": end, "target": target, **keys}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n{body}\n"


PLANS = [
    # (file, title, number, start, end, target, categories)
    ("a.md", "Kế hoạch tuyên truyền CCHC năm 2024", "12/KH-SNV", "2024-01", "2024-12", 2, []),
    ("b.md", "Kế hoạch tuyên truyền chuyển đổi số 2024-2025", "5/KH-CĐS", "2024-03", "2025-02", 1, ["Chuyển đổi số"]),
    ("c.md", "Kế hoạch tuyên truyền CCHC 2026-2027", "30/KH-SNV", "2026-09", "2027-02", 2, []),
]

ARTICLES = [
    # (date as written, categories, extra keys)
    ("2024-01-03 08:00", ["Tin tức CCHC"], {}),
    ("2024-01-15", ["Văn bản chỉ đạo"], {}),
    ("15/01/2024 14:00", ["Tin tức CCHC"], {}),
    # February 2024: no article at all
    ("2024-03-31 23:30", ["Chuyển đổi số"], {}),  # last evening of March, local
    ("2024-03-31 17:30:00+00:00", ["Tin tức CCHC"], {}),  # = 1 April 00:30 local
    ("2024-03-10", ["Chuyển đổi số", "Tin tức CCHC"], {}),  # two categories, counts once per plan
    ("2024-03-12", ["Tin tức CCHC"], {"draft": True}),  # draft: never counts
    ("2024-06-30 16:59:00+00:00", ["Chuyển đổi số"], {}),  # 30 June 23:59 local
    ("2024-06-30 17:00:00+00:00", ["Tin tức CCHC"], {}),  # 1 July 00:00 local
    ("2025-01-20", ["Chuyển đổi số"], {}),
    ("2026-09-10", ["Tin tức CCHC"], {}),
    ("2026-10-02", ["Tin tức CCHC"], {}),
    ("2026-10-30", ["Văn bản chỉ đạo"], {}),
    ("2026-11-05 09:00", ["Tin tức CCHC"], {}),
    ("2026-11-22 09:59", ["Tin tức CCHC"], {"draft": True}),  # current month, draft
    ("2026-11-22 10:30", ["Tin tức CCHC"], {}),  # later today: still future at build time
    ("2026-12-01", ["Tin tức CCHC"], {}),  # future month
]


def _local(text: str) -> datetime:
    if "/" in text:
        day, rest = text.split("/", 1)
        month, rest = rest.split("/", 1)
        text = f"{rest[:4]}-{month}-{day}{rest[4:]}"
    value = datetime.fromisoformat(text)
    return value.astimezone(LOCAL) if value.tzinfo else value.replace(tzinfo=LOCAL)


def _months(start: str, end: str) -> list[str]:
    y, m = map(int, start.split("-"))
    result = []
    while f"{y}-{m:02d}" <= end:
        result.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return result


def expected() -> dict:
    """The JSON export, computed without the plugin."""
    current = f"{NOW:%Y-%m}"
    plans = []
    for _, title, number, start, end, target, categories in sorted(PLANS, key=lambda p: p[3], reverse=True):
        months = []
        for month in _months(start, end):
            if month > current:
                continue
            published = sum(
                1 for date, cats, keys in ARTICLES
                if not keys.get("draft") and _local(date) <= NOW and f"{_local(date):%Y-%m}" == month
                and (not categories or set(cats) & set(categories)))
            status = "đang thực hiện" if month == current else "đạt" if published >= target else "chưa đạt"
            months.append({"month": month, "published": published, "target": target, "met": published >= target,
                           "status": status})
        reported = {m["month"] for m in months}
        articles = sorted(  # the evidence: each counted article, oldest first
            ({"date": f"{_local(date):%Y-%m-%d}", "title": f"Bài số {i}",
              "categories": sorted(cats, key=CATEGORIES.index),  # in the configured order
              "url": f"{SITE_URL}tin-bai/{_local(date):%Y/%m}/bai-so-{i}/"}
             for i, (date, cats, keys) in enumerate(ARTICLES)
             if not keys.get("draft") and _local(date) <= NOW and f"{_local(date):%Y-%m}" in reported
             and (not categories or set(cats) & set(categories))), key=lambda a: (a["date"], a["title"]))
        plans.append({"number": number, "title": title, "target": target, "months": months,
                      "issued": "2024-01-05", "issuer": "Sở Nội vụ tỉnh Thử nghiệm", "start": start, "end": end,
                      "categories": categories, "articles": articles})
    return {"format_version": 2, "as_of": f"{NOW:%Y-%m-%d}",
            "agency": {"name": "Sở Thử nghiệm", "parent": "", "site_url": SITE_URL}, "plans": plans}


@pytest.fixture
def quota_site(site):
    for name, title, number, start, end, target, categories in PLANS:
        site.write(f"content/ke-hoach/{name}", plan_text(title, number, start, end, target, categories=categories))
    for i, (date, categories, keys) in enumerate(ARTICLES):
        site.add_article(f"{i:02d}.md", f"Bài số {i}", date, categories=categories, **keys)
    result = site.build()  # --strict: the "behind target" notice is INFO, not a warning
    site.log = result.stderr
    return site


def _html_rows(page: str) -> dict[str, list[dict]]:
    """plan number -> rows of its month table, as the reader sees them."""
    result = {}
    for section in page.split('<section class="cchc-quota"')[1:]:
        number = unescape(re.search(r"Kết quả từng tháng – Kế hoạch số ([^<]+)</caption>", section).group(1))
        rows = []
        for month, body in re.findall(r'data-month="(\d{4}-\d{2})">(.*?)</tr>', section, re.S):
            cells = dict(re.findall(r'data-col="(\w+)">(.*?)</td>', body, re.S))
            rows.append({"month": month, "published": cells["published"].strip(),
                         "status": re.sub(r"<[^>]+>", "", cells["status"]).strip(), "row": body})
        result[number] = rows
    return result


def test_page_csv_xlsx_json_agree_with_independent_counts(quota_site):
    site = quota_site
    want = expected()
    # sanity of the scenario itself: the boundary articles land where local time says
    plan_2024 = {m["month"]: m["published"] for m in want["plans"][2]["months"]}
    assert plan_2024["2024-01"] == 3 and plan_2024["2024-02"] == 0
    assert plan_2024["2024-03"] == 2 and plan_2024["2024-04"] == 1 and plan_2024["2024-07"] == 1
    assert {m["month"]: m["published"] for m in want["plans"][0]["months"]} == {
        "2026-09": 1, "2026-10": 2, "2026-11": 1}

    # JSON: exactly the spec's shape
    data = json.loads(site.path("chi-tieu/chi-tieu.json").read_text(encoding="utf-8"))
    assert data == want
    assert list(data) == ["format_version", "as_of", "agency", "plans"]
    # version 1's keys first, as they were
    assert list(data["plans"][0])[:4] == ["number", "title", "target", "months"]
    # the month in progress is never judged: not 'met: false' but 'đang thực hiện'
    assert data["plans"][0]["months"][-1] == {"month": "2026-11", "published": 1, "target": 2, "met": False,
                                              "status": "đang thực hiện"}
    for plan in data["plans"]:  # the evidence lists exactly as many articles as the months counted
        assert len(plan["articles"]) == sum(m["published"] for m in plan["months"])

    flat = [(p["number"], m["month"], m["published"], m["target"], m["status"].capitalize())
            for p in want["plans"] for m in p["months"]]

    # CSV: UTF-8 with BOM, Vietnamese headers, same rows
    raw = site.path("chi-tieu/chi-tieu.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["Số kế hoạch", "Tháng", "Số tin bài", "Chỉ tiêu", "Kết quả"]
    assert [(r[0], r[1], int(r[2]), int(r[3]), r[4]) for r in rows[1:]] == flat
    assert {r[4] for r in rows[1:]} == {"Đạt", "Chưa đạt", "Đang thực hiện"}
    # its companion lists the counted articles
    evidence = list(csv.reader(io.StringIO(site.path("chi-tieu/chi-tieu-tin-bai.csv").read_text(encoding="utf-8-sig"))))
    assert evidence[0] == ["Số kế hoạch", "Ngày đăng", "Tiêu đề", "Chuyên mục", "Đường dẫn"]
    assert [(r[0], r[1], r[2], r[4]) for r in evidence[1:]] == [
        (p["number"], a["date"], a["title"], a["url"]) for p in want["plans"] for a in p["articles"]]

    # XLSX: one sheet per plan named by its number, numbers as numbers, then one listing its articles
    book = openpyxl.load_workbook(site.path("chi-tieu/chi-tieu.xlsx"))
    assert book.sheetnames == ["30-KH-SNV", "Tin bài 30-KH-SNV", "5-KH-CĐS", "Tin bài 5-KH-CĐS",
                               "12-KH-SNV", "Tin bài 12-KH-SNV"]
    xlsx_rows = []
    for sheet, plan in zip(book.worksheets[::2], want["plans"]):
        values = list(sheet.iter_rows(values_only=True))
        assert values[0] == ("Số kế hoạch", "Tháng", "Số tin bài", "Chỉ tiêu", "Kết quả")
        for number, month, published, target, met in values[1:]:
            assert isinstance(published, int) and isinstance(target, int)
            xlsx_rows.append((number, month, published, target, met))
        links = list(book[f"Tin bài {sheet.title}"].iter_rows(min_row=2, values_only=True))
        assert [(row[1], row[2], row[4]) for row in links] == [(a["date"], a["title"], a["url"]) for a in plan["articles"]]
    assert xlsx_rows == flat

    # HTML: the same numbers for every reported month; future months are "Chưa đến"
    page = site.html("chi-tieu/")
    html_rows = _html_rows(page)
    assert list(html_rows) == [p["number"] for p in want["plans"]]  # newest plan first
    for plan in want["plans"]:
        shown = {r["month"]: r for r in html_rows[plan["number"]]}
        for m in plan["months"]:
            row = shown[m["month"]]
            assert int(row["published"]) == m["published"], (plan["number"], m)
            if m["month"] < f"{NOW:%Y-%m}":
                assert row["status"] == ("Đạt" if m["met"] else "Chưa đạt")
        future = [r for month, r in shown.items() if month > f"{NOW:%Y-%m}"]
        assert all(r["status"] == "Chưa đến" and r["published"] == "–" for r in future)
    assert len([r for r in html_rows["30/KH-SNV"] if r["status"] == "Chưa đến"]) == 3  # 12/2026 … 02/2027


def test_quota_page_details(quota_site):
    site = quota_site
    page = site.html("chi-tieu/")
    rows = {r["month"]: r["row"] for r in _html_rows(page)["12/KH-SNV"]}
    # month label links to its archive only when that month has articles
    assert '<a href="../tin-bai/2024/01/">Tháng 01/2024</a>' in rows["2024-01"]
    assert "Tháng 02/2024" in rows["2024-02"] and "href" not in rows["2024-02"]
    assert site.exists("tin-bai/2024/01/")
    # month in progress: count so far, days left (22 → 30 November, today included), still needed
    current = {r["month"]: r for r in _html_rows(page)["30/KH-SNV"]}["2026-11"]
    assert current["status"] == "Đang thực hiện" and current["published"] == "1"
    assert "đã đăng 1/2 tin bài" in page and "còn 9 ngày" in page and "Cần thêm 1 tin bài" in page
    # accessible tables and chart
    assert page.count("<caption>") == 6 and 'scope="row"' in page and 'scope="col"' in page
    svgs = re.findall(r"<svg [^>]*class=\"cchc-chart\".*?</svg>", page, re.S)
    assert len(svgs) == 3
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg and "aria-labelledby" in svg
    # the chart says the same numbers as the table
    chart = svgs[0]
    assert "Tháng 10/2026: 2/2 tin bài – Đạt" in chart and "Tháng 09/2026: 1/2 tin bài – Chưa đạt" in chart
    assert "Tháng 11/2026: 1/2 tin bài – Đang thực hiện" in chart and "Tháng 12/2026: chưa đến" in chart
    # totals: quarters, six months, years when a plan spans two, whole period, share of ended months met
    totals = page.split('class="cchc-quota-table cchc-quota-totals"')[3]  # the 2024 plan
    for label in ("Quý I/2024", "Quý IV/2024", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024", "Cả kỳ kế hoạch"):
        assert label in totals, label
    want = [m for m in expected()["plans"][2]["months"]]
    met = sum(m["met"] for m in want)
    total_row = totals.split("Cả kỳ kế hoạch")[1].split("</tr>")[0]
    assert f">{sum(m['published'] for m in want)}<" in total_row and f">{met}/12<" in total_row
    assert f">{round(100 * met / 12)}%<" in total_row
    assert "Năm 2025" in page.split('class="cchc-quota-table cchc-quota-totals"')[2]  # 2024-2025 plan
    # exports linked from the page, nav entry
    for name in ("chi-tieu.csv", "chi-tieu.xlsx", "chi-tieu.json", "chi-tieu-tin-bai.csv"):
        assert f'href="{name}"' in page
    assert "Chỉ tiêu tuyên truyền" in site.html("")
    # the build said which plan is behind this month, as information
    assert "30/KH-SNV" in site.log and "còn thiếu 1" in site.log and "INFO" in site.log
    assert "12/KH-SNV – tháng" not in site.log  # ended plans are not "behind this month"


def test_plan_page(site):
    site.write("content/ke-hoach/van-ban/kh-2477.pdf", b"%PDF-1.4\n" + b"0" * 3000)
    site.write("content/ke-hoach/2021.md", plan_text(
        "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2021", "2477/KH-SXD", "2021-08", "2021-12", 2,
        issued="2021-07-28", issuer="Sở Xây dựng tỉnh Bình Thuận", categories=["Văn bản chỉ đạo"],
        attachments=[{"path": "van-ban/kh-2477.pdf", "title": "Kế hoạch số 2477/KH-SXD (bản ký số)"}],
        body="## I. Mục đích\n\nXem [toàn văn](van-ban/kh-2477.pdf).\n"))
    site.add_article("a.md", "Một", "2021-08-02", categories=["Văn bản chỉ đạo"])
    site.build()
    url = "ke-hoach/ke-hoach-thong-tin-tuyen-truyen-cai-cach-hanh-chinh-nam-2021/"
    page = site.html(url)
    for text in ("2477/KH-SXD", "ngày 28 tháng 07 năm 2021", "Sở Xây dựng tỉnh Bình Thuận",
                 "Tháng 08/2021 – tháng 12/2021", "ít nhất 02 tin bài/tháng", "Văn bản chỉ đạo",
                 "Kế hoạch số 2477/KH-SXD (bản ký số)", "(PDF, 2,9 KB)", "I. Mục đích"):
        assert text in page, text
    link = re.search(r'<a href="([^"]+)">toàn văn</a>', page).group(1)
    target = urljoin(f"https://x/{url}", link).removeprefix("https://x/")
    assert site.exists(target) and target == "ke-hoach/van-ban/kh-2477.pdf"
    assert f'href="../../chi-tieu/#ke-hoach-thong-tin-tuyen-truyen-cai-cach-hanh-chinh-nam-2021"' in page
    assert "Tháng 08/2021" in page and "<svg" in page


def test_exports_are_reproducible(quota_site):
    site = quota_site
    names = ("chi-tieu/chi-tieu.csv", "chi-tieu/chi-tieu.xlsx", "chi-tieu/chi-tieu.json", "chi-tieu/")
    first = {n: site.path(n).read_bytes() for n in names}
    site.build()
    assert {n: site.path(n).read_bytes() for n in names} == first
    with zipfile.ZipFile(site.path("chi-tieu/chi-tieu.xlsx")) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 11, 22, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2026-11-22T00:00:00Z") == 2  # created and modified: the as-of date, not now


def test_drafts_count_nowhere_even_when_serving(tmp_path, monkeypatch):
    """`mkdocs serve` loads drafts and scheduled articles into the index; quotas still skip them."""
    from conftest import Site
    from cchc.core.content import load_content
    from cchc.core.settings import Settings

    site = Site(tmp_path)
    site.write("content/ke-hoach/a.md", plan_text("Kế hoạch A", "1/KH", "2026-10", "2026-11", 1))
    site.add_article("a.md", "Nháp", "2026-10-03", draft=True)
    site.add_article("b.md", "Đăng", "2026-10-04")
    site.add_article("c.md", "Hẹn giờ", "2026-11-30")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    settings = Settings(project_dir=tmp_path, categories=("Tin tức CCHC",), include_unpublished=True)
    content = load_content(settings)
    assert not content.errors and len(content.articles.articles) == 3
    [quota] = content.quotas
    assert [(r.key, r.published) for r in quota.rows] == [("2026-10", 1), ("2026-11", 0)]
    assert content.notices() == [
        "Chỉ tiêu tuyên truyền: kế hoạch 1/KH – tháng 11/2026 mới có 0/1 tin bài, còn thiếu 1, còn 9 ngày."]


def _errors(site) -> str:
    result = site.cchc("check")
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout


def test_every_plan_error_is_reported_at_once(site):
    ok = dict(number="1/KH", start="2024-01", end="2024-12", target=2)
    site.write("content/ke-hoach/thieu.md", "---\ntitle: Chỉ có tên\n---\nNội dung.\n")
    site.write("content/ke-hoach/thang.md", plan_text("Sai tháng", "2/KH", "2024-13", "2024/12", 2))
    site.write("content/ke-hoach/nguoc.md", plan_text("Ngược", "3/KH", "2024-06", "2024-01", 2))
    site.write("content/ke-hoach/le.md", plan_text("Số lẻ", "4/KH", "2024-01", "2024-02", "2.5"))
    site.write("content/ke-hoach/khong.md", plan_text("Số không", "5/KH", "2024-01", "2024-02", 0))
    site.write("content/ke-hoach/chu.md", plan_text("Bằng chữ", "6/KH", "2024-01", "2024-02", "hai bài"))
    site.write("content/ke-hoach/muc.md", plan_text("Chuyên mục lạ", "7/KH", "2024-01", "2024-02", 1,
                                                    categories=["Thể thao"]))
    site.write("content/ke-hoach/khoa.md", plan_text("Khóa lạ", "8/KH", "2024-01", "2024-02", 1, catagories=[]))
    site.write("content/ke-hoach/tep.md", plan_text("Thiếu tệp", "9/KH", "2024-01", "2024-02", 1,
                                                    attachments=[{"path": "van-ban/khong-co.pdf"}]))
    site.write("content/ke-hoach/ngay.md", plan_text("Sai ngày", "10/KH", "2024-01", "2024-02", 1, issued="31/02/2024"))
    site.write("content/ke-hoach/trung-1.md", plan_text("Kế hoạch trùng tên", "11/KH", "2024-01", "2024-02", 1))
    site.write("content/ke-hoach/trung-2.md", plan_text("Kế hoạch trùng tên", "12/KH", "2024-01", "2024-02", 1))
    out = _errors(site)
    for key in ("number", "issued", "issuer", "start", "end", "target"):
        assert f"content/ke-hoach/thieu.md: [{key}] Thiếu khóa bắt buộc '{key}'" in out, key
    assert re.search(r"thang\.md:\d+: \[start\] Tháng 'start'.*2024-13.*YYYY-MM", out)
    assert re.search(r"thang\.md:\d+: \[end\] .*2024/12", out)
    assert re.search(r"nguoc\.md:\d+: \[end\] Tháng kết thúc '2024-01' trước tháng bắt đầu '2024-06'", out)
    for name, value in (("le", "2.5"), ("khong", "0"), ("chu", "hai bài")):
        assert re.search(rf"{name}\.md:\d+: \[target\] .*số nguyên từ 1 trở lên.*'{value}'.*Cách sửa: .*target: 2", out), name
    assert re.search(r"muc\.md:\d+: \[categories\] Chuyên mục 'Thể thao' không có.*Cách sửa: Dùng một trong: Tin tức CCHC", out)
    assert re.search(r"khoa\.md:\d+: \[catagories\] Khóa 'catagories' không được hỗ trợ\. Cách sửa: Có phải ý bạn là 'categories'\?", out)
    assert re.search(r"tep\.md:\d+: \[attachments\] Không tìm thấy tệp 'van-ban/khong-co.pdf'", out)
    assert re.search(r"ngay\.md:\d+: \[issued\] .*31/02/2024.*không tồn tại", out)
    dup = [line for line in out.splitlines() if "Trùng đường dẫn" in line]
    assert len(dup) == 2 and all("trung-1.md" in line and "trung-2.md" in line for line in dup)
    # line numbers point at the key
    line = next(l for l in out.splitlines() if l.startswith("content/ke-hoach/le.md"))
    text = (site.root / "content/ke-hoach/le.md").read_text(encoding="utf-8").splitlines()
    number = int(line.split(":")[1])
    assert text[number - 1].startswith("target:")
    # the build stops on them too, with the same messages
    result = site.build(ok=False)
    assert result.returncode != 0 and "Khóa 'catagories' không được hỗ trợ" in result.stderr


def test_cchc_report(quota_site):
    site = quota_site
    result = site.cchc("report")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "tính đến ngày 22 tháng 11 năm 2026" in out
    assert re.search(r"Tháng 02/2024\s+0\s+2\s+Chưa đạt\s+2", out)
    assert re.search(r"Tháng 01/2024\s+3\s+2\s+Đạt\s+0", out)
    assert re.search(r"Tháng 12/2026\s+–\s+2\s+Chưa đến", out)
    assert "Tháng 11/2026 đang thực hiện: 1/2 tin bài, còn 9 ngày, cần thêm 1 tin bài." in out
    # the same bytes as the site's exports
    csv_out = site.cchc("report", "--format", "csv")
    assert csv_out.returncode == 0
    assert csv_out.stdout.encode("utf-8") == site.path("chi-tieu/chi-tieu.csv").read_bytes().replace(b"\r\n", b"\n")
    result = site.cchc("report", "--format", "csv,xlsx,json", "-o", "bao-cao")
    assert result.returncode == 0, result.stderr
    for ext in ("csv", "xlsx", "json"):
        assert (site.root / f"bao-cao/chi-tieu.{ext}").read_bytes() == site.path(f"chi-tieu/chi-tieu.{ext}").read_bytes()
    # one plan only
    result = site.cchc("report", "--plan", "5/kh-cđs", "--format", "json", "-o", "mot.json")
    assert result.returncode == 0, result.stderr
    data = json.loads((site.root / "mot.json").read_text(encoding="utf-8"))
    assert [p["number"] for p in data["plans"]] == ["5/KH-CĐS"]
    assert data["plans"][0] == expected()["plans"][1]
    assert "12/KH-SNV" not in site.cchc("report", "--plan", "5/KH-CĐS").stdout
    # mistakes are explained
    wrong = site.cchc("report", "--plan", "99/KH")
    assert wrong.returncode == 2 and "Không có kế hoạch số '99/KH'" in wrong.stderr and "12/KH-SNV" in wrong.stderr
    wrong = site.cchc("report", "--format", "pdf")
    assert wrong.returncode == 2 and "pdf" in wrong.stderr


def test_site_without_plans_still_builds(site):
    site.add_article("a.md", "Một", "2024-03-01")
    site.build()
    assert json.loads(site.path("chi-tieu/chi-tieu.json").read_text(encoding="utf-8")) == {
        "format_version": 2, "as_of": "2026-11-22",
        "agency": {"name": "Sở Thử nghiệm", "parent": "", "site_url": site.site_url}, "plans": []}
    assert "Chưa có kế hoạch tuyên truyền nào" in site.html("chi-tieu/")
    assert "Chỉ tiêu tuyên truyền" not in site.html("")  # not in the nav until there is a plan


def test_excel_sheet_names_are_valid_and_unique():
    from cchc.core.quota.quota_exports import sheet_name
    taken: set[str] = set()
    assert sheet_name("2477/KH-SXD", taken) == "2477-KH-SXD"
    assert sheet_name("2477\\KH-SXD", taken) == "2477-KH-SXD (2)"  # same once sanitised
    assert sheet_name("[1]:*?/KH", set()) == "-1-----KH"
    long = sheet_name("123/KH-UBND-" + "X" * 40, taken)
    assert len(long) == 31 and sheet_name("123/KH-UBND-" + "X" * 40, taken).endswith(" (2)")


def test_the_workbook_comes_from_the_build_cache_and_follows_its_data(quota_site):
    """The workbook (the costly export) is kept in the build cache under every value it shows."""
    import base64
    import sqlite3

    from cchc.core.build_cache import BuildCache
    from cchc.core.quota.quota_exports import XLSX_KIND

    site = quota_site
    folder = site.root / ".cache" / "cchc"
    with sqlite3.connect(folder / BuildCache.FILE) as db:
        keys = [row[0] for row in db.execute("SELECT key FROM entry WHERE kind = ?", (XLSX_KIND,))]
    assert len(keys) == 1
    cache = BuildCache(folder)
    assert base64.b64decode(cache.get(XLSX_KIND, keys[0])) == site.path("chi-tieu/chi-tieu.xlsx").read_bytes()
    cache.put(XLSX_KIND, keys[0], base64.b64encode(b"from the cache").decode())  # marks what is read from it
    cache.close()
    site.build()
    assert site.path("chi-tieu/chi-tieu.xlsx").read_bytes() == b"from the cache"
    name, title, number, start, end, target, categories = PLANS[0]
    site.write(f"content/ke-hoach/{name}", plan_text(title, number, start, end, target + 1, categories=categories))
    site.build()
    with zipfile.ZipFile(site.path("chi-tieu/chi-tieu.xlsx")) as archive:  # a new target: written again
        assert archive.namelist()
