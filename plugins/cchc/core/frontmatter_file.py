"""Read one Markdown file with YAML frontmatter, keeping line numbers for messages."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

import yaml
from frontmatter.default_handlers import YAMLHandler

from .errors import ContentError
from .vietnamese import nfc

T = TypeVar("T")


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: several times faster


class _TextLoader(_SafeLoader):
    """YAML without float and timestamp guessing: '1.000080' stays a code, dates are parsed by us."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


class _Handler(YAMLHandler):
    def load(self, fm: str, **kwargs):
        return yaml.load(fm, Loader=_TextLoader)  # noqa: S506 - SafeLoader subclass


@dataclass(frozen=True)
class SourceFile:
    path: str  # as shown to editors, e.g. content/tin-bai/2024/x.md
    meta: dict
    body: str
    key_lines: dict[str, int]  # top-level key -> line number in the file

    def line(self, key: str) -> int | None:
        return self.key_lines.get(key)


def _normalise(value):
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, dict):
        return {nfc(str(k)): _normalise(v) for k, v in value.items()}
    return value


def read_source(abs_path: Path, shown_path: str) -> SourceFile | ContentError:
    try:
        text = abs_path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return ContentError(shown_path, None, None, "Tệp không phải văn bản UTF-8.",
                            "Lưu lại tệp với mã hóa UTF-8 (Unicode).")
    text = nfc(text.replace("\r\n", "\n"))
    if not text.startswith("---"):
        return ContentError(shown_path, 1, None, "Tệp thiếu phần khai báo (frontmatter) ở đầu.",
                            "Thêm một khối bắt đầu và kết thúc bằng dòng '---' chứa title, date, categories.")
    handler = _Handler()
    try:
        fm_text, body = handler.split(text)
    except ValueError:
        return ContentError(shown_path, 1, None, "Phần khai báo (frontmatter) không có dòng '---' kết thúc.",
                            "Thêm dòng '---' sau khóa cuối cùng của phần khai báo.")
    first_line = 1 if fm_text.startswith("\n") else 2  # file line of fm_text's first line
    try:
        meta = handler.load(fm_text) or {}
    except yaml.YAMLError as exc:
        # Where the broken construct starts (an unclosed '[') is more useful than where parsing gave up.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else None
        problem = getattr(exc, "problem", None) or "cú pháp YAML không hợp lệ"
        return ContentError(shown_path, line, None, f"Phần khai báo sai cú pháp YAML ({problem}).",
                            "Kiểm tra dấu ':' sau mỗi khóa, thụt lề bằng dấu cách, và đặt giá trị có "
                            "dấu ':' hoặc '#' trong ngoặc kép.")
    if not isinstance(meta, dict):
        return ContentError(shown_path, 2, None, "Phần khai báo phải là danh sách 'khóa: giá trị'.",
                            "Viết mỗi khóa trên một dòng, ví dụ 'title: Tiêu đề bài viết'.")
    key_lines = {}
    for number, line in enumerate(fm_text.split("\n"), start=first_line):
        found = re.match(r"^([^\s#:][^:]*):", line)
        if found:
            key_lines.setdefault(nfc(found.group(1).strip()), number)
    return SourceFile(shown_path, _normalise(meta), body, key_lines)


def read_records(root: Path, folder: str, pattern: str, base: Path,
                 read: Callable[[SourceFile, Path], T | list[ContentError]]) -> tuple[list[T], list[ContentError]]:
    """Every file under root/folder matching pattern, in a stable order, turned into a record by `read`.

    A file that cannot be read or validated gives its errors and no record; it never stops the others.
    """
    records, errors = [], []
    directory = root / folder
    paths = sorted(directory.glob(pattern)) if directory.is_dir() else []
    for path in paths:
        if not path.is_file():
            continue
        source = read_source(path, path.relative_to(base).as_posix())
        result = source if isinstance(source, ContentError) else read(source, path)
        if isinstance(result, ContentError):
            errors.append(result)
        elif isinstance(result, list):
            errors.extend(result)
        else:
            records.append(result)
    return records, errors
