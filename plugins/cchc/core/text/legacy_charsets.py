"""Code charts of the two pre-Unicode Vietnamese encodings still found in old documents.

Source: the public code charts of
- TCVN3 (ABC), the "VN3" subset of TCVN 5712:1993, used by the .VnTime/.VnArial fonts: one byte per
  letter, lowercase toned letters only (the .VnTimeH fonts show the same codes as capitals). Byte
  values checked against the TCVN 5712 table of GNU libc (`iconv -f TCVN5712-1`), whose range
  0xA1–0xFE holds the same lowercase letters;
- VNI Windows (VNI-Times fonts): an ASCII vowel followed by one mark byte, or one byte for
  i/y with a tone, ơ, ư and đ.
When a file typed in these fonts is pasted or converted without its font, every byte becomes the
Latin-1 character of the same value: TCVN3 "Céng hoµ" is "Cộng hoà", VNI "Coäng hoøa" is "Cộng hòa".
The tables below are written in that Latin-1 form.
"""
from __future__ import annotations

import unicodedata

# Tone marks, in the order of each chart's columns.
GRAVE, HOOK, TILDE, ACUTE, DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"  # huyền hỏi ngã sắc nặng

# TCVN3 (ABC): letter -> its byte (as Latin-1) without tone, then huyền, hỏi, ngã, sắc, nặng.
TCVN3_TONES = (GRAVE, HOOK, TILDE, ACUTE, DOT)
TCVN3_ROWS = {
    "a": "a\u00b5\u00b6\u00b7\u00b8\u00b9",  # a µ ¶ · ¸ ¹
    "ă": "\u00a8\u00bb\u00bc\u00bd\u00be\u00c6",  # ¨ » ¼ ½ ¾ Æ
    "â": "\u00a9\u00c7\u00c8\u00c9\u00ca\u00cb",  # © Ç È É Ê Ë
    "e": "e\u00cc\u00ce\u00cf\u00d0\u00d1",  # e Ì Î Ï Ð Ñ
    "ê": "\u00aa\u00d2\u00d3\u00d4\u00d5\u00d6",  # ª Ò Ó Ô Õ Ö
    "i": "i\u00d7\u00d8\u00dc\u00dd\u00de",  # i × Ø Ü Ý Þ
    "o": "o\u00df\u00e1\u00e2\u00e3\u00e4",  # o ß á â ã ä
    "ô": "\u00ab\u00e5\u00e6\u00e7\u00e8\u00e9",  # « å æ ç è é
    "ơ": "\u00ac\u00ea\u00eb\u00ec\u00ed\u00ee",  # ¬ ê ë ì í î
    "u": "u\u00ef\u00f1\u00f2\u00f3\u00f4",  # u ï ñ ò ó ô
    "ư": "\u00ad\u00f5\u00f6\u00f7\u00f8\u00f9",  # (soft hyphen) õ ö ÷ ø ù
    "y": "y\u00fa\u00fb\u00fc\u00fd\u00fe",  # y ú û ü ý þ
    "đ": "\u00ae",  # ®
}
# The only capitals of TCVN3: the seven letters without a tone.
TCVN3_CAPITALS = {"Ă": "\u00a1", "Â": "\u00a2", "Ê": "\u00a3", "Ô": "\u00a4", "Ơ": "\u00a5", "Ư": "\u00a6", "Đ": "\u00a7"}

# VNI Windows: letter -> its bytes (as Latin-1) without tone, then sắc, huyền, hỏi, ngã, nặng.
VNI_TONES = (ACUTE, GRAVE, HOOK, TILDE, DOT)
VNI_ROWS = {
    "a": ("a", "a\u00f9", "a\u00f8", "a\u00fb", "a\u00f5", "a\u00ef"),  # aù aø aû aõ aï
    "â": ("a\u00e2", "a\u00e1", "a\u00e0", "a\u00e5", "a\u00e3", "a\u00e4"),  # aâ aá aà aå aã aä
    "ă": ("a\u00ea", "a\u00e9", "a\u00e8", "a\u00fa", "a\u00fc", "a\u00eb"),  # aê aé aè aú aü aë
    "e": ("e", "e\u00f9", "e\u00f8", "e\u00fb", "e\u00f5", "e\u00ef"),
    "ê": ("e\u00e2", "e\u00e1", "e\u00e0", "e\u00e5", "e\u00e3", "e\u00e4"),
    "i": ("i", "\u00ed", "\u00ec", "\u00e6", "\u00f3", "\u00f2"),  # í ì æ ó ò
    "o": ("o", "o\u00f9", "o\u00f8", "o\u00fb", "o\u00f5", "o\u00ef"),
    "ô": ("o\u00e2", "o\u00e1", "o\u00e0", "o\u00e5", "o\u00e3", "o\u00e4"),
    "ơ": ("\u00f4", "\u00f4\u00f9", "\u00f4\u00f8", "\u00f4\u00fb", "\u00f4\u00f5", "\u00f4\u00ef"),  # ô ôù …
    "u": ("u", "u\u00f9", "u\u00f8", "u\u00fb", "u\u00f5", "u\u00ef"),
    "ư": ("\u00f6", "\u00f6\u00f9", "\u00f6\u00f8", "\u00f6\u00fb", "\u00f6\u00f5", "\u00f6\u00ef"),  # ö öù …
    "y": ("y", "y\u00f9", "y\u00f8", "y\u00fb", "y\u00f5", "\u00ee"),  # … î
    "đ": ("\u00f1",),  # ñ
}
# VNI capitals are the same bytes in capitals (AÙ, Í, Ô, Ö, Ñ …): every byte above is a Latin-1
# letter whose capital is also Latin-1, so str.upper() gives the capital chart.


def _toned(letter: str, tone: str) -> str:
    return unicodedata.normalize("NFC", letter + tone)


def tcvn3_table() -> dict[str, str]:
    """Latin-1 character -> Unicode letter (lowercase, plus the seven capitals)."""
    table = {}
    for letter, codes in TCVN3_ROWS.items():
        forms = [letter] + [_toned(letter, tone) for tone in TCVN3_TONES[: len(codes) - 1]]
        for code, form in zip(codes, forms):
            if code != form:
                table[code] = form
    table.update({code: letter for letter, code in TCVN3_CAPITALS.items()})
    return table


def vni_table() -> dict[str, str]:
    """VNI sequence (1 or 2 Latin-1 characters) -> Unicode letter, lowercase and capitals."""
    table = {}
    for letter, codes in VNI_ROWS.items():
        forms = [letter] + [_toned(letter, tone) for tone in VNI_TONES[: len(codes) - 1]]
        for code, form in zip(codes, forms):
            if code != form:
                table[code] = form
                table[code.upper()] = form.upper()
    return table
