"""Chỉ số CCHC page (chi-so-cchc/) from content/chi-so.yml: values as written with a decimal comma, rank
of N, change from the year before, a chart per index with a text alternative; errors with file and line."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape

CHI_SO = """\
# kết quả chỉ số
- index: PAR INDEX
  year: 2023
  score: 86.3
  rank: 6
  of: 20
  source: Quyết định số 640/QĐ-UBND ngày 28/3/2024
- index: PAR INDEX
  year: 2024
  score: 88.4
  rank: 4
  of: 20
  source: Quyết định số 1234/QĐ-UBND ngày 15/4/2025
- index: SIPAS
  year: 2024
  score: 85,25
- index: pci
  year: 2024
  score: 70.1
  rank: 12
- index: Chỉ số hài lòng <Khác>
  year: 2024
  score: 1234.5
"""


def _rows(page: str, anchor: str) -> dict[str, dict[str, str]]:
    section = page.split(f'<section class="cchc-index" id="{anchor}"', 1)[1].split("</section>", 1)[0]
    rows = {}
    for year, body in re.findall(r'<tr data-year="(\d{4})">(.*?)</tr>', section, re.S):
        rows[year] = {k: unescape(v).strip() for k, v in re.findall(r'data-col="(\w+)">(.*?)</td>', body, re.S)}
    return rows


def test_indices_page_shows_each_index_with_chart_and_table(site):
    site.write("content/chi-so.yml", CHI_SO)
    site.add_article("a.md", "Một", "2024-03-01")
    site.build()
    page = site.html("chi-so-cchc/")
    # one block per index, known ones in their usual order and spelling, others after
    assert re.findall(r'<section class="cchc-index" id="([^"]+)"', page) == [
        "par-index", "sipas", "pci", "chi-so-hai-long-khac"]
    assert "Chỉ số hài lòng &lt;Khác&gt;" in page and "<Khác>" not in page  # escaped, never raw HTML
    assert _rows(page, "par-index") == {
        "2023": {"score": "86,3", "rank": "6/20", "change": "–"},
        "2024": {"score": "88,4", "rank": "4/20", "change": "tăng 2,1"},
    }
    assert _rows(page, "sipas")["2024"] == {"score": "85,25", "rank": "–", "change": "–"}
    assert _rows(page, "pci")["2024"]["rank"] == "12"  # a rank without 'of'
    assert _rows(page, "chi-so-hai-long-khac")["2024"]["score"] == "1.234,5"  # Vietnamese grouping and comma
    assert "Nguồn: năm 2023 – Quyết định số 640/QĐ-UBND ngày 28/3/2024; năm 2024 – Quyết định số 1234/QĐ-UBND" in page
    # the chart: SVG drawn at build time, an image with a title and a description in words
    svg = re.search(r'<svg[^>]*cchc-index-chart.*?</svg>', page, re.S).group(0)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.find(f"{ns}title").text == "Biểu đồ điểm PAR INDEX theo năm"
    assert root.find(f"{ns}desc").text == ("Điểm PAR INDEX qua các năm: năm 2023: 86,3 điểm, xếp thứ 6/20; năm 2024: "
                                           "88,4 điểm, xếp thứ 4/20, tăng 2,1 so với năm trước.")
    assert [t.text for t in root.iter(f"{ns}text")] == ["86,3", "2023", "88,4", "2024"]
    heights = [float(r.get("height")) for r in root.iter(f"{ns}rect")]
    assert heights[0] < heights[1]
    # readable at 360 px: never drawn wider than a phone's screen needs
    min_width = int(re.search(r"min-width:(\d+)px", root.get("style")).group(1))
    assert min_width <= 360 - 32
    # linked from the section home and in the menu
    assert 'href="chi-so-cchc/"' in site.html("")
    assert 'href="../chi-so-cchc/" class="md-nav__link"' in site.html("tin-bai/")
    assert not site.exists("chi-so.yml")  # the source (and its comments) is read, never published


def test_every_mistake_in_the_indices_file_is_reported_with_its_line(site):
    site.write("content/chi-so.yml", """\
- index: PAR INDEX
  year: 2024
  score: 88.4
  rank: 25
  of: 20
- index: SIPAS
  yaer: 2024
  score: tám mươi
- index: PAR INDEX
  year: 2024
  score: 80
- year: 1850
  score: 3
""")
    result = site.build(ok=False)
    assert result.returncode != 0
    log = result.stderr
    assert "content/chi-so.yml:4: [rank] Thứ hạng 25 lớn hơn số đơn vị được xếp hạng (20)." in log
    assert "content/chi-so.yml:7: [yaer] Khóa 'yaer' không được hỗ trợ trong chi-so.yml. Cách sửa: Có phải ý bạn là 'year'?" in log
    assert "content/chi-so.yml:6: [year] Mục thiếu khóa bắt buộc 'year'" in log
    assert "content/chi-so.yml:8: [score] Điểm 'score' phải là một số không âm, không phải 'tám mươi'." in log
    assert "content/chi-so.yml:12: [index] Mục thiếu khóa bắt buộc 'index'" in log
    assert "content/chi-so.yml:12: [year] 'year' (năm đánh giá) phải là số nguyên từ 1990 đến 2100" in log
    assert "Traceback" not in log


def test_duplicate_year_and_broken_yaml(site):
    site.write("content/chi-so.yml", "- index: PCI\n  year: 2024\n  score: 70\n- index: PCI\n  year: 2024\n  score: 71\n")
    log = site.build(ok=False).stderr
    assert "content/chi-so.yml:4: [year] Chỉ số PCI năm 2024 đã có ở dòng 1." in log
    site.write("content/chi-so.yml", "- index: PCI\n  year: [2024\n")
    log = site.build(ok=False).stderr
    assert "content/chi-so.yml:2:" in log and "Tệp chỉ số sai cú pháp YAML" in log and "Traceback" not in log
    site.write("content/chi-so.yml", "index: PCI\n")
    log = site.build(ok=False).stderr
    assert "content/chi-so.yml:1: Tệp chỉ số phải là một danh sách" in log
    site.write("content/chi-so.yml", "- index: PCI\n  year: 2024\n  score: 7\x0b0\n")
    log = site.build(ok=False).stderr
    assert "content/chi-so.yml:3: Tệp chứa ký tự điều khiển không in được (U+000B) ở dòng 3." in log
    site.write("content/chi-so.yml", "- index: &a PCI\n  year: 2024\n  score: *a\n")
    log = site.build(ok=False).stderr
    assert "content/chi-so.yml:1: Tệp chỉ số dùng bí danh YAML" in log and "Traceback" not in log


def test_without_the_file_the_page_says_so_and_is_not_in_the_menu(site):
    site.add_article("a.md", "Một", "2024-03-01")
    site.build()
    assert "Chưa có kết quả chỉ số nào" in site.html("chi-so-cchc/")
    assert 'href="../chi-so-cchc/" class="md-nav__link"' not in site.html("tin-bai/")  # menu
    assert 'href="chi-so-cchc/"' in site.html("")  # the home's link still leads somewhere
