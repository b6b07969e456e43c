"""Add to the search index written by MkDocs' search plugin: facts rendered only by templates, folded words."""
from __future__ import annotations

import html
import json
from pathlib import Path

from cchc.core.text.search_terms import folded_terms


def enrich_search_index(site_dir: str, lead_texts: dict[str, str], tags: dict[str, list[str]]) -> None:
    """`lead_texts`: page URL -> text put before the page's own (a procedure's code and lĩnh vực);
    `tags`: page URL -> its tags (an article's), ranked like title words and shown under the result."""
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        if tags.get(doc.get("location", "")):
            doc["tags"] = tags[doc["location"]]
        lead = lead_texts.get(doc.get("location", ""))
        if lead:
            doc["text"] = f"<p>{html.escape(lead, quote=False)}</p> {doc.get('text', '')}"
        extra = folded_terms(f"{doc.get('title', '')} {doc.get('text', '')}")
        if extra:
            # After the text, in an element that the result preview does not show.
            doc["text"] = f"{doc.get('text', '')}<span hidden> {extra}</span>"
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
