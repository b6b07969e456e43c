"""Content files' parsed frontmatter and their legacy-encoding scan are kept in the build cache: a warm
build parses and scans only files whose bytes (or, for the parse, shown path) changed, and publishes
exactly what a cold build does."""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import zlib

import pytest

import cchc.core.frontmatter_file as frontmatter_file
import cchc.core.text.content_encoding as content_encoding
from cchc.core.build_cache import BuildCache, _encode
from cchc.core.content import load_content
from cchc.core.settings import Settings
from conftest import CATEGORIES, EPOCH, Site
from procedure_helpers import add_procedure
from test_build_cache import tree
from test_quota import plan_text

CACHE = ".cache/cchc"
LOADED = re.compile(r"Tệp nội dung: (\d+) tệp lấy lại từ bộ nhớ đệm, (\d+) tệp đọc mới")


@pytest.fixture
def calls(monkeypatch) -> dict[str, int]:
    """How often a file is parsed (frontmatter) and scanned (legacy encodings) in this process."""
    counted = {"parse": 0, "scan": 0}

    def counting(name, function):
        def wrapper(*args, **kwargs):
            counted[name] += 1
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(frontmatter_file, "_parse", counting("parse", frontmatter_file._parse))
    monkeypatch.setattr(content_encoding, "repair", counting("scan", content_encoding.repair))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return counted


def small_project(site: Site) -> int:
    """Articles, a procedure and a plan; the number of content files."""
    site.add_article("a.md", "Bài thứ nhất", "2026-10-01 08:00", tags=["một cửa"], summary="Tóm tắt 1.5",
                     body="Đoạn đầu.\n\n## Mục\n\nThân bài.")
    site.add_article("2025/b.md", "Bài thứ hai", "2025-10-05 08:00", categories=["Chuyển đổi số"],
                     body="Xem [bài một](../a.md).")
    site.write("content/ke-hoach/2026.md", plan_text("Kế hoạch tuyên truyền CCHC 2026", "8/KH", "2026-01", "2026-12", 2))
    add_procedure(site)
    return 4


def load(settings: Settings):
    cache = BuildCache(settings.cache_dir)
    try:
        return load_content(settings, cache=cache), cache
    finally:
        cache.close()


def settings_of(site: Site) -> Settings:
    return Settings(project_dir=site.root, categories=tuple(CATEGORIES), cache_dir=site.root / CACHE)


def test_a_second_load_parses_and_scans_nothing(site, calls):
    files = small_project(site)
    settings = settings_of(site)
    first, _ = load(settings)
    assert calls == {"parse": files, "scan": files}
    second, cache = load(settings)
    assert calls == {"parse": files, "scan": files}, "the second load parsed or scanned again"
    assert cache.counts[(frontmatter_file.KIND, True)] == files
    assert cache.counts[(content_encoding.KIND, True)] == files
    # Records from cached parses are those of fresh ones.
    assert second.articles.articles == first.articles.articles
    assert second.procedures.all == first.procedures.all and second.plans == first.plans
    assert second.errors == first.errors == []
    without = load_content(settings_of(site))  # no cache: as before
    assert without.articles.articles == first.articles.articles


def test_without_a_cache_setting_nothing_is_stored(site, calls):
    small_project(site)
    settings = Settings(project_dir=site.root, categories=tuple(CATEGORIES))
    load_content(settings)
    load_content(settings)
    assert calls["parse"] == 8 and not (site.root / CACHE).exists()


def test_a_moved_file_reports_its_errors_at_its_new_path(site, calls):
    """The parse is kept under the file's shown path too: a moved file's errors name where it is now."""
    site.add_article("a.md", "Bài lạc chuyên mục", "2026-10-01 08:00", categories=["Không có chuyên mục này"])
    settings = settings_of(site)
    content, _ = load(settings)
    assert [error.file for error in content.errors] == ["content/tin-bai/a.md"]
    moved = site.root / "content/tin-bai/2026/b.md"
    moved.parent.mkdir()
    (site.root / "content/tin-bai/a.md").rename(moved)
    content, _ = load(settings)
    assert [error.file for error in content.errors] == ["content/tin-bai/2026/b.md"]
    assert calls["parse"] == 2
    assert calls["scan"] == 1  # "no legacy text" depends on the bytes alone: still known


