"""Feeds (issue #3): RSS 2.0, Atom, JSON Feed 1.1 of a real built site, read back with feedparser and lxml."""
from __future__ import annotations

import io
import json
import re
import time
from dataclasses import replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import feedparser
import pytest
from lxml import etree, html as lxml_html
from PIL import Image as PILImage

from cchc.core.news.collections import ArticleIndex
from cchc.core.news.feeds import build_feeds
from cchc.core.records import Article
from cchc.core.settings import Settings

from conftest import CATEGORIES, EPOCH

SITE_URL = "https://so.example.gov.vn/cchc/"
HOSTILE = 'A & B <c> "d"'
NS = {"atom": "http://www.w3.org/2005/Atom", "content": "http://purl.org/rss/1.0/modules/content/",
      "dc": "http://purl.org/dc/elements/1.1/"}
RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    r"\d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$")


def jpeg(width=800, height=600) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), (180, 40, 40)).save(out, "JPEG", quality=90)
    return out.getvalue()


def write_articles(site) -> dict:
    """Six published articles (one hostile title), one draft, one in the future."""
    cover = site.write("content/tin-bai/2024/anh/hoi-nghi.jpg", jpeg())
    site.write("content/tin-bai/2024/van-ban/ke-hoach.pdf", b"%PDF-1.4 ke hoach\n")
    site.add_article(
        "2024/hostile.md", HOSTILE, "2024-02-07 08:30", categories=["Tin tức CCHC", "Chuyển đổi số"],
        summary='Tóm tắt có A & B <c> "d" và tiếng Việt: Đẩy mạnh cải cách.',
        tags=["một cửa", "SIPAS"], authors=["Văn phòng Sở", "Tổ CCHC"], updated="2024-02-09 10:00",
        image="anh/hoi-nghi.jpg", image_alt="Quang cảnh hội nghị",
        attachments=[{"path": "van-ban/ke-hoach.pdf", "title": "Kế hoạch số 12/KH & phụ lục"}],
        body="""
        Mở đầu có [bài kia](thu-hai.md), [mục dưới](#chi-tiet) và ảnh:

        ![Biểu đồ](anh/hoi-nghi.jpg)

        ## Chi tiết

        Văn bản [kế hoạch](van-ban/ke-hoach.pdf). Liên hệ <a href="mailto:vp@so.example.gov.vn">văn phòng</a>.
        """)
    site.add_article("2024/thu-hai.md", "Bài thứ hai về văn bản chỉ đạo", "08/02/2024 09:00",
                     categories=["Văn bản chỉ đạo"])
    site.add_article("2024/ba.md", "Tập huấn chữ ký số", "2024-03-01", categories=["Chuyển đổi số"])
    site.add_article("2024/bon.md", "Kết quả SIPAS", "2024-01-15 14:00", categories=["Tin tức CCHC"])
    site.add_article("2025/nam.md", "Tổng kết năm", "2025-12-29 16:45", categories=["Tin tức CCHC"], pin=True)
    site.add_article("2025/sau.md", "Hội nghị trực tuyến", "2025-06-30 23:30", categories=["Văn bản chỉ đạo"])
    site.add_article("2025/nhap.md", "Bản nháp không đăng", "2025-07-01", draft=True)
    site.add_article("2027/tuong-lai.md", "Bài hẹn giờ", "2027-01-01")
    return {"cover": cover}


def published_order():
    return ["Tổng kết năm", "Hội nghị trực tuyến", "Tập huấn chữ ký số", "Bài thứ hai về văn bản chỉ đạo",
            HOSTILE, "Kết quả SIPAS"]


def shown(detail) -> str:
    """The text a reader shows for a feedparser text construct: HTML is rendered, plain text is as is."""
    if detail.type == "text/html":
        return lxml_html.fragment_fromstring(detail.value, create_parent="div").text_content()
    return detail.value


def read(site, path: str) -> bytes:
    return (site.root / "site" / path).read_bytes()


def parse(site, path: str):
    parsed = feedparser.parse(read(site, path))
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


def all_feed_paths(site) -> list[str]:
    out = site.root / "site"
    paths = ["feed.xml", "atom.xml"] + sorted(p.relative_to(out).as_posix() for p in out.glob("chuyen-muc/*/feed.xml"))
    return paths


@pytest.fixture
def built(site):
    files = write_articles(site)
    site.build()
    site.files = files
    return site


