"""Which files of content/ the site publishes: those a published record uses, and no other.

An article's cover, attachments, and the images and files its body links to; a procedure's forms and
the files its body links to; a plan's or a directive document's attachments and the files its body
links to. A file nobody
uses (the original .docx, a note, a backup, a draft's cover and attachment while the draft is held
back) stays out of site/. Drafts are records of the build only under `mkdocs serve` (its preview).
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import markdown

from cchc.core.build_cache import BuildCache, digest
from cchc.core.content_tree import leftover, plain_file

KIND = "body-targets"

# Cheap test before a body is converted: does it hold anything that may be a link or a source?
_MAYBE_LINK = re.compile(r"\]\s*[(\[]|^\s{0,3}\[[^\]]+\]:|\b(?:href|src|data|poster)\s*=", re.IGNORECASE | re.MULTILINE)
_ATTRIBUTES = ("href", "src", "data", "poster")
_MEMO_LIMIT = 50_000
_memo: dict[str, tuple[str, ...]] = {}


def body_targets(body: str, known: BuildCache | None = None) -> tuple[str, ...]:
    """Every link target and source of a Markdown body, as written (inline, reference-style, raw HTML).
    Kept in memory (mkdocs serve) and in the build cache, keyed by the body, as body_images does."""
    if not _MAYBE_LINK.search(body):
        return ()
    found = _memo.get(body)
    if found is None:
        stored = known.get(KIND, digest(body)) if known is not None else None
        found = tuple(stored) if isinstance(stored, list) and all(isinstance(s, str) for s in stored) else None
        if found is None:
            found = _find(body)
            if known is not None:
                known.put(KIND, digest(body), list(found))
        if len(_memo) >= _MEMO_LIMIT:
            _memo.clear()
        _memo[body] = found
    return found


def _find(body: str) -> tuple[str, ...]:
    rendered = markdown.markdown(body)
    tree = lxml.html.fragment_fromstring(rendered, create_parent="div") if rendered.strip() else None
    return () if tree is None else tuple(
        value for element in tree.iter() if isinstance(element.tag, str)
        for value in (element.get(name) for name in _ATTRIBUTES) if value)


def local_target(root: Path, record_path: str, target: str) -> str | None:
    """The content path a body's link names, when it is a file of content/ that may be published."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("/", "#")) or not parts.path:
        return None  # another site, an anchor, a data: URL
    path = posixpath.normpath(posixpath.join(posixpath.dirname(record_path), unquote(parts.path)))
    if path.startswith("../") or path == ".." or path.endswith(".md") or any(leftover(p) for p in path.split("/")):
        return None
    try:
        return path if plain_file(root, root / path) else None
    except (OSError, ValueError):
        return None


def referenced_files(content, known: BuildCache | None = None) -> dict[str, str]:
    """Content paths of the files the build's records use (images included), sorted, each once, with
    the first record (its source file) that uses it: a problem with the file is reported there."""
    root = content.settings.content_root
    used: dict[str, str] = {}

    def use(path: str, record) -> None:
        used.setdefault(path, record.source)

    def body(record) -> None:
        for target in body_targets(record.body, known):
            path = local_target(root, record.content_path, target)
            if path:
                use(path, record)

    for article in content.articles.articles:
        for attachment in article.attachments:
            use(attachment.path, article)
        if article.image:
            use(article.image.path, article)
        body(article)
    for procedure in content.procedures.all:
        for document in procedure.documents:
            if document.form:
                use(document.form.path, procedure)
        body(procedure)
    for plan in content.plans:
        for attachment in plan.attachments:
            use(attachment.path, plan)
        body(plan)
    for document in content.documents:  # the register of directive documents (van-ban/)
        if document.file:
            use(document.file.path, document)
        body(document)
    return dict(sorted(used.items()))
