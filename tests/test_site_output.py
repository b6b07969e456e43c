"""adapter/site_output.py: the plugin's own writes into site/ stay inside it and are whole."""
from __future__ import annotations

import pytest

from cchc.adapter import site_output


def test_a_path_outside_the_site_is_refused(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for bad in ("../ngoai.html", "/etc/passwd", "a/../../ngoai.html", ""):
        with pytest.raises(site_output.OutsideSite):
            site_output.write(site, bad, b"x")
    assert not (tmp_path / "ngoai.html").exists()


def test_an_unchanged_file_is_not_written_again(tmp_path):
    site = tmp_path / "site"
    assert site_output.write(site, "tin-bai/feed.xml", b"<rss/>") is True
    assert (site / "tin-bai/feed.xml").read_bytes() == b"<rss/>"
    before = (site / "tin-bai/feed.xml").stat().st_mtime_ns
    assert site_output.write(site, "tin-bai/feed.xml", b"<rss/>") is False
    assert (site / "tin-bai/feed.xml").stat().st_mtime_ns == before
    assert site_output.write(site, "tin-bai/feed.xml", b"<rss>2</rss>") is True
    assert [p.name for p in (site / "tin-bai").iterdir()] == ["feed.xml"]  # no temporary file left


def test_a_cached_file_is_copied_in(tmp_path):
    cached = tmp_path / "0.png"
    cached.write_bytes(b"png")
    site_output.copy(tmp_path / "site", "tin-bai/x/the-chia-se.png", cached)
    assert (tmp_path / "site/tin-bai/x/the-chia-se.png").read_bytes() == b"png"


def test_a_new_card_replaces_the_old_one_without_touching_the_cache(tmp_path, monkeypatch):
    """The site's card is a hard link into the image cache: a new card (linked, or copied when the
    cache is on another disk) replaces that link and never writes into the old cache file."""
    old, new = tmp_path / "cu.png", tmp_path / "moi.png"
    old.write_bytes(b"old card")
    new.write_bytes(b"new card")
    site, card = tmp_path / "site", "tin-bai/x/the-chia-se.png"
    site_output.copy(site, card, old)
    assert (site / card).stat().st_ino == old.stat().st_ino  # linked, not copied
    site_output.copy(site, card, new)
    assert (site / card).read_bytes() == b"new card" and old.read_bytes() == b"old card"

    def no_link(source, target):
        raise OSError(18, "Invalid cross-device link")
    site_output.copy(site, card, old)
    monkeypatch.setattr(site_output.os, "link", no_link)
    site_output.copy(site, card, new)
    assert (site / card).read_bytes() == b"new card" and old.read_bytes() == b"old card"
    assert sorted(p.name for p in (site / "tin-bai/x").iterdir()) == ["the-chia-se.png"]  # no temporary left


def test_files_are_written_by_the_helper_process_and_errors_come_at_sync(tmp_path):
    """A full build hands its pages and image files to a helper process (core.file_writer) while it
    renders; they are on disk after sync(). A failure (here: a folder is a file) stops the build at
    sync(), and what came before it is written."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    for name in ("tin-bai/a.webp", "tin-bai/anh/b.webp"):
        (cache / name).parent.mkdir(parents=True, exist_ok=True)
        (cache / name).write_bytes(b"RIFF....WEBP")
    (site / "tin-bai").mkdir(parents=True)
    (site / "tin-bai" / "anh").write_text("a file where a folder should be")
    output = site_output.Output()
    output.start(site)
    assert output._process is not None  # the helper runs: nothing is written by this process
    output.page(site, "tin-bai/2026/bai/index.html", "<p>Bài</p>".encode())
    site_output.CachedFile("tin-bai/a.webp", str(cache), str(site), True).copy_file()  # the module's `output`, not started here: at once
    output.link(site, "tin-bai/a.webp", cache / "tin-bai/a.webp")  # through the helper: replaced whole
    output.sync()
    assert (site / "tin-bai/2026/bai/index.html").read_text(encoding="utf-8") == "<p>Bài</p>"
    assert (site / "tin-bai" / "a.webp").stat().st_ino == (cache / "tin-bai/a.webp").stat().st_ino  # linked
    output.link(site, "tin-bai/anh/b.webp", cache / "tin-bai/anh/b.webp")  # no error yet: the helper meets it
    output.page(site, "sau-loi.html", b"after the error")
    with pytest.raises(OSError, match="tin-bai/anh/b.webp"):
        output.sync()
    assert not (site / "sau-loi.html").exists()  # nothing more after the first failure
    output.close()  # stopped already: nothing to wait for, no error twice


def test_a_path_that_leaves_the_site_is_refused_by_the_helper(tmp_path):
    site = tmp_path / "site"
    output = site_output.Output()
    output.start(site)
    output.page(site, "../ngoai.html", b"x")
    with pytest.raises(OSError, match="ngoai.html"):
        output.sync()
    assert not (tmp_path / "ngoai.html").exists()


def test_without_a_helper_each_file_is_written_at_once(tmp_path, monkeypatch):
    """No process can start (or a quick rebuild of mkdocs serve): written here, whole."""
    def no_process(*args, **kwargs):
        raise OSError("no processes here")
    monkeypatch.setattr(site_output.subprocess, "Popen", no_process)
    site = tmp_path / "site"
    output = site_output.Output()
    output.start(site)
    output.page(site, "a/index.html", b"<p>a</p>")
    assert (site / "a/index.html").read_bytes() == b"<p>a</p>"
    output.close()


def test_a_page_linked_from_the_old_site_is_replaced_never_written_into(tmp_path):
    """The helper links a page that has the old site's bytes; a second write of that path (a
    plugin's file on the same path) replaces the link, and the old site's file keeps its bytes."""
    old, new = tmp_path / "site", tmp_path / "moi"
    (old / "a").mkdir(parents=True)
    (old / "a" / "index.html").write_bytes(b"<p>cu</p>")
    (old / "b.html").symlink_to(old / "a" / "index.html")  # a link in the old site is never followed
    output = site_output.Output()
    output.start(new, old)
    output.page(new, "a/index.html", b"<p>cu</p>")
    output.page(new, "b.html", b"<p>cu</p>")
    output.sync()
    assert (new / "a" / "index.html").stat().st_ino == (old / "a" / "index.html").stat().st_ino
    assert not (new / "b.html").is_symlink() and (new / "b.html").read_bytes() == b"<p>cu</p>"
    output.page(new, "a/index.html", b"<p>moi</p>")
    output.close()
    assert (new / "a" / "index.html").read_bytes() == b"<p>moi</p>"
    assert (old / "a" / "index.html").read_bytes() == b"<p>cu</p>"
    assert sorted(p.name for p in (new / "a").iterdir()) == ["index.html"]  # no temporary left


MKDOCS_WRITES_NOTHING = """
import sys
from mkdocs import utils
def refused(*args, **kwargs):
    raise AssertionError(f"MkDocs wrote a file of the site itself: {args[-1]}")
utils.write_file = utils.copy_file = refused
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict"]
cli()
"""


def test_files_mkdocs_used_to_write_come_whole_and_the_same_through_site_output(tmp_path):
    """The theme's assets, docs_dir's files, attachments, 404.html and sitemap.xml(.gz) are written
    by site_output as MkDocs wrote them (the gzip header: the build's date, the file's name); MkDocs'
    own writers fail this build if anything reaches them."""
    import gzip

    from conftest import EPOCH, Site

    site = Site(tmp_path / "site")
    site.write("content/tin-bai/2025/tep/ke-hoach.pdf", b"%PDF-1.4 ke hoach")
    site.add_article("2025/a.md", "Kế hoạch cải cách hành chính", "2025-03-05 08:00",
                     body="Xem [kế hoạch](tep/ke-hoach.pdf).\n")
    site.write("docs/tep/huong-dan.pdf", b"%PDF-1.4 huong dan")
    result = site.run("-c", MKDOCS_WRITES_NOTHING)
    assert result.returncode == 0, result.stderr
    assert "Template skipped" not in result.stderr  # the plugin wrote them: MkDocs' line is not shown
    out = site.root / "site"
    assert (out / "tin-bai/2025/tep/ke-hoach.pdf").read_bytes() == b"%PDF-1.4 ke hoach"
    assert (out / "tep/huong-dan.pdf").read_bytes() == b"%PDF-1.4 huong dan"
    assert list((out / "assets/stylesheets").glob("main.*.min.css"))
    assert "<html" in (out / "404.html").read_text(encoding="utf-8")
    sitemap = (out / "sitemap.xml").read_bytes()
    assert b"tin-bai/2025/03/ke-hoach-cai-cach-hanh-chinh/" in sitemap
    packed = (out / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed) == sitemap
    build_day = int(EPOCH) // 86400 * 86400  # MkDocs' stamp: the build's date at midnight UTC
    assert int.from_bytes(packed[4:8], "little") == build_day and b"sitemap.xml\0" in packed[:30]
