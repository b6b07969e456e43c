"""Links and images that point at a file on the writer's computer (`C:\\…`, `D:/…`, `file://…`,
`\\\\server\\share\\…`): they work on that computer only, and the published page shows nothing."""
from __future__ import annotations

import re
from pathlib import Path

from cchc.core.errors import ContentError

# A drive letter, a file: URL, or a network share (UNC path).
_COMPUTER = r"(?:[A-Za-z]:[\\/]|file:|\\\\[^\\\s]+\\)"
_TARGETS = [
    re.compile(rf"(?P<image>!?)\[[^\]\n]*\]\(\s*<?(?P<target>{_COMPUTER}[^)>\n]*)"),  # [text](…), ![alt](…)
    re.compile(rf"^ {{0,3}}\[[^\]\n]+\]:\s*<?(?P<target>{_COMPUTER}\S*)", re.MULTILINE),  # [id]: …
    re.compile(rf"\b(?P<attr>src|href)\s*=\s*[\"']?(?P<target>{_COMPUTER}[^\"'>\s]*)", re.IGNORECASE),
]
COMPUTER_PATH = re.compile(_COMPUTER)

FIX = ("Chép tệp vào thư mục cạnh bài viết (ví dụ anh/ cho ảnh, tep/ cho tài liệu) rồi ghi đường dẫn "
       "tương đối, ví dụ '![Mô tả ảnh](anh/ten-anh.jpg)' hoặc '[Tải kế hoạch](tep/ke-hoach.pdf)'.")


def is_computer_path(text: str) -> bool:
    return bool(COMPUTER_PATH.match(text.strip()))


def message(target: str, image: bool) -> str:
    what = "Ảnh" if image else "Liên kết"
    return (f"{what} '{target}' trỏ tới một tệp trên máy tính của người viết: người đọc không mở được, "
            "trang xuất bản sẽ không có tệp này.")


def local_path_errors(source_path: str, body: str, abs_path: Path) -> list[ContentError]:
    """One error per link or image target that is a path of a computer, at its line in the file."""
    if not any(mark in body for mark in (":\\", ":/", "file:", "\\\\")):
        return []
    found = []
    for pattern in _TARGETS:
        for match in pattern.finditer(body):
            groups = match.groupdict()
            image = bool(groups.get("image")) or (groups.get("attr") or "").lower() == "src"
            found.append((match.start(), match["target"].strip(), image))
    if not found:
        return []
    lines = abs_path.read_text(encoding="utf-8-sig", errors="replace").split("\n")
    errors = []
    for _, target, image in sorted(found):
        line = next((number for number, text in enumerate(lines, 1) if target in text), None)
        errors.append(ContentError(source_path, line, None, message(target, image), FIX))
    return errors
