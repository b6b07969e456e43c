"""Every file the plugin itself writes into site/, in a full build and in a quick rebuild of
`mkdocs serve`: one place that checks a path stays inside the site folder and writes it whole.

A full build hands its generated files (pages, feeds, exports, images) to MkDocs as `File`s, which
MkDocs writes; what is ready only after MkDocs wrote its files (social cards drawn during the build)
and what a quick rebuild writes without MkDocs come here. (Material's search index is rewritten by
adapter/search_index.py until issue 22 replaces that search with Pagefind.)
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class OutsideSite(ValueError):
    """A site path that would leave the site folder (`..`, absolute)."""


def target(site_dir: str | Path, site_path: str) -> Path:
    """Where `site_path` (e.g. tin-bai/2024/03/x/index.html) is written; never outside site_dir."""
    root = Path(site_dir).resolve()
    path = (root / site_path).resolve()
    if not site_path or Path(site_path).is_absolute() or not path.is_relative_to(root) or path == root:
        raise OutsideSite(f"Đường dẫn '{site_path}' nằm ngoài thư mục trang.")
    return path


def write(site_dir: str | Path, site_path: str, data: bytes) -> bool:
    """Write `data` at `site_path` unless the file already holds exactly it; whether it wrote. Written
    under a temporary name and renamed: a browser reloading meanwhile reads the old file or the new one."""
    path = target(site_dir, site_path)
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return True


def copy(site_dir: str | Path, site_path: str, source: Path) -> None:
    """Copy a cached file (image variant, share crop, social card) to `site_path`."""
    path = target(site_dir, site_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, path)
