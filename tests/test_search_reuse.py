"""A build whose pages did not change reuses the previous search index; any change runs Pagefind again."""
from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

from cchc.core.site_search import SiteSearch
from conftest import Site

REUSED = "dùng lại chỉ mục của lần dựng trước"


def indexed_text(site: Site) -> str:
    """Every page's text as Pagefind stored it (its fragments are gzip-compressed JSON)."""
    text = _bundle_words(site.root / "site")
    assert text
    return text


def bundle(site: Site) -> dict[str, bytes]:
    folder = site.root / "site"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for name in ("pagefind", "pagefind-nam-moi")
            for p in sorted((folder / name).rglob("*")) if p.is_file()}


def test_unchanged_pages_reuse_the_index_and_a_changed_page_is_indexed_again(site: Site):
    site.add_article("2026/mot.md", "Bài thứ nhất", "2026-11-02", body="Đoạn văn có từ khóa cũ vantuxua.")
    site.add_article("2026/hai.md", "Bài thứ hai", "2026-11-03", body="Một bài khác.")
    first = site.build()
    assert REUSED not in first.stdout + first.stderr
    before = bundle(site)
    assert "vantuxua" in indexed_text(site)

    again = site.build()
    assert REUSED in again.stdout + again.stderr
    assert bundle(site) == before  # the same bytes as a run of Pagefind

    site.add_article("2026/mot.md", "Bài thứ nhất", "2026-11-02", body="Đoạn văn có từ khóa mới vantumoi.")
    changed = site.build()
    assert REUSED not in changed.stdout + changed.stderr
    text = indexed_text(site)
    assert "vantumoi" in text and "vantuxua" not in text


def test_a_damaged_previous_index_is_not_reused(site: Site):
    site.add_article("2026/mot.md", "Bài thứ nhất", "2026-11-02", body="Đoạn văn vantuxua.")
    site.build()
    before = bundle(site)
    entry = next((site.root / "site" / "pagefind" / "fragment").glob("*.pf_fragment"))
    entry.write_bytes(b"hong")
    result = site.build()
    assert REUSED not in result.stdout + result.stderr
    assert bundle(site) == before


def test_a_clean_build_gives_the_same_index_as_a_reused_one(site: Site, tmp_path: Path):
    site.add_article("2026/mot.md", "Bài thứ nhất", "2026-11-02", body="Đoạn văn vantuxua.")
    site.build()
    site.build()
    reused = bundle(site)
    for folder in (site.root / ".cache", site.root / "site"):
        shutil.rmtree(folder)
    site.build()
    assert bundle(site) == reused


def test_a_change_to_listings_only_reuses_the_index(site: Site):
    """Pagefind reads only the pages it indexes: a new intro on the section home (a listing) leaves
    them as they were, so the index is taken over; the home shows the new text."""
    site.add_article("2026/mot.md", "Bài thứ nhất", "2026-11-02", body="Đoạn văn vantuxua.")
    site.write("docs/index.md", "Lời giới thiệu cũ.\n")
    site.build()
    before = bundle(site)
    site.write("docs/index.md", "Lời giới thiệu mới gioithieumoi.\n")
    result = site.build()
    assert REUSED in result.stdout + result.stderr
    assert "gioithieumoi" in site.html("")
    assert bundle(site) == before


def test_the_index_holds_the_pages_from_files_and_no_listing(site: Site):
    site.add_article("2026/mot.md", "Bài thứ nhất", "2026-11-02", body="Đoạn văn.")
    site.write("docs/gioi-thieu.md", "# Giới thiệu\n\nTrang viết tay.\n")
    site.build()
    urls = sorted(re.findall(r'"url":"([^"]*)"', indexed_text(site)))
    assert urls == ["/gioi-thieu/", "/tin-bai/2026/11/bai-thu-nhat/"]  # relative to the site


def _page(folder: Path, path: str, words: str, indexed: bool = True) -> bytes:
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    body = " data-pagefind-body" if indexed else ""
    target.write_text(f'<!doctype html><html lang="vi"><head><title>{words}</title></head>'
                      f'<body><main{body}><h1>{words}</h1><p>{words}</p></main></body></html>', encoding="utf-8")
    return target.read_bytes()


def _bundle_words(site_dir: Path) -> str:
    """The text of every fragment of the site's bundles ('' when there is none)."""
    fragments = sorted(path for folder in ("pagefind", "pagefind-nam-moi")
                       for path in (site_dir / folder / "fragment").glob("*.pf_fragment"))
    return "\n".join(gzip.decompress(path.read_bytes()).decode("utf-8") for path in fragments)


