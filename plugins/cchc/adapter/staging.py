"""Never leave a half-written site: build into a folder of this build's own, swap it in at the very end.

Each build stages into `.<site>.dang-xay-dung-<pid>-<random>` beside `site/`, so two builds started
at once (a deploy hook firing twice) never share a folder. The swap takes a lock, so the two swaps
happen one after the other and whichever build says "success" leaves a complete site. Folders left
by a killed build (their process is gone) are removed by the next build.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from filelock import FileLock, Timeout

STAGING = "dang-xay-dung"  # being built
OLD = "cu"  # the previous site, removed once the new one is in place
LOCK_SECONDS = 300


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
        try:
            with self.lock:
                old = self.parent / f"{self.prefix}{OLD}-{os.getpid()}-{self.staging.name[-8:]}"
                if self.final.exists():
                    os.replace(self.final, old)
                os.replace(self.staging, self.final)
                shutil.rmtree(old, ignore_errors=True)
        except Timeout:
            self.abort()
            raise StagingError(
                f"Một lần dựng trang khác đang thay thư mục {self.final} và chưa xong sau {LOCK_SECONDS} giây. "
                "Trang cũ được giữ nguyên. Cách sửa: chờ lần dựng kia xong rồi chạy lại 'mkdocs build'.") from None
        self.staging = None

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
