"""The site's search index: Pagefind, run on the built HTML before the site is published.

Pagefind splits the index into small chunks that the reader's browser fetches only for the words
typed, so one search costs kilobytes whatever the size of the site, and nothing is downloaded
until the search page asks. It folds diacritics itself ("cai cach" finds "cải cách"). Only pages
marked `data-pagefind-body` (articles, procedures, hand-written pages) are indexed; listings,
archives and the editors' pages are not. The binary ships in the pinned `pagefind_bin` wheel.

Pagefind reads only the pages it indexes: the build names them as they are written, and Pagefind
starts on them (a --glob of their folders) as soon as the last one is out, on the other core while
the listings render (SiteSearch). Its output is a function of those pages' paths and bytes,
its version and its options. A build whose indexed pages are all as they were (a warm build, or a
change that touches only listings) takes the bundle of the previous site instead of running it
again: the key is a digest of those pages (path and bytes), the binary's version and the command;
each file of the previous bundle is checked against the digest stored with the key before it is
linked (or copied) in. Any other case runs Pagefind.
"""
from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

from cchc.core.build_cache import BuildCache, digest
from cchc.core.file_state import content_digest
from cchc.core.urls import NEWS, PLANS, SEARCH_BUNDLE, SEARCH_BUNDLE_RECENT, year_url

BUNDLE = SEARCH_BUNDLE.rstrip("/")  # site-relative folder of the index and its script
RECENT_BUNDLE = SEARCH_BUNDLE_RECENT.rstrip("/")  # the newest year's articles and the plans (shards)
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
OPTIONS = ("--force-language", "vi", "--silent")  # and --site, --output-path


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


def _tool_digest() -> str:
    """The Pagefind version and our options (the piece size too)."""
    try:
        version = metadata.version("pagefind_bin")
    except metadata.PackageNotFoundError:
        version = "-"
    return digest(version, *OPTIONS, INDEX_CHUNK_SIZE, *UNUSED)


def pages_digest(pages: dict[str, str]) -> str:
    """What Pagefind reads when given the pages it indexes: their paths and bytes (site path -> digest)."""
    return digest(_tool_digest(), *(part for path in sorted(pages) for part in (path, pages[path])))


def inputs_digest(site: Path) -> str:
    """What Pagefind reads when it reads the whole site: every HTML file (path and bytes, in path
    order) outside the bundle folders."""
    hasher = hashlib.sha256(_tool_digest().encode())
    pages = []
    for folder, dirs, names in os.walk(site):
        if folder == str(site):
            dirs[:] = [d for d in dirs if d not in (BUNDLE, RECENT_BUNDLE)]
        pages += [os.path.join(folder, name) for name in names if name.endswith((".html", ".htm"))]
    for path in sorted(pages):
        relative = os.path.relpath(path, site).encode("utf-8", "surrogateescape")
        data = Path(path).read_bytes()
        for part in (relative, data):
            hasher.update(len(part).to_bytes(8, "big"))
            hasher.update(part)
    return hasher.hexdigest()


GLOB_SPECIAL = set("{}[]*?,!\\")
MAX_GLOB = 64_000  # one argument of the command line (Linux allows 128 KiB)


def pages_glob(pages: list[str]) -> str | None:
    """A Pagefind --glob that matches the given pages and few others: the pages of one folder (all the
    articles of a month, all procedures) become `folder/*/index.html`. A page it matches without the
    `data-pagefind-body` mark is read and ignored. None when a path holds a glob character or the
    glob would be too long: Pagefind then reads every page (same index, more time)."""
    if any(GLOB_SPECIAL & set(path) for path in pages):
        return None
    groups: dict[str, list[str]] = {}
    for path in pages:
        folder, name = posixpath.split(path)
        if name == "index.html":  # tin-bai/2026/11/<slug>/index.html -> tin-bai/2026/11/*/index.html
            parent = posixpath.dirname(folder)
            pattern = f"{parent}/*/index.html" if parent else "*/index.html"
        else:
            pattern = f"{folder}/*.html" if folder else "*.html"
        groups.setdefault(pattern, []).append(path)
    parts = sorted(pattern if len(members) > 1 else members[0] for pattern, members in groups.items())
    glob = "{" + ",".join(parts) + "}"
    return glob if len(glob) <= MAX_GLOB else None


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


_YEAR = re.compile(re.escape(NEWS) + r"(\d{4})/")  # an article or archive page of a year (urls.year_url)


def shards(pages: dict[str, str]) -> dict[str, dict[str, str]]:
    """Bundle folder -> the pages it indexes. The pages that publishing an article changes get a
    bundle of their own: the articles of the newest year (the new one and its neighbours) and the
    plans (their counts of articles per month). Publishing or editing one of them re-indexes only
    those (a few hundred pages, not the 3,500 of the whole site); the search page merges both
    bundles. Which year is newest follows from the pages themselves, so the same site always splits
    the same way (the first article of a new year moves the split: both are indexed again, once).
    One bundle when either part would be empty."""
    years = {found.group(1) for found in map(_YEAR.match, pages) if found}
    if not years:
        return {BUNDLE: pages}
    changing = (year_url(int(max(years))), PLANS)
    recent = {path: value for path, value in pages.items() if path.startswith(changing)}
    rest = {path: value for path, value in pages.items() if not path.startswith(changing)}
    return {BUNDLE: rest, RECENT_BUNDLE: recent} if recent and rest else {BUNDLE: pages}


