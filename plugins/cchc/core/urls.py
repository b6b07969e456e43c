"""Content file paths as URL paths: percent-encoded once, so that any file name gives a working link."""
from __future__ import annotations

from urllib.parse import quote


def file_href(path: str) -> str:
    """`anh/ảnh 1#b.jpg` -> `anh/%E1%BA%A3nh%201%23b.jpg`. Quotes, `<`, `#`, `?`, `%` and spaces are
    encoded, so the result is safe inside an HTML attribute and reaches the file that was copied."""
    return quote(path, safe="/")
