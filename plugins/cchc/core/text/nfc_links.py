"""A Markdown extension: relative links and image sources written percent-encoded in NFD are made NFC.

macOS editors write the link of a dragged file as the bytes of its name in NFD ('ộ' as 'o' and two
marks: `anh/ho%CC%A3%CC%82i.jpg`); files of content/ are published under their NFC names, and MkDocs
resolves links against those. The tree processor runs before MkDocs' own (which checks and rewrites
relative links), on elements only: a code span that shows such a URL keeps it as written. Links to
other sites are left alone (their server may tell the two forms apart). Registered by name in
`markdown_extensions` (adapter.plugin), so every way MkDocs renders a page uses it.
"""
from __future__ import annotations

import unicodedata
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

ATTRIBUTES = ("href", "src")


def nfc_target(target: str) -> str:
    """`target` with its path percent-encoded in NFC when it is a relative link written in NFD."""
    if "%" not in target:
        return target
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("/"):
        return target
    written = unquote(parts.path)
    whole = unicodedata.normalize("NFC", written)
    if whole == written:
        return target
    return urlunsplit(parts._replace(path=quote(whole, safe="/")))


class _NfcLinks(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            for name in ATTRIBUTES:
                value = element.get(name)
                if value and "%" in value:
                    element.set(name, nfc_target(value))


class NfcLinksExtension(Extension):
    def extendMarkdown(self, md):
        # After inline links exist (inline, 20), before MkDocs' anchors (5) and relative-path check (0).
        md.treeprocessors.register(_NfcLinks(md), "cchc_nfc_links", 6)


def makeExtension(**kwargs):  # noqa: N802 - the name Markdown looks for
    return NfcLinksExtension(**kwargs)
