"""Cover thumbnails for listings: small, deterministic JPEGs made with Pillow."""
from __future__ import annotations

import io
import posixpath
from pathlib import Path

from PIL import Image, ImageOps

WIDTH = 480


def thumbnail_path(image_path: str) -> str:
    stem, _ = posixpath.splitext(image_path)
    return f"{stem}.w{WIDTH}.jpg"


def thumbnail_size(width: int, height: int) -> tuple[int, int]:
    if width <= WIDTH:
        return width, height
    return WIDTH, max(1, round(height * WIDTH / width))


def make_thumbnail(source: Path) -> bytes:
    with Image.open(source) as picture:
        picture.draft("RGB", (WIDTH, WIDTH))  # JPEG: decode at reduced scale, much faster
        picture = ImageOps.exif_transpose(picture).convert("RGB")
        picture.thumbnail(thumbnail_size(*picture.size) if picture.width > WIDTH else picture.size)
        out = io.BytesIO()
        # No EXIF, fixed settings: the same input always gives the same bytes.
        picture.save(out, "JPEG", quality=78, optimize=True, progressive=True)
        return out.getvalue()
