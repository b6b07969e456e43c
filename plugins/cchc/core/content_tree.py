"""Which files under content/ may be read and published: regular files only, never a link.

A symbolic link (to /etc/passwd, to an article outside the tree) or a device/FIFO is never followed:
it is refused with a content error, and nothing downstream reads or copies it.

Editors' leftovers (backups, lock files, the files an OS writes into folders, hidden files and
folders) are not content: `leftover` is the one rule, and they are skipped by every reader and
never published, here and in site_src/.
"""
from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

from cchc.core.errors import ContentError

_LINK_FIX = "Xóa liên kết và đặt bản sao thật của tệp vào thư mục content/ (liên kết không được xuất bản vì an toàn)."


# Backups of editors and office programs (bai.md~, bai.md.bak, .orig, .tmp, .swp of vim, .part of a
# download in progress) and the lock files of Word (~$bai.docx) and LibreOffice (.~lock.bai.docx#).
_LEFTOVER_SUFFIXES = ("~", ".bak", ".orig", ".tmp", ".temp", ".swp", ".swo", ".part", ".crdownload")
_LEFTOVER_PREFIXES = (".", "~$", "._")  # hidden files and folders (.DS_Store, .git, ._bai.md of macOS), Word's locks
_OS_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r", "__macosx"})


def leftover(name: str) -> bool:
    """A file or folder name that is an editor's or an OS's leftover, never content."""
    lowered = name.lower()
    return (lowered.startswith(_LEFTOVER_PREFIXES) or lowered.endswith(_LEFTOVER_SUFFIXES)
            or lowered in _OS_FILES)


def on_disk(root: Path, path: str) -> Path:
    """The file a content path names, also when its name on disk is in the other Unicode form: macOS
    and zip tools write 'ệ' as 'e' + two marks (NFD), editors type it whole (NFC). root/path when
    nothing else matches. ContentTree.name_clashes makes the match unique."""
    direct = root / path
    if os.path.lexists(direct):
        return direct
    current = root
    for part in path.split("/"):
        candidate = current / part
        if not os.path.lexists(candidate):
            wanted = unicodedata.normalize("NFC", part)
            try:
                same = [name for name in os.listdir(current) if unicodedata.normalize("NFC", name) == wanted]
            except OSError:
                return direct
            if len(same) != 1:
                return direct
            candidate = current / same[0]
        current = candidate
    return current


def plain_file(root: Path, path: Path) -> bool:
    """path is a regular file inside root, and neither it nor a folder between root and it is a link."""
    root_text, path_text = os.fspath(root).rstrip(os.sep), os.fspath(path)  # strings: called for every file
    if not path_text.startswith(root_text + os.sep):
        return False  # like Path.relative_to: paths under root as written (glob gives them so)
    relative = path_text[len(root_text) + 1:]
    if not relative:
        return False
    current = root_text
    for part in relative.split(os.sep):
        current = os.path.join(current, part)
        try:
            mode = os.lstat(current).st_mode
        except (OSError, ValueError):
            return False
        if stat.S_ISLNK(mode):
            return False
    return stat.S_ISREG(mode)


class ContentTree:
    """One walk of a folder per load, never through a link: its regular files with their stat, in
    the order of sorted(Path) (depth first, names in order), and the links and special files it
    refused. The readers of articles, procedures, plans and the encoding check take their files from
    it instead of globbing, checking each path for links and stat-ing it again: at 10,000 files that
    was most of a `mkdocs serve` reload."""

    def __init__(self, root: Path) -> None:
        self.files: dict[str, os.stat_result] = {}  # path -> lstat of a regular file
        self.links: list[tuple[str, str]] = []  # (path, target) of each symbolic link, not followed
        self.special: list[str] = []  # devices, FIFOs, sockets
        if root.is_dir():
            self._walk(os.fspath(root))

    def _walk(self, folder: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:  # scandir: the type of each entry comes with the listing, no extra call
            if leftover(entry.name):
                continue  # not content, not even a link to report
            try:
                if entry.is_symlink():
                    self.links.append((entry.path, os.readlink(entry.path)))
                elif entry.is_dir(follow_symlinks=False):
                    self._walk(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    self.files[entry.path] = entry.stat(follow_symlinks=False)
                else:
                    self.special.append(entry.path)
            except OSError:
                continue  # gone meanwhile: as if it had not been there

    def markdown(self, folder: Path, recursive: bool) -> list[tuple[Path, os.stat_result]]:
        """The .md files in folder (and below it, if recursive), with their stat."""
        prefix = os.fspath(folder) + os.sep
        return [(Path(path), stat_) for path, stat_ in self.files.items()
                if path.startswith(prefix) and path.endswith(".md") and (recursive or os.sep not in path[len(prefix):])]

    def unsafe_entries(self, base: Path) -> list[ContentError]:
        """One error per link or special file (a linked folder is one error, nothing inside it)."""
        errors = [ContentError(_shown(Path(path), base), None, None,
                               f"'{os.path.basename(path)}' là liên kết tượng trưng (symlink) tới '{target}'.",
                               _LINK_FIX) for path, target in self.links]
        errors += [ContentError(_shown(Path(path), base), None, None,
                                f"'{os.path.basename(path)}' không phải tệp thông thường.",
                                "Xóa mục này khỏi thư mục content/.") for path in self.special]
        return errors + self.name_clashes(base)

    def name_clashes(self, base: Path) -> list[ContentError]:
        """Two files whose names differ only in case or in Unicode form (NFC 'ệ' against NFD 'ê'+'̣',
        as macOS writes them): one page or address on the site, and one file on Windows or macOS."""
        seen: dict[str, str] = {}
        errors = []
        for path in self.files:
            key = unicodedata.normalize("NFC", path).casefold()
            first = seen.setdefault(key, path)
            if first != path:
                errors.append(ContentError(
                    _shown(Path(path), base), None, None,
                    f"Tên tệp trùng với '{_shown(Path(first), base)}' (chỉ khác chữ hoa/thường hoặc cách mã hóa "
                    "dấu tiếng Việt): trên trang web và trên Windows/macOS chúng là một tệp.",
                    "Xóa một trong hai tệp, hoặc đổi tên cho khác hẳn."))
        return errors


def published_files(root: Path) -> list[Path]:
    """Every regular, non-hidden file under root, sorted; links and their targets excluded."""
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not leftover(d) and not os.path.islink(os.path.join(folder, d)))
        for name in files:
            path = Path(folder) / name
            if not leftover(name) and stat.S_ISREG(os.lstat(path).st_mode):
                found.append(path)
    return sorted(found)


def _shown(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()
