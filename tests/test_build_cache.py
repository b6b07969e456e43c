"""The build cache is never stale: after any change, a build that uses it equals a clean build."""
from __future__ import annotations

import io
import re
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest
from PIL import Image

from cchc.core import build_cache
from cchc.core.build_cache import IN_PROCESS, BuildCache, _encode
from conftest import THEME, Site
from procedure_helpers import add_procedure
from test_quota import plan_text

CACHE = ".cache/cchc"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def jpeg(width: int, height: int, colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def cached_site(tmp_path) -> Site:
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    site = Site(tmp_path / "project")
    site.extra_config = {"theme": {"name": "material", "custom_dir": str(theme), "language": "vi", "font": False}}
    site.write("content/tin-bai/anh/bia.jpg", jpeg(800, 450, (10, 90, 160)))
    site.add_article("a.md", "Bài thứ nhất về một cửa", "2026-10-01 08:00", tags=["một cửa"],
                     image="anh/bia.jpg", image_alt="Quang cảnh", body="Đoạn đầu của bài một.\n\n## Mục\n\nThân bài.")
    site.add_article("b.md", "Bài thứ hai về chuyển đổi số", "2026-10-05 08:00", categories=["Chuyển đổi số"],
                     tags=["một cửa"], body="Xem [bài một](a.md).\n\nĐoạn tiếp.")
    site.add_article("c.md", "Bài thứ ba", "2026-11-02 08:00", body="Bài ba.")
    site.write("content/ke-hoach/2026.md", plan_text("Kế hoạch tuyên truyền CCHC 2026", "8/KH", "2026-01", "2026-12", 2))
    add_procedure(site)
    return site


def build_and_compare(site: Site) -> dict[str, bytes]:
    """Build with the cache as it is, then from nothing; both trees must be identical."""
    site.build()
    warm = tree(site.root / "site")
    shutil.rmtree(site.root / CACHE)
    result = site.build()
    assert "dùng lại 0 trang" in result.stderr  # the clean build really rendered everything
    clean = tree(site.root / "site")
    assert warm.keys() == clean.keys()
    assert [p for p in warm if warm[p] != clean[p]] == []
    return clean


def test_nothing_changed_renders_nothing_and_gives_the_same_site(cached_site):
    first = cached_site.build()
    assert "dùng lại 0 trang" in first.stderr
    before = tree(cached_site.root / "site")
    again = cached_site.build()
    assert "dựng mới 0 trang" in again.stderr, again.stderr
    assert ", 0 trang chuyển mới." in again.stderr  # no Markdown converted again
    assert tree(cached_site.root / "site") == before  # the search index (pagefind/) included


def test_every_kind_of_change_gives_the_clean_build(cached_site):
    site = cached_site
    site.build()
    # an article: its page, the listings, the tag page and the feeds follow
    site.add_article("a.md", "Bài thứ nhất về một cửa", "2026-10-01 08:00", tags=["một cửa"],
                     image="anh/bia.jpg", image_alt="Quang cảnh", body="Đoạn đầu ĐÃ SỬA.\n\n## Mục\n\nThân bài.")
    out = build_and_compare(site)
    assert "ĐÃ SỬA" in out["tin-bai/index.html"].decode() and "ĐÃ SỬA" in out["feed.xml"].decode()
    # a template
    article_template = Path(site.extra_config["theme"]["custom_dir"]) / "cchc" / "article.html"
    article_template.write_text(article_template.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}<p>MẪU MỚI</p>", 1), encoding="utf-8")
    out = build_and_compare(site)
    assert "MẪU MỚI" in out["tin-bai/2026/10/bai-thu-nhat-ve-mot-cua/index.html"].decode()
    # the config
    site.extra_config["site_name"] = "Sở Đổi Tên"
    out = build_and_compare(site)
    assert "Sở Đổi Tên" in out["tin-bai/2026/11/bai-thu-ba/index.html"].decode()
    # a plan
    site.write("content/ke-hoach/2026.md", plan_text("Kế hoạch tuyên truyền CCHC 2026", "8/KH", "2026-01", "2026-12", 5))
    out = build_and_compare(site)
    assert "5" in out["chi-tieu/index.html"].decode()
    # a procedure
    add_procedure(site, name="Cấp giấy phép ĐÃ ĐỔI TÊN")
    out = build_and_compare(site)
    assert any("ĐÃ ĐỔI TÊN" in data.decode("utf-8", "replace") for path, data in out.items() if "thu-tuc" in path)
    # an image: new size, so the width and height in every page that shows it change
    site.write("content/tin-bai/anh/bia.jpg", jpeg(600, 600, (200, 20, 20)))
    out = build_and_compare(site)
    assert 'height="600"' in out["tin-bai/2026/10/bai-thu-nhat-ve-mot-cua/index.html"].decode()


def test_a_changed_link_target_is_followed(cached_site):
    site = cached_site
    site.build()
    # b.md links to a.md; a new title moves a.md's page: b's rendered link must follow
    site.add_article("a.md", "Tên mới của bài một", "2026-10-01 08:00", tags=["một cửa"],
                     image="anh/bia.jpg", image_alt="Quang cảnh", body="Đoạn đầu.")
    out = build_and_compare(site)
    assert 'href="../ten-moi-cua-bai-mot/"' in out["tin-bai/2026/10/bai-thu-hai-ve-chuyen-doi-so/index.html"].decode()


def poison(site: Site, version: str | None = None) -> int:
    """Overwrite every cached page's output, keeping the entries valid (and their version, unless given)."""
    with sqlite3.connect(site.root / CACHE / BuildCache.FILE) as db:
        rows = db.execute("SELECT key, value FROM entry WHERE kind = 'page'").fetchall()
        for key, value in rows:
            stored_version = zlib.decompress(value).split(b"\n", 1)[0]  # entries start with `version\n`
            head = version.encode() if version is not None else stored_version
            db.execute("UPDATE entry SET value = ? WHERE kind = 'page' AND key = ?",
                       (zlib.compress(head + b"\n" + _encode("<html>POISON</html>")), key))
    return len(rows)


def test_entries_of_another_version_are_not_used(cached_site):
    site = cached_site
    clean = tree(site.root / "site") if site.build() else None
    assert poison(site) > 0
    site.build()  # the poison works: same version, entries used
    assert b"POISON" in (site.root / "site" / "index.html").read_bytes()
    poison(site, version="0;older-release")
    site.build()
    assert tree(site.root / "site") == clean


def test_a_corrupt_or_deleted_cache_is_no_error(cached_site):
    site = cached_site
    site.build()
    clean = tree(site.root / "site")
    with sqlite3.connect(site.root / CACHE / BuildCache.FILE) as db:  # every entry cut short
        db.execute("UPDATE entry SET value = substr(value, 1, 5)")
    site.build()
    assert tree(site.root / "site") == clean
    database = site.root / CACHE / BuildCache.FILE
    database.write_bytes(database.read_bytes()[:100])  # the whole file cut short, as by a full disk
    site.build()
    assert tree(site.root / "site") == clean
    shutil.rmtree(site.root / ".cache")
    site.build()
    assert tree(site.root / "site") == clean


def test_a_broken_link_fails_strict_builds_also_from_cache(cached_site):
    site = cached_site
    site.add_article("c.md", "Bài thứ ba", "2026-11-02 08:00", body="Xem [tệp](khong-co.md).")
    for _ in range(2):
        result = site.build(ok=False)
        assert result.returncode != 0 and "khong-co.md" in result.stderr


def test_cache_can_be_switched_off_and_moved(cached_site):
    site = cached_site
    site.options = {"cache": False}
    site.build()
    assert not (site.root / CACHE / BuildCache.FILE).exists()  # processed images keep their own folder
    site.options = {"cache_dir": "bo-nho-dem"}
    site.build()
    assert (site.root / "bo-nho-dem" / BuildCache.FILE).is_file()


def test_cache_entries_are_kept_per_version(tmp_path):
    cache = BuildCache(tmp_path, version="v1")
    cache.put("kind", "key", {"html": "<p>a</p>"})
    cache.close()
    assert BuildCache(tmp_path, version="v1").get("kind", "key") == {"html": "<p>a</p>"}
    assert BuildCache(tmp_path, version="v2").get("kind", "key") is None


def test_present_agrees_with_has_for_many_keys(tmp_path):
    """The page cache asks for thousands of keys at once: same answers as one has() each."""
    cache = BuildCache(tmp_path, version="v1")
    for n in range(0, 1200, 2):
        cache.put("page", f"k{n}", "<p>" + "x" * n + "</p>")
    cache.put("other", "k1", "not a page")
    cache.close()
    other = BuildCache(tmp_path, version="v2")
    other.put("page", "k1", "another version")
    other.close()
    cache = BuildCache(tmp_path, version="v1")
    keys = [f"k{n}" for n in range(1200)]
    assert cache.present("page", keys) == {key for key in keys if cache.has("page", key)} == set(keys[::2])
    assert cache.present("page", []) == set()


def test_many_entries_are_stored_by_a_helper_process_and_read_after_flush(tmp_path):
    """Beyond IN_PROCESS entries a helper process (core.cache_writer) compresses and stores them;
    flush() returns once they are stored, so a second reader sees every one."""
    cache = BuildCache(tmp_path, version="v1")
    for n in range(IN_PROCESS - 1):  # and the version's mark
        cache.put("page", f"k{n}", f"<p>{n}</p>" * 50)
    assert cache._writer is None  # a small build starts no process
    for n in range(IN_PROCESS - 1, 3 * IN_PROCESS):
        cache.put("page", f"k{n}", f"<p>{n}</p>" * 50)
    assert cache._writer is not None and cache._writer.poll() is None
    cache.flush()
    reader = BuildCache(tmp_path, version="v1")
    assert all(reader.get("page", f"k{n}") == f"<p>{n}</p>" * 50 for n in range(3 * IN_PROCESS))
    cache.put("page", "last", "<p>cuối</p>")
    cache.close()
    assert cache._writer is None and BuildCache(tmp_path, version="v1").get("page", "last") == "<p>cuối</p>"


def test_a_cache_without_entries_of_this_version_is_not_asked(tmp_path, monkeypatch):
    """A first build (or one with new code) would miss every lookup: none reaches SQLite. Once the
    version stored something (its mark goes with its first entry), lookups are asked again."""
    old = BuildCache(tmp_path, version="v1")
    old.put("page", "k", "<p>cũ</p>")
    old.close()
    cache = BuildCache(tmp_path, version="v2")
    asked = []
    monkeypatch.setattr(cache, "_connect", lambda: asked.append(1))
    assert cache.get("page", "k") is None and not cache.has("page", "k") and asked == []
    monkeypatch.undo()
    cache.put("page", "k", "<p>mới</p>")
    cache.close()
    assert BuildCache(tmp_path, version="v2")._empty is False
    assert BuildCache(tmp_path, version="v2").get("page", "k") == "<p>mới</p>"


def test_entries_are_stored_here_when_no_helper_can_start(tmp_path, monkeypatch):
    def no_process(*args, **kwargs):
        raise OSError("no processes here")
    monkeypatch.setattr(build_cache.subprocess, "Popen", no_process)
    cache = BuildCache(tmp_path, version="v1")
    for n in range(3 * IN_PROCESS):
        cache.put("page", f"k{n}", f"<p>{n}</p>")
    cache.close()
    reader = BuildCache(tmp_path, version="v1")
    assert all(reader.get("page", f"k{n}") == f"<p>{n}</p>" for n in range(3 * IN_PROCESS))


@pytest.mark.parametrize("value", [
    "ngắn", "<p class=\"a\">" + "Cải cách hành chính\n" * 40 + "</p>", "\ud800 lẻ" * 100,
    {"html": "<h2 id=\"x\">Một</h2>\n" * 30, "toc": [{"level": 2, "name": "Một" * 200, "children": []}],
     "lookups": {}, "n": 3, "ok": True, "none": None},
    ["a" * 300, ["b" * 300, 1.5], "c"], 7, None,
])
def test_values_come_back_as_they_were_stored(tmp_path, value):
    """Long texts are stored apart from the JSON (as they are): the value read back is the same."""
    cache = BuildCache(tmp_path, version="v1")
    cache.put("kind", "key", value)
    cache.close()
    assert BuildCache(tmp_path, version="v1").get("kind", "key") == value


def test_sanitiser_warnings_are_reported_also_from_cache(cached_site):
    site = cached_site
    site.add_article("c.md", "Bài thứ ba", "2026-11-02 08:00", body="Bài ba.\n\n<script>alert(1)</script>\n")
    for build in range(2):
        result = site.build(strict=False)
        assert "[html] Đã bỏ" in result.stderr and "c.md" in result.stderr, result.stderr
        assert "alert(1)" not in site.html("tin-bai/2026/11/bai-thu-ba/")  # the cache holds the cleaned HTML
    assert "dựng mới 0 trang" in result.stderr


def test_compiled_templates_are_kept_and_a_changed_template_is_used(cached_site):
    """Jinja's bytecode cache in .cache/cchc/jinja: a template whose source changed is compiled again."""
    cached_site.build()
    assert list((cached_site.root / CACHE / "jinja").glob("*.cache"))
    card = cached_site.root.parent / "theme" / "cchc" / "partials" / "card.html"
    card.write_text(card.read_text(encoding="utf-8").replace('<article class="cchc-card">',
                                                             '<article class="cchc-card" data-moi="1">'), encoding="utf-8")
    out = build_and_compare(cached_site)
    assert 'data-moi="1"' in out["tin-bai/index.html"].decode()


def test_a_theme_change_renders_every_page_but_no_markdown(cached_site):
    """The Markdown of each page stays in the cache when only its frame changes (the toc's slugify
    function in the config once kept it from being cached at all)."""
    cached_site.build()
    template = cached_site.root.parent / "theme" / "main.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n{# đổi giao diện #}\n", encoding="utf-8")
    result = cached_site.build()
    assert "dùng lại 0 trang" in result.stderr, result.stderr
    found = re.search(r"Markdown: (\d+) trang lấy lại, (\d+) trang chuyển mới", result.stderr)
    assert found and int(found[1]) > 5 and found[2] == "0", result.stderr


