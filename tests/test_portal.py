"""Portal-grade section (issue 10), read from a built site and from the terminal: agency identity,
Vietnamese everywhere, links that exist, navigation aids."""
from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from conftest import Site
from procedure_helpers import add_procedure
from test_quota import plan_text

from cchc.cli_parser import vietnamese_error
from cchc.core.frontmatter_file import read_source
from cchc.core.text.vietnamese import heading_slug, slugify

AGENCY = {
    "name": "Sở Khoa học và Công nghệ tỉnh Thử Nghiệm",
    "parent": "Ủy ban nhân dân tỉnh Thử Nghiệm",
    "logo": "anh/logo.svg",
    "address": "Số 1 đường Thử, tỉnh Thử Nghiệm",
    "phone": "0200 3800 000",
    "email": "skhcn@thu.example.gov.vn",
    "responsible": "Nguyễn Văn A, Trưởng Ban Biên tập",
    "licence": "Giấy phép số 01/GP-TTĐT",
    "portal_url": "https://thu.example.gov.vn/",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    site = Site(tmp_path_factory.mktemp("portal"))
    site.options.update(per_page=1, agency=AGENCY)
    site.write("docs/anh/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>')
    site.add_article("a.md", "Đẩy mạnh cải cách", "2024-01-10", tags=["một cửa"],
                     body="Mở đầu.\n\n## Vì sao cần đột phá\n\nNội dung.\n")
    site.add_article("b.md", "Hội nghị tháng hai", "2024-02-05", tags=["một cửa"])
    site.add_article("c.md", "Chuyển đổi số tháng ba", "2024-03-05", categories=["Chuyển đổi số"])
    site.add_article("d.md", "Tin thứ tư", "2024-03-06")
    site.add_article("e.md", "Tin thứ năm", "2024-03-07")
    site.write("content/ke-hoach/kh.md", plan_text("Kế hoạch tuyên truyền 2024", "01/KH-S", "2024-01", "2024-12", 1))
    add_procedure(site, code="1.004512", name="Cấp giấy chứng nhận đăng ký hoạt động", field="Hoạt động khoa học")
    add_procedure(site, code="1.000001", name="Thủ tục cũ", status="abolished", abolished="2024-05-01",
                  decision="99/QĐ-CŨ")
    site.build()
    return site


def _doc(site: Site, url: str):
    return lxml_html.fromstring(site.html(url))


def _site_pages(built) -> list:
    """Every page of the site; not the box for the portal's <iframe> (nhung/, #13): it is bare on purpose."""
    return sorted(p for p in (built.root / "site").rglob("*.html") if "nhung" not in p.relative_to(built.root / "site").parts)


def test_every_page_shows_the_agency_and_no_generator_credit(built):
    pages = _site_pages(built)
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        footer = lxml_html.fromstring(text).find_class("cchc-footer")
        assert footer, page
        words = footer[0].text_content()
        for key in ("name", "parent", "address", "phone", "email", "responsible", "licence"):
            assert AGENCY[key] in words, (page, key)
        assert "Made with" not in text and "Material for MkDocs" not in text, page
    home = _doc(built, "")
    assert home.xpath("//footer//a[@href='https://thu.example.gov.vn/']")
    brand = home.xpath("//header//a[contains(@class, 'cchc-brand')]")[0]  # logo and the whole name
    assert brand.xpath("img")[0].get("src").endswith("anh/logo.svg")
    assert AGENCY["name"] in brand.text_content() and AGENCY["parent"] in brand.text_content()


def test_heading_anchors_fold_d_like_our_slugs(built):
    assert heading_slug("Vì sao cần đột phá") == slugify("Vì sao cần đột phá") == "vi-sao-can-dot-pha"
    assert heading_slug("Đột phá", "_") == "dot_pha"
    assert 'id="vi-sao-can-dot-pha"' in built.html("tin-bai/2024/01/day-manh-cai-cach/")


def test_month_pages_link_the_months_before_and_after(built):
    links = {a.get("rel"): a.get("href") for a in _doc(built, "tin-bai/2024/02/").find_class("cchc-neighbours")[0].iter("a")}
    assert links == {"prev": "../01/", "next": "../03/"}
    first = _doc(built, "tin-bai/2024/01/").find_class("cchc-neighbours")[0]
    assert [a.get("rel") for a in first.iter("a")] == ["next"]


def test_category_and_tag_indexes_exist(built):
    categories = _doc(built, "chuyen-muc/")
    assert [a.text for a in categories.xpath("//ul[@class='cchc-terms']/li/a")] == \
        ["Tin tức CCHC", "Văn bản chỉ đạo", "Chuyển đổi số"]
    tags = _doc(built, "the/")
    assert tags.xpath("//ul[@class='cchc-terms']/li/a")[0].get("href") == "mot-cua/"


def test_home_is_trang_chu_in_the_menu_and_has_quick_links(built):
    home = _doc(built, "")
    menu = [" ".join(a.text_content().split()) for a in home.xpath("//nav[contains(@class,'md-nav--primary')]//a")]
    assert "Trang chủ" in menu
    quick = {a.get("href") for a in home.find_class("cchc-quick")[0].iter("a")}
    assert {"thu-tuc-hanh-chinh/", "tim-kiem/", "tin-bai/luu-tru/", "nhan-tin/"} <= quick
    assert "chi-tieu/" not in quick  # the quota page is public (menu) but not a citizen's tile


@pytest.mark.parametrize("url, entry", [("tin-bai/2024/02/", "Lưu trữ tin bài"), ("tin-bai/2024/", "Lưu trữ tin bài"),
                                        ("ke-hoach/ke-hoach-tuyen-truyen-2024/", "Chỉ tiêu tuyên truyền")])
def test_the_current_section_is_marked_in_the_menu(built, url, entry):
    active = _doc(built, url).xpath("//nav[contains(@class,'md-nav--primary')]//li[contains(@class,'md-nav__item--active')]/a")
    assert [" ".join(a.text_content().split()) for a in active] == [entry]


def test_no_link_rel_alternate_that_material_would_take_for_a_language(built):
    # Material fetches <href>/../sitemap.xml for every link[rel=alternate]: a 404 for feeds in sub-folders.
    for page in _site_pages(built):
        head = lxml_html.fromstring(page.read_text(encoding="utf-8")).head
        assert not head.xpath("link[@rel='alternate']"), page
        assert head.xpath("link[@rel='alternate feed']"), page


def test_pagination_hides_far_numbers_on_phones(built):
    items = _doc(built, "tin-bai/trang/3/").find_class("cchc-pagination")[0].iter("li")
    far = "cchc-pagination__far"
    assert [(li.get("class"), li.text_content().strip()) for li in items] == [
        (None, "‹ Trang trước"), (None, "1"), (far, "2"), (None, "3"), (far, "4"), (None, "5"), (None, "Trang sau ›")]


def test_quota_chart_scales_with_its_box(built):
    svg = _doc(built, "chi-tieu/").xpath("//svg[contains(@class, 'cchc-chart')]")[0]
    assert svg.get("width") is None and svg.get("height") is None and svg.get("viewbox")
    assert re.fullmatch(r"min-width:\d+px;max-width:\d+px", svg.get("style"))
    box = _doc(built, "chi-tieu/").find_class("cchc-table-scroll")[0]
    assert box.get("tabindex") == "0" and box.get("aria-label")  # scrollable by keyboard, named


def test_search_index_holds_procedure_code_and_field(built):
    """Pagefind indexes what is inside data-pagefind-body: there, the procedure's code and lĩnh vực."""
    body = _doc(built, "thu-tuc-hanh-chinh/1.004512/").xpath("//*[@data-pagefind-body]")
    assert len(body) == 1
    text = body[0].text_content()
    assert "1.004512" in text and "Hoạt động khoa học" in text
    assert (built.root / "site/pagefind/pagefind-entry.json").is_file()


def test_abolition_entry_does_not_cite_the_publication_decision(built):
    feed = built.html("thu-tuc-hanh-chinh/feed.xml")
    entry = feed[feed.index("Bãi bỏ: Thủ tục cũ"):]
    entry = entry[: entry.index("</item>")]
    assert "99/QĐ-CŨ" not in entry and "Quyết định công bố" not in entry


# -- terminal: the CLI, frontmatter errors, MkDocs' log lines ----------------------------------------

_ENGLISH_CLI = re.compile(r"\b(usage|options|show this help|error|required|arguments?|invalid|expected)\b")


@pytest.mark.parametrize("args", [["--help"], [], ["lenh-la"], ["check", "--khong-co"], ["report", "--plan"],
                                  ["report", "--help"]])
def test_cli_speaks_vietnamese(tmp_path, args):
    site = Site(tmp_path)
    result = site.cchc(*args)
    output = result.stdout + result.stderr
    assert output.strip()
    assert not _ENGLISH_CLI.search(output.replace("--help", "").replace("--config-file", "")), output
    assert "Cách dùng: cchc" in output


def test_argparse_messages_are_translated():
    assert vietnamese_error("the following arguments are required: LỆNH") == "thiếu tham số bắt buộc: LỆNH"
    assert vietnamese_error("argument --plan: expected one argument") == "tham số --plan: cần đúng một giá trị"
    assert vietnamese_error("argument LỆNH: invalid choice: 'x' (choose from 'new', 'check')") == \
        "tham số LỆNH: lựa chọn không hợp lệ: 'x' (chọn một trong: 'new', 'check')"


BROKEN_FRONTMATTER = {
    "title: Hội nghị: tổng kết\ndate: 2024-01-01\n": (2, "dấu ':'"),
    "title: Tin\ncategories: [Tin tức CCHC\ndate: 2024-01-01\n": (3, "'['"),
    'title: "Tin chưa đóng ngoặc\ndate: 2024-01-01\n': (2, "ngoặc kép"),
    "title: Tin\n\tdate: 2024-01-01\n": (2, "Tab"),  # libyaml points at the key before the Tab
    "title: Tin\nauthors: {a: 1\n": (3, "'{'"),
}


@pytest.mark.parametrize("front", BROKEN_FRONTMATTER)
def test_yaml_errors_are_explained_in_vietnamese_with_the_line(tmp_path, front):
    path = tmp_path / "x.md"
    path.write_text(f"---\n{front}---\nNội dung.\n", encoding="utf-8")
    error = read_source(path, "content/tin-bai/x.md")
    line, words = BROKEN_FRONTMATTER[front]
    assert error.line == line, error
    assert words in error.message and error.fix, error
    assert not re.search(r"\b(mapping|found|expected|while|scanning|parsing|token|alias)\b", str(error)), error


def test_failed_build_explains_mkdocs_closing_lines(tmp_path):
    site = Site(tmp_path)
    site.options["agency"] = {"name": 5}
    result = site.build(strict=False, ok=False)
    assert result.returncode != 0
    assert ("tùy chọn 'agency': khóa con 'name': phải là một chuỗi chữ, không phải một số nguyên (ví dụ 10)"
            in result.stderr), result.stderr
    assert "Expected type" not in result.stderr and "Sub-option" not in result.stderr
    del site.options["agency"]
    site.add_article("x.md", "Tin", "31/02/2024")
    result = site.build(strict=False, ok=False)
    assert "Dừng dựng trang vì lỗi ở trên" in result.stderr and "Aborted with a BuildError!" not in result.stdout
