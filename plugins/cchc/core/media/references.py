"""Which files of content/ the site publishes: those a published record uses, and no other.

An article's cover, attachments, and the images and files its body links to; a procedure's forms and
the files its body links to; a plan's or a directive document's attachments and the files its body
links to (core.media.body_images finds them). A file nobody uses (the original .docx, a note, a
backup, a draft's cover and attachment while the draft is held back) stays out of site/. Drafts are records of the build only under `mkdocs serve` (its preview).
"""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from cchc.core.build_cache import BuildCache
from cchc.core.media.body_images import body_targets
from cchc.core.content_tree import leftover, on_disk, plain_file
from cchc.core.text.vietnamese import nfc


def local_target(root: Path, record_path: str, target: str) -> str | None:
    """The content path a body's link names, when it is a file of content/ that may be published."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("/", "#")) or not parts.path:
        return None  # another site, an anchor, a data: URL
    path = posixpath.normpath(posixpath.join(posixpath.dirname(record_path), unquote(parts.path)))
    if path.startswith("../") or path == ".." or path.endswith(".md") or any(leftover(p) for p in path.split("/")):
        return None
    try:
        return nfc(path) if plain_file(root, on_disk(root, path)) else None  # its address on the site: NFC
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
