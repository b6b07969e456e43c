"""Which pages may share a rendered part of Material's frame (adapter/chrome_cache.py): pure rules."""
from __future__ import annotations

from types import SimpleNamespace

from cchc.adapter.chrome_cache import ChromeCache


def _page(url, toc=(), hide=None, **more):
    return SimpleNamespace(url=url, toc=list(toc), meta={"hide": hide} if hide else {}, previous_page=None,
                           next_page=None, **({"title": url} | more))


def _nav(*entries):
    items = [_page(u, title=t, active=False, children=[]) for t, u in entries]
    return SimpleNamespace(items=items, pages=items)


def test_pages_share_a_part_only_with_the_same_inputs():
    nav = _nav(("Tin bài", "tin-bai/"), ("Thủ tục hành chính", "thu-tuc-hanh-chinh/"))
    cache = ChromeCache()
    one, two = _page("thu-tuc-hanh-chinh/1.000001/"), _page("thu-tuc-hanh-chinh/1.000002/")
    assert cache.key("site_nav", one, nav) == cache.key("site_nav", two, nav)  # same folder, same menu state
    assert cache.key("site_nav", one, nav) != cache.key("footer", one, nav)
    assert cache.key("site_nav", one, nav) != cache.key("site_nav", _page("tin-bai/2026/01/x/"), nav)  # depth
    assert cache.key("site_nav", one, nav) != cache.key("site_nav", _page("ke-hoach/x/"), nav)  # folder
    assert cache.key("site_nav", one, nav) != cache.key("site_nav", _page("thu-tuc-hanh-chinh/x/", hide=["toc"]), nav)
    before = cache.key("site_nav", one, nav)
    nav.items[1].active = True  # the section of the page is highlighted in the menu
    assert cache.key("site_nav", one, nav) != before


def test_pages_that_are_always_rendered():
    nav = _nav(("Tin bài", "tin-bai/"), ("Hướng dẫn", "huong-dan/chi-tiet/"))
    cache = ChromeCache()
    assert cache.key("site_nav", nav.items[0], nav) is None  # in the menu: its own entry is the current one
    assert cache.key("site_nav", _page("huong-dan/"), nav) is None  # a menu entry lives under its URL
    assert cache.key("site_nav", _page("tin-bai/2026/01/x/", toc=["Mục 1"]), nav) is None  # its own contents
    assert cache.key("site_nav", None, nav) is None  # 404 and other static templates
    kept = cache.keep(None, "<nav>x</nav>")
    assert str(kept) == "<nav>x</nav>" and not cache.has(None)


def test_a_page_with_headings_reuses_every_part_but_its_own_contents():
    nav = _nav(("Tin bài", "tin-bai/"))
    cache = ChromeCache()
    one = _page("tin-bai/2026/11/a/", toc=["Mục 1"])
    two = _page("tin-bai/2026/11/b/", toc=["Mục khác"])
    for part in ("nav", "footer", "config", "scripts", "styles", "header-start"):
        assert cache.key(part, one, nav) is not None and cache.key(part, one, nav) == cache.key(part, two, nav)
    assert cache.key("site_nav", one, nav) is None  # the right sidebar lists this page's headings


def test_every_page_with_headings_shows_the_agency_of_this_build(site):
    """The menu and footer reused between articles with headings are never a previous build's."""
    body = "## Phần một\n\nNội dung.\n\n## Phần hai\n\nThêm nội dung."
    for n in range(3):
        site.add_article(f"2026/bai-{n}.md", f"Bài số {n}", "2026-11-0%d" % (n + 1), body=body)
    for name in ("Sở Thử nghiệm Một", "Sở Thử nghiệm Hai"):
        site.options["agency"] = {"name": name}
        site.build()
        pages = sorted((site.root / "site" / "tin-bai").rglob("bai-so-*/index.html"))
        assert len(pages) == 3
        for page in pages:
            html = page.read_text(encoding="utf-8")
            assert 'class="md-nav md-nav--secondary"' in html and "phan-mot" in html  # its own contents
            assert html.count(name) >= 2  # header and footer
            assert "Sở Thử nghiệm Một" not in html or name == "Sở Thử nghiệm Một"
