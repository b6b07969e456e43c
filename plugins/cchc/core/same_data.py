"""Whether a page's data is the same as at the last build, quickly, for `mkdocs serve`.

Records whose file did not change are the very same objects in both builds (core.record_memo), so
most comparisons end at an identity check; everything else is compared field by field, including
fields that dataclass equality skips (an article's `passthrough`: description, template, hide...).
A grouping (category, tag, month, year) is compared by what pages show of it, as core.fingerprint
digests it: an article's page lists its categories, not their articles' bodies.
Anything that cannot be compared that way counts as changed: the page is rendered again.
"""
from __future__ import annotations

import dataclasses
from functools import cached_property, lru_cache
from typing import Any

from cchc.core.fingerprint import GROUPS, PLAIN, field_names


_EXACT_PLAIN = frozenset(PLAIN)  # for the fast path; subclasses (Markup) go through same()


class SameData:
    """One comparison run: shared objects (a category, a month) are compared once."""

    def __init__(self) -> None:
        self._known: dict[tuple[int, int], bool] = {}
        self._kept: list[tuple[Any, Any]] = []  # keeps compared objects alive, so ids stay theirs

    def same(self, old: Any, new: Any) -> bool:
        if old is new:
            return True
        if type(old) is not type(new):
            return False
        if isinstance(new, PLAIN):
            return old == new
        pair = (id(old), id(new))
        known = self._known.get(pair)
        if known is None:
            self._known[pair] = False  # a cycle meets this while it is being compared
            self._kept.append((old, new))
            known = self._known[pair] = self._compare(old, new)
        return known

    def _all_same(self, pairs) -> bool:
        """same() of every pair, with its first checks inline: at 10,000 articles most of a save's
        comparisons are one identity or one string check (half a million calls otherwise)."""
        for old, new in pairs:
            if old is new:
                continue
            kind = type(new)
            if type(old) is not kind:
                return False
            if kind in _EXACT_PLAIN:
                if old != new:
                    return False
            elif not self.same(old, new):
                return False
        return True

    def _compare(self, old: Any, new: Any) -> bool:
        group = GROUPS.get(type(new))
        if group is not None:  # a category or month: its name, URL and the URLs of its articles
            return self.same(group(old), group(new))
        if isinstance(new, (list, tuple)):
            return len(old) == len(new) and self._all_same(zip(old, new))
        if isinstance(new, (set, frozenset)):
            return old == new  # sets hold plain values here (tags, codes)
        if isinstance(new, dict):
            return old.keys() == new.keys() and self._all_same((old[k], v) for k, v in new.items())
        if dataclasses.is_dataclass(new):
            return self._all_same((getattr(old, name), getattr(new, name)) for name in field_names(type(new)))
        if hasattr(new, "__dict__") and not callable(new):
            derived = _cached_properties(type(new))  # filled in when a template first asks: not data
            return self.same({k: v for k, v in vars(old).items() if k not in derived},
                             {k: v for k, v in vars(new).items() if k not in derived})
        return False


@lru_cache(maxsize=None)
def _cached_properties(kind: type) -> frozenset[str]:
    return frozenset(name for klass in kind.__mro__ for name, value in vars(klass).items()
                     if isinstance(value, cached_property))
