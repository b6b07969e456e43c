"""Real builds of small sites: every news URL of the spec, dates, slugs, escaping, drafts, nav."""
from __future__ import annotations

import re
import unicodedata
from html import unescape



def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def _card_titles(html: str) -> list[str]:
    return [unescape(t) for t in re.findall(r'class="cchc-card__title"><a href="[^"]*">([^<]*)</a>', html)]


def test_every_news_url_of_the_spec(site):
    site.options["per_page"] = 2
    site.add_article("2024/a.md", "Bài một", "2024-01-10 08:00", tags=["một cửa"])
    site.add_article("2024/b.md", "Bài hai", "2024-02-07 08:30", categories=["Văn bản chỉ đạo"])
    site.add_article("2024/c.md", "Bài ba", "2024-02-20", tags=["SIPAS"])
    site.add_article("2025/d.md", "Bài bốn", "2025-03-01 09:00")
    site.build()
    for url in ["", "tin-bai/", "tin-bai/trang/2/", "tin-bai/2024/01/bai-mot/", "tin-bai/2024/02/bai-hai/",
                "tin-bai/2024/02/", "tin-bai/2024/", "tin-bai/2025/03/", "tin-bai/2025/", "tin-bai/luu-tru/",
                "chuyen-muc/tin-tuc-cchc/", "chuyen-muc/tin-tuc-cchc/trang/2/", "chuyen-muc/van-ban-chi-dao/",
                "the/mot-cua/", "the/sipas/"]:
        assert site.exists(url), url
    assert not site.exists("tin-bai/trang/3/")
    # newest first across pages
    assert _card_titles(site.html("tin-bai/")) == ["Bài bốn", "Bài ba"]
    assert _card_titles(site.html("tin-bai/trang/2/")) == ["Bài hai", "Bài một"]
    page2 = site.html("tin-bai/trang/2/")
    assert 'rel="prev"' in page2 and 'aria-current="page">2<' in page2


def test_month_boundary_is_local_time(site):
    # 17:30 UTC on 31 January is 00:30 on 1 February in Hà Nội.
    site.add_article("a.md", "Cuối tháng", "2024-01-31 17:30:00+00:00")
    site.add_article("b.md", "Gần nửa đêm", "2024-01-31 23:30")
    site.build()
    assert site.exists("tin-bai/2024/02/cuoi-thang/")
    assert site.exists("tin-bai/2024/01/gan-nua-dem/")
    assert _card_titles(site.html("tin-bai/2024/02/")) == ["Cuối tháng"]
    assert _card_titles(site.html("tin-bai/2024/01/")) == ["Gần nửa đêm"]
    page = site.html("tin-bai/2024/02/cuoi-thang/")
    assert "ngày 01 tháng 02 năm 2024" in page
    assert 'datetime="2024-02-01T00:30:00+07:00"' in page


def test_vietnamese_date_formats_and_labels(site):
    site.add_article("a.md", "Ngày kiểu Việt", "05/02/2024")
    site.add_article("b.md", "Ngày giờ kiểu Việt", "06/02/2024 14:15", updated="2024-02-08")
    site.build()
    assert "ngày 05 tháng 02 năm 2024" in site.html("tin-bai/2024/02/ngay-kieu-viet/")
    page = site.html("tin-bai/2024/02/ngay-gio-kieu-viet/")
    assert 'datetime="2024-02-06T14:15:00+07:00"' in page
    assert "Cập nhật" in page and "ngày 08 tháng 02 năm 2024" in page
    assert "Tháng 02/2024" in site.html("tin-bai/2024/")


def test_slug_folds_vietnamese_and_d_with_stroke(site):
    site.add_article("a.md", "Đẩy mạnh cải cách hành chính ở Điện Biên", "2024-03-01")
    site.add_article("b.md", "Tiêu đề bất kỳ", "2024-03-02", slug="ten-rieng")
    site.build()
    assert site.exists("tin-bai/2024/03/day-manh-cai-cach-hanh-chinh-o-dien-bien/")
    assert site.exists("tin-bai/2024/03/ten-rieng/")


def test_nfd_input_is_published_as_nfc(site):
    title = unicodedata.normalize("NFD", "Cải cách thủ tục")
    body = unicodedata.normalize("NFD", "Người dân được phục vụ tốt hơn.")
    site.add_article("a.md", title, "2024-03-01", body=body)
    site.build()
    page = site.html("tin-bai/2024/03/cai-cach-thu-tuc/")
    assert "Cải cách thủ tục" in page and "Người dân được phục vụ tốt hơn." in page
    assert unicodedata.normalize("NFD", "Cải cách") not in page