def _entries(site: Site) -> set[tuple[str, str]]:
    db = sqlite3.connect(site.root / CACHE / "cache.sqlite3")
    try:
        return set(db.execute("SELECT kind, key FROM entry"))
    finally:
        db.close()


def test_entries_a_whole_build_did_not_use_are_deleted_once_a_day(cached_site):
    """The build cache does not keep every page of every older configuration or article text: after
    a `mkdocs build`, at most once a day, what that build neither read nor stored is deleted; what it
    used stays, and the next build reuses every page."""
    import os
    import time

    from cchc.core.build_cache import PRUNE_STAMP

    site = cached_site
    site.build()
    first = _entries(site)
    site.add_article("c.md", "Bài thứ ba", "2026-11-02 08:00", body="Bài ba, đã sửa.")  # new keys for its page
    site.build()
    edited = _entries(site)
    assert first - edited == set()  # the same day: nothing deleted
    stamp = site.root / CACHE / PRUNE_STAMP
    yesterday = time.time() - 2 * 86400
    os.utime(stamp, (yesterday, yesterday))
    pruned = site.build()
    assert "đã xóa" in pruned.stderr, pruned.stderr
    kept, added = _entries(site), edited - first
    gone = edited - kept
    # exactly the entries of c.md's older text: those of the first build its new text replaced
    assert gone and gone <= first and sorted(k for k, _ in gone) == sorted(k for k, _ in added)
    again = site.build()
    assert "dựng mới 0 trang" in again.stderr, again.stderr
