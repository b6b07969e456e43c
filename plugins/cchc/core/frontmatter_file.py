"""Read one Markdown file with YAML frontmatter, keeping line numbers for messages."""
from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

import yaml
from frontmatter.default_handlers import YAMLHandler

from cchc.core.build_cache import BuildCache, digest
from cchc.core.checked_yaml import Refused, TextLoader, control_character_error
from cchc.core.content_tree import ContentTree
from cchc.core.errors import ContentError
from cchc.core.record_memo import RecordMemo
from cchc.core.text import word_habits
from cchc.core.text.vietnamese import nfc
from cchc.core.text.yaml_messages import explain_yaml_error

T = TypeVar("T")
KIND = "source"  # build cache entries: a file's parse, by digest(shown path, sha256 of its bytes)
_SURROGATE = re.compile("[\ud800-\udfff]")  # no UTF-8 for these: json + encode("utf-8") would fail


class _Handler(YAMLHandler):
    def load(self, fm: str, **kwargs):
        return yaml.load(fm, Loader=TextLoader)  # noqa: S506 - safe constructor, checked composer


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


# `mkdocs serve` rebuilds in one process: a file whose bytes did not change is not parsed again.
_PARSED: dict[tuple[str, str], tuple[bytes, SourceFile | ContentError | None]] = {}


def read_source(abs_path: Path, shown_path: str, cache: BuildCache | None = None) -> SourceFile | ContentError:
    """`cache`: the build cache, where the parse of these bytes at this shown path may be from an earlier build."""
    data = abs_path.read_bytes()
    key, fingerprint = (str(abs_path), shown_path), hashlib.sha256(data).digest()
    known = _PARSED.get(key)
    if known is not None and known[0] == fingerprint and known[1] is not None:
        return copy.deepcopy(known[1])  # callers get their own meta, as from a fresh parse
    result = _parse(data, shown_path) if cache is None else _cached_parse(data, fingerprint, shown_path, cache)
    # A copy is kept only when the same bytes are read a second time (a rebuild): a build reads each
    # file once, and copying every parse cost a build of 3,000 procedures half a second.
    again = known is not None and known[0] == fingerprint
    _PARSED[key] = (fingerprint, copy.deepcopy(result) if again else None)
    return result


def _cached_parse(data: bytes, fingerprint: bytes, shown_path: str, cache: BuildCache) -> SourceFile | ContentError:
    """_parse, through the build cache. The parse depends on the bytes (`fingerprint`: their sha256,
    taken once by read_source) and the shown path only (its code and libraries are the cache's
    version); errors are not kept (rare, and cheap to find again)."""
    if _SURROGATE.search(shown_path):  # a file name that is not UTF-8: no key for it
        return _parse(data, shown_path)
    key = digest(shown_path, fingerprint)
    stored = cache.get(KIND, key)
    if _well_formed(stored):
        meta, body, key_lines = stored
        return SourceFile(shown_path, meta, body, key_lines)
    result = _parse(data, shown_path)  # and a damaged entry is replaced
    if isinstance(result, SourceFile) and _json_exact(result.meta) and _json_exact(result.key_lines) \
            and not _SURROGATE.search(result.body):
        cache.put(KIND, key, [result.meta, result.body, result.key_lines])
    return result


def _well_formed(stored) -> bool:
    """An entry of the shape put() wrote (a damaged cache must not reach the record readers)."""
    return (type(stored) is list and len(stored) == 3 and type(stored[0]) is dict and type(stored[1]) is str
            and type(stored[2]) is dict and all(type(line) is int for line in stored[2].values()))


def _json_exact(value) -> bool:
    """Whether a JSON round trip gives back an equal value of the same types: an explicit tag
    (`!!float`, `!!binary`, `!!set`, `!!omap`) makes values JSON would change; such a file is not cached."""
    kind = type(value)
    if kind is str:
        return not _SURROGATE.search(value)  # "\ud800" in a double-quoted YAML string
    if value is None or kind is int or kind is bool:
        return True
    if kind is list:
        return all(_json_exact(item) for item in value)
    if kind is dict:
        return all(type(k) is str and not _SURROGATE.search(k) and _json_exact(v) for k, v in value.items())
    return False


