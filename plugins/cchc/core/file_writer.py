"""A helper process that writes and links the files of a build while the build renders its pages.

Writing 5,000 pages (a folder, an open, a write, a close each) took 3.5 s of the rendering
process. A thread would not help: each system call gives the GIL back, and a thread that wants
it again while the renderer computes waits up to 5 ms each time (measured: 5 s of rendering left
the thread 3 s behind). A process has its own GIL: the renderer only puts each page into a pipe.

`python -m cchc.core.file_writer ROOT [PREVIOUS]` reads requests from stdin and answers each `sync`
on stdout with `ok` or the first error (then it writes nothing more). Paths are relative to ROOT and
may not leave it. PREVIOUS is the site being replaced: a page whose bytes are exactly those of the
same path there (read and compared, a regular file, not a link) is hard-linked from it instead of
written. Most pages of a build are the same as last time, and a link is one directory entry where a
write allocates and fills new blocks (on this project's test disk, 0.2 s instead of 0.8-6 s for
5,000 pages); deleting the old site then frees almost nothing either. A request is one byte (w:
write, l: link or copy, s: sync), the path's length (4 bytes) and the data's length (8 bytes), then
the path and the data (for l: the source path).
It imports only core.helper_process of the package, so the process starts in a few milliseconds.
"""
from __future__ import annotations

import os
import posixpath
import shutil
import stat
import sys
import tempfile

from cchc.core.helper_process import read_exact

HEADER = 13  # op (1) + path length (4) + data length (8)


def request(op: bytes, path: str, data: bytes = b"") -> bytes:
    encoded = path.encode("utf-8", "surrogateescape")
    return op + len(encoded).to_bytes(4, "big") + len(data).to_bytes(8, "big") + encoded + data


def inside(root: str, relative: str) -> str:
    """ROOT/relative, refused (ValueError) when `relative` is empty, absolute or climbs out with `..`."""
    clean = posixpath.normpath(relative)
    if not relative or clean.startswith(("/", "../")) or clean in (".", ".."):
        raise ValueError(f"Đường dẫn '{relative}' nằm ngoài thư mục trang.")
    return os.path.join(root, clean)


def link_or_copy(source: str, path: str, folder_made: bool = False) -> None:
    """A hard link to the cache's file (no second copy); a copy on another disk. A file already
    there is replaced whole, never written into: it may be a link to a file of the cache."""
    if not folder_made:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        os.link(source, path)
        return
    except OSError:
        pass
    temporary = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.{os.getpid()}.moi")
    try:
        try:
            os.link(source, temporary)
        except OSError:
            shutil.copyfile(source, temporary)
        os.replace(temporary, path)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def replace_whole(path: str, data: bytes) -> None:
    """`data` at `path` under a temporary name, then renamed over it: a reader sees the old file or
    the new one, and a file already there (maybe a hard link shared with the old site or the image
    cache) is replaced, never written into."""
    handle, temporary = tempfile.mkstemp(prefix=".", dir=os.path.dirname(path))
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


class Writes:
    """What the requests ask, done in order; after the first failure, nothing more is done."""

    def __init__(self, root: str, previous: str | None = None):
        self.root, self.previous = root, previous
        self.folders: set[str] = set()  # made already: one mkdir per folder, not per file
        self.error: str | None = None

    def _folder(self, path: str) -> None:
        folder = os.path.dirname(path)
        if folder not in self.folders:  # one mkdir per folder, not per file (2,600 images in a few folders)
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)

    def write(self, relative: str, data: bytes) -> None:
        path = inside(self.root, relative)
        self._folder(path)
        if self.previous is not None and _link_same(inside(self.previous, relative), data, path):
            return
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # written before in this build, maybe as a link to the old site's file
            replace_whole(path, data)
            return
        with os.fdopen(handle, "wb") as out:
            out.write(data)

    def link(self, relative: str, source: str) -> None:
        path = inside(self.root, relative)
        self._folder(path)
        link_or_copy(source, path, folder_made=True)

    def do(self, op: bytes, relative: str, data: bytes) -> None:
        if self.error is not None:
            return
        try:
            if op == b"w":
                self.write(relative, data)
            elif op == b"l":
                self.link(relative, data.decode("utf-8", "surrogateescape"))
            else:
                raise ValueError(f"yêu cầu lạ {op!r}")
        except (OSError, ValueError) as exc:
            self.error = f"{relative}: {exc}"


def _link_same(old: str, data: bytes, path: str) -> bool:
    """Hard-link `old` at `path` if it is a regular file holding exactly `data`; whether it did."""
    try:
        handle = os.open(old, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode) or found.st_size != len(data):
            return False
        chunks, size = [], 0
        while size < len(data):
            chunk = os.read(handle, len(data) - size)
            if not chunk:
                return False
            chunks.append(chunk)
            size += len(chunk)
        if b"".join(chunks) != data:
            return False
        os.link(old, path, follow_symlinks=False)
        return True
    except OSError:
        return False
    finally:
        os.close(handle)


def main(root: str, previous: str | None = None) -> int:
    requests, answers = sys.stdin.buffer, sys.stdout
    writes = Writes(root, previous)
    while True:
        header = requests.read(HEADER)
        if not header:
            return 0 if writes.error is None else 1
        try:
            if len(header) != HEADER:
                raise EOFError
            op = header[:1]
            path = read_exact(requests, int.from_bytes(header[1:5], "big")).decode("utf-8", "surrogateescape")
            data = read_exact(requests, int.from_bytes(header[5:], "big"))
        except EOFError:  # the build stopped in the middle of a request
            return 1
        if op == b"s":
            answers.write("ok\n" if writes.error is None else writes.error.replace("\n", " ") + "\n")
            answers.flush()
        else:
            writes.do(op, path, data)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
