"""A build whose pages did not change reuses the previous search index; any change runs Pagefind again."""
from __future__ import annotations

import gzip
import shutil
from pathlib import Path

from conftest import Site

REUSED = "dùng lại chỉ mục của lần dựng trước"


def indexed_text(site: Site) -> str:
    """Every page's text as Pagefind stored it (its fragments are gzip-compressed JSON)."""
    fragments = sorted((site.root / "site" / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments
    return "\n".join(gzip.decompress(path.read_bytes()).decode("utf-8") for path in fragments)


def bundle(site: Site) -> dict[str, bytes]:
    folder = site.root / "site" / "pagefind"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


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