def test_hostile_title_is_escaped_once(site):
    site.add_article("a.md", 'Hỏi & đáp: <script>alert(1)</script> "một cửa"', "2024-03-01")
    site.build()
    [url] = [u for u in _links(site.html("tin-bai/2024/03/")) if "hoi-dap" in u]
    page = site.html("tin-bai/2024/03/hoi-dap-script-alert-1-script-mot-cua/")
    assert "<script>alert(1)</script>" not in page
    assert "Hỏi &amp; đáp: &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;amp;" not in page and "&amp;lt;" not in page
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert unescape(title).startswith('Hỏi & đáp: <script>alert(1)</script> "một cửa"')


def test_drafts_and_future_articles_are_not_built(site):
    site.add_article("a.md", "Đã đăng", "2024-03-01")
    site.add_article("b.md", "Bản nháp", "2024-03-02", draft=True)
    site.add_article("c.md", "Hẹn giờ", "2030-01-01 08:00")  # after SOURCE_DATE_EPOCH (2026-11-22)
    result = site.build()
    assert not site.exists("tin-bai/2024/03/ban-nhap/")
    assert not site.exists("tin-bai/2030/01/hen-gio/")
    assert not site.exists("tin-bai/2030/")
    everything = "".join(p.read_text(encoding="utf-8") for p in (site.root / "site").rglob("*.html"))
    assert "Bản nháp" not in everything and "Hẹn giờ" not in everything
    assert "b.md" in result.stderr and "c.md" in result.stderr  # said, not silently dropped


def test_pinned_first_on_home_then_newest(site):
    site.add_article("a.md", "Cũ nhưng ghim", "2023-01-01", pin=True)
    site.add_article("b.md", "Mới nhất", "2024-03-02")
    site.add_article("c.md", "Mới nhì", "2024-03-01")
    site.build()
    assert _card_titles(site.html(""))[:3] == ["Cũ nhưng ghim", "Mới nhất", "Mới nhì"]


def test_article_page_shows_every_field(site):
    from PIL import Image
    import io
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 500), (10, 80, 160)).save(buffer, "JPEG")
    site.write("content/tin-bai/2024/anh/hoi-nghi.jpg", buffer.getvalue())
    site.write("content/tin-bai/2024/van-ban/ke-hoach.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    site.add_article("2024/a.md", "Hội nghị triển khai", "2024-03-05 08:00",
                     categories=["Văn bản chỉ đạo", "Tin tức CCHC"], tags=["SIPAS", "một cửa"],
                     authors=["Văn phòng Sở"], source="Báo Tỉnh", image="anh/hoi-nghi.jpg",
                     image_alt="Quang cảnh hội nghị",
                     attachments=[{"path": "van-ban/ke-hoach.pdf", "title": "Kế hoạch số 12/KH-SNV"}],
                     body="Mở đầu.\n\n![Biểu đồ](anh/hoi-nghi.jpg)\n")
    site.add_article("2024/b.md", "Bài trước đó", "2024-03-01")
    site.build()
    page = site.html("tin-bai/2024/03/hoi-nghi-trien-khai/")
    for text in ["ngày 05 tháng 03 năm 2024", "Văn phòng Sở", "Báo Tỉnh", "Quang cảnh hội nghị",
                 "Kế hoạch số 12/KH-SNV", "(PDF, 2 KB)", "Bài trước đó"]:
        assert text in page, text
    # categories in the configured order, links resolve to real pages
    assert page.index(">Tin tức CCHC<") < page.index(">Văn bản chỉ đạo<")
    cover = page.split('class="cchc-article__cover"')[1].split("</figure>")[0]
    assert 'src="../../anh/hoi-nghi.jpg.w800.jpg"' in cover and 'alt="Quang cảnh hội nghị"' in cover
    assert 'width="800" height="400"' in cover and 'loading="lazy"' not in cover  # above the fold
    assert "hoi-nghi.jpg.w1000.webp 1000w" in cover  # never upscaled: the largest is the source's width
    body = page.split("cchc-article__body")[1]
    assert 'src="../../anh/hoi-nghi.jpg.w800.jpg"' in body and 'loading="lazy"' in body  # body image: <picture>
    assert site.exists("tin-bai/2024/anh/hoi-nghi.jpg") and site.exists("tin-bai/2024/van-ban/ke-hoach.pdf")
    # listing thumbnail: the whole picture at its own ratio (the source is 2:1), nothing cropped
    thumb = site.root / "site/tin-bai/2024/anh/hoi-nghi.jpg.t640.jpg"
    assert Image.open(thumb).size == (640, 320)
    assert 'hoi-nghi.jpg.t640.jpg" srcset=' in site.html("tin-bai/")
    # a shared link shows title, summary and cover (Open Graph, absolute URLs)
    assert '<meta property="og:title" content="Hội nghị triển khai">' in page
    assert '<meta property="og:url" content="https://so.example.gov.vn/cchc/tin-bai/2024/03/hoi-nghi-trien-khai/">' in page
    assert ('<meta property="og:image" content="https://so.example.gov.vn/cchc/tin-bai/2024/anh/'
            'hoi-nghi.jpg.og.jpg">') in page  # a crop of its cover: no card drawn for an article with one


