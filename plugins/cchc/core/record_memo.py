"""Records read from files, kept between two loads of the same project (`mkdocs serve`), so that a
save re-reads only the saved file. A record is reused while its file has the same state (size,
modification and change time, inode: core.file_state) and the settings are the same, and only if the
file had settled when it was read (a file changed within the same clock tick is read again); records
are frozen, so sharing one between two loads is safe."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Hashable

from cchc.core.file_state import now_ns, settled, stat_key


class RecordMemo:
    def __init__(self) -> None:
        self._owner: Hashable = None
        self._entries: dict[tuple, Any] = {}
        self._seen: set[tuple] = set()
        self.reused = self.read = 0

    def start(self, owner: Hashable) -> None:
        """Begin a load for these settings: entries of other settings, or of files (or versions of
        files) the last load did not see, are dropped, so the memo stays the size of the content."""
        if owner != self._owner:
            self._owner, self._entries = owner, {}
        else:
            self._entries = {key: value for key, value in self._entries.items() if key in self._seen}
        self._seen = set()
        self.reused = self.read = 0

    def get(self, kind: str, path: Path, make: Callable[[], Any], stat: os.stat_result | None = None) -> Any:
        """`stat`: the file's, when the caller has it already (core.content_tree)."""
        stat = stat or path.stat()
        key = (kind, str(path), *stat_key(stat))
        self._seen.add(key)
        if key in self._entries:
            self.reused += 1
            return self._entries[key]
        self.read += 1
        seen = now_ns()
        value = make()
        if settled(stat, seen):  # else a write in the same clock tick could leave the key as it is
            self._entries[key] = value
        return value
