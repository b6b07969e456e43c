"""A persistent cache of build results on disk: safe to delete, shared safely by parallel builds.

One SQLite database (cache.sqlite3 in the cache folder): thousands of small entries are read in one
file rather than thousands, and SQLite's transactions make every write whole (a reader sees the old
entry or the new one, never half) and let two builds share the file. The key must hold every input
of the value (the caller's job); each entry also stores the cache version, so entries written by
another version of the package, its code or its libraries are never used. An entry or a database
that cannot be read (truncated, corrupt, foreign) counts as a miss: the build renders again and a
broken database file is replaced by a new one.

An entry is `version\n`, the value as JSON with its long texts taken out, `\n`, then those texts as
they are (length-prefixed): a page's 20 KB of HTML inside JSON cost more to decode (every quote
and line end is an escape) than to decompress.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import time
import zlib
from collections import Counter
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from cchc.core import cache_writer, helper_process

CACHE_FORMAT = 2  # bump when the shape of stored values changes
PRUNE_STAMP = "cache.don-dep"  # its time: when prune_unused() last ran
MARK = "version"  # kind of the entry that says a version stored entries here (key: digest of the version)
IN_PROCESS = 64  # up to this many new entries in a build, starting a helper costs more than it saves
# The libraries whose code shapes a page (Markdown to HTML, templates, sanitiser), an image or a parsed
# content file (frontmatter: PyYAML, python-frontmatter).
LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "nh3", "pillow",
             "fontpkg-be-vietnam-pro", "pyyaml", "python-frontmatter")


@lru_cache(maxsize=None)
def _own_code() -> str:
    """The package's own source: a change of code, released or not, is a new version."""
    package = Path(__file__).resolve().parent.parent
    return digest(*(part for path in sorted(package.rglob("*.py"))
                    for part in (path.relative_to(package).as_posix(), path.read_bytes())))


@lru_cache(maxsize=None)
def code_version() -> str:
    """The one version policy of every cache (build cache, processed images, social cards): the
    digest of our code and the versions of the libraries it calls. Never a hand-bumped tag."""
    versions = [f"code={_own_code()}"]
    for name in LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    return f"{CACHE_FORMAT};" + ";".join(versions)


version_key = code_version  # the build cache's entries carry it