def test_a_page_written_after_the_start_is_indexed_too(tmp_path: Path):
    """start() is an early start, never a cut-off: a page named later makes finish() index again."""
    search = SiteSearch(tmp_path)
    search.add("a/index.html", _page(tmp_path, "a/index.html", "vantumot"))
    search.start()  # Pagefind reads a/index.html only (its glob), b/ is not even written yet
    search.add("b/index.html", _page(tmp_path, "b/index.html", "vantuhai"))
    assert search.finish() is False
    words = _bundle_words(tmp_path)
    assert "vantumot" in words and "vantuhai" in words


def test_only_the_pages_named_are_read_and_none_named_means_all(tmp_path: Path):
    named = SiteSearch(tmp_path)
    named.add("a/index.html", _page(tmp_path, "a/index.html", "vantumot"))
    _page(tmp_path, "b/index.html", "vantuhai", indexed=False)
    named.finish()
    assert "vantumot" in _bundle_words(tmp_path) and "vantuhai" not in _bundle_words(tmp_path)
    _page(tmp_path, "a/index.html", "vantumot", indexed=False)
    SiteSearch(tmp_path).finish()  # no page marked: Pagefind indexes every page
    words = _bundle_words(tmp_path)
    assert "vantumot" in words and "vantuhai" in words


def test_the_glob_matches_the_pages_named_and_gives_up_on_glob_characters():
    from cchc.core.site_search import pages_glob
    articles = [f"tin-bai/2026/11/bai-{n}/index.html" for n in range(3)]
    glob = pages_glob([*articles, "thu-tuc-hanh-chinh/1.000001/index.html", "gioi-thieu/index.html"])
    assert glob == "{gioi-thieu/index.html,thu-tuc-hanh-chinh/1.000001/index.html,tin-bai/2026/11/*/index.html}"
    assert pages_glob(["trang-{a,b}/index.html"]) is None  # Pagefind then reads every page


def test_the_newest_year_is_indexed_apart_and_an_older_change_leaves_it_alone(site: Site):
    """The articles of the newest year have a bundle of their own: publishing one re-indexes only
    them and reuses the bundle of everything else; an older page's change is the other way round."""
    from cchc.core.site_search import shards
    pages = {"tin-bai/2026/11/a/index.html": "1", "tin-bai/2025/01/b/index.html": "2",
             "thu-tuc-hanh-chinh/1.000001/index.html": "3", "tin-bai/2026/index.html": "4", "ke-hoach/kh-2025/index.html": "5"}
    assert shards(pages) == {"pagefind": {"tin-bai/2025/01/b/index.html": "2", "thu-tuc-hanh-chinh/1.000001/index.html": "3"},
                             "pagefind-nam-moi": {"tin-bai/2026/11/a/index.html": "1", "tin-bai/2026/index.html": "4",
                                                  "ke-hoach/kh-2025/index.html": "5"}}
    assert list(shards({"tin-bai/2026/11/a/index.html": "1"})) == ["pagefind"]  # nothing else: one bundle
    site.add_article("2025/cu.md", "Bài năm trước", "2025-05-02", body="Từ khóa vantucu.")
    site.add_article("2026/mot.md", "Bài thứ nhất", "2026-11-02", body="Từ khóa vantumoi.")
    site.build()
    before = bundle(site)
    older = sorted((site.root / "site" / "pagefind").rglob("*.pf_fragment"))
    files = {p: p.stat().st_ino for p in older}
    site.add_article("2026/hai.md", "Bài thứ hai", "2026-11-03", body="Từ khóa vantuhai.")
    published = site.build()
    assert "dùng lại phần pagefind/ của lần dựng trước" in published.stderr, published.stderr  # said in the log
    after = bundle(site)
    assert {p: p.stat().st_ino for p in older} == files  # the previous bundle, linked: Pagefind did not run
    assert {p: d for p, d in after.items() if p.startswith("pagefind/")} == \
        {p: d for p, d in before.items() if p.startswith("pagefind/")}
    assert {p: d for p, d in after.items() if p.startswith("pagefind-nam-moi/")} != \
        {p: d for p, d in before.items() if p.startswith("pagefind-nam-moi/")}
    words = indexed_text(site)
    assert "vantucu" in words and "vantumoi" in words and "vantuhai" in words
