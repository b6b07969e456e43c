"""The images an article's Markdown body shows: (src, alt) as written by the editor.

Python-Markdown finds them (inline, reference-style and raw `<img>` alike) and lxml reads the result,
so no Markdown or HTML is parsed by hand. Converting a body costs about a millisecond, every build,
for every body with an image: the answers are kept in the build cache (keyed by the body; the
cache's version holds our code and Markdown's) and in memory for `mkdocs serve`.
"""
from __future__ import annotations

import lxml.html
import markdown

from cchc.core.build_cache import BuildCache, digest

KIND = "body-images"
Found = tuple[tuple[str, str | None], ...]
_MEMO_LIMIT = 50_000
_memo: dict[str, Found] = {}  # this process's answers: mkdocs serve asks again for every article after each save


def body_images(body: str, known: BuildCache | None = None) -> Found:
    """(src, alt or None when the alt attribute is missing or blank), in reading order."""
    if "![" not in body and "<img" not in body.lower():
        return ()
    found = _memo.get(body)
    if found is None:
        found = _find(body) if known is None else _through(known, body)
        if len(_memo) >= _MEMO_LIMIT:
            _memo.clear()
        _memo[body] = found
    return found


def _through(known: BuildCache, body: str) -> Found:
    """From the build cache, or found and stored there."""
    key = digest(body)
    stored = known.get(KIND, key)
    if isinstance(stored, list):
        return tuple((src, alt) for src, alt in stored)
    found = _find(body)
    known.put(KIND, key, [list(pair) for pair in found])
    return found


def _find(body: str) -> Found:
    rendered = markdown.markdown(body)
    if not rendered.strip():
        return ()
    tree = lxml.html.fragment_fromstring(rendered, create_parent="div")
    return tuple((img.get("src", ""), (img.get("alt") or "").strip() or None) for img in tree.iter("img"))
