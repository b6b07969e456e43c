"""Search without diacritics: readers type "cai cach" and expect "cải cách".

Material's search (lunr) matches exact terms, so each page's index entry also gets the folded
form of its Vietnamese words, once each. Pages keep their text; only the index grows a little.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cchc.core.text.vietnamese import fold

_WORD = re.compile(r"\w+", re.UNICODE)


def folded_terms(text: str) -> str:
    """The ASCII forms of the words that carry diacritics, each once, in first-seen order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        folded = _fold_word(word)
        if folded != word:
            seen.setdefault(folded, None)
    return " ".join(seen)


def procedure_summary(code: str, name: str, field: str) -> str:
    """What a procedure's search entry must hold besides its body: its code and lĩnh vực (not in the body)."""
    return f"Mã thủ tục {code}. {name}. Lĩnh vực: {field}."


@lru_cache(maxsize=65536)  # a site's vocabulary is small and repeats on every page
def _fold_word(word: str) -> str:
    return fold(word)
