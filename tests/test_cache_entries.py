"""Cache entries are untrusted on reading: a damaged or foreign entry is skipped with one Vietnamese
warning line ("Cảnh báo: ...", logged as info: a damaged cache must not fail a --strict build) and made again; no file outside the cache is ever read or published; never a traceback."""
from __future__ import annotations

import json
import logging
import sqlite3
import zlib

import pytest

from cchc.core.build_cache import BuildCache
from cchc.core.media.image_cache import ImageCache
from test_build_cache import CACHE, cached_site, tree  # noqa: F401 - cached_site is a fixture

KEY = "ab" + "0" * 62


def _make(calls: list):
    def make():
        calls.append(1)
        return {"width": 2}, {"IMG": b"clean copy", "IMG.w480.webp": b"variant"}
    return make


@pytest.fixture
def stored(tmp_path):
    cache = ImageCache(tmp_path / "anh")
    calls = []
    entry = cache.get_or_make(KEY, _make(calls))
    assert calls == [1]
    return tmp_path / "anh", entry.folder


def _again(folder, caplog) -> tuple[list, object]:
    calls = []
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.cchc"):
        entry = ImageCache(folder).get_or_make(KEY, _make(calls))
    return calls, entry


def test_a_sound_entry_is_reused(stored, caplog):
    calls, entry = _again(stored[0], caplog)
    assert calls == [] and not [r for r in caplog.records if "Cảnh báo" in r.getMessage()]
    assert entry.file("IMG").read_bytes() == b"clean copy"


@pytest.mark.parametrize("damage", ["empty meta", "truncated file", "other bytes", "path outside", "missing file"])
def test_a_damaged_image_entry_is_skipped_with_one_warning_and_made_again(stored, caplog, tmp_path, damage):
    folder, entry_folder = stored
    meta_file = entry_folder / "meta.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    secret = tmp_path / "secret.txt"
    secret.write_text("không được đọc", encoding="utf-8")
    if damage == "empty meta":
        meta_file.write_text("{}", encoding="utf-8")
    elif damage == "truncated file":
        target = entry_folder / meta["names"]["IMG"]
        target.write_bytes(target.read_bytes()[:3])
    elif damage == "other bytes":  # same size, other content
        target = entry_folder / meta["names"]["IMG"]
        target.write_bytes(b"X" * target.stat().st_size)
    elif damage == "path outside":  # an entry naming a file outside the cache, with its right size
        relative = "../../../secret.txt"
        assert (entry_folder / relative).resolve() == secret
        meta["names"]["IMG"] = relative
        meta["files"][relative] = [secret.stat().st_size, meta["files"].pop("0")[1]]
        meta_file.write_text(json.dumps(meta), encoding="utf-8")
    else:
        (entry_folder / meta["names"]["IMG"]).unlink()
    calls, entry = _again(folder, caplog)
    assert calls == [1]  # made again
    warnings = [r for r in caplog.records if "Cảnh báo" in r.getMessage()]
    assert len(warnings) == 1 and "Cảnh báo: bộ nhớ đệm ảnh: bỏ qua mục hỏng" in warnings[0].getMessage()
    assert entry.file("IMG").read_bytes() == b"clean copy"
    assert entry.file("IMG").resolve().is_relative_to(folder.resolve())
    assert secret.read_text(encoding="utf-8") == "không được đọc"
    calls, _ = _again(folder, caplog)  # repaired: reused from now on
    assert calls == []


def test_an_image_meta_of_the_wrong_shape_is_made_again(cached_site, caplog):
    """meta.json well formed, but its picture description names a file the entry does not hold."""
    site = cached_site
    site.build()
    clean = tree(site.root / "site")
    (meta_file,) = [p for p in (site.root / CACHE / "images").rglob("meta.json")
                    if "variants" in p.read_text(encoding="utf-8")]
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    meta["meta"]["variants"][0][0] = "../../../../etc/passwd"
    meta_file.write_text(json.dumps(meta), encoding="utf-8")
    result = site.build()
    assert result.stderr.count("Cảnh báo: bộ nhớ đệm ảnh: bỏ qua mục hỏng") == 1
    assert "Traceback" not in result.stderr
    assert tree(site.root / "site") == clean


def test_a_page_entry_damaged_after_its_start_is_rendered_again(cached_site):
    site = cached_site
    site.build()
    clean = tree(site.root / "site")
    with sqlite3.connect(site.root / CACHE / BuildCache.FILE) as db:  # the end of every page's entry
        rows = db.execute("SELECT key, value FROM entry WHERE kind = 'page'").fetchall()
        for key, value in rows:
            whole = zlib.decompress(value)
            damaged = zlib.compress(whole[: len(whole) - 40])  # the version prefix is intact
            db.execute("UPDATE entry SET value = ? WHERE kind = 'page' AND key = ?", (damaged, key))
    result = site.build()
    assert "Traceback" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if "Cảnh báo: bộ nhớ đệm dựng trang: mục của trang" in line]
    assert len(warnings) == len(rows)
    assert tree(site.root / "site") == clean
    result = site.build()  # the entries were replaced
    assert "mục của trang" not in result.stderr and tree(site.root / "site") == clean
