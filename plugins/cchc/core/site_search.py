"""The site's search index: Pagefind, run on the built HTML before the site is published.

Pagefind splits the index into small chunks that the reader's browser fetches only for the words
typed, so one search costs kilobytes whatever the size of the site, and nothing is downloaded
until the search page asks. It folds diacritics itself ("cai cach" finds "cải cách"). Only pages
marked `data-pagefind-body` (articles, procedures, hand-written pages) are indexed; listings,
archives and the editors' pages are not. The binary ships in the pinned `pagefind_bin` wheel.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from cchc.core.urls import SEARCH_BUNDLE

BUNDLE = SEARCH_BUNDLE.rstrip("/")  # site-relative folder of the index and its script
# Pagefind's own UIs, unused: the search page has a small UI of ours (theme/assets/cchc-search.js).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
TIMEOUT_SECONDS = 900


class SearchIndexError(Exception):
    """The index could not be written; the message is for the IT staff, in Vietnamese."""


def _executable() -> Path:
    try:
        from pagefind_bin import get_executable
        return get_executable()
    except (ImportError, FileNotFoundError):
        raise SearchIndexError(
            "Không tìm thấy chương trình Pagefind để lập chỉ mục tìm kiếm. Cách sửa: cài lại theo README "
            "('pip install -e .' cài cả gói pagefind_bin).") from None


def index_site(site_dir: str | Path) -> None:
    """Write the search index into site_dir/pagefind/ (replacing an older one)."""
    site = Path(site_dir)
    bundle = site / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
    command = [str(_executable()), "--site", str(site), "--output-subdir", BUNDLE, "--force-language", "vi",
               "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace",
                                timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"Không chạy được Pagefind để lập chỉ mục tìm kiếm: {exc}") from None
    if result.returncode != 0:
        raise SearchIndexError("Pagefind báo lỗi khi lập chỉ mục tìm kiếm: "
                               + (result.stderr or result.stdout).strip()[-2000:])
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
