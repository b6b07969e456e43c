"""Add folded Vietnamese words to the search index written by MkDocs' / Material's search plugin."""
from __future__ import annotations

import json
from pathlib import Path

from ..core.search_terms import folded_terms


def add_folded_terms(site_dir: str) -> None:
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        extra = folded_terms(f"{doc.get('title', '')} {doc.get('text', '')}")
        if extra:
            # After the text, in an element that the result preview does not show.
            doc["text"] = f"{doc.get('text', '')}<span hidden> {extra}</span>"
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
