"""Bullets and signs typed in the Symbol and Wingdings fonts, as Word copies them: private-use characters.

Word writes a character of a symbol font as U+F000 + its byte in that font (the ✔ of Wingdings, byte
0xFC, becomes U+F0FC). Plain text keeps the code and loses the font, so a reader sees an empty box.
Each code is mapped to the Unicode character that shows the same sign.

Sources:
- Symbol: the Adobe Symbol encoding to Unicode table, unicode.org/Public/MAPPINGS/VENDORS/ADOBE/symbol.txt;
- Wingdings: Alan Wood's Wingdings table with PostScript names, alanwood.net/demos/wingdings.html, the bold
  marks (xmarkbld, checkbld) as the heavy signs ✘ ✔; signs without a Unicode equivalent are left out.
A byte means a different sign in each font; the text no longer says which font it was. The choice below
follows what Word offers: its bullet library uses Symbol 0xB7 (•) and Wingdings 0xA7 ▪, 0x76 ❖, 0xD8 ➢,
0xFC ✔, 0x71 ❑, its Insert Symbol dialog Symbol's arrows and mathematical signs. So Symbol is taken for
the Latin range (Greek letters, operators) and for its arrows and signs (≤ ∞ ↔ ← ↑ → ↓ ° ± ″ ≥ × • ÷ ≠,
⇔ ⇐ ⇑ ⇒ ⇓), Wingdings for the rest (shapes, bullets such as ▪ of 0xA7, checks, arrows of 0xD8–0xFE).
"""
from __future__ import annotations

import re

SYMBOL = {
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x41: "Α", 0x42: "Β", 0x43: "Χ",
    0x44: "Δ", 0x45: "Ε", 0x46: "Φ", 0x47: "Γ", 0x48: "Η", 0x49: "Ι", 0x4A: "ϑ", 0x4B: "Κ", 0x4C: "Λ",
    0x4D: "Μ", 0x4E: "Ν", 0x4F: "Ο", 0x50: "Π", 0x51: "Θ", 0x52: "Ρ", 0x53: "Σ", 0x54: "Τ", 0x55: "Υ",
    0x56: "ς", 0x57: "Ω", 0x58: "Ξ", 0x59: "Ψ", 0x5A: "Ζ", 0x5C: "∴", 0x5E: "⊥", 0x61: "α", 0x62: "β",
    0x63: "χ", 0x64: "δ", 0x65: "ε", 0x66: "φ", 0x67: "γ", 0x68: "η", 0x69: "ι", 0x6A: "ϕ", 0x6B: "κ",
    0x6C: "λ", 0x6D: "μ", 0x6E: "ν", 0x6F: "ο", 0x70: "π", 0x71: "θ", 0x72: "ρ", 0x73: "σ", 0x74: "τ",
    0x75: "υ", 0x76: "ϖ", 0x77: "ω", 0x78: "ξ", 0x79: "ψ", 0x7A: "ζ", 0x7E: "∼",
    0xA0: "€", 0xA1: "ϒ", 0xA2: "′", 0xA3: "≤", 0xA4: "⁄", 0xA5: "∞", 0xA6: "ƒ", 0xA7: "♣", 0xA8: "♦",
    0xA9: "♥", 0xAA: "♠", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°", 0xB1: "±",
    0xB2: "″", 0xB3: "≥", 0xB4: "×", 0xB5: "∝", 0xB6: "∂", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡",
    0xBB: "≈", 0xBC: "…", 0xBF: "↵", 0xC0: "ℵ", 0xC4: "⊗", 0xC5: "⊕", 0xC6: "∅", 0xC7: "∩", 0xC8: "∪",
    0xC9: "⊃", 0xCA: "⊇", 0xCB: "⊄", 0xCC: "⊂", 0xCD: "⊆", 0xCE: "∈", 0xCF: "∉", 0xD0: "∠", 0xD1: "∇",
    0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD5: "∏", 0xD6: "√", 0xD7: "⋅", 0xD8: "¬", 0xD9: "∧", 0xDA: "∨",
    0xDB: "⇔", 0xDC: "⇐", 0xDD: "⇑", 0xDE: "⇒", 0xDF: "⇓", 0xE0: "◊", 0xE1: "〈", 0xE5: "∑", 0xF1: "〉",
    0xF2: "∫",
}
# Symbol's printable ASCII (digits, brackets, punctuation) is ASCII itself.
SYMBOL.update({b: chr(b) for b in range(0x20, 0x7F) if b not in SYMBOL and not chr(b).isalpha() and b != 0x60})

