"""The excerpt shown in listings and feeds: summary, else text before <!-- more -->, else first paragraph."""
from __future__ import annotations

import re

import markdown
from markupsafe import Markup

from .sanitize import clean_html

MORE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LIMIT = 300


def plain_text(markdown_text: str) -> str:
    # An image inside a sentence reads as its alt text, not as nothing.
    html = markdown.markdown(IMAGE.sub(r"\1", markdown_text), extensions=["tables"])
    # Cleaned first: the text of a <script> or <style> is not prose either.
    return " ".join(Markup(clean_html(html, ())).striptags().split())


def cut(text: str, limit: int = LIMIT) -> str:
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    head = head.rsplit(" ", 1)[0] if " " in head else head[:limit]
    return head.rstrip(" ,;:.-–") + "…"


def first_paragraph(body: str) -> str:
    for block in re.split(r"\n\s*\n", body.strip()):
        block = block.strip()
        # skip headings, images and HTML blocks: they are not prose
        if block and not block.startswith(("#", "![", "<", "|", "---")):
            return block
    return ""


def excerpt(body: str, summary: str | None) -> str:
    if summary:
        return cut(" ".join(summary.split()))
    parts = MORE.split(body, maxsplit=1)
    source = parts[0] if len(parts) == 2 else first_paragraph(body)
    return cut(plain_text(source))