def _parse(data: bytes, shown_path: str) -> SourceFile | ContentError:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ContentError(shown_path, None, None, "Tệp không phải văn bản UTF-8.",
                            "Lưu lại tệp với mã hóa UTF-8 (Unicode).")
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))  # as text mode reads it
    control = control_character_error(text, shown_path)
    if control:
        return control
    if not text.startswith("---"):
        return ContentError(shown_path, 1, None, "Tệp thiếu phần khai báo (frontmatter) ở đầu.",
                            "Thêm một khối bắt đầu và kết thúc bằng dòng '---' chứa title, date, categories.")
    handler = _Handler()
    try:
        fm_text, body = handler.split(text)
    except ValueError:
        return ContentError(shown_path, 1, None, "Phần khai báo (frontmatter) không có dòng '---' kết thúc.",
                            "Thêm dòng '---' sau khóa cuối cùng của phần khai báo.")
    fm_text, body = word_habits.frontmatter(fm_text), word_habits.body(body)  # what Word puts in, unseen
    first_line = 1 if fm_text.startswith("\n") else 2  # file line of fm_text's first line
    try:
        meta = handler.load(fm_text) or {}
    except Refused as refused:
        message = refused.message.replace("{earlier}", str(first_line + (refused.earlier or 0)))
        return ContentError(shown_path, first_line + refused.line, None, message, refused.fix)
    except RecursionError:  # a construct _check_structure does not count; never a traceback
        return ContentError(shown_path, first_line, None, "Phần khai báo lồng nhau quá sâu.",
                            "Viết mỗi khóa một dòng 'khóa: giá trị'.")
    except yaml.YAMLError as exc:
        # Where the broken construct starts (an unclosed '[') is more useful than where parsing gave up.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else None
        return ContentError(shown_path, line, None, *explain_yaml_error(exc))
    if not isinstance(meta, dict):
        return ContentError(shown_path, 2, None, "Phần khai báo phải là danh sách 'khóa: giá trị'.",
                            "Viết mỗi khóa trên một dòng, ví dụ 'title: Tiêu đề bài viết'.")
    key_lines = {}
    for number, line in enumerate(fm_text.split("\n"), start=first_line):
        found = re.match(r"^([^\s#:][^:]*):", line)
        if found:
            key_lines.setdefault(nfc(found.group(1).strip()), number)
    return SourceFile(shown_path, _normalise(meta), body, key_lines)


def read_records(root: Path, folder: str, recursive: bool, base: Path,
                 read: Callable[[SourceFile, Path], T | list[ContentError]],
                 memo: RecordMemo | None = None, tree: ContentTree | None = None,
                 cache: BuildCache | None = None) -> tuple[list[T], list[ContentError]]:
    """Every .md file in root/folder (and below, if recursive), in a stable order, turned into a
    record by `read`. `tree`: the listing of this load (core.content_tree), made here if not given;
    `cache`: the build cache, for the parsed frontmatter (read_source).

    A file that cannot be read or validated gives its errors and no record; it never stops the others.
    Links and special files are not among the tree's files: ContentTree.unsafe_entries reports them once.
    """
    records, errors = [], []
    directory = root / folder
    for path, stat in (tree or ContentTree(directory)).markdown(directory, recursive):
        result = (memo.get(folder, path, lambda: _read_record(path, base, read, cache), stat) if memo is not None
                  else _read_record(path, base, read, cache))
        if isinstance(result, ContentError):
            errors.append(result)
        elif isinstance(result, list):
            errors.extend(result)
        else:
            records.append(result)
    return records, errors


def _read_record(path: Path, base: Path, read: Callable[[SourceFile, Path], T | list[ContentError]],
                 cache: BuildCache | None = None):
    source = read_source(path, path.relative_to(base).as_posix(), cache)
    return source if isinstance(source, ContentError) else read(source, path)
