"""A folder of processed images and social cards kept across builds (default .cache/cchc/images/).

key = sha256(code version + settings + source bytes), the code version being the one policy of every
cache (core.build_cache.code_version: our code's digest and the libraries' versions): any change of
input, settings, drawing code or encoder gives a new entry, and an unchanged input is never processed
twice. An entry is a folder with the output files and a meta.json; it is written under a temporary
name and renamed, so an interrupted build never leaves half an entry behind.

The folder is untrusted on reading (a damaged disk, a hand-edited or foreign folder): an entry is used
only if its meta.json has the expected shape, every file it names is a plain name in the entry's own
folder (never a path: `../../etc/passwd` is refused), and every file has the size and digest written
down when it was stored. Anything else is skipped with one warning and made again.

Reading an entry marks it as used (its folder's modification time); after a full build, entries no
build used for 30 days are deleted (`prune`), so the folder does not grow with every code upgrade or
edited title.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from cchc.core.build_cache import DAY, code_version, due_once_a_day

# A damaged cache is no mistake of the content: it is logged as info, so that --strict builds go on.
log = logging.getLogger("mkdocs.plugins.cchc")
_FILE_NAME = re.compile(r"[0-9]{1,4}(\.[a-z0-9]{1,5})?")  # as file_name() makes them: never a path
UNUSED_DAYS = 30  # an entry no build used for this long is deleted (prune)
PRUNE_STAMP = ".don-dep"  # its time: when prune() last ran
_OUTPUT_NAME = re.compile(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*")  # e.g. IMG.w480.webp: no folder, no '..'


def _file_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class DamagedEntry(Exception):
    """An entry on disk that is not as this code stored it."""


def _checked(folder: Path, stored) -> tuple[dict, dict[str, str]]:
    """(meta, names) of a meta.json, after checking its shape and every file it names."""
    if not isinstance(stored, dict) or not isinstance(stored.get("meta"), dict) \
            or not isinstance(stored.get("names"), dict) or not isinstance(stored.get("files"), dict):
        raise DamagedEntry("meta.json không đúng cấu trúc")
    names, files = stored["names"], stored["files"]
    if not names or set(files) != set(names.values()):
        raise DamagedEntry("danh sách tệp không khớp")
    for name, file_name in names.items():
        if not isinstance(name, str) or not _OUTPUT_NAME.fullmatch(name) or not isinstance(file_name, str) \
                or not _FILE_NAME.fullmatch(file_name):
            raise DamagedEntry(f"tên tệp không hợp lệ {name!r}: {file_name!r}")
        expected = files[file_name]
        if not (isinstance(expected, list) and len(expected) == 2):
            raise DamagedEntry("thiếu cỡ và mã băm của tệp")
        path = folder / file_name
        if path.is_symlink() or not path.is_file() or path.stat().st_size != expected[0]:
            raise DamagedEntry(f"tệp {file_name} thiếu hoặc sai cỡ")
        if _file_digest(path.read_bytes()) != expected[1]:
            raise DamagedEntry(f"tệp {file_name} sai mã băm")
    return stored["meta"], names


@dataclass(frozen=True)
class Entry:
    folder: Path
    meta: dict
    names: dict[str, str]  # output name (e.g. a site path) -> file name in the folder

    def file(self, name: str) -> Path:
        return self.folder / self.names[name]


class ImageCache:
    def __init__(self, folder: Path):
        self.folder = folder
        self.processed = 0  # entries made by this build (a second build of the same input: 0)
        self.reused = 0
        self._lock = threading.Lock()  # media.py processes images in threads
        self._known: dict[str, Entry] = {}  # entries this cache read or wrote (mkdocs serve asks again)

    @staticmethod
    def key(source: bytes, settings: str) -> str:
        digest = hashlib.sha256()
        for part in (code_version().encode(), settings.encode(), source):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
        return digest.hexdigest()

    def find(self, key: str) -> Entry | None:
        """The stored entry for `key` (counted as reused), or None; read from disk once per process,
        and marked as used then (its folder's time: prune() keeps what builds use)."""
        entry = self._known.get(key)
        if entry is None:
            entry = self._read(key)
            if entry is not None:
                try:
                    os.utime(entry.folder)
                except OSError:  # a read-only cache is still used, only never pruned of it
                    pass
        if entry is not None:
            self._known[key] = entry
            with self._lock:
                self.reused += 1
        return entry

    def prune(self, days: int = UNUSED_DAYS) -> int:
        """Delete the entries no build used for `days` days (an old cover, an edited title's card, every
        picture of an older code version) and leftovers of interrupted builds; how many. At most once a
        day: a stamp file says when it last ran. Entries this process used are kept whatever their age."""
        if not due_once_a_day(self.folder / PRUNE_STAMP):
            return 0
        limit, used = time.time() - days * DAY, {entry.folder for entry in self._known.values()}
        removed = 0
        for shard in [p for p in self.folder.iterdir() if p.name != PRUNE_STAMP]:
            # shards (at most 256, kept) hold entries; a loose file (a request of a killed build) is pruned like one
            try:
                entries = list(shard.iterdir()) if shard.is_dir() and not shard.is_symlink() else [shard]
            except OSError:  # pruned by another build meanwhile
                continue
            for entry in entries:
                try:
                    old = entry.lstat().st_mtime < limit
                except OSError:
                    continue
                if old and entry not in used:
                    if entry.is_dir() and not entry.is_symlink():
                        shutil.rmtree(entry, ignore_errors=True)
                    else:
                        try:
                            entry.unlink()
                        except OSError:
                            continue
                    removed += 1
        return removed

    def planned_file(self, key: str, name: str) -> Path:
        """Where the only output `name` of entry `key` is, or will be once a worker stored it."""
        return self._path(key) / self.file_name(0, name)

    def remember(self, key: str, names: dict[str, str]) -> None:
        """An entry another process stored (media.card_batch): known from now on without a read."""
        self._known.setdefault(key, Entry(self._path(key), {}, names))

    def count_processed(self, made: int, reused: int) -> None:
        with self._lock:
            self.processed += made
            self.reused += reused

    @staticmethod
    def file_name(index: int, name: str) -> str:
        """An output's file in its entry's folder: by position, so a site path never becomes a file name."""
        return f"{index}{Path(name).suffix}"

    def get_or_make(self, key: str, make: Callable[[], tuple[dict, dict[str, bytes]]],
                    check: Callable[[Entry], bool] | None = None) -> Entry:
        """The cached entry for `key`, or make() -> (meta, name -> bytes) stored first. Exceptions of
        make() pass through and store nothing. check(entry): whether a stored entry's meta is usable."""
        entry = self.find(key)
        if entry is not None and check is not None and not check(entry):
            log.info("Cảnh báo: bộ nhớ đệm ảnh: bỏ qua mục hỏng %s (thông tin ảnh không hợp lệ); ảnh được xử lý lại.",
                        entry.folder.relative_to(self.folder).as_posix())
            self._known.pop(key, None)
            with self._lock:
                self.reused -= 1
            entry = None
        if entry is not None:
            return entry
        meta, outputs = make()
        with self._lock:
            self.processed += 1
        entry = self._known[key] = self._write(key, meta, outputs)
        return entry

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def _read(self, key: str) -> Entry | None:
        """The entry stored under `key`, checked; None when there is none or it is damaged."""
        folder = self._path(key)
        meta_file = folder / "meta.json"
        if not meta_file.is_file():
            return None
        try:
            meta, names = _checked(folder, json.loads(meta_file.read_text(encoding="utf-8")))
        except (OSError, ValueError, DamagedEntry) as problem:
            log.info("Cảnh báo: bộ nhớ đệm ảnh: bỏ qua mục hỏng %s (%s); ảnh được xử lý lại.",
                        folder.relative_to(self.folder).as_posix(), problem)
            return None
        return Entry(folder, meta, names)

    def _write(self, key: str, meta: dict, outputs: dict[str, bytes]) -> Entry:
        final = self._path(key)
        final.parent.mkdir(parents=True, exist_ok=True)
        names = {name: self.file_name(i, name) for i, name in enumerate(sorted(outputs))}
        temp = Path(tempfile.mkdtemp(prefix=f".{key[:8]}-", dir=final.parent))
        try:
            files = {}
            for name, file_name in names.items():
                (temp / file_name).write_bytes(outputs[name])
                files[file_name] = [len(outputs[name]), _file_digest(outputs[name])]
            (temp / "meta.json").write_text(json.dumps({"meta": meta, "names": names, "files": files},
                                                       ensure_ascii=False), encoding="utf-8")
            if final.exists():  # a broken entry from an older run
                shutil.rmtree(final, ignore_errors=True)
            try:
                os.replace(temp, final)
            except OSError:  # another build stored the same entry meanwhile: same key, same bytes
                existing = self._read(key)
                if existing is None:
                    raise
                return existing
        finally:
            if temp.exists():
                shutil.rmtree(temp, ignore_errors=True)
        return Entry(final, meta, names)
