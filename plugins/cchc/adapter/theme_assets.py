"""Material ships files the section never uses; they are left out of site/ instead of published.

Its search worker and the lunr bundles for thirty languages (Thai word splitting alone is 677 KB)
serve Material's search plugin, which Pagefind replaces; the source maps (1.3 MB) serve only
developers' tools. Theme files are in the file list before `on_files`, so they are removed there.
"""
from __future__ import annotations

from mkdocs.structure.files import Files

UNUSED_FOLDERS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def unused(src_uri: str) -> bool:
    return src_uri.endswith(".map") or src_uri.startswith(UNUSED_FOLDERS)


def drop_unused_theme_assets(files: Files) -> None:
    for file in [f for f in files if unused(f.src_uri)]:
        files.remove(file)
