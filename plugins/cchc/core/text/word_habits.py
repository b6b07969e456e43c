"""What Word (and copying from a PDF or a web page) puts into a text that the editor cannot see.

No-break spaces, zero-width characters, soft hyphens and curly quotes look right on screen, so an
error about them is an error the editor cannot find. In frontmatter they are normalised before YAML
reads it: a no-break space is a space, an invisible character is nothing, a value wrapped in curly
quotes is a quoted value. Every change stays inside its line, so the line numbers of messages are the
lines the editor sees. In a body, invisible characters go; a no-break space stays only where it keeps
a number with its unit ("95 %", "500.000 đ"), elsewhere it is a space.
"""
from __future__ import annotations

import json
import re

# zero-width space, non-joiner, joiner; word joiner; BOM inside a text; soft hyphen (Word's optional hyphen)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_NO_BREAK = re.compile("[\u00a0\u202f\u2007]")
_UNITS = "%‰đ₫°"  # a no-break space before these keeps the number and its unit on one line
_NO_BREAK_SPACE_KEPT = re.compile(f"[\u00a0\u202f\u2007](?![{_UNITS}])")

_OPEN, _CLOSE = "“‘„«", "”’“»"
# `key: “value”` or `- “value”` (a comment may follow): the whole value wrapped in curly quotes
# (no curly quote inside: `“Dân vận khéo” – kết quả “tốt”` is a title that starts and ends with quotes)
_WRAPPED_VALUE = re.compile(rf"^(?P<lead>\s*(?:-\s+)?(?:[^\s#:'\"\[{{][^:#]*:\s+)?)[{_OPEN}]"
                            rf"(?P<value>[^\n{_OPEN}{_CLOSE}]*)[{_CLOSE}](?P<tail>\s*(?:#.*)?)$")
# an item of a flow list, `[“Tin tức CCHC”, ‘Chuyển đổi số’]`
_WRAPPED_ITEM = re.compile(rf"(?P<lead>[\[,]\s*)[{_OPEN}](?P<value>[^{_CLOSE}\[\],\n]*)[{_CLOSE}](?=\s*[,\]])")


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a double-quoted YAML scalar


def frontmatter(text: str) -> str:
    """The frontmatter block as the editor meant it; the same number of lines."""
    text = _NO_BREAK.sub(" ", _INVISIBLE.sub("", text))
    if not any(mark in text for mark in _OPEN):
        return text
    lines = []
    for line in text.split("\n"):
        line = _WRAPPED_VALUE.sub(lambda m: m["lead"] + _quoted(m["value"]) + m["tail"], line)
        if "[" in line:
            line = _WRAPPED_ITEM.sub(lambda m: m["lead"] + _quoted(m["value"]), line)
        lines.append(line)
    return "\n".join(lines)


def body(text: str) -> str:
    """A Markdown body without invisible characters, no-break spaces only before units."""
    text = _INVISIBLE.sub("", text)
    return _NO_BREAK_SPACE_KEPT.sub(" ", text) if _NO_BREAK.search(text) else text