def test_every_feed_parses_and_lists_published_articles_newest_first(built):
    paths = all_feed_paths(built)
    assert len(paths) == 2 + len(CATEGORIES)
    for path in paths:
        parse(built, path)
    for path in ("feed.xml", "atom.xml"):
        feed = parse(built, path)
        assert [e.title for e in feed.entries] == published_order()
        assert feed.feed.language == "vi" if path == "feed.xml" else True
        assert feed.feed.title == "Sở Thử nghiệm"
    data = json.loads(read(built, "feed.json"))
    assert [i["title"] for i in data["items"]] == published_order()


def test_dates_carry_the_local_offset(built):
    rss, atom = parse(built, "feed.xml"), parse(built, "atom.xml")
    hostile_rss = next(e for e in rss.entries if e.title == HOSTILE)
    hostile_atom = next(e for e in atom.entries if e.title == HOSTILE)
    assert hostile_rss.published == "Wed, 07 Feb 2024 08:30:00 +0700"
    assert hostile_atom.published == "2024-02-07T08:30:00+07:00"
    assert hostile_atom.updated == "2024-02-09T10:00:00+07:00"
    for entry in rss.entries:
        assert entry.published.endswith("+0700")
    for entry in atom.entries:
        assert entry.published.endswith("+07:00") and entry.updated.endswith("+07:00")
    item = next(i for i in json.loads(read(built, "feed.json"))["items"] if i["title"] == HOSTILE)
    assert item["date_published"] == "2024-02-07T08:30:00+07:00"
    assert item["date_modified"] == "2024-02-09T10:00:00+07:00"


def test_guid_is_the_permanent_absolute_url(built):
    rss = parse(built, "feed.xml")
    root = etree.fromstring(read(built, "feed.xml"))
    for entry, item in zip(rss.entries, root.iterfind("channel/item")):
        assert entry.link.startswith(SITE_URL + "tin-bai/")
        assert entry.id == entry.link
        assert item.find("guid").get("isPermaLink") == "true"
        assert built.exists(entry.link[len(SITE_URL):])  # the page exists where the guid points
    assert next(e for e in rss.entries if e.title == HOSTILE).link == SITE_URL + "tin-bai/2024/02/a-b-c-d/"
    for entry in parse(built, "atom.xml").entries:
        assert entry.id == entry.link


def test_item_has_categories_tags_authors_summary_and_enclosure(built):
    size = (built.root / "site/tin-bai/2024/anh/hoi-nghi.jpg").stat().st_size  # the clean copy, not the upload
    image_url = SITE_URL + "tin-bai/2024/anh/hoi-nghi.jpg"
    for path in ("feed.xml", "atom.xml"):
        entry = next(e for e in parse(built, path).entries if e.title == HOSTILE)
        assert [t.term for t in entry.tags] == ["Tin tức CCHC", "Chuyển đổi số", "một cửa", "SIPAS"]
        assert [a.name for a in entry.authors] == ["Văn phòng Sở", "Tổ CCHC"]
        assert shown(entry.summary_detail) == 'Tóm tắt có A & B <c> "d" và tiếng Việt: Đẩy mạnh cải cách.'
        enclosures = [link for link in entry.links if link.rel == "enclosure"]
        assert len(enclosures) == 1
        assert enclosures[0].href == image_url
        assert int(enclosures[0].length) == size
        assert enclosures[0].type == "image/jpeg"
    item = next(i for i in json.loads(read(built, "feed.json"))["items"] if i["title"] == HOSTILE)
    assert item["image"] == image_url
    assert item["attachments"] == [{"url": image_url, "mime_type": "image/jpeg", "size_in_bytes": size}]
    assert item["authors"] == [{"name": "Văn phòng Sở"}, {"name": "Tổ CCHC"}]
    assert item["tags"] == ["Tin tức CCHC", "Chuyển đổi số", "một cửa", "SIPAS"]


def _urls_in(fragment: str) -> list[str]:
    tree = lxml_html.fragment_fromstring(fragment, create_parent="div")
    return [el.get(name) for el in tree.iter() if isinstance(el.tag, str)
            for name in ("href", "src") if el.get(name) is not None]


