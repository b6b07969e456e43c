"""A digest of the data a template receives, so a page whose data did not change is not rendered again.

Records (dataclasses), lists, dicts and plain values are digested whole. Groupings (a category or
tag, a month, a year) stand for what their pages around the site show of them: name, URL, count
and the URLs of their articles; a template that shows an article's title or excerpt receives the
article itself in its page data (items, articles, older/newer), where it is digested whole.
An article carries what the site published of it (its picture's variants, its og:image: fields kept
out of its repr, digested after it): a page that shows it shows them. Each object is digested once per build (memo by id), so the cost is
linear in the content.
Anything else (a function, an object without fields) makes the page uncacheable: it is rendered.
"""
from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any, Callable

from cchc.core.news.collections import Month, Term, Year


class Uncacheable(Exception):
    """The data holds something whose digest would not follow its content."""


# What a grouping shows of itself on pages around the site (also core.same_data's view of it).
GROUPS: dict[type, Callable[[Any], tuple]] = {
    Term: lambda t: (t.name, t.slug, t.kind, t.url, [a.url for a in t.articles]),
    Month: lambda m: (m.year, m.month, m.url, m.label, [a.url for a in m.articles]),
    Year: lambda y: (y.year, y.url, [(m.month, m.url, m.label, m.count) for m in y.months]),
}
PLAIN = (str, int, float, bool, type(None), date, datetime, time)  # values that are their own text


@lru_cache(maxsize=None)
def field_names(kind: type) -> tuple[str, ...]:
    """A dataclass's fields, asked once per class (dataclasses.fields() costs a dozen calls each time)."""
    return tuple(f.name for f in dataclasses.fields(kind))


@lru_cache(maxsize=None)
def _hidden_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind) if not f.repr)


class Fingerprinter:
    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, str]] = {}  # id -> (object kept alive, digest)

    def digest(self, value: Any) -> str:
        return hashlib.sha256(self._text(value).encode("utf-8")).hexdigest()

    def _text(self, value: Any) -> str:
        if isinstance(value, PLAIN):  # str subclasses (Markup) too: their repr is their text
            return f"{type(value).__name__}:{value!r}"
        known = self._memo.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        self._memo[id(value)] = (value, "")  # a cycle meets the empty marker below
        text = self._compose(value)
        result = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self._memo[id(value)] = (value, result)
        return result

    def _compose(self, value: Any) -> str:
        group = GROUPS.get(type(value))
        if group is not None:
            return f"{type(value).__name__}{self._text(list(group(value)))}"
        if isinstance(value, (list, tuple)):
            return "[" + ",".join(self._text(item) for item in value) + "]"
        if isinstance(value, (set, frozenset)):
            return "{" + ",".join(sorted(self._text(item) for item in value)) + "}"
        if isinstance(value, dict):
            items = sorted((self._text(k), self._text(v)) for k, v in value.items())
            return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
        return self._record(value)

    def _record(self, value: Any) -> str:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            kind = type(value)
            params = kind.__dataclass_params__
            if params.frozen and params.repr:
                # a record (frozen): its generated repr shows its fields, fast; records define no __repr__.
                # Fields kept out of the repr (a procedure's line numbers) are digested after it.
                text = repr(value)
                if " at 0x" not in text:
                    hidden = {name: getattr(value, name) for name in _hidden_names(kind)}
                    return f"{text}{self._text(hidden)}" if hidden else text
            # a view (core.pages.View: frozen, no generated repr) or a mutable record: field by field
            return f"{kind.__qualname__}{self._text({name: getattr(value, name) for name in field_names(kind)})}"
        if hasattr(value, "__dict__") and not callable(value):
            return f"{type(value).__qualname__}{self._text(dict(vars(value)))}"
        raise Uncacheable(type(value).__qualname__)
