"""Never leave a half-written site: build into a folder of this build's own, swap it in at the very end.

Each build stages into `.<site>.dang-xay-dung-<pid>-<random>` beside `site/`, so two builds started
at once (a deploy hook firing twice) never share a folder. The swap takes a lock, so the two swaps
happen one after the other and whichever build says "success" leaves a complete site. The previous
site is deleted by a detached process once the new one is in place: deleting 15,000 files takes a
second or more, and the build need not wait for it. Folders left by a killed build or deleter (their
process is gone) are removed by the next build.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from filelock import FileLock, Timeout

STAGING = "dang-xay-dung"  # being built
OLD = "cu"  # the previous site, removed once the new one is in place
LOCK_SECONDS = 300
# Reads the folder's path on stdin (known only after the process exists: the folder carries its pid).
_DELETER = ("import os, shutil, sys; path = os.fsdecode(sys.stdin.buffer.read()); "
            "path and shutil.rmtree(path, ignore_errors=True)")


class StagingError(Exception):
    pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, owned by someone else
    return True


class StagedOutput:
    def __init__(self, site_dir: str):
        self.final = Path(site_dir).resolve()
        self.parent = self.final.parent
        self.prefix = f".{self.final.name}."
        self.lock = FileLock(str(self.parent / f".{self.final.name}.lock"), timeout=LOCK_SECONDS)
        self.staging: Path | None = None

    def start(self) -> str:
        self.parent.mkdir(parents=True, exist_ok=True)
        self._remove_leftovers()
        self.staging = Path(tempfile.mkdtemp(prefix=f"{self.prefix}{STAGING}-{os.getpid()}-", dir=self.parent))
        os.chmod(self.staging, 0o755)  # mkdtemp makes it 0700; the published folder must be readable
        return str(self.staging)

    def commit(self) -> None:
        """Put the staged site in place of site/; the previous site is removed only after."""
        deleter = _start_deleter()
        owner = deleter.pid if deleter is not None else os.getpid()  # a live pid: no other build removes it
        old = self.parent / f"{self.prefix}{OLD}-{owner}-{self.staging.name[-8:]}"
        moved = False
        try:
            with self.lock:
                if self.final.exists():
                    os.replace(self.final, old)
                    moved = True
                os.replace(self.staging, self.final)
        except Timeout:
            _let_go(deleter, None)
            self.abort()
            raise StagingError(
                f"Một lần dựng trang khác đang thay thư mục {self.final} và chưa xong sau {LOCK_SECONDS} giây. "
                "Trang cũ được giữ nguyên. Cách sửa: chờ lần dựng kia xong rồi chạy lại 'mkdocs build'.") from None
        except BaseException:
            _let_go(deleter, None)  # the old site stays where it is (or was put): nothing is deleted
            raise
        self.staging = None
        _let_go(deleter, old if moved else None)

    def abort(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None

    def _remove_leftovers(self) -> None:
        """Staging and old folders of builds whose process no longer runs."""
        pattern = re.compile(rf"{re.escape(self.prefix)}(?:{STAGING}|{OLD})-(\d+)-")
        for path in self.parent.iterdir():
            found = pattern.match(path.name)
            if found and not _alive(int(found.group(1))) and path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)


def _start_deleter() -> subprocess.Popen | None:
    """A process of its own session that outlives the build; None if none can be started."""
    try:
        return subprocess.Popen([sys.executable, "-I", "-S", "-c", _DELETER], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        return None


def _let_go(deleter: subprocess.Popen | None, folder: Path | None) -> None:
    """Tell the deleter what to delete (nothing: it ends) and let it go; without one, delete here."""
    if deleter is None:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        deleter.stdin.write(os.fsencode(folder) if folder is not None else b"")
        deleter.stdin.close()
    except OSError:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
