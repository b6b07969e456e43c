"""Vietnamese text: NFC, ASCII folding, slugs, alphabetical order, dates in words."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "vi"
SLUG_MAX = 80

# Vietnamese alphabet order; the tone marks sort after the letter (secondary key).
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_MARKS = ("\u0306", "\u0302", "\u031b")  # breve, circumflex, horn: ă â ê ô ơ ư
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)  # names, tags and titles are folded again and again (sorting, slugs, search)
def fold(text: str) -> str:
    """'Đẩy mạnh cải cách' -> 'Day manh cai cach' (ASCII, case kept)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Names Windows (and so IIS, or a copy of the site on a Windows share) cannot use for a folder.
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"{d}{n}" for d in ("com", "lpt") for n in range(10))})


@lru_cache(maxsize=65536)  # every category and tag name is slugified once per article that carries it
def slugify(text: str, max_length: int = SLUG_MAX) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text).lower(), flags=re.ASCII).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[:max_length]
    slug = slug.strip("-")
    return f"{slug}-1" if slug in WINDOWS_RESERVED else slug


def _letter_key(base: str, marks: str) -> int:
    letter = nfc(base + "".join(m for m in marks if m in _LETTER_MARKS))
    index = _ALPHABET.find(letter)
    return index if index >= 0 else 100 + ord(base)


@lru_cache(maxsize=4096)  # a site's text uses a few hundred characters; 3,000 names sort in a blink
def _char_key(char: str) -> tuple[int, int]:
    """(place in the alphabet, tone) of one NFC character."""
    lower = char.lower()
    if lower == "đ":
        return _ALPHABET.index("đ"), 0
    decomposed = unicodedata.normalize("NFD", lower)
    base, marks = decomposed[0], decomposed[1:]
    if base.isalpha() and base.isascii():
        primary = _letter_key(base, marks)
    elif base.isdigit():
        primary = -10 + int(base)
    elif base.isspace():
        primary = -20
    else:
        primary = 200 + ord(base)
    return primary, next((_TONES[m] for m in marks if m in _TONES), 0)


@lru_cache(maxsize=100_000)  # the same names are sorted again in every listing and every rebuild
def sort_key(text: str) -> tuple:
    """Key for Vietnamese dictionary order: a < ă < â < b … d < đ …, then tones, then case."""
    keys = [_char_key(char) for char in nfc(text)]
    return (tuple(k[0] for k in keys), tuple(k[1] for k in keys), text)


def long_date(value: date | datetime) -> str:
    """'ngày 05 tháng 02 năm 2024'."""
    return "ngày " + format_date(value, "dd 'tháng' MM 'năm' yyyy", locale=LOCALE)


def short_date(value: date | datetime) -> str:
    """'05/02/2024'."""
    return format_date(value, "dd/MM/yyyy", locale=LOCALE)


def month_label(year: int, month: int) -> str:
    """'Tháng 02/2024'."""
    return format_date(date(year, month, 1), "'Tháng' MM/yyyy", locale=LOCALE)


def year_label(year: int) -> str:
    return f"Năm {year}"


def file_size(size: int) -> str:
    """'245,3 KB' with Vietnamese decimal comma."""
    if size < 1024:
        return f"{size} B"
    for unit, factor in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        if size < factor * 1024 or unit == "GB":
            return f"{format_decimal(size / factor, format='#,##0.#', locale=LOCALE)} {unit}"
    raise AssertionError("unreachable")


def heading_slug(value: str, separator: str = "-") -> str:
    """Heading anchors for Python-Markdown's `toc` (its `slugify` option): same ASCII slugs, đ→d."""
    return slugify(value).replace("-", separator)