WINGDINGS = {
    0x21: "✏", 0x22: "✂", 0x23: "✁", 0x28: "☎", 0x29: "✆", 0x2A: "✉", 0x36: "⌛", 0x37: "⌨", 0x3E: "✇",
    0x3F: "✍", 0x41: "✌", 0x45: "☜", 0x46: "☞", 0x47: "☝", 0x48: "☟", 0x49: "✋", 0x4A: "☺", 0x4C: "☹",
    0x4E: "☠", 0x4F: "⚐", 0x51: "✈", 0x52: "☼", 0x54: "❄", 0x56: "✞", 0x58: "✠", 0x59: "✡", 0x5A: "☪",
    0x5B: "☯", 0x5D: "☸", 0x6C: "●", 0x6D: "❍", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x72: "❒", 0x73: "⬧",
    0x74: "⧫", 0x75: "◆", 0x76: "❖", 0x77: "⬥", 0x78: "⌧", 0x7A: "⌘", 0x7B: "❀", 0x7C: "✿", 0x7D: "❝",
    0x7E: "❞", 0x80: "⓪", 0x81: "①", 0x82: "②", 0x83: "③", 0x84: "④", 0x85: "⑤", 0x86: "⑥", 0x87: "⑦",
    0x88: "⑧", 0x89: "⑨", 0x8A: "⑩", 0x8B: "⓿", 0x8C: "❶", 0x8D: "❷", 0x8E: "❸", 0x8F: "❹", 0x90: "❺",
    0x91: "❻", 0x92: "❼", 0x93: "❽", 0x94: "❾", 0x95: "❿", 0x9E: "·", 0x9F: "•", 0xA0: "▪", 0xA1: "○",
    0xA2: "⭕", 0xA4: "◉", 0xA5: "◎", 0xA7: "▪", 0xA8: "◻", 0xAA: "✦", 0xAB: "★", 0xAC: "✶", 0xAD: "✴",
    0xAE: "✹", 0xAF: "✵", 0xB1: "⌖", 0xB2: "⟡", 0xB3: "⌑", 0xB5: "✪", 0xB6: "✰", 0xD5: "⌫", 0xD6: "⌦",
    0xD8: "➢", 0xDC: "➲", 0xE8: "➔", 0xEF: "⇦", 0xF0: "⇨", 0xF1: "⇧", 0xF2: "⇩", 0xF3: "⬄", 0xF4: "⇳",
    0xF5: "⬀", 0xF6: "⬁", 0xF7: "⬃", 0xF8: "⬂", 0xF9: "▭", 0xFA: "▫", 0xFB: "✘", 0xFC: "✔", 0xFD: "☒",
    0xFE: "☑",
}

# Word's bullets of the Latin range come from Wingdings (● ■ □ ❑ ◆ ❖ …): not Symbol's Greek letters.
_WINGDINGS_BULLETS = set(range(0x6C, 0x79))
_SYMBOL_SIGNS = {0xA3, 0xA5, *range(0xAB, 0xB5), 0xB7, 0xB8, 0xB9, *range(0xDB, 0xE0)}


def _sign(byte: int) -> str | None:
    if byte in _WINGDINGS_BULLETS:
        return WINGDINGS.get(byte)
    if byte < 0x80 or byte in _SYMBOL_SIGNS:
        return SYMBOL.get(byte) or WINGDINGS.get(byte)
    return WINGDINGS.get(byte) or SYMBOL.get(byte)


PRIVATE_USE = {0xF000 + byte: sign for byte in range(0x20, 0x100) if (sign := _sign(byte))}
_PRIVATE_USE_RE = re.compile("[\uf020-\uf0ff]")
UNREADABLE_RE = re.compile("[\ufffd\ue000-\uf8ff]")  # what still stands for a lost letter or sign


def map_symbols(text: str) -> tuple[str, int]:
    """Text with every Symbol/Wingdings private-use character replaced by its sign; (text, how many)."""
    count = 0

    def sign(match: re.Match) -> str:
        nonlocal count
        found = PRIVATE_USE.get(ord(match.group()))
        if found is None:
            return match.group()
        count += 1
        return found

    return _PRIVATE_USE_RE.sub(sign, text), count


def unreadable(text: str) -> list[str]:
    """The characters no reader can read (U+FFFD, private use), in order, each once."""
    return list(dict.fromkeys(UNREADABLE_RE.findall(text)))
