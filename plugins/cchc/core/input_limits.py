"""Limits on imported files (import-docx, import-tthc), so that a small hostile or broken file cannot
take minutes or gigabytes: a 5 KB .xlsx that declares a cell at XFD1048576, a 95 KB .docx that
expands to 20 MB of text, JSON nested 100,000 deep. Each limit is far above what a real file of an
agency holds (docs/dinh-dang-noi-dung.md, "Giới hạn"); past it the file is refused with a message.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

MB = 1024 * 1024
MAX_TABLE_FILE = 50 * MB  # a .csv or .json file, as it is on disk
MAX_ZIP_MEMBERS = 5_000  # parts of a .docx or .xlsx
MAX_ZIP_EXPANDED = 200 * MB  # all parts together, once decompressed (images of a .docx included)
MAX_ZIP_PART = {"word/document.xml": 8 * MB}  # the text of a Word document: ~1,500 pages
MAX_ROWS = 20_000  # rows of one sheet or CSV file: the national database has fewer per agency
MAX_COLUMNS = 200
MAX_JSON_DEPTH = 32


def number(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # 20.000: the Vietnamese way


def size_label(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{size // 1024} KB"


def file_problem(path: Path, limit: int = MAX_TABLE_FILE) -> str | None:
    try:
        size = path.stat().st_size
    except OSError:
        return None  # the reader says the file cannot be read
    if size > limit:
        return f"tệp nặng {size_label(size)}, quá giới hạn {size_label(limit)}. Cách sửa: chia thành nhiều tệp nhỏ hơn."
    return None


def zip_problem(path: Path) -> str | None:
    """Why a .docx/.xlsx (a ZIP archive) would expand past the limits, from its directory only."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None  # not a ZIP: the reader says so in its own words
    if len(members) > MAX_ZIP_MEMBERS:
        return f"tệp gồm {number(len(members))} phần, quá giới hạn {number(MAX_ZIP_MEMBERS)} (tệp hỏng hoặc cố ý gây quá tải)."
    total = sum(m.file_size for m in members)
    if total > MAX_ZIP_EXPANDED:
        return (f"giải nén ra {size_label(total)}, quá giới hạn {size_label(MAX_ZIP_EXPANDED)} "
                "(tệp hỏng hoặc 'bom giải nén'). Cách sửa: lưu lại tệp, bớt ảnh lớn, hoặc chia thành nhiều tệp.")
    for member in members:
        limit = MAX_ZIP_PART.get(member.filename)
        if limit is not None and member.file_size > limit:
            return (f"phần chữ giải nén ra {size_label(member.file_size)}, quá giới hạn {size_label(limit)}. "
                    "Cách sửa: chia tài liệu thành nhiều tệp.")
    return None


def json_depth_problem(data) -> str | None:
    """Depth of nesting, walked without recursion (the data came from json.loads: lists and dicts)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return f"dữ liệu lồng nhau quá {MAX_JSON_DEPTH} cấp. Cách sửa: xuất lại tệp theo mẫu của Cơ sở dữ liệu quốc gia."
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return None


def load_json(text: str):
    """json.loads, with nesting too deep for Python's stack as a ValueError (not a RecursionError)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(f"dữ liệu lồng nhau quá sâu (giới hạn {MAX_JSON_DEPTH} cấp)") from None