def test_content_is_full_html_with_absolute_urls_under_the_sub_path(built):
    base = SITE_URL + "tin-bai/2024/02/a-b-c-d/"
    contents = {
        "rss": next(e for e in parse(built, "feed.xml").entries if e.title == HOSTILE).content[0].value,
        "atom": next(e for e in parse(built, "atom.xml").entries if e.title == HOSTILE).content[0].value,
        "json": next(i for i in json.loads(read(built, "feed.json"))["items"] if i["title"] == HOSTILE)["content_html"],
    }
    atom_entry = etree.fromstring(read(built, "atom.xml")).find("atom:entry/atom:content", NS)
    assert atom_entry.get("type") == "html"
    rss_item = etree.fromstring(read(built, "feed.xml")).find("channel/item")
    assert rss_item.find("content:encoded", NS) is not None
    for kind, content in contents.items():
        urls = _urls_in(content)
        assert SITE_URL + "tin-bai/2024/02/bai-thu-hai-ve-van-ban-chi-dao/" in urls, kind
        assert base + "#chi-tiet" in urls, kind
        assert SITE_URL + "tin-bai/2024/anh/hoi-nghi.jpg" in urls, kind  # cover and the body's image
        assert SITE_URL + "tin-bai/2024/van-ban/ke-hoach.pdf" in urls, kind
        assert "mailto:vp@so.example.gov.vn" in urls, kind
        for url in urls:
            assert url.startswith(SITE_URL) or url.startswith("mailto:"), (kind, url)
        assert "<h2" in content and "Chi tiết" in content
        assert "Kế hoạch số 12/KH &amp; phụ lục" in content  # attachment list, HTML-escaped once
    # every absolute URL inside the content points at a file that exists in the site
    for url in _urls_in(contents["json"]):
        if url.startswith(SITE_URL):
            assert built.exists(url[len(SITE_URL):].split("#")[0]), url


def test_category_feeds_hold_only_their_articles(built):
    expected = {
        "tin-tuc-cchc": ["Tổng kết năm", HOSTILE, "Kết quả SIPAS"],
        "van-ban-chi-dao": ["Hội nghị trực tuyến", "Bài thứ hai về văn bản chỉ đạo"],
        "chuyen-doi-so": ["Tập huấn chữ ký số", HOSTILE],
    }
    for slug, titles in expected.items():
        feed = parse(built, f"chuyen-muc/{slug}/feed.xml")
        assert [e.title for e in feed.entries] == titles
        assert feed.feed.link == SITE_URL + f"chuyen-muc/{slug}/"
        root = etree.fromstring(read(built, f"chuyen-muc/{slug}/feed.xml"))
        assert root.find("channel/atom:link[@rel='self']", NS).get("href") == SITE_URL + f"chuyen-muc/{slug}/feed.xml"


def test_hostile_title_comes_back_exactly(built):
    summary = 'Tóm tắt có A & B <c> "d" và tiếng Việt: Đẩy mạnh cải cách.'
    for path in ("feed.xml", "atom.xml"):
        entry = next(e for e in parse(built, path).entries if e.title == HOSTILE)
        assert entry.title_detail.type == "text/plain"
        assert shown(entry.summary_detail) == summary
        # the XML holds the title escaped exactly once: parsed, it is the original text
        titles = etree.fromstring(read(built, path)).xpath("//*[local-name()='title']/text()")
        assert HOSTILE in titles
        assert not any("&amp;" in t or "&lt;" in t for t in titles)
    assert b"<title>A &amp; B &lt;c&gt; \"d\"</title>" in read(built, "feed.xml")
    item = next(i for i in json.loads(read(built, "feed.json"))["items"] if i["title"] == HOSTILE)
    assert item["summary"] == summary  # JSON Feed summary is plain text
    page = built.html("tin-bai/2024/02/a-b-c-d/")  # and the page itself agrees
    assert lxml_html.fromstring(page).find(".//h1").text_content() == HOSTILE


def test_drafts_and_future_articles_stay_out(built):
    for path in ("feed.xml", "atom.xml", "feed.json"):
        raw = read(built, path).decode()
        assert "Bản nháp không đăng" not in raw and "Bài hẹn giờ" not in raw


def test_build_date_is_the_newest_item_and_builds_are_byte_identical(built):
    first = {p: read(built, p) for p in [*all_feed_paths(built), "feed.json"]}
    # Another build, a day later by SOURCE_DATE_EPOCH: the same content gives the same bytes.
    built.build(env={"SOURCE_DATE_EPOCH": str(int(EPOCH) + 86400)})
    second = {p: read(built, p) for p in first}
    assert first == second
    built.build()
    assert first == {p: read(built, p) for p in first}
    rss = etree.fromstring(first["feed.xml"])
    assert rss.findtext("channel/lastBuildDate") == "Mon, 29 Dec 2025 16:45:00 +0700"
    atom = etree.fromstring(first["atom.xml"])
    assert atom.findtext("atom:updated", namespaces=NS) == "2025-12-29T16:45:00+07:00"
    category = etree.fromstring(first["chuyen-muc/chuyen-doi-so/feed.xml"])
    assert category.findtext("channel/lastBuildDate") == "Fri, 01 Mar 2024 00:00:00 +0700"


