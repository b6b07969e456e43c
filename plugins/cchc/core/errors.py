"""Content errors: one clear Vietnamese message per mistake, all collected before failing."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Callable, Iterable


@dataclass(frozen=True)
class ContentError:
    file: str  # path relative to the project, as the editor sees it
    line: int | None
    field: str | None
    message: str  # what is wrong / what was expected, in Vietnamese
    fix: str = ""  # how to fix it, in Vietnamese
    draft: bool = False  # in an unpublished draft: reported, never stops publishing the rest

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" [{self.field}]" if self.field else ""
        fix = f" Cách sửa: {self.fix}" if self.fix else ""
        draft = " (bài nháp, chưa xuất bản: không chặn việc xuất bản)" if self.draft else ""
        return f"{where}:{field}{draft} {self.message}{fix}"


def summary(errors: list[ContentError]) -> str:
    return f"Nội dung có {len(errors)} lỗi, cần sửa trước khi xuất bản."


def as_drafts(errors: list[ContentError]) -> list[ContentError]:
    return [replace(error, draft=True) for error in errors]


def ordered(errors: list[ContentError]) -> list[ContentError]:
    """By file, then line: the order an editor fixes them in."""
    return sorted(errors, key=lambda e: (e.file, e.line or 0, e.field or "", e.message))


def duplicates(records: Iterable, key: Callable, field: str, message: Callable[[str, str], str], fix: str,
               line: Callable = lambda record: None) -> list[ContentError]:
    """One error per record that shares `key` with another; each names every file involved.

    message(value, files) says what is duplicated; records have a `.source` path.
    """
    groups: dict[object, list] = defaultdict(list)
    for record in records:
        groups[key(record)].append(record)
    errors = []
    for value, same in groups.items():
        if len(same) > 1:
            files = ", ".join(record.source for record in same)
            errors += [ContentError(record.source, line(record), field, message(value, files), fix) for record in same]
    return errors