def test_a_same_size_edit_is_parsed_again(site, calls):
    path = site.add_article("a.md", "Tin AAAA", "2026-10-01 08:00")
    settings = settings_of(site)
    load(settings)
    stat = path.stat()
    path.write_bytes(path.read_bytes().replace(b"AAAA", b"BBBB"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    content, _ = load(settings)
    assert [a.title for a in content.articles.articles] == ["Tin BBBB"]
    assert calls == {"parse": 2, "scan": 2}


def test_a_source_entry_of_the_wrong_shape_is_parsed_again(site, calls):
    files = small_project(site)
    settings = settings_of(site)
    first, _ = load(settings)
    shapes = [{"title": "x"}, "x", [1, 2, 3], [{"title": "x"}, "Thân.", {"title": "2"}]]
    with sqlite3.connect(site.root / CACHE / BuildCache.FILE) as db:
        rows = db.execute("SELECT key, value FROM entry WHERE kind = ?", (frontmatter_file.KIND,)).fetchall()
        assert len(rows) == files == len(shapes)
        for (key, value), shape in zip(rows, shapes):
            version = zlib.decompress(value).split(b"\n", 1)[0]  # of this version still
            db.execute("UPDATE entry SET value = ? WHERE kind = ? AND key = ?",
                       (zlib.compress(version + b"\n" + _encode(shape)), frontmatter_file.KIND, key))
    db.close()
    second, _ = load(settings)
    assert calls["parse"] == 2 * files and second.errors == []
    assert second.articles.articles == first.articles.articles and second.plans == first.plans
    load(settings)  # the entries were replaced
    assert calls["parse"] == 2 * files


@pytest.mark.parametrize("value", ["!!float 1.5", "!!binary aGVsbG8=", "!!timestamp 2024-01-01", "!!set {a: null}",
                                   "!!omap [a: 1]"])
def test_values_json_would_change_are_not_cached(tmp_path, calls, value):
    """The loader makes no floats or dates by itself, but explicit tags do: such a file is parsed each time."""
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: Bài\nx: {value}\n---\nThân bài.\n", encoding="utf-8")
    results = []
    for _ in range(2):
        cache = BuildCache(tmp_path / "cache")
        results.append(frontmatter_file.read_source(path, "content/a.md", cache))
        cache.close()
    assert calls["parse"] == 2 and results[0] == results[1] and "x" in results[0].meta


def test_text_utf_8_cannot_hold_is_not_cached():
    """libyaml refuses "\\ud800" in frontmatter; PyYAML's own scanner (without libyaml) makes it."""
    assert not frontmatter_file._json_exact({"x": ["\ud800"]}) and not frontmatter_file._json_exact({"\udc80": 1})
    assert frontmatter_file._json_exact({"x": ["a", 1, True, None, {"b": "c"}]})


def test_plain_values_come_back_equal_from_the_cache(tmp_path, calls):
    """What the loader does make (str, int, bool, None, lists, maps; '1.5' and dates stay text) survives JSON."""
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Bài\nn: 7\nbig: 123456789012345678901234567890\nok: yes\nnone: ~\nf: 1.5\n"
                    "d: 2024-01-01 08:00\nlist: [1, a, true]\nmap: {1: x, b: [c]}\nTiếng Việt: \"dấu\"\n---\n"
                    "Thân bài.\r\n", encoding="utf-8")
    results = []
    for _ in range(2):
        cache = BuildCache(tmp_path / "cache")
        results.append(frontmatter_file.read_source(path, "content/a.md", cache))
        cache.close()
    assert calls["parse"] == 1 and results[0] == results[1]
    assert results[1].meta["f"] == "1.5" and results[1].meta["map"] == {"1": "x", "b": ["c"]}
    assert results[1].line("Tiếng Việt") == 11


def test_a_warm_build_reads_every_file_from_the_cache_and_publishes_an_edit(site):
    files = small_project(site)
    path = site.add_article("c.md", "Tin AAAA", "2026-10-03 08:00")
    files += 1
    first = site.build()
    assert LOADED.search(first.stderr).groups() == ("0", str(files)), first.stderr
    second = site.build()
    assert LOADED.search(second.stderr).groups() == (str(files), "0"), second.stderr
    stat = path.stat()
    path.write_bytes(path.read_bytes().replace(b"AAAA", b"BBBB"))  # same size, same time
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    third = site.build()
    assert LOADED.search(third.stderr).groups() == (str(files - 1), "1"), third.stderr
    pages = [p.read_text(encoding="utf-8") for p in (site.root / "site").rglob("*.html")]
    assert any("Tin BBBB" in page for page in pages) and not any("Tin AAAA" in page for page in pages)


def test_the_demo_built_warm_equals_its_cold_build(demo, tmp_path):
    """The demo fixture's build was cold (a new folder); a copy of the project with its cache builds again."""
    project = tmp_path / "demo"
    shutil.copytree(demo.parent, project, symlinks=True)
    shutil.rmtree(project / "site")
    warm = Site(project)
    warm.config_text = lambda: (demo.parent / "mkdocs.yml").read_text(encoding="utf-8")  # as the fixture wrote it
    result = warm.build()
    loaded = LOADED.search(result.stderr)
    assert loaded and int(loaded[1]) > 50 and loaded[2] == "0", result.stderr
    cold, hot = tree(demo), tree(project / "site")
    assert hot.keys() == cold.keys()
    assert [p for p in hot if hot[p] != cold[p]] == []
