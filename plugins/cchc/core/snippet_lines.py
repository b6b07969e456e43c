"""Snippet lines (`--8<-- "file"`) of pymdownx.snippets are for the hand-written pages of site_src/.

The extension is configured once for the whole site, so the Markdown of content/ (articles,
procedures, plans: written by editors or imported from Word and JSON) would include any file of the
project it names (.env, mkdocs.yml, a draft) into the page, its feeds and the search index. In that
Markdown every snippet line is made inert with the extension's own escape (a leading ';', which it
removes): the reader sees the line as written, nothing is included, and a missing path cannot stop
the build.
"""
from __future__ import annotations

import re

EXTENSION = "pymdownx.snippets"
# The line forms the extension acts on (pymdownx.snippets RE_ALL_SNIPPETS and RE_SNIPPET_SECTION),
# written loosely: escaping one line too many shows a ';' more, escaping one too few publishes a file.
_MARKER = re.compile(r"(?<![;-]);*-+8<-+")
_WHOLE_LINE = re.compile(r"[ \t]*;*-+8<-+")
_SECTION = re.compile(r"(?<![;-])(;*-+8<-+[ \t]+\[)")


def _inert(line: str) -> str:
    if "8<-" not in line:
        return line
    start = _WHOLE_LINE.match(line)
    if start:  # one ';' more than written: the extension removes one, the reader sees the line as it was
        marker = _MARKER.search(line)
        return line[:marker.start()] + ";" + line[marker.start():]
    return _SECTION.sub(r";\1", line)


def inert_snippets(markdown: str, extensions: tuple[str, ...] | list[str] = (EXTENSION,)) -> str:
    """markdown with every snippet line escaped, when the site's Markdown has the snippets extension."""
    if "8<-" not in markdown or not any(str(e).split(":")[0] == EXTENSION for e in extensions):
        return markdown
    return "".join(_inert(line) for line in markdown.splitlines(keepends=True))


_LINE_START = re.compile(r"^([ \t]*);*(?=-+8<-)", re.MULTILINE)


def escaped_directive_lines(markdown: str) -> str:
    """For importers, in text they did not write: a line starting like a snippet is escaped the Markdown
    way ('\\-', read back as '-'), so the file on disk is plain text whatever the site's extensions."""
    return _LINE_START.sub(lambda m: m.group(0) + "\\", markdown) if "8<-" in markdown else markdown
