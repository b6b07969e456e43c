"""The small HTML vocabulary mammoth writes (p, h1–h6, strong, em, ul/ol/li, table, a, img, br) as
Markdown that Python-Markdown reads back the same: four-space nested lists, pipe tables, escapes."""
from __future__ import annotations

import re
from urllib.parse import quote

from lxml import html as lxml_html

_INLINE_ESCAPE = re.compile(r"([\\`*_\[\]<>])")
_BLOCK_START = re.compile(r"^(\s*)(#|>|[-+*](?=\s))")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])(?=\s)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000]+")


def _escape(text: str) -> str:
    return _INLINE_ESCAPE.sub(r"\\\1", text)


def link_target(href: str) -> str:
    """A link target from the document as one Markdown token: line breaks and control characters (a
    newline would end the link and start a line of its own, e.g. a snippet line) removed, and what
    Markdown reads in a target (spaces, parentheses, brackets, quotes, '\\', '<>') percent-encoded."""
    return quote(_CONTROL.sub("", href).strip(), safe="%/:#?&=@!$+,;~*'-._")


def _wrap(mark: str, inner: str) -> str:
    """'**bold**' with the spaces Word put inside the run moved outside, where Markdown needs them."""
    stripped = inner.strip()
    if not stripped:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()):]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def inline(element) -> str:
    """The text of an element with bold, italic, links and images, on one line."""
    out = [_escape(element.text or "")]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("strong", "b"):
            out.append(_wrap("**", inline(child)))
        elif tag in ("em", "i"):
            out.append(_wrap("*", inline(child)))
        elif tag == "a":
            text, href = inline(child), link_target(child.get("href") or "")
            out.append(f"[{text}]({href})" if href and not href.startswith("#") and text.strip() else text)
        elif tag == "img":
            if child.get("src"):
                out.append(f"![{_escape(child.get('alt') or '')}]({child.get('src')})")
        elif tag == "br":
            out.append(" ")  # a manual line break inside a paragraph is layout, not meaning
        elif tag in ("ul", "ol", "table", "p"):
            pass  # blocks inside a list item: handled by the block writer
        else:
            out.append(inline(child))
        out.append(_escape(child.tail or ""))
    return _SPACES.sub(" ", "".join(out))


def _paragraph(text: str) -> str:
    """A paragraph that must not start a heading, quote or list in Markdown."""
    text = _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text.strip(), count=1)
    return _NUMBERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)


def _list(element, depth: int) -> list[str]:
    lines, ordered = [], element.tag == "ol"
    for number, item in enumerate((c for c in element if c.tag == "li"), start=1):
        marker = f"{number}. " if ordered else "- "
        lead = " " * (4 * depth)
        parts = [inline(item)] + [inline(p) for p in item if p.tag == "p"]
        lines.append(lead + marker + _paragraph(" ".join(p for p in parts if p.strip())))
        for child in item:
            if child.tag in ("ul", "ol"):
                lines += _list(child, depth + 1)
    return lines


def _table(element) -> list[str]:
    rows = []
    for row in element.iter("tr"):
        cells = [" ".join(inline(p) if p.tag == "p" else "" for p in cell) or inline(cell)
                 for cell in row if cell.tag in ("td", "th")]
        rows.append([" ".join(c.split()).replace("|", "\\|") or " " for c in cells])
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [" "] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join(["---"] * width) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return lines


def blocks(html: str) -> list[tuple[str, str]]:
    """(kind, Markdown) for each block in order; kind is 'h1'…'h6', 'p' (a quote too), 'list' or 'table'."""
    if not html.strip():
        return []
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    result = []
    for element in root:
        tag = element.tag if isinstance(element.tag, str) else ""
        if re.fullmatch(r"h[1-6]", tag):
            text = inline(element).strip()
            if text:
                result.append((tag, text))
        elif tag in ("ul", "ol"):
            result.append(("list", "\n".join(_list(element, 0))))
        elif tag == "table":
            lines = _table(element)
            if lines:
                result.append(("table", "\n".join(lines)))
        elif tag == "blockquote":  # Word's Quote style: its paragraphs, quoted
            quoted = [_paragraph(inline(child)) for child in element] or [_paragraph(inline(element))]
            if any(quoted):
                result.append(("p", "\n>\n".join("> " + text for text in quoted if text)))
        else:
            text = _paragraph(inline(element))
            if text:
                result.append(("p", text))
    return result
