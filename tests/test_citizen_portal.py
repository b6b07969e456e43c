"""The section as a citizen's portal: the agency's name and shortcuts, procedure pages that act,
a menu without the editors' pages, a skip link on every page, nothing published that nobody uses."""
from __future__ import annotations

import pytest
from lxml import html as lxml_html

from procedure_helpers import add_procedure

SITE_URL = "https://so.example.gov.vn/cchc/"
NATIONAL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
AGENCY = {"name": "Sở Thử nghiệm tỉnh Mẫu", "parent": "Ủy ban nhân dân tỉnh Mẫu", "hotline": "0200 3800 111",
          "public_service_url": "https://dichvucong.mau.example.gov.vn/", "lookup_url": "https://tra.example.gov.vn/",
          "survey_url": "https://danhgia.example.gov.vn/"}

def _doc(site, url):
    return lxml_html.fromstring(site.html(url))

def _procedures(site):
    site.add_article("a.md", "Tin thứ nhất", "2024-03-01")
    add_procedure(site, code="1.000001", name="Thủ tục toàn trình", online="full")
    add_procedure(site, code="1.000002", name="Thủ tục một phần", online="partial",
                  url="https://dichvucong.gov.vn/p/home/khac.html?ma=1")
    add_procedure(site, code="1.000003", name="Thủ tục trực tiếp", online="none")
    add_procedure(site, code="1.000004", name="Thủ tục đã bỏ", online="full", status="abolished", abolished="2024-01-01")

@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    from conftest import Site
    site = Site(tmp_path_factory.mktemp("portal"), options={"agency": AGENCY})
    _procedures(site)
    site.write("docs/dinh-dang-noi-dung.md", "---\nsearch:\n  exclude: true\n---\n# Định dạng nội dung\n\nYAML.\n")
    site.write("docs/gioi-thieu.md", "# Giới thiệu\n\nChuyên mục.\n")
    site.extra_config = {"not_in_nav": "/dinh-dang-noi-dung.md\n"}
    site.build()
    return site

def _actions(site, code):
    page = _doc(site, f"thu-tuc-hanh-chinh/{code}/")
    return {" ".join(a.text_content().split()): a.get("href") for a in page.find_class("cchc-actions")[0].iter("a")}

def test_procedure_pages_offer_submission_national_page_and_feedback(portal):
    full = _actions(portal, "1.000001")
    assert full["Nộp hồ sơ trực tuyến"] == AGENCY["public_service_url"]  # the province's portal, when set
    assert full["Xem trên Cổng Dịch vụ công quốc gia"] == NATIONAL + "1.000001"  # derived from the code
    assert full["Phản ánh, kiến nghị"].startswith("https://dichvucong.gov.vn/")  # the national default
    partial = _actions(portal, "1.000002")
    assert "Nộp hồ sơ trực tuyến" in partial
    assert partial["Xem trên Cổng Dịch vụ công quốc gia"] == "https://dichvucong.gov.vn/p/home/khac.html?ma=1"
    assert "Nộp hồ sơ trực tuyến" not in _actions(portal, "1.000003")  # not online: no submission button
    assert "Nộp hồ sơ trực tuyến" not in _actions(portal, "1.000004")  # abolished
    assert "Xem trên Cổng Dịch vụ công quốc gia" in _actions(portal, "1.000003")
    # Near the top: before the first section of the page.
    html = portal.html("thu-tuc-hanh-chinh/1.000003/")
    assert html.index("cchc-actions") < html.index('id="trinh-tu"')

def test_submission_goes_to_the_national_page_without_a_province_portal(site):
    _procedures(site)
    site.build()
    assert _actions(site, "1.000001")["Nộp hồ sơ trực tuyến"] == NATIONAL + "1.000001"
    home = _doc(site, "")
    shortcuts = home.find_class("cchc-shortcuts")[0]
    assert [" ".join(a.text_content().split()) for a in shortcuts.iter("a")] == ["Phản ánh, kiến nghị"]

