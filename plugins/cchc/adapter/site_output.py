"""Every file the plugin itself writes into site/, in a full build and in a quick rebuild of
`mkdocs serve`: one place that checks a path stays inside the site folder and writes it whole.

A full build hands its generated pages, feeds and exports to MkDocs as `File`s, which MkDocs
writes; files of the image cache are `CachedFile`s, which MkDocs lists (links to them resolve) and
this module puts in place. What is ready only after MkDocs wrote its files (social cards drawn during
the build) and what a quick rebuild writes without MkDocs come here too.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from mkdocs.structure.files import File


class OutsideSite(ValueError):
    """A site path that would leave the site folder (`..`, absolute)."""


def target(site_dir: str | Path, site_path: str) -> Path:
    """Where `site_path` (e.g. tin-bai/2024/03/x/index.html) is written; never outside site_dir."""
    root = Path(site_dir).resolve()
    path = (root / site_path).resolve()
    if not site_path or Path(site_path).is_absolute() or not path.is_relative_to(root) or path == root:
        raise OutsideSite(f"Đường dẫn '{site_path}' nằm ngoài thư mục trang.")
    return path


def write(site_dir: str | Path, site_path: str, data: bytes) -> bool:
    """Write `data` at `site_path` unless the file already holds exactly it; whether it wrote. Written
    under a temporary name and renamed: a browser reloading meanwhile reads the old file or the new one."""
    path = target(site_dir, site_path)
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return True


def copy(site_dir: str | Path, site_path: str, source: Path) -> None:
    """Put a file of the image cache (image variant, share crop, social card) at `site_path`."""
    _link_or_copy(source, target(site_dir, site_path))


def _link_or_copy(source: Path, path: Path) -> None:
    """A hard link to the cache's file when both are on one disk: no second copy of 2,000 cards on
    every build (2.6 s on this project's test machine; a link costs a directory entry). The cache
    writes an entry once, under a new name, and checks every file's size and digest before using
    it again, so a file edited through the site's link is caught there and made again. Else a copy.
    A file already there (a quick rebuild's new card) is replaced whole, never written into: it
    may be a link to another entry of the cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, path)
        return
    except OSError:  # there already, another disk, or no hard links there
        pass
    temporary = path.with_name(f".{path.name}.{os.getpid()}.moi")
    try:
        try:
            os.link(source, temporary)
        except OSError:
            shutil.copyfile(source, temporary)
        os.replace(temporary, path)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


class Linker:
    """Puts the image cache's files in place from one background thread, while pages render: 2,600
    links are system calls (the GIL is let go), and took 0.4-0.7 s before the first page otherwise.
    `wait()` before anything reads the site (on_post_build) or gives it up (on_build_error)."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._started: list[Future] = []

    def submit(self, source: Path, path: Path) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cchc-link")
        self._started.append(self._pool.submit(_link_or_copy, source, path))

    def wait(self) -> None:
        """Until every file is in place; the first error (a full disk) is raised here."""
        started, self._started = self._started, []
        errors = [future.exception() for future in started]  # all of them finish before anything is raised
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        for error in errors:
            if error is not None:
                raise error


linker = Linker()  # of the build running in this process (MkDocs builds one site at a time)


class CachedFile(File):
    """A file of the image cache in MkDocs' file list: MkDocs resolves links to it and calls this to
    put it in the site (through `linker`, in the background)."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        linker.submit(Path(self.abs_src_path), Path(self.abs_dest_path))
