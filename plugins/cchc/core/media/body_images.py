"""The images an article's Markdown body shows: (src, alt) as written by the editor.

Python-Markdown finds them (inline, reference-style and raw `<img>` alike) and lxml reads the result,
so no Markdown or HTML is parsed by hand."""
from __future__ import annotations

from functools import lru_cache

import lxml.html
import markdown


@lru_cache(maxsize=50_000)  # mkdocs serve asks again for every article after each save
def body_images(body: str) -> tuple[tuple[str, str | None], ...]:
    """(src, alt or None when the alt attribute is missing or blank), in reading order."""
    if "![" not in body and "<img" not in body.lower():
        return ()
    rendered = markdown.markdown(body)
    if not rendered.strip():
        return ()
    tree = lxml.html.fragment_fromstring(rendered, create_parent="div")
    return tuple((img.get("src", ""), (img.get("alt") or "").strip() or None) for img in tree.iter("img"))