def digest(*parts: str | bytes) -> str:
    """sha256 of the parts, each length-prefixed so that ('ab', 'c') and ('a', 'bc') differ."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def stable_text(value: Any) -> str | None:
    """A text that stays the same from one build to the next for settings that shape a cached value
    (Markdown extensions and their options); None when a part cannot be written down reliably.
    A function (e.g. the toc's `slugify: !!python/name:…`) stands for its name and its code."""
    if isinstance(value, dict):
        parts = [(stable_text(k), stable_text(v)) for k, v in value.items()]
        return None if any(None in pair for pair in parts) else "{" + ",".join(f"{k}:{v}" for k, v in sorted(parts)) + "}"
    if isinstance(value, (list, tuple)):
        parts = [stable_text(item) for item in value]
        return None if None in parts else "[" + ",".join(parts) + "]"
    if isinstance(value, os.PathLike):  # MkDocs' `!relative` paths
        return repr(os.fspath(value))
    code = getattr(value, "__code__", None)
    if code is not None and hasattr(value, "__qualname__"):
        return f"{value.__module__}.{value.__qualname__}:{digest(code.co_code, repr(code.co_names))}"
    text = repr(value)
    return None if " at 0x" in text else text


DAY = 86400  # seconds


def due_once_a_day(stamp: Path) -> bool:
    """Whether a once-a-day task (pruning a cache) is due: the stamp file is a day old or missing. It
    is touched then, so another build that asks meanwhile is told no; False where it cannot be written."""
    try:
        if time.time() - stamp.stat().st_mtime < DAY:
            return False
    except OSError:
        pass
    try:
        stamp.touch()
    except OSError:  # no cache folder yet, or a read-only one
        return False
    return True


class BuildCache:
    FILE = "cache.sqlite3"

    def __init__(self, folder: Path, version: str | None = None):
        self.folder = folder
        self.version = version if version is not None else version_key()
        self._version_prefix = self.version.encode("utf-8") + b"\n"  # how every entry of this version starts
        self.hits = self.misses = 0
        self.counts: Counter[tuple[str, bool]] = Counter()  # (kind, found) -> lookups, for the build log
        self._waiting: list[tuple[str, str, bytes]] = []  # put before the helper started (or without one)
        self._writer: subprocess.Popen | None = None  # core.cache_writer, once more than IN_PROCESS were put
        self._no_helper = False  # none could start, or it died: entries are stored by this process
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._mark_key = digest(self.version)
        # The entries this build read or stored (with this version's mark): prune_unused() keeps them.
        self._used: set[tuple[str, str]] = {(MARK, self._mark_key)}
        # No entry of this version when the build started (a first build, a new version of the code):
        # every lookup would miss, ~50 us each (16,000 in a cold build). Entries this build stores are
        # not looked for again in it; another build storing meanwhile only goes unused.
        self._empty = self._no_entry_of_this_version()
        self._marked = not self._empty

    def _no_entry_of_this_version(self) -> bool:
        """Whether this version never stored anything here: its mark (stored with its first entry) is absent."""
        if not (self.folder / self.FILE).exists():
            return True
        try:
            db = self._connect()
            return db is None or db.execute("SELECT 1 FROM entry WHERE kind = ? AND key = ?",
                                            (MARK, self._mark_key)).fetchone() is None
        except sqlite3.Error:
            return False

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            path = self.folder / self.FILE
            for attempt in range(2):
                try:
                    self.folder.mkdir(parents=True, exist_ok=True)
                    self._db = cache_writer.connect(str(path))
                    break
                except (sqlite3.Error, OSError):
                    if attempt == 0:  # not a database (truncated, overwritten): start a new one
                        for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                            stale.unlink(missing_ok=True)
                    else:
                        self._broken = True  # e.g. a read-only folder: build without a cache
        return self._db

    def _stored(self, kind: str, key: str) -> bytes | None:
        """The compressed entry as stored (sqlite3.Error passes through)."""
        if self._empty:
            return None
        db = self._connect()
        row = db.execute("SELECT value FROM entry WHERE kind = ? AND key = ?", (kind, key)).fetchone() if db else None
        return row[0] if row is not None else None

    def get(self, kind: str, key: str) -> Any | None:
        """The stored value, or None when there is none usable."""
        try:
            stored = self._stored(kind, key)
            if stored is not None:
                data = zlib.decompress(stored)
                if data.startswith(self._version_prefix):
                    value = _decode(data, len(self._version_prefix))
                    self._used.add((kind, key))
                    self.hits += 1
                    self.counts[(kind, True)] += 1
                    return value
        except (sqlite3.Error, ValueError, KeyError, TypeError, IndexError, zlib.error):
            pass
        self.misses += 1
        self.counts[(kind, False)] += 1
        return None

    def has(self, kind: str, key: str) -> bool:
        """Whether get() would find a value of this version, reading only the start of the entry (a
        cached page is tens of KB: get() decompresses it all)."""
        prefix = self._version_prefix
        try:
            stored = self._stored(kind, key)
            found = stored is not None and zlib.decompressobj().decompress(stored, len(prefix)) == prefix
        except (sqlite3.Error, zlib.error):
            return False
        if found:
            self._used.add((kind, key))
        return found

    def present(self, kind: str, keys: list[str]) -> set[str]:
        """The keys has() would say yes to, asked in a few queries instead of one per key."""
        prefix, found = self._version_prefix, set()
        start = 2 * len(prefix) + 64  # more than zlib ever needs to hold the prefix
        if self._empty:
            return found
        try:
            db = self._connect()
            if db is None:
                return found
            for first in range(0, len(keys), 500):  # below SQLite's limit of bound parameters
                chunk = keys[first:first + 500]
                rows = db.execute(f"SELECT key, substr(value, 1, ?) FROM entry WHERE kind = ? AND key IN "
                                  f"({','.join('?' * len(chunk))})", (start, kind, *chunk))
                for key, head in rows:
                    try:
                        if zlib.decompressobj().decompress(head, len(prefix)) == prefix:
                            found.add(key)
                            self._used.add((kind, key))
                    except zlib.error:
                        pass
        except sqlite3.Error:
            pass
        return found

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store a JSON-able value (visible to get() after the next flush()). The first entries wait
        here; from the 65th on, a helper process (core.cache_writer) compresses and stores them while
        the build goes on: a small build or a save in `mkdocs serve` starts no process."""
        if not self._marked:  # this version's mark goes with its first entry
            self._marked = True
            self.put(MARK, self._mark_key, "")
        data = self._version_prefix + _encode(value)
        self._used.add((kind, key))
        if self._writer is not None:
            self._send(cache_writer.request(b"p", kind, key, data))
            return
        self._waiting.append((kind, key, data))
        if len(self._waiting) > IN_PROCESS and not self._no_helper:
            if self._connect() is not None and self._start_writer():
                return
            self._no_helper = True
        if len(self._waiting) >= cache_writer.BATCH:  # no helper: bounded memory on large sites
            self.flush()

    def _start_writer(self) -> bool:
        """The helper, handed the entries waiting so far; False when no process can start here."""
        try:
            self._writer = helper_process.start(cache_writer.__name__, str(self.folder / self.FILE),
                                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        except OSError:
            return False
        waiting, self._waiting = self._waiting, []
        for kind, key, data in waiting:
            self._send(cache_writer.request(b"p", kind, key, data))
        return True

    def _send(self, data: bytes) -> None:
        try:
            self._writer.stdin.write(data)
        except (OSError, ValueError):  # the helper died: later entries are stored here
            self._no_helper = True
            self._stop_writer()

    def _stop_writer(self) -> None:
        writer, self._writer = self._writer, None
        if writer is not None:
            for stream in (writer.stdin, writer.stdout):
                try:
                    stream.close()
                except OSError:
                    pass
            writer.wait()

    def flush(self) -> None:
        """Store every value put so far, in transactions; returns when they are stored. A cache that
        cannot be written only makes the next build slower."""
        if self._writer is not None:
            self._send(cache_writer.request(b"f"))
            try:
                self._writer.stdin.flush()
                if self._writer.stdout.readline() == b"ok\n":
                    return
            except (OSError, ValueError):
                pass
            self._no_helper = True
            self._stop_writer()
            return
        waiting, self._waiting = self._waiting, []
        cache_writer.store(self._connect(), [(kind, key, zlib.compress(data, cache_writer.LEVEL))
                                             for kind, key, data in waiting])

    def prune_unused(self) -> int:
        """After close() of a complete build: delete the entries this build neither read nor stored
        (pages of an older configuration, edited articles' old versions, entries of older code) and
        say how many. At most once a day (a stamp file), so that two projects or configurations
        sharing the folder do not empty it for each other on every build. SQLite reuses the freed
        space: the file stops growing instead of shrinking."""
        if not due_once_a_day(self.folder / PRUNE_STAMP):
            return 0
        try:
            db = self._connect()
            if db is None:
                return 0
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.execute("CREATE TEMP TABLE IF NOT EXISTS used (kind TEXT, key TEXT, PRIMARY KEY (kind, key)) "
                           "WITHOUT ROWID")
                db.execute("DELETE FROM used")
                db.executemany("INSERT OR IGNORE INTO used VALUES (?, ?)", sorted(self._used))
                removed = db.execute("DELETE FROM entry WHERE NOT EXISTS (SELECT 1 FROM used "
                                     "WHERE used.kind = entry.kind AND used.key = entry.key)").rowcount
            return removed
        except (sqlite3.Error, OSError):  # locked by another build for a minute, read-only: next time
            return 0
        finally:
            self.close()

    def close(self) -> None:
        if self._writer is not None:
            self._stop_writer()  # the helper stores the rest when its input ends
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None


LONG = 256  # texts at least this long are stored apart from the JSON
_TAKEN = "\x00"  # {"\x00": n}: the n-th text stored apart (no key of ours is a control character)


def _encode(value: Any) -> bytes:
    texts: list[bytes] = []

    def take(item: Any) -> Any:
        if isinstance(item, str):
            if len(item) < LONG:
                return item
            texts.append(item.encode("utf-8", "surrogatepass"))
            return {_TAKEN: len(texts) - 1}
        if isinstance(item, dict):
            return {key: take(inner) for key, inner in item.items()}
        if isinstance(item, (list, tuple)):
            return [take(inner) for inner in item]
        return item

    skeleton = json.dumps(take(value), ensure_ascii=False).encode("utf-8", "surrogatepass")  # no raw line end
    return b"".join([skeleton, b"\n", *(part for text in texts for part in (len(text).to_bytes(8, "big"), text))])


def _decode(data: bytes, start: int) -> Any:
    end = data.index(b"\n", start)
    texts, at = [], end + 1
    while at < len(data):
        size = int.from_bytes(data[at:at + 8], "big")
        texts.append(data[at + 8:at + 8 + size].decode("utf-8", "surrogatepass"))
        at += 8 + size
    if at != len(data):
        raise ValueError("truncated entry")

    def put_back(item: dict) -> Any:
        return texts[item[_TAKEN]] if len(item) == 1 and _TAKEN in item else item

    return json.loads(data[start:end].decode("utf-8", "surrogatepass"), object_hook=put_back)