def test_tags_in_vietnamese_order_and_merged_by_slug(site):
    site.add_article("a.md", "Một", "2024-03-01", tags=["Đào tạo", "chuyển đổi số", "Một cửa"])
    site.add_article("b.md", "Hai", "2024-03-02", tags=["một cửa", "Dịch vụ công", "ISO"])
    site.build()
    page = site.html("tin-bai/2024/03/hai/")
    assert page.count('href="../../../../the/mot-cua/"') == 1
    assert len(re.findall(r'class="cchc-card__title"', site.html("the/mot-cua/"))) == 2
    one = site.html("tin-bai/2024/03/mot/")
    tags = re.findall(r'class="cchc-tag" href="[^"]*">([^<]*)<', one)
    assert tags == ["Đào tạo", "chuyển đổi số", "Một cửa"]  # article keeps the editor's order


def test_archives_count_each_month(site):
    for day in (1, 2, 3):
        site.add_article(f"m{day}.md", f"Tháng ba {day}", f"2024-03-0{day}")
    site.add_article("n.md", "Tháng năm", "2024-05-10")
    site.add_article("o.md", "Năm sau", "2025-01-10")
    site.build()
    year = site.html("tin-bai/2024/")
    assert re.search(r"Tháng 03/2024</a> <span class=\"cchc-count\">\(3 tin bài\)", year)
    assert re.search(r"Tháng 05/2024</a> <span class=\"cchc-count\">\(1 tin bài\)", year)
    index = site.html("tin-bai/luu-tru/")
    assert index.index("Năm 2025") < index.index("Năm 2024")
    assert "(4 tin bài)" in index and "(1 tin bài)" in index


def test_navigation_stays_small(site):
    for i in range(30):
        site.add_article(f"a{i}.md", f"Bài số {i}", f"2024-{1 + i % 12:02d}-{1 + i // 12:02d}")
    site.write("docs/gioi-thieu.md", "# Giới thiệu\n\nVề chuyên mục.\n")
    site.build()
    nav_links = re.findall(r'href="([^"]*)" class="md-nav__link', site.html("tin-bai/2024/01/bai-so-0/"))
    assert 3 <= len(nav_links) <= 8, nav_links
    assert not any("bai-so" in link for link in nav_links)


def test_two_builds_are_byte_identical(site):
    site.add_article("a.md", "Một", "2024-03-01", tags=["một cửa"])
    site.add_article("b.md", "Hai", "2024-04-01")
    site.build()
    first = {p.relative_to(site.root): p.read_bytes() for p in (site.root / "site").rglob("*") if p.is_file()}
    site.build()
    second = {p.relative_to(site.root): p.read_bytes() for p in (site.root / "site").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_hand_written_home_becomes_the_intro(site):
    site.write("docs/index.md", "Chuyên mục giới thiệu **công tác CCHC** của Sở.\n")
    site.add_article("a.md", "Một", "2024-03-01")
    site.build()
    home = site.html("")
    assert "<strong>công tác CCHC</strong>" in home and "tin-bai/2024/03/mot/" in home


def test_relative_links_in_bodies_follow_the_published_urls(site):
    site.write("content/tin-bai/2023/tep/bang.xlsx", b"PK\x03\x04 demo")
    site.add_article("2023/cu.md", "Bài cũ", "2023-12-01", attachments=[{"path": "tep/bang.xlsx", "title": "Bảng"}])
    site.add_article("2024/moi.md", "Bài mới", "2024-03-01",
                     body="Xem [bài cũ](../2023/cu.md#ket-qua), [bảng số liệu][bang] và [trang ngoài](https://dichvucong.gov.vn/).\n\n"
                          "[bang]: ../2023/tep/bang.xlsx\n")
    site.build()
    body = site.html("tin-bai/2024/03/bai-moi/").split("cchc-article__body")[1]
    assert 'href="../../../2023/12/bai-cu/#ket-qua"' in body
    assert 'href="../../../2023/tep/bang.xlsx"' in body
    assert 'href="https://dichvucong.gov.vn/"' in body
    assert site.exists("tin-bai/2023/tep/bang.xlsx")
