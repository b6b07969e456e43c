"""The placeholder written where an imported image has no description, and the check that finds it."""
from __future__ import annotations

from pathlib import Path

from cchc.core.errors import ContentError
from cchc.core.frontmatter_file import SourceFile

PLACEHOLDER = "CẦN VIẾT MÔ TẢ ẢNH"


def placeholder_errors(source: SourceFile, abs_path: Path) -> list[ContentError]:
    """One error per line still holding the placeholder (cheap: the file is read again only then)."""
    if PLACEHOLDER not in source.body and PLACEHOLDER not in str(source.meta.get("image_alt") or ""):
        return []
    lines = abs_path.read_text(encoding="utf-8-sig").split("\n")
    return [ContentError(source.path, number, "image_alt" if line.startswith("image_alt") else None,
                         "Ảnh chưa có mô tả cho người khiếm thị (còn chữ giữ chỗ khi nhập từ Word).",
                         f"Thay '{PLACEHOLDER}' bằng một câu tả nội dung ảnh, ví dụ 'Quang cảnh hội nghị'.")
            for number, line in enumerate(lines, start=1) if PLACEHOLDER in line]