def test_item_count_follows_feed_items(site):
    write_articles(site)
    site.options = {"feed_items": 2}
    site.build()
    for path in ("feed.xml", "atom.xml"):
        assert [e.title for e in parse(site, path).entries] == published_order()[:2]
    assert len(json.loads(read(site, "feed.json"))["items"]) == 2
    assert len(parse(site, "chuyen-muc/tin-tuc-cchc/feed.xml").entries) == 2


def test_feeds_carry_no_xslt(built):
    """Browsers are dropping XSLT: the feeds are plain XML, and the page nhan-tin/ explains subscribing."""
    for path in all_feed_paths(built):
        assert b"<?xml-stylesheet" not in read(built, path), path
    assert not (built.root / "site" / "assets" / "feed.xsl").exists()


def test_feeds_pass_the_checks_a_validator_applies(built):
    """RSS 2.0, Atom (RFC 4287) and JSON Feed 1.1 required elements, checked by hand with lxml and json."""
    for path in all_feed_paths(built):
        if path == "atom.xml":
            continue
        rss = etree.fromstring(read(built, path))
        assert rss.tag == "rss" and rss.get("version") == "2.0"
        channels = rss.findall("channel")
        assert len(channels) == 1
        channel = channels[0]
        for name in ("title", "link", "description"):
            assert (channel.findtext(name) or "").strip(), (path, name)
        assert channel.findtext("link").startswith(SITE_URL)
        assert channel.findtext("language") == "vi"
        self_link = channel.find("atom:link[@rel='self']", NS)
        assert self_link is not None and self_link.get("href") == SITE_URL + path
        assert self_link.get("type") == "application/rss+xml"
        assert RFC822.match(channel.findtext("lastBuildDate"))
        guids = []
        for item in channel.findall("item"):
            assert item.findtext("title") or item.findtext("description")
            guid = item.find("guid")
            assert guid is not None and guid.text
            assert guid.get("isPermaLink") == "true" and guid.text == item.findtext("link")
            guids.append(guid.text)
            assert RFC822.match(item.findtext("pubDate")), item.findtext("pubDate")
            parsedate_to_datetime(item.findtext("pubDate"))
            for author in item.findall("author"):  # RSS <author> must be an e-mail address
                assert "@" in author.text
            enclosure = item.find("enclosure")
            if enclosure is not None:
                assert enclosure.get("url").startswith("http") and int(enclosure.get("length")) > 0
                assert enclosure.get("type")
        assert len(guids) == len(set(guids))

    atom = etree.fromstring(read(built, "atom.xml"))
    assert atom.tag == "{http://www.w3.org/2005/Atom}feed"
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    for name in ("id", "title", "updated"):
        assert len(atom.findall(f"atom:{name}", NS)) == 1, name
    assert RFC3339.match(atom.findtext("atom:updated", namespaces=NS))
    self_links = atom.findall("atom:link[@rel='self']", NS)
    assert len(self_links) == 1 and self_links[0].get("href") == SITE_URL + "atom.xml"
    assert atom.find("atom:link[@rel='alternate']", NS).get("href") == SITE_URL
    assert atom.find("atom:author/atom:name", NS) is not None  # entries without authors inherit it
    ids = []
    for entry in atom.findall("atom:entry", NS):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"atom:{name}", NS)) == 1, name
        assert RFC3339.match(entry.findtext("atom:updated", namespaces=NS))
        assert RFC3339.match(entry.findtext("atom:published", namespaces=NS))
        assert entry.find("atom:link[@rel='alternate']", NS) is not None
        ids.append(entry.findtext("atom:id", namespaces=NS))
        content = entry.find("atom:content", NS)
        assert content.get("type") == "html"
    assert len(ids) == len(set(ids))

    data = json.loads(read(built, "feed.json"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] and data["language"] == "vi"
    assert data["home_page_url"] == SITE_URL and data["feed_url"] == SITE_URL + "feed.json"
    assert isinstance(data["items"], list) and data["items"]
    for item in data["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert item.get("content_html") or item.get("content_text")
        assert item["url"].startswith(SITE_URL)
        datetime.fromisoformat(item["date_published"])
        assert RFC3339.match(item["date_published"])
    raw = read(built, "feed.json").decode("utf-8")
    assert "Tổng kết năm" in raw  # UTF-8 as is, not \\u escapes
    assert raw == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def test_pages_link_their_feeds_and_show_a_subscribe_link(built):
    for url in ("", "tin-bai/", "tin-bai/2024/02/a-b-c-d/", "chuyen-muc/tin-tuc-cchc/"):
        head = lxml_html.fromstring(built.html(url)).head
        links = {(link.get("type"), link.get("href")) for link in head.iterfind("link[@rel='alternate feed']")}
        assert ("application/rss+xml", SITE_URL + "feed.xml") in links, url
        assert ("application/atom+xml", SITE_URL + "atom.xml") in links, url
        assert ("application/feed+json", SITE_URL + "feed.json") in links, url
    category = lxml_html.fromstring(built.html("chuyen-muc/tin-tuc-cchc/"))
    hrefs = {link.get("href") for link in category.head.iterfind("link[@rel='alternate feed']")}
    assert SITE_URL + "chuyen-muc/tin-tuc-cchc/feed.xml" in hrefs
    subscribe = category.find_class("cchc-subscribe")
    assert len(subscribe) == 1
    # The link explains subscribing in plain HTML (nhan-tin/), at the category's own feed: no XSLT needed.
    href = urljoin(SITE_URL + "chuyen-muc/tin-tuc-cchc/", subscribe[0].find("a").get("href"))
    assert href == SITE_URL + "nhan-tin/#rss-chuyen-muc-tin-tuc-cchc"
    help_page = lxml_html.fromstring(built.html("nhan-tin/"))
    entry = help_page.get_element_by_id("rss-chuyen-muc-tin-tuc-cchc")
    assert SITE_URL + "chuyen-muc/tin-tuc-cchc/feed.xml" in entry.text_content()
    addresses = {code.text_content() for code in help_page.iter("code")}
    assert {SITE_URL + "feed.xml", SITE_URL + "atom.xml", SITE_URL + "feed.json"} <= addresses
    home = lxml_html.fromstring(built.html(""))
    assert "nhan-tin/" in {a.get("href") for a in home.find_class("cchc-quick")[0].iter("a")}
    listing = lxml_html.fromstring(built.html("tin-bai/"))
    assert urljoin(SITE_URL + "tin-bai/", listing.find_class("cchc-subscribe")[0].find("a").get("href")) == \
        SITE_URL + "nhan-tin/"
    article_page = lxml_html.fromstring(built.html("tin-bai/2024/02/a-b-c-d/"))
    assert not article_page.find_class("cchc-subscribe")


def test_site_url_on_a_domain_root_works_too(site):
    write_articles(site)
    site.site_url = "https://cchc.example.gov.vn/"
    site.build()
    feed = parse(site, "feed.xml")
    assert feed.entries[0].link == "https://cchc.example.gov.vn/tin-bai/2025/12/tong-ket-nam/"


def test_missing_site_url_is_a_clear_error(site):
    write_articles(site)
    site.site_url = None
    result = site.build(ok=False)
    assert result.returncode != 0
    assert "site_url" in result.stdout + result.stderr
    assert "Cách sửa" in result.stdout + result.stderr


# -- core, without MkDocs -------------------------------------------------------------------


def _records(count: int) -> list[Article]:
    from zoneinfo import ZoneInfo
    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    return [Article(source=f"content/tin-bai/x{i}.md", content_path=f"tin-bai/x{i}.md", title=f"Bài số {i}",
                    date=datetime(2020, 1, 1, 8, 0, tzinfo=tz).replace(day=1 + i % 28, month=1 + (i // 28) % 12,
                                                                        year=2020 + i // 336),
                    categories=(CATEGORIES[i % 3],), slug=f"bai-so-{i}", body="", excerpt=f"Tóm tắt {i} & <b>")
            for i in range(count)]


def test_default_is_twenty_items_and_core_needs_no_mkdocs(tmp_path):
    settings = Settings(project_dir=tmp_path, categories=tuple(CATEGORIES), site_name="Sở", site_url=SITE_URL)
    articles = _records(30)
    contents = {a.url: f'<p><a href="../../../../">về</a> {i}</p>' for i, a in enumerate(articles)}
    outputs = build_feeds(ArticleIndex(articles, settings.categories), settings, contents)
    assert set(outputs) == {"feed.xml", "atom.xml", "feed.json", "chuyen-muc/tin-tuc-cchc/feed.xml",
                            "chuyen-muc/van-ban-chi-dao/feed.xml", "chuyen-muc/chuyen-doi-so/feed.xml"}
    assert len(feedparser.parse(outputs["feed.xml"]).entries) == 20
    assert len(json.loads(outputs["feed.json"])["items"]) == 20
    first = feedparser.parse(outputs["atom.xml"]).entries[0]
    assert f'href="{SITE_URL}"' in first.content[0].value


def test_serve_shows_drafts_on_pages_but_never_in_feeds(tmp_path):
    settings = Settings(project_dir=tmp_path, categories=tuple(CATEGORIES), site_name="Sở", site_url=SITE_URL,
                        include_unpublished=True)
    articles = _records(3)
    held = [replace(articles[0], title="Nháp", slug="nhap", draft=True),
            replace(articles[1], title="Hẹn giờ", slug="hen-gio", scheduled=True)]
    outputs = build_feeds(ArticleIndex(articles + held, settings.categories), settings, {})
    for path, data in outputs.items():
        assert "Nháp".encode() not in data and "Hẹn giờ".encode() not in data, path
    assert len(json.loads(outputs["feed.json"])["items"]) == 3


def test_empty_site_still_gives_valid_feeds(tmp_path):
    settings = Settings(project_dir=tmp_path, categories=tuple(CATEGORIES), site_name="Sở", site_url=SITE_URL)
    outputs = build_feeds(ArticleIndex([], settings.categories), settings, {})
    for path, data in outputs.items():
        if path.endswith(".xml"):
            assert not feedparser.parse(data).bozo, path
    assert json.loads(outputs["feed.json"])["items"] == []


def test_generation_time_for_2000_articles(tmp_path):
    settings = Settings(project_dir=tmp_path, categories=tuple(CATEGORIES), site_name="Sở", site_url=SITE_URL)
    articles = _records(2000)
    body = "<p>" + "Nội dung bài viết có <a href=\"../\">liên kết</a> và <img src=\"anh.jpg\" alt=\"\">. " * 20 + "</p>"
    index = ArticleIndex(articles, settings.categories)
    start = time.perf_counter()
    outputs = build_feeds(index, settings, {a.url: body for a in articles})
    elapsed = time.perf_counter() - start
    # only feed_items per feed are rendered, whatever the number of articles (no print: a quiet test run)
    assert elapsed < 5, f"bản tin cho 2.000 bài: {elapsed * 1000:.0f} ms, {sum(map(len, outputs.values())) // 1024} KiB"


def test_an_empty_listing_feed_is_the_same_all_day_without_source_date_epoch(monkeypatch, tmp_path):
    """No SOURCE_DATE_EPOCH and no entry yet (a new register): lastBuildDate is the start of the
    build's day, not the build's second, so two builds of the same content write the same bytes."""
    from cchc.core.listing_feed import listing_feed, rss_bytes

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    written = []
    for _ in range(2):
        settings = Settings(project_dir=tmp_path, site_url="https://so.example.gov.vn/cchc/")
        feed = listing_feed(settings, "Văn bản chỉ đạo", "van-ban/", "Văn bản chỉ đạo của cơ quan")
        written.append(rss_bytes(feed, None, settings))
        time.sleep(1.1)
    assert written[0] == written[1]
    built = parsedate_to_datetime(re.search(rb"<lastBuildDate>(.*?)</lastBuildDate>", written[0])[1].decode())
    assert built.timetuple()[3:6] == (0, 0, 0) and built.date() == datetime.now(built.tzinfo).date()


def test_the_feeds_of_a_site_without_articles_are_the_same_all_day(monkeypatch, tmp_path):
    """A new section, nothing published yet, no SOURCE_DATE_EPOCH: the feeds' date is the start of
    the build's day, so two builds a second apart write the same bytes."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    written = []
    for _ in range(2):
        settings = Settings(project_dir=tmp_path, site_url="https://so.example.gov.vn/cchc/", categories=CATEGORIES)
        written.append(build_feeds(ArticleIndex([], settings.categories), settings, {}))
        time.sleep(1.1)
    assert written[0] and written[0] == written[1]
