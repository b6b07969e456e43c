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
