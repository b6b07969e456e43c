"""Search without diacritics, for the one letter the search engine does not fold: đ.

Pagefind folds tone and vowel marks itself ("cai cach" finds "cải cách"), but "đ" is a letter of its
own in Unicode, not "d" with a mark: "dang ky" would not find "đăng ký". So each indexed page carries,
hidden, the folded form of its words that hold a đ, once each. Pages look the same; the index grows
by a few words per page.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

from cchc.core.text.vietnamese import fold

BODY = "data-pagefind-body"
_WORD = re.compile(r"\w*[đĐ]\w*", re.UNICODE)
_TAG = re.compile(r"<[^>]+>")
# What the index leaves out (data-pagefind-ignore: neighbours' titles, buttons) is left out here too.
_IGNORED = re.compile(r"<(nav|ul|p|span|div|dl)\b[^>]*\bdata-pagefind-ignore\b[^>]*>.*?</\1>"
                      r"|<!--cchc-not-indexed-->.*?<!--/cchc-not-indexed-->", re.DOTALL)
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1>", re.DOTALL)


def d_folded_words(text: str) -> str:
    """The ASCII forms of the words holding a đ, each once, in first-seen order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        seen.setdefault(_fold_word(word), None)
    return " ".join(seen)


def with_folded_words(page_html: str) -> str:
    """An indexed page with the folded đ-words of its indexed part, hidden, at the end of that part."""
    start = page_html.find(BODY)
    if start < 0:
        return page_html
    end = page_html.rfind("</article>", start, page_html.find("</main>", start))
    if end < 0:
        return page_html
    body = _IGNORED.sub(" ", _SCRIPT.sub(" ", page_html[start:end]))
    words = d_folded_words(html.unescape(_TAG.sub(" ", body)))
    if not words:
        return page_html
    return f'{page_html[:end]}<span class="cchc-folded" hidden>{words}</span>{page_html[end:]}'


@lru_cache(maxsize=65536)  # a site's vocabulary is small and repeats on every page
def _fold_word(word: str) -> str:
    return fold(word)
