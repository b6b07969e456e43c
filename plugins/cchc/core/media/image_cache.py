"""A folder of processed images and social cards kept across builds (default .cache/cchc/images/).

key = sha256(code version + settings + source bytes), the code version being the one policy of every
cache (core.build_cache.code_version: our code's digest and the libraries' versions): any change of
input, settings, drawing code or encoder gives a new entry, and an unchanged input is never processed
twice. An entry is a folder with the output files and a meta.json; it is written under a temporary
name and renamed, so an interrupted build never leaves half an entry behind.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from cchc.core.build_cache import code_version


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
        """The stored entry for `key` (counted as reused), or None; read from disk once per process."""
        entry = self._known.get(key) or self._read(key)
        if entry is not None:
            self._known[key] = entry
            with self._lock:
                self.reused += 1
        return entry

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

    def get_or_make(self, key: str, make: Callable[[], tuple[dict, dict[str, bytes]]]) -> Entry:
        """The cached entry for `key`, or make() -> (meta, name -> bytes) stored first. Exceptions of
        make() pass through and store nothing."""
        entry = self.find(key)
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
        folder = self._path(key)
        try:
            stored = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        entry = Entry(folder, stored["meta"], stored["names"])
        if not all((folder / name).is_file() for name in entry.names.values()):
            return None
        return entry

    def _write(self, key: str, meta: dict, outputs: dict[str, bytes]) -> Entry:
        final = self._path(key)
        final.parent.mkdir(parents=True, exist_ok=True)
        names = {name: self.file_name(i, name) for i, name in enumerate(sorted(outputs))}
        temp = Path(tempfile.mkdtemp(prefix=f".{key[:8]}-", dir=final.parent))
        try:
            for name, file_name in names.items():
                (temp / file_name).write_bytes(outputs[name])
            (temp / "meta.json").write_text(json.dumps({"meta": meta, "names": names}, ensure_ascii=False),
                                            encoding="utf-8")
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
