"""The site's search index: Pagefind, run on the built HTML before the site is published.

Pagefind splits the index into small chunks that the reader's browser fetches only for the words
typed, so one search costs kilobytes whatever the size of the site, and nothing is downloaded
until the search page asks. It folds diacritics itself ("cai cach" finds "cải cách"). Only pages
marked `data-pagefind-body` (articles, procedures, hand-written pages) are indexed; listings,
archives and the editors' pages are not. The binary ships in the pinned `pagefind_bin` wheel.

Pagefind reads nothing but the HTML files of the site, so its output is a function of their paths
and bytes, its version and its options. A build whose HTML files are all as they were (a warm build
with nothing changed: about 7 s of Pagefind at 3,000 articles) takes the bundle of the previous site
instead of running it again: the key is a digest of every HTML file (path and bytes), the binary's
version and the command; each file of the previous bundle is checked against the digest stored with
the key before it is linked (or copied) in. Any other case runs Pagefind.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

from cchc.core.build_cache import BuildCache, digest
from cchc.core.file_state import content_digest
from cchc.core.urls import SEARCH_BUNDLE

BUNDLE = SEARCH_BUNDLE.rstrip("/")  # site-relative folder of the index and its script
# Pagefind's own UIs, unused: the search page has a small UI of ours (theme/assets/cchc-search.js).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
TIMEOUT_SECONDS = 900
# Index pieces of ~2,000 word positions instead of Pagefind's 20,000: a search fetches the pieces of its
# words, and smaller pieces carry fewer unrelated words (3,000 articles + 500 procedures, 8 words:
# 584 KiB of pieces at 20,000, 234 KiB at 2,000; the piece list in the metadata grows by ~1 KiB).
# Pagefind 1.5 reads this size only from the environment (marked unstable; absent later = its default).
INDEX_CHUNK_SIZE = "2000"
KIND = "search-index"  # build-cache entries: input digest -> {bundle file: digest of its bytes}
OPTIONS = ("--output-subdir", BUNDLE, "--force-language", "vi", "--silent")


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


def inputs_digest(site: Path) -> str:
    """What Pagefind reads: every HTML file of the site (its path and bytes, in path order), outside
    the bundle folder; the Pagefind version and our options (the piece size too)."""
    try:
        version = metadata.version("pagefind_bin")
    except metadata.PackageNotFoundError:
        version = "-"
    hasher = hashlib.sha256(digest(version, *OPTIONS, INDEX_CHUNK_SIZE, *UNUSED).encode())
    pages = []
    for folder, dirs, names in os.walk(site):
        if folder == str(site):
            dirs[:] = [d for d in dirs if d != BUNDLE]
        pages += [os.path.join(folder, name) for name in names if name.endswith((".html", ".htm"))]
    for path in sorted(pages):
        relative = os.path.relpath(path, site).encode("utf-8", "surrogateescape")
        data = Path(path).read_bytes()
        for part in (relative, data):
            hasher.update(len(part).to_bytes(8, "big"))
            hasher.update(part)
    return hasher.hexdigest()


def _bundle_files(bundle: Path) -> dict[str, str]:
    return {path.relative_to(bundle).as_posix(): content_digest(str(path))
            for path in sorted(bundle.rglob("*")) if path.is_file() and not path.is_symlink()}


def _reuse(previous: Path, bundle: Path, files: dict) -> bool:
    """Link (or copy) the previous site's bundle into `bundle` if it holds exactly `files`."""
    try:
        if not isinstance(files, dict) or _bundle_files(previous) != files:
            return False
        for name in files:
            source, target = previous / name, bundle / name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)  # same bytes, no second write; the old site is removed after
            except OSError:
                shutil.copyfile(source, target)
    except OSError:
        shutil.rmtree(bundle, ignore_errors=True)
        return False
    return True


def index_site(site_dir: str | Path, previous_site: str | Path | None = None,
               cache: BuildCache | None = None) -> bool:
    """Write the search index into site_dir/pagefind/ (replacing an older one). With the previous
    site and the build cache, the previous bundle is reused when every input is the same; whether
    it was reused."""
    site = Path(site_dir)
    bundle = site / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
    # Without a previous site (mkdocs serve, `atomic: false`: MkDocs empties site_dir first) there is
    # nothing to reuse now or next time: no key.
    key = inputs_digest(site) if cache is not None and previous_site is not None else None
    if key is not None and (Path(previous_site) / BUNDLE).is_dir():
        stored = cache.get(KIND, key)
        if stored is not None and _reuse(Path(previous_site) / BUNDLE, bundle, stored):
            return True
    _run(site, bundle)
    if key is not None:
        cache.put(KIND, key, _bundle_files(bundle))
    return False


def _run(site: Path, bundle: Path) -> None:
    command = [str(_executable()), "--site", str(site), *OPTIONS]
    try:
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace",
                                timeout=TIMEOUT_SECONDS,
                                env={**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": INDEX_CHUNK_SIZE})
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"Không chạy được Pagefind để lập chỉ mục tìm kiếm: {exc}") from None
    if result.returncode != 0:
        raise SearchIndexError("Pagefind báo lỗi khi lập chỉ mục tìm kiếm: "
                               + (result.stderr or result.stdout).strip()[-2000:])
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
