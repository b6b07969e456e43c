"""A helper process that writes and links the files of a build while the build renders its pages.

Writing 5,000 pages (a folder, an open, a write, a close each) took 3.5 s of the rendering
process. A thread would not help: each system call gives the GIL back, and a thread that wants
it again while the renderer computes waits up to 5 ms each time (measured: 5 s of rendering left
the thread 3 s behind). A process has its own GIL: the renderer only puts each page into a pipe.

`python -m cchc.core.file_writer ROOT` reads requests from stdin and answers each `sync` on stdout
with `ok` or the first error (then it writes nothing more). Paths are relative to ROOT and may not
leave it. A request is one byte (w: write, l: link or copy, s: sync), the path's length (4 bytes)
and the data's length (8 bytes), then the path and the data (for l: the source path).
This module imports nothing of the package, so the process starts in a few milliseconds.
"""
from __future__ import annotations

import os
import posixpath
import shutil
import sys

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


def link_or_copy(source: str, path: str) -> None:
    """A hard link to the cache's file (no second copy); a copy on another disk. A file already
    there is replaced whole, never written into: it may be a link to a file of the cache."""
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


class Writes:
    """What the requests ask, done in order; after the first failure, nothing more is done."""

    def __init__(self, root: str):
        self.root = root
        self.folders: set[str] = set()  # made already: one mkdir per folder, not per file
        self.error: str | None = None

    def write(self, relative: str, data: bytes) -> None:
        path = inside(self.root, relative)
        folder = os.path.dirname(path)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        with open(path, "wb") as out:
            out.write(data)

    def link(self, relative: str, source: str) -> None:
        link_or_copy(source, inside(self.root, relative))

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


def _read(stream, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError
    return data


def main(root: str) -> int:
    requests, answers = sys.stdin.buffer, sys.stdout
    writes = Writes(root)
    while True:
        header = requests.read(HEADER)
        if not header:
            return 0 if writes.error is None else 1
        try:
            if len(header) != HEADER:
                raise EOFError
            op = header[:1]
            path = _read(requests, int.from_bytes(header[1:5], "big")).decode("utf-8", "surrogateescape")
            data = _read(requests, int.from_bytes(header[5:], "big"))
        except EOFError:  # the build stopped in the middle of a request
            return 1
        if op == b"s":
            answers.write("ok\n" if writes.error is None else writes.error.replace("\n", " ") + "\n")
            answers.flush()
        else:
            writes.do(op, path, data)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
