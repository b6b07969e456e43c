"""Chỉ số CCHC (PAR INDEX, SIPAS, PAPI, PCI, DTI, …): content/chi-so.yml -> IndexResult records.

The file is a YAML list of entries {index, year, score, rank?, of?, source?}. It is composed into nodes
(the frontmatter loader's composer: no aliases, bounded depth), so that every mistake is reported with
its line, like a frontmatter error; one wrong entry never hides the others.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from cchc.core.checked_yaml import Refused, TextLoader, control_character_error
from cchc.core.content_tree import plain_file
from cchc.core.errors import ContentError
from cchc.core.settings import Settings
from cchc.core.text.vietnamese import nfc
from cchc.core.text.yaml_messages import explain_yaml_error

FILE = "chi-so.yml"
KEYS = ["index", "year", "score", "rank", "of", "source"]
KNOWN = ("PAR INDEX", "SIPAS", "PAPI", "PCI", "DTI")  # the order of the blocks; others follow
MAX_BYTES = 1024 * 1024  # a few hundred entries are a few kB
EXAMPLE = ("- index: PAR INDEX\n  year: 2024\n  score: 88.4\n  rank: 4\n  of: 20\n"
           "  source: Quyết định số 1234/QĐ-UBND ngày 15/4/2025")


@dataclass(frozen=True)
class IndexResult:
    index: str  # PAR INDEX, SIPAS, … or another name, as written (known names in their usual spelling)
    year: int
    score: Decimal  # as written: its decimals are shown as written
    rank: int | None = None
    of: int | None = None  # how many were ranked
    source: str = ""  # the decision or document that published the result
    line: int = 0  # of the entry in chi-so.yml


class _Entry:
    """One mapping of the list: its values by key, with the line of each, and the errors found."""

    def __init__(self, node: yaml.MappingNode, shown: str, errors: list[ContentError]):
        self.node, self.shown, self.errors = node, shown, errors
        self.line = node.start_mark.line + 1
        self.values: dict[str, tuple[str, int]] = {}
        for key_node, value_node in node.value:
            key = nfc(str(key_node.value)).strip() if isinstance(key_node, yaml.ScalarNode) else ""
            line = key_node.start_mark.line + 1
            if key not in KEYS:
                guess = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
                self.error(line, key or None, f"Khóa '{key}' không được hỗ trợ trong {FILE}.",
                           f"Có phải ý bạn là '{guess[0]}'?" if guess else f"Các khóa hợp lệ: {', '.join(KEYS)}.")
            elif key in self.values:
                self.error(line, key, f"Khóa '{key}' được khai báo hai lần trong cùng một mục.",
                           f"Giữ một dòng '{key}: …' cho mục này.")
            elif not isinstance(value_node, yaml.ScalarNode):
                self.error(line, key, f"'{key}' phải là một giá trị trên một dòng, không phải danh sách.",
                           f"Viết '{key}: …' trên một dòng.")
            elif value_node.tag != "tag:yaml.org,2002:null" and str(value_node.value).strip():
                self.values[key] = (nfc(str(value_node.value)).strip(), line)

    def error(self, line: int | None, field: str | None, message: str, fix: str) -> None:
        self.errors.append(ContentError(self.shown, line, field, message, fix))

    def text(self, key: str, what: str, example: str, required: bool = False) -> str | None:
        if key in self.values:
            return self.values[key][0]
        if required:
            self.error(self.line, key, f"Mục thiếu khóa bắt buộc '{key}' ({what}).",
                       f"Thêm dòng '  {key}: {example}' vào mục này.")
        return None

    def whole(self, key: str, what: str, least: int, most: int, example: str, required: bool = False) -> int | None:
        value = self.text(key, what, example, required)
        if value is None:
            return None
        if not (value.isascii() and value.isdigit()) or not least <= int(value) <= most:
            self.error(self.values[key][1], key, f"'{key}' ({what}) phải là số nguyên từ {least} đến {most}, "
                       f"không phải '{value}'.", f"Ví dụ: '{key}: {example}'.")
            return None
        return int(value)

    def decimal(self, key: str) -> Decimal | None:
        value = self.text(key, "điểm số", "88.4", required=True)
        if value is None:
            return None
        fix = "Ghi điểm bằng chữ số, phần thập phân sau dấu chấm hoặc dấu phẩy, ví dụ 'score: 88.4' hoặc 'score: 88,4'."
        if not re.fullmatch(r"\d{1,6}(?:[.,]\d{1,4})?", value):
            self.error(self.values[key][1], key, f"Điểm 'score' phải là một số không âm, không phải '{value}'.", fix)
            return None
        try:
            return Decimal(value.replace(",", "."))
        except InvalidOperation:  # the pattern above admits none; kept for safety
            self.error(self.values[key][1], key, f"Điểm 'score' không đọc được: '{value}'.", fix)
            return None


def _name(value: str) -> str:
    """Known indices in their usual spelling whatever the case ('Par Index' -> 'PAR INDEX')."""
    value = " ".join(value.split())
    return next((known for known in KNOWN if known.casefold() == value.casefold()), value)


def _read(entry: _Entry) -> IndexResult | None:
    before = len(entry.errors)
    index = entry.text("index", "tên chỉ số", "PAR INDEX", required=True)
    year = entry.whole("year", "năm đánh giá", 1990, 2100, "2024", required=True)
    score = entry.decimal("score")
    rank = entry.whole("rank", "thứ hạng", 1, 100000, "4")
    of = entry.whole("of", "số đơn vị được xếp hạng", 1, 100000, "20")
    if rank is not None and of is not None and rank > of:
        entry.error(entry.values["rank"][1], "rank", f"Thứ hạng {rank} lớn hơn số đơn vị được xếp hạng ({of}).",
                    "Kiểm tra lại 'rank' và 'of' (ví dụ 'rank: 4' và 'of: 20' là xếp thứ 4/20).")
    if of is not None and rank is None:
        entry.error(entry.values["of"][1], "of", "Có 'of' (số đơn vị xếp hạng) nhưng thiếu 'rank' (thứ hạng).",
                    "Thêm 'rank: …' hoặc xóa dòng 'of'.")
    source = entry.text("source", "văn bản công bố kết quả", "Quyết định số …") or ""
    if len(entry.errors) > before or None in (index, year, score):
        return None
    return IndexResult(_name(index), year, score, rank, of, source, entry.line)


def load_indices(settings: Settings) -> tuple[list[IndexResult], list[ContentError]]:
    """(valid entries in file order, every error); no file: no entries, no error."""
    path = settings.content_root / FILE
    shown = Path(settings.content_dir, FILE).as_posix()
    if not path.exists() and not path.is_symlink():
        return [], []
    if not plain_file(settings.content_root, path):
        return [], []  # a link or special file: ContentTree.unsafe_entries reports it
    if path.stat().st_size > MAX_BYTES:
        return [], [ContentError(shown, None, None, f"Tệp lớn hơn {MAX_BYTES // 1024} KB, không phải danh sách chỉ số.",
                                 "Kiểm tra lại nội dung tệp.")]
    try:
        text = nfc(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        return [], [ContentError(shown, None, None, "Tệp không phải văn bản UTF-8.", "Lưu lại tệp với mã hóa UTF-8.")]
    control = control_character_error(text, shown)
    if control:
        return [], [control]
    try:
        root = yaml.compose(text, Loader=TextLoader)
    except Refused as refused:
        message = refused.message.replace("Phần khai báo", "Tệp chỉ số")
        return [], [ContentError(shown, refused.line + 1, None, message, refused.fix)]
    except RecursionError:
        return [], [ContentError(shown, None, None, "Tệp lồng nhau quá sâu.", "Viết mỗi mục như ví dụ trong tài liệu.")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        message, fix = explain_yaml_error(exc)
        return [], [ContentError(shown, mark.line + 1 if mark else None, None,
                                 message.replace("Phần khai báo", "Tệp chỉ số"), fix)]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [ContentError(shown, root.start_mark.line + 1, None,
                                 "Tệp chỉ số phải là một danh sách, mỗi mục bắt đầu bằng dấu '- '.",
                                 f"Viết theo mẫu:\n{EXAMPLE}")]
    results, errors = [], []
    for node in root.value:
        if not isinstance(node, yaml.MappingNode):
            errors.append(ContentError(shown, node.start_mark.line + 1, None,
                                       "Mỗi mục phải gồm các dòng 'khóa: giá trị' (index, year, score, …).",
                                       f"Viết theo mẫu:\n{EXAMPLE}"))
            continue
        result = _read(_Entry(node, shown, errors))
        if result is not None:
            results.append(result)
    seen: dict[tuple[str, int], IndexResult] = {}
    for result in results:
        key = (result.index.casefold(), result.year)
        if key in seen:
            errors.append(ContentError(shown, result.line, "year", f"Chỉ số {result.index} năm {result.year} đã có ở "
                                       f"dòng {seen[key].line}.", "Giữ một mục cho mỗi chỉ số và mỗi năm."))
        else:
            seen[key] = result
    return (results if not errors else [r for r in results if seen.get((r.index.casefold(), r.year)) is r]), errors
