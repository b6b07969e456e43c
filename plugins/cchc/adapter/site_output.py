"""Every file the plugin puts into site/, in a full build and in a quick rebuild of `mkdocs serve`:
one place that keeps paths inside the site folder.

Pages (every page, once the plugins have finished it: adapter.plugin hands it here and MkDocs skips
its own write), the plugin's generated files (`GeneratedFile`: exports, feeds) and the image
cache's files (`CachedFile`) go to `output`: in a full build a helper process writes them while
pages render (a page with the very bytes of the site being replaced is linked from it, not
written); in a quick rebuild each is written here, whole (a temporary name, then renamed), and
only when it differs. The theme's assets and docs_dir's other files are `CopiedFile`s; the theme's
templates (sitemap.xml and its .gz, 404.html) are handed here by the plugin (`template`), and MkDocs
writes none of them.
"""
from __future__ import annotations

import gzip
import io
import os
import subprocess
from pathlib import Path

from mkdocs.structure.files import File

from cchc.core import file_writer, helper_process
from cchc.core.file_writer import link_or_copy, replace_whole

try:
    import fcntl
except ImportError:  # Windows: the pipe keeps its size
    fcntl = None


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
    replace_whole(str(path), data)
    return True


def copy(site_dir: str | Path, site_path: str, source: Path) -> None:
    """Put a file of the image cache (image variant, share crop, social card) at `site_path`: a hard
    link to the cache's file when both are on one disk (no second copy of 2,000 cards on every build;
    the cache checks each file's size and digest before using it again, so a file edited through the
    site's link is caught there), else a copy."""
    link_or_copy(str(source), str(target(site_dir, site_path)))


class Output:
    """The pages and image files of a full build, put in place in order by a helper process
    (core.file_writer) while the build renders: the renderer only hands each file over. `sync()`
    before anything reads the site (the search index, on_post_build), `close()` at the end of the
    build. Not started (a quick rebuild of `mkdocs serve`), or when no process can start: each file
    is written here at once, with write() and copy()."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._root: str | None = None
        self._broken: str | None = None  # the helper stopped: why, raised at sync()

    def start(self, site_dir: str | Path, previous: str | Path | None = None) -> None:
        """`previous`: the site this build replaces; its pages that stay the same are linked, not written."""
        self.close()
        self._root, self._broken = os.path.abspath(site_dir), None
        same = [os.path.abspath(previous)] if previous is not None and os.path.isdir(previous) else []
        try:
            self._process = helper_process.start(file_writer.__name__, self._root, *same,
                                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        except OSError:
            self._process = None
            return
        try:  # Linux: room for a few pages in the pipe, so the renderer rarely waits for the disk
            fcntl.fcntl(self._process.stdin.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
        except (AttributeError, OSError):
            pass

    def _ours(self, site_dir: str | Path) -> bool:
        return self._process is not None and os.path.abspath(site_dir) == self._root

    def _send(self, data: bytes) -> None:
        if self._broken is None:
            try:
                self._process.stdin.write(data)
            except (BrokenPipeError, ValueError, OSError) as exc:
                self._broken = f"tiến trình ghi tệp đã dừng ({exc})"

    def page(self, site_dir: str | Path, site_path: str, data: bytes) -> None:
        """A page as MkDocs would write it (bytes already encoded)."""
        if self._ours(site_dir):
            self._send(file_writer.request(b"w", site_path, data))
        else:
            write(site_dir, site_path, data)

    def link(self, site_dir: str | Path, site_path: str, source: Path) -> None:
        if self._ours(site_dir):
            self._send(file_writer.request(b"l", site_path, os.fsencode(source)))
        else:
            copy(site_dir, site_path, source)

    def sync(self) -> None:
        """Until every file handed over is in place; the first error (a full disk) is raised here."""
        if self._process is None:
            return
        self._send(file_writer.request(b"s", ""))
        if self._broken is None:
            try:
                self._process.stdin.flush()
                answer = self._process.stdout.readline().decode("utf-8", "replace").strip()
            except OSError as exc:
                answer = str(exc)
            if answer != "ok":
                self._broken = answer or "tiến trình ghi tệp đã dừng"
        if self._broken is not None:
            broken = self._broken
            self.cancel()
            raise OSError(f"Không ghi được tệp vào thư mục trang: {broken}")

    def close(self) -> None:
        """sync(), then the helper exits."""
        if self._process is None:
            return
        self.sync()
        process, self._process = self._process, None
        process.stdin.close()
        process.wait()
        process.stdout.close()

    def cancel(self) -> None:
        """The build stopped: the helper stops too (what it wrote stays in the staging folder)."""
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout):
                try:
                    stream.close()
                except OSError:
                    pass


output = Output()  # of the build running in this process (MkDocs builds one site at a time)


def template(site_dir: str | Path, name: str, text: str, timestamp: int) -> None:
    """A theme or extra template MkDocs rendered (404.html, sitemap.xml), written as MkDocs would:
    sitemap.xml also gzipped, with the build's date in the header (the same bytes every build)."""
    data = text.encode("utf-8")
    output.page(site_dir, name, data)
    if name == "sitemap.xml":
        packed = io.BytesIO()
        with gzip.GzipFile(fileobj=packed, filename=f"{name}.gz", mode="wb", mtime=timestamp) as stream:
            stream.write(data)
        output.page(site_dir, f"{name}.gz", packed.getvalue())


class GeneratedFile(File):
    """A file made by the plugin (export, feed, embeddable box) in MkDocs' file list: MkDocs calls
    this to put it in the site, through `output`."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        output.page(self.dest_dir, self.dest_uri, self.content_bytes)


class CopiedFile(File):
    """A file of the theme or of docs_dir (stylesheets, scripts, fonts, pictures of hand-written
    pages): MkDocs calls this to copy it into the site, through `output`. Copied, never linked: a
    link would let an edit of the site's file change the installed theme."""

    @classmethod
    def of(cls, file: File) -> "CopiedFile":
        return cls(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                   dest_uri=file.dest_uri, inclusion=file.inclusion)

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        output.page(self.dest_dir, self.dest_uri, Path(self.abs_src_path).read_bytes())


class CachedFile(File):
    """A file of the image cache in MkDocs' file list: MkDocs resolves links to it and calls this to
    put it in the site (through `output`, in the background)."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        output.link(self.dest_dir, self.dest_uri, Path(self.abs_src_path))