class _Bundle:
    """One Pagefind run into one folder of the site (or the previous site's copy of it)."""

    def __init__(self, folder: str):
        self.folder = folder
        self.process: subprocess.Popen | None = None
        self.key: str | None = None
        self.reused = False


class SiteSearch:
    """Pagefind over the pages that carry `data-pagefind-body`, run while the rest of the site renders.

    The build names each such page with the bytes it writes (`add`) and says when the last one is out
    (`start`, before the first listing): Pagefind then reads just those pages (a --glob of their
    folders), so the listings cost it nothing, and it runs on the other core while they render.
    The newest year's articles and the plans are indexed apart (`shards`). `finish()` waits. A page named after
    `start` (one of another plugin, say) makes `finish` run Pagefind again: later, never wrong. A
    site with no such page is indexed whole, as Pagefind does by itself.

    With the previous site and the build cache, a previous bundle is reused when the pages it read are
    the same (their paths and bytes, the Pagefind version and options)."""

    def __init__(self, site_dir: str | Path, previous_site: str | Path | None = None,
                 cache: BuildCache | None = None):
        self.site = Path(site_dir)
        self.previous = Path(previous_site) if previous_site is not None else None
        self.cache = cache
        self.pages: dict[str, str] = {}  # site path -> digest of the bytes written there
        self._started_with: dict[str, str] | None = None
        self._bundles: list[_Bundle] = []

    @property
    def reused(self) -> bool:
        """Whether every bundle of this build is the previous build's."""
        return bool(self._bundles) and all(bundle.reused for bundle in self._bundles)

    @property
    def reused_folders(self) -> list[str]:
        """The folders (pagefind/, pagefind-nam-moi/) whose previous bundle this build reused."""
        return [bundle.folder for bundle in self._bundles if bundle.reused]

    def add(self, site_path: str, data: bytes) -> None:
        self.pages[site_path] = digest(data)

    def start(self) -> None:
        """Index the pages named so far, in the background; nothing when started already."""
        if self._started_with is not None or not self.pages:
            return
        self._started_with = dict(self.pages)
        for folder, pages in shards(self.pages).items():
            self._run(folder, pages_digest(pages), pages_glob(list(pages)))

    def finish(self) -> bool:
        """Wait for the index (start it if it was not); whether the previous bundles were reused."""
        if self._started_with is not None and self._started_with != self.pages:
            self._stop()  # a page came (or changed) after the start: index again with it
        if self._started_with is None:
            if self.pages:
                self.start()
            else:  # no page marked: Pagefind indexes every page of the site, the whole site is its input
                self._started_with = {}
                self._run(BUNDLE, inputs_digest(self.site) if self._keyed else None, None)
        for bundle in self._bundles:
            if bundle.process is not None:
                _wait(bundle.process, self.site / bundle.folder)
                bundle.process = None
                if bundle.key is not None:
                    self.cache.put(KIND, bundle.key, _bundle_files(self.site / bundle.folder))
        return self.reused

    def cancel(self) -> None:
        """The build stopped: no Pagefind left running."""
        self._stop()

    @property
    def _keyed(self) -> bool:
        # Without a previous site (mkdocs serve, `atomic: false`: MkDocs empties site_dir first) there is
        # nothing to reuse now or next time: no key.
        return self.cache is not None and self.previous is not None

    def _run(self, folder: str, key: str | None, glob: str | None) -> None:
        bundle = _Bundle(folder)
        self._bundles.append(bundle)
        target = self.site / folder
        if target.exists():
            shutil.rmtree(target)
        bundle.key = key if self._keyed else None
        if bundle.key is not None and (self.previous / folder).is_dir():
            stored = self.cache.get(KIND, bundle.key)
            bundle.reused = stored is not None and _reuse(self.previous / folder, target, stored)
            if bundle.reused:
                return
        bundle.process = _launch(self.site, target, glob)

    def _stop(self) -> None:
        for bundle in self._bundles:
            if bundle.process is not None:
                bundle.process.kill()
                bundle.process.wait()
            # A later run may split the pages otherwise: no folder of this one stays in the site.
            shutil.rmtree(self.site / bundle.folder, ignore_errors=True)
        self._bundles = []
        self._started_with = None


def _launch(site: Path, bundle: Path, glob: str | None) -> subprocess.Popen:
    command = [str(_executable()), "--site", str(site), "--output-path", str(bundle), *OPTIONS,
               *(["--glob", glob] if glob else [])]
    try:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                encoding="utf-8", errors="replace",
                                env={**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": INDEX_CHUNK_SIZE})
    except OSError as exc:
        raise SearchIndexError(f"Không chạy được Pagefind để lập chỉ mục tìm kiếm: {exc}") from None


def _wait(process: subprocess.Popen, bundle: Path) -> None:
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as exc:
        process.kill()
        process.wait()
        raise SearchIndexError(f"Không chạy được Pagefind để lập chỉ mục tìm kiếm: {exc}") from None
    if process.returncode != 0:
        raise SearchIndexError("Pagefind báo lỗi khi lập chỉ mục tìm kiếm: " + (stderr or stdout).strip()[-2000:])
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
