"""Relative links in Markdown bodies: written next to the content file, published at another URL."""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

# [text](target) / ![alt](target), and reference definitions "[id]: target".
_INLINE = re.compile(r"(\]\(\s*<?)([^)\s>]+)")
_REFERENCE = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)(\S+?)(>?)(?=\s|$)", re.MULTILINE)
_ABSOLUTE = re.compile(r"^([a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


def rebase_links(markdown: str, source_path: str, page_src_uri: str, moved: dict[str, str]) -> str:
    """Rewrite relative targets so they resolve from page_src_uri.

    source_path: where the Markdown file lies, relative to the content root.
    moved: content path of a Markdown file -> src_uri of the page published from it.
    """
    from_dir = posixpath.dirname(source_path)
    to_dir = posixpath.dirname(page_src_uri) or "."

    def rebase(target: str) -> str:
        if _ABSOLUTE.match(target):
            return target
        path, hash_, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(from_dir, unquote(path)))
        resolved = moved.get(resolved, resolved)
        return posixpath.relpath(resolved, to_dir) + hash_ + anchor

    markdown = _INLINE.sub(lambda m: m.group(1) + rebase(m.group(2)), markdown)
    return _REFERENCE.sub(lambda m: m.group(1) + rebase(m.group(2)) + m.group(3), markdown)
