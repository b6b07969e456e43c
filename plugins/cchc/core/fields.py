"""Typed reading of frontmatter fields; every problem becomes a ContentError, none stops the others."""
from __future__ import annotations

import difflib
import os
from datetime import date, datetime, tzinfo
from pathlib import Path, PurePosixPath

from cchc.core.content_tree import leftover, on_disk, plain_file
from cchc.core.text.dates import ACCEPTED, DateFormatError, parse_datetime
from cchc.core.errors import ContentError
from cchc.core.local_paths import FIX as LOCAL_FIX, is_computer_path, message as local_paths_message
from cchc.core.frontmatter_file import SourceFile
from cchc.core.records import Attachment
from cchc.core.text.vietnamese import nfc

# Keys that MkDocs or Material read themselves: never reported as unknown.
PASSTHROUGH_KEYS = frozenset({"template", "hide", "search", "description", "status", "icon"})

_MISSING = object()


class FieldReader:
    def __init__(self, source: SourceFile, abs_path: Path, content_root: Path, local: tzinfo):
        self.source = source
        self.abs_path = abs_path
        self.content_root = content_root
        self.local = local
        self.errors: list[ContentError] = []

    # -- reporting -------------------------------------------------------------------
    def error(self, key: str | None, message: str, fix: str = "", line_of: str | None = None) -> None:
        """line_of: the key whose line to show, when `key` itself is missing from the file."""
        line = self.source.line(line_of or key) if (line_of or key) else None
        self.errors.append(ContentError(self.source.path, line, key, message, fix))

    def check_keys(self, allowed: list[str], passthrough: frozenset[str] = PASSTHROUGH_KEYS) -> None:
        for key in self.source.meta:
            if key in allowed or key in passthrough:
                continue
            guess = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f"Có phải ý bạn là '{guess[0]}'?" if guess else f"Các khóa hợp lệ: {', '.join(allowed)}."
            self.error(key, f"Khóa '{key}' không được hỗ trợ.", hint)

    # -- values ----------------------------------------------------------------------
    def raw(self, key: str):
        value = self.source.meta.get(key, _MISSING)
        return _MISSING if value is None or value == "" else value

    def _missing(self, key: str, what: str, example: str) -> None:
        self.error(key, f"Thiếu khóa bắt buộc '{key}' ({what}).", f"Thêm dòng '{key}: {example}' vào phần khai báo.")

    def text(self, key: str, *, required: bool = False, what: str = "", example: str = "...") -> str | None:
        value = self.raw(key)
        if value is _MISSING:
            if required:
                self._missing(key, what, example)
            return None
        if isinstance(value, (list, dict)):
            self.error(key, f"'{key}' phải là một đoạn văn bản, không phải danh sách.",
                       f"Viết '{key}: {example}' trên một dòng.")
            return None
        return str(value).strip()

    def text_list(self, key: str, *, required: bool = False, what: str = "", example: str = "[...]") -> list[str]:
        value = self.raw(key)
        if value is _MISSING:
            if required:
                self._missing(key, what, example)
            return []
        items = value if isinstance(value, list) else [value]
        result = []
        for item in items:
            if isinstance(item, (list, dict)) or item is None or str(item).strip() == "":
                self.error(key, f"Mỗi mục của '{key}' phải là một đoạn văn bản.", f"Ví dụ: '{key}: {example}'.")
                continue
            result.append(str(item).strip())
        if required and not result:
            self._missing(key, what, example)
        return result

    def boolean(self, key: str) -> bool:
        value = self.raw(key)
        if value is _MISSING:
            return False
        if isinstance(value, bool):
            return value
        self.error(key, f"'{key}' chỉ nhận true hoặc false, không phải '{value}'.", f"Viết '{key}: true' hoặc '{key}: false'.")
        return False

    def datetime(self, key: str, *, required: bool = False, what: str = "ngày") -> datetime | None:
        value = self.raw(key)
        if value is _MISSING:
            if required:
                self._missing(key, what, "2024-02-07 08:30")
            return None
        try:
            return parse_datetime(value, self.local)
        except DateFormatError as exc:
            self.error(key, f"Ngày '{key}' sai: {exc}.", f"Dùng một trong các dạng: {ACCEPTED}.")
            return None

    def date(self, key: str, *, required: bool = False, what: str = "ngày") -> date | None:
        value = self.datetime(key, required=required, what=what)
        return value.date() if value else None

    def choice(self, key: str, choices: dict[str, str], *, default: str | None = None) -> str | None:
        value = self.text(key)
        if value is None:
            return default
        if value not in choices:
            listed = ", ".join(f"{k} ({v})" for k, v in choices.items())
            self.error(key, f"Giá trị '{value}' của '{key}' không hợp lệ.", f"Dùng một trong: {listed}.")
            return default
        return value

    # -- files next to the content ---------------------------------------------------------
    def local_file(self, key: str, relative: str) -> str | None:
        """A path relative to this file -> path relative to the content root, if the file exists."""
        if is_computer_path(relative):
            self.error(key, local_paths_message(relative, key in ("image", "cover")), LOCAL_FIX)
            return None
        if "://" in relative or relative.startswith("/"):
            self.error(key, f"Đường dẫn '{relative}' phải là đường dẫn tương đối tới tệp trong thư mục nội dung.",
                       "Đặt tệp cạnh bài viết (ví dụ trong thư mục anh/) và ghi đường dẫn tương đối, ví dụ 'anh/hoi-nghi.jpg'.")
            return None
        try:
            target = Path(os.path.normpath(self.abs_path.parent / relative))
            if not os.path.lexists(target) and target.is_relative_to(self.content_root):
                target = on_disk(self.content_root, target.relative_to(self.content_root).as_posix())
            found = plain_file(self.content_root, target)
            link = not found and os.path.islink(target)
        except (OSError, ValueError):  # a name too long for the file system, a NUL byte, …
            found = link = False
        if link:
            self.error(key, f"Tệp '{relative}' là liên kết tượng trưng (symlink), không được xuất bản.",
                       "Thay liên kết bằng bản sao thật của tệp, đặt trong thư mục content/.")
            return None
        if found and any(leftover(part) for part in target.relative_to(self.content_root).parts):
            self.error(key, f"Tệp '{relative}' là tệp ẩn hoặc tệp tạm/sao lưu (tên bắt đầu bằng '.', '~$' hay "
                       "kết thúc bằng '~', '.bak'…): không được đăng.", "Đổi tên tệp thành tên thường rồi sửa đường dẫn.")
            return None
        if not found:
            self.error(key, f"Không tìm thấy tệp '{relative}' (tính từ thư mục của tệp này).",
                       "Kiểm tra tên tệp, chữ hoa/thường và thư mục; tệp phải nằm trong thư mục content/.")
            return None
        return nfc(target.relative_to(self.content_root).as_posix())  # its address on the site: NFC

    def attachment(self, key: str, relative: str, title: str | None = None) -> Attachment | None:
        """A downloadable file next to the content, with its size; None (and an error) if missing."""
        path = self.local_file(key, relative)
        if path is None:
            return None
        return Attachment(path, title or PurePosixPath(path).name, on_disk(self.content_root, path).stat().st_size)

    def attachments(self, key: str = "attachments") -> tuple[Attachment, ...]:
        """The 'attachments' list: '- path: …' with an optional 'title: …'."""
        value = self.raw(key)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            value = [value]
        result = []
        for index, item in enumerate(value, start=1):
            if isinstance(item, str):
                item = {"path": item}
            if not isinstance(item, dict) or not item.get("path"):
                self.error(key, f"Tài liệu đính kèm thứ {index} phải có 'path' (và nên có 'title').",
                           "Viết: '- path: van-ban/ke-hoach.pdf' rồi dòng '  title: Kế hoạch số ...'.")
                continue
            title = str(item.get("title") or "").strip() or None
            attachment = self.attachment(key, str(item["path"]), title)
            if attachment:
                result.append(attachment)
        return tuple(result)
