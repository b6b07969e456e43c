"""A helper process that compresses and stores the build cache's new entries while the build goes on.

Storing 20,000 entries of a cold build (a page's HTML, a rendered Markdown, an excerpt…) cost the
rendering process 3 s: handing each to a compressing thread, whose every zlib call gives the GIL
back and waits for it again while pages render, and the SQLite inserts. This process has its own
GIL; the build only puts each entry into a pipe (core.build_cache.BuildCache.put).

`python -m cchc.core.cache_writer DATABASE` reads requests from stdin: one byte (p: put, f: flush),
the lengths of kind (2 bytes), key (2 bytes) and value (8 bytes), then kind, key and value (the entry
as core.build_cache encodes it, version first). Entries are compressed and stored in transactions of
500; `f` stores what came so far and answers `ok` on stdout; at the end of the input the rest is
stored. A database that cannot be written only makes the next build slower: nothing is reported.
It imports only core.helper_process of the package, so the process starts in a few milliseconds.
"""
from __future__ import annotations

import sqlite3
import sys
import zlib

from cchc.core.helper_process import read_exact

HEADER = 13  # op (1) + kind length (2) + key length (2) + value length (8)
BATCH = 500
LEVEL = 1  # zlib: a page is compressed ~6x at level 1, twice as fast as the default level


def request(op: bytes, kind: str = "", key: str = "", value: bytes = b"") -> bytes:
    kind_bytes, key_bytes = kind.encode("utf-8"), key.encode("utf-8")
    return (op + len(kind_bytes).to_bytes(2, "big") + len(key_bytes).to_bytes(2, "big")
            + len(value).to_bytes(8, "big") + kind_bytes + key_bytes + value)


def connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE IF NOT EXISTS entry (kind TEXT, key TEXT, value BLOB, "
               "PRIMARY KEY (kind, key)) WITHOUT ROWID")
    return db


def store(db: sqlite3.Connection | None, rows: list[tuple[str, str, bytes]]) -> None:
    """The rows in one transaction (a reader sees all of them or none)."""
    if db is None or not rows:
        return
    try:
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?, ?)", rows)
    except sqlite3.Error:
        pass


def main(path: str) -> int:
    requests = sys.stdin.buffer
    try:
        db = connect(path)
    except (sqlite3.Error, OSError):
        db = None  # keep reading (the build must not block on a full pipe), store nothing
    rows: list[tuple[str, str, bytes]] = []
    while True:
        header = requests.read(HEADER)
        if len(header) != HEADER:  # the end (or a build stopped in the middle of a request)
            store(db, rows)
            return 0
        try:
            kind = read_exact(requests, int.from_bytes(header[1:3], "big")).decode("utf-8")
            key = read_exact(requests, int.from_bytes(header[3:5], "big")).decode("utf-8")
            value = read_exact(requests, int.from_bytes(header[5:], "big"))
        except EOFError:
            store(db, rows)
            return 0
        if header[:1] == b"p":
            rows.append((kind, key, zlib.compress(value, LEVEL)))
            if len(rows) >= BATCH:
                store(db, rows)
                rows = []
        else:  # f
            store(db, rows)
            rows = []
            sys.stdout.write("ok\n")
            sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
