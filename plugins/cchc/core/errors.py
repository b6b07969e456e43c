"""Content errors: one clear Vietnamese message per mistake, all collected before failing."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentError:
    file: str  # path relative to the project, as the editor sees it
    line: int | None
    field: str | None
    message: str  # what is wrong / what was expected, in Vietnamese
    fix: str = ""  # how to fix it, in Vietnamese

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" [{self.field}]" if self.field else ""
        fix = f" Cách sửa: {self.fix}" if self.fix else ""
        return f"{where}:{field} {self.message}{fix}"


def summary(errors: list[ContentError]) -> str:
    return f"Nội dung có {len(errors)} lỗi, cần sửa trước khi xuất bản."


def ordered(errors: list[ContentError]) -> list[ContentError]:
    """By file, then line: the order an editor fixes them in."""
    return sorted(errors, key=lambda e: (e.file, e.line or 0, e.field or "", e.message))