def test_home_and_footer_show_the_citizens_shortcuts(portal):
    home = _doc(portal, "")
    for row in (home.xpath("//main//*[contains(@class,'cchc-shortcuts')]")[0],
                home.xpath("//footer//*[contains(@class,'cchc-shortcuts')]")[0]):
        links = {" ".join(a.text_content().split()): a.get("href") for a in row.iter("a")}
        assert links["Đường dây nóng: 0200 3800 111"] == "tel:02003800111"
        assert links["Nộp hồ sơ trực tuyến"] == AGENCY["public_service_url"]
        assert links["Tra cứu hồ sơ"] == AGENCY["lookup_url"]
        assert links["Đánh giá sự hài lòng"] == AGENCY["survey_url"]
        assert "Phản ánh, kiến nghị" in links

def test_header_shows_the_agency_whole(portal):
    brand = _doc(portal, "tin-bai/").xpath("//header//a[contains(@class,'cchc-brand')]")[0]
    text = " ".join(brand.text_content().split())
    assert AGENCY["name"] in text and AGENCY["parent"] in text and "Cải cách hành chính" in text
    assert not _doc(portal, "").xpath("//input[contains(@class,'md-search__input')]")  # Material's search is gone

def test_editors_page_is_built_but_not_in_menu_nor_search(portal):
    assert portal.exists("dinh-dang-noi-dung/")
    page = _doc(portal, "dinh-dang-noi-dung/")
    assert not page.xpath("//*[@data-pagefind-body]")
    for url in ("", "tin-bai/", "gioi-thieu/"):
        menu = [a.get("href") for a in _doc(portal, url).xpath("//nav[contains(@class,'md-nav--primary')]//a")]
        assert not [href for href in menu if "dinh-dang-noi-dung" in href], url
    assert _doc(portal, "gioi-thieu/").xpath("//*[@data-pagefind-body]")  # hand-written pages are searched

@pytest.mark.parametrize("url", ["", "tin-bai/", "tin-bai/2024/03/tin-thu-nhat/", "thu-tuc-hanh-chinh/1.000001/",
                                 "tim-kiem/", "nhan-tin/", "gioi-thieu/"])
def test_every_page_has_a_skip_link_to_its_main_content(portal, url):
    page = _doc(portal, url)
    skip = page.find_class("cchc-skip")
    assert skip and skip[0].get("href") == "#cchc-main"
    target = page.get_element_by_id("cchc-main")
    assert target.get("tabindex") == "-1"
    assert page.body.index(page.xpath("//a[contains(@class,'cchc-skip')]")[0]) < \
        page.body.index(page.xpath("//header")[0])

def test_no_source_maps_nor_foreign_search_bundles_published(portal):
    site = portal.root / "site"
    assert not list(site.rglob("*.map"))
    assert not (site / "assets/javascripts/lunr").exists() and not (site / "assets/javascripts/workers").exists()
    assert list((site / "assets/javascripts").glob("bundle.*.min.js"))  # Material's own script stays
    assert not [p for p in (site / "pagefind").iterdir() if "-ui" in p.name]  # Pagefind's unused UIs

def test_procedure_cells_without_content_show_no_label(portal):
    rows = _doc(portal, "thu-tuc-hanh-chinh/1.000001/").xpath("//section[h2[@id='cach-thuc']]//tbody/tr/td")
    empty = [td for td in rows if not td.text_content().strip()]
    assert empty and all(len(td) == 0 and not (td.text or "") for td in empty)  # truly empty: CSS hides them
    css = (portal.root / "site/assets/cchc-procedures.css").read_text(encoding="utf-8")
    assert ".cchc-tthc-table--cards td:empty { display: none; }" in css


def test_material_search_plugin_left_in_mkdocs_yml_is_reported(site):
    site.add_article("a.md", "Tin", "2024-03-01")
    site.extra_config = {"plugins": [{"search": {"lang": "vi"}}, {"cchc": {"categories": ["Tin tức CCHC"]}}]}
    result = site.build(strict=False)
    assert "còn bật plugin 'search' của Material" in result.stderr and "Cách sửa: xóa dòng" in result.stderr
