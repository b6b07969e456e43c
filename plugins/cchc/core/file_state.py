"""Whether a file changed since it was last read, without reading every file each time.

Size and modification time alone miss an edit that keeps both (`cp -p`, `rsync -a`, a file system
that keeps whole seconds). The state of a file is therefore its size, modification time, change time
(ctime: set by the system on every write or metadata change, never by a copying tool) and inode (a
replaced file is a new one). A file whose times are close to the moment it was looked at could still
change within the same clock tick without any of them moving, as git's "racily clean" entries: its
content digest is kept with its state and compared at the next look.
"""
from __future__ import annotations

import hashlib
import os
import time

RACY_NS = 3_000_000_000  # coarser than the coarsest file-system clock in use (FAT: 2 s)

State = tuple  # (size, mtime_ns, ctime_ns, inode, content digest or None)


def stat_key(stat: os.stat_result) -> tuple[int, int, int, int]:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def settled(stat: os.stat_result, seen_ns: int) -> bool:
    """Whether any later write must move the file's times: its last change is well before `seen_ns`."""
    return max(stat.st_mtime_ns, stat.st_ctime_ns) < seen_ns - RACY_NS


def content_digest(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
    except OSError:
        return None


def file_state(path: str, stat: os.stat_result, seen_ns: int, before: State | None = None) -> State:
    """The file's state at `seen_ns`; its content digest when it is racy now, or was at the last look
    (`before`) and its stat did not move since."""
    key = stat_key(stat)
    racy = not settled(stat, seen_ns) or (before is not None and before[4] is not None and before[:4] == key)
    return (*key, content_digest(path) if racy else None)


def now_ns() -> int:
    return time.time_ns()
