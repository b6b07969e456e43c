"""Text typed in TCVN3 (ABC) or VNI fonts and read as Unicode, and letters lost in PDF copies.

Legacy text read as Unicode is made only of ASCII and Latin-1 characters, and its words are not
Vietnamese syllables ("Céng hoµ"), while their conversion is ("Cộng hoà"). A word is converted only
when the line gives enough evidence: correct Unicode text is never touched (tested on the whole demo
content and the national procedure records). Letters that a PDF copy replaced by U+FFFD or by
private-use characters cannot be guessed: they are reported, not repaired.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from cchc.core.text.legacy_charsets import tcvn3_table, vni_table

TCVN3, VNI, PDF = "tcvn3", "vni", "pdf"
NAMES = {TCVN3: "TCVN3 (ABC, phông .VnTime)", VNI: "VNI (phông VNI-Times)", PDF: "chép từ PDF"}

_TCVN3 = tcvn3_table()
_VNI = vni_table()
_VNI_BASES = {seq[0] for seq in _VNI if len(seq) == 2}
_TONES = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}

# A word: letters (ASCII, Latin-1, Vietnamese) and the Latin-1 symbols TCVN3 uses as letters.
_SYMBOLS = "".join(sorted(c for c in _TCVN3 if not "\u00c0" <= c <= "\u00ff"))  # µ ¸ ¨ © ® …
_WORD = re.compile(f"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0300-\u036f\u1e00-\u1eff{re.escape(_SYMBOLS)}]+")
_LEGACY_CHARS = set(_TCVN3) | {c for seq in _VNI for c in seq if not c.isascii()}
_WORD_CHARS = _WORD.pattern[1:-2]
# Words made only of ASCII and Latin-1 with at least one legacy byte: the only ones that can be evidence.
_CANDIDATE = re.compile(f"(?<![{_WORD_CHARS}])[A-Za-z\u00a1-\u00ff]*[{re.escape(''.join(sorted(_LEGACY_CHARS)))}]"
                        f"[A-Za-z\u00a1-\u00ff]*(?![{_WORD_CHARS}])")
_LOST = re.compile("[\ufffd\ue000-\uf8ff]")  # replacement and private-use characters

_INITIAL = "(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
# Rhymes without tone: vowels and the final they may take. Permissive, but enough to tell a
# syllable from legacy bytes.
_OPEN = ("a e ê i o ô ơ u ư y ia ya ưa ua oa oe uê uy uơ uya ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi "
         "ưu iêu yêu ươi ươu uôi oai oay oao oeo uây uyu")
_CLOSED_NG = "a ă â e o ô u ư iê yê uô ươ oa oă uâ oo"  # take m n ng p t c
_CLOSED_NH = "a ê i y oa uê uy"  # take m n nh p t ch
_CLOSED_MN = "ơ ê i uyê uơ"  # take m n p t only (plus the above)
_RHYME = "|".join(
    [*(re.escape(v) for v in _OPEN.split()),
     *(f"{re.escape(v)}(?:ng|m|n|p|t|c)" for v in _CLOSED_NG.split()),
     *(f"{re.escape(v)}(?:nh|m|n|p|t|ch)" for v in _CLOSED_NH.split()),
     *(f"{re.escape(v)}(?:m|n|p|t)" for v in _CLOSED_MN.split())])
_SYLLABLE = re.compile(f"{_INITIAL}(?:{_RHYME})")
_STOP_FINAL = re.compile("(?:c|ch|p|t)$")
_NEEDS_FINAL = re.compile("(?:ă|â|iê|yê|uô|ươ|oă|uâ|uyê)$")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """One Vietnamese syllable, any case: initial, rhyme, at most one tone, stop finals only sắc/nặng."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if not _SYLLABLE.fullmatch(bare) or _NEEDS_FINAL.search(bare):
        return False
    return not (tones and _STOP_FINAL.search(bare) and tones[0] not in ("\u0301", "\u0323"))


def _is_unicode_vietnamese(word: str) -> bool:
    """Has a Vietnamese letter outside Latin-1 (ă đ ĩ ũ ơ ư ạ…ỹ) or a combining mark: legacy bytes
    never produce one."""
    return any(ord(c) > 0xFF for c in word)


def _upper_word(word: str, line_upper: bool) -> bool:
    """TCVN3 has no toned capitals (.VnTimeH shows lowercase codes as capitals): guess from the rest."""
    # Letters whose case is known: ASCII, and TCVN3's ĂÂÊÔƠƯĐ (0xA1–0xA7) and ăâêôơưđ (0xA8–0xAE).
    cased = [c for c in word if (c.isascii() and c.isalpha()) or "\u00a1" <= c <= "\u00ae"]
    uppers = [c for c in cased if c.isupper() or "\u00a1" <= c <= "\u00a7"]
    return bool(cased) and len(uppers) == len(cased) and (len(cased) >= 2 or line_upper)


def decode_tcvn3(word: str, line_upper: bool = False) -> str:
    text = "".join(_TCVN3.get(c, c) for c in word)
    if _upper_word(word, line_upper):
        text = text.upper()
    if not is_syllable(text):
        # 'ư' is byte 0xAD, the soft hyphen, which copies often drop: "M­êng" arrives as "Mêng".
        lost = re.sub("(?<![uưUƯ])([ơớờởỡợƠỚỜỞỠỢ])(?=(?:ng|c|u|NG|C|U)$)",
                      lambda m: ("Ư" if m.group(1).isupper() else "ư") + m.group(1), text)
        if lost != text and is_syllable(lost):
            return lost
    return text


def decode_vni(word: str) -> str:
    out, i = [], 0
    while i < len(word):
        pair = word[i:i + 2]
        if len(pair) == 2 and pair[0].lower() in _VNI_BASES:
            found = _VNI.get(pair) or _VNI.get(pair[0] + pair[1].swapcase())
            if found:
                out.append(found.upper() if pair[0].isupper() else found.lower())
                i += 2
                continue
        out.append(_VNI.get(word[i], word[i]))
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based, in the text scanned
    kind: str  # TCVN3, VNI or PDF
    text: str  # the line as it is
    fixed: str | None  # the repaired line; None when the letters are lost (PDF)
    words: tuple[tuple[str, str], ...]  # (as it is, converted) for the message

    def message(self) -> str:
        if self.kind == PDF:
            shown = ", ".join(f"«{w}»" for w, _ in self.words[:5])
            return (f"Dòng có ký tự thay cho chữ tiếng Việt bị mất khi chép từ PDF (� hoặc ký tự riêng): {shown}.")
        pairs = self.words[:4]
        before = " ".join(w for w, _ in pairs) + (" …" if len(self.words) > 4 else "")
        after = " ".join(w for _, w in pairs) + (" …" if len(self.words) > 4 else "")
        return f"Chữ gõ bằng bảng mã {NAMES[self.kind]} bị đọc như Unicode: «{before}» → «{after}»."

    def fix(self) -> str:
        if self.kind == PDF:
            return "Gõ lại các chữ bị mất theo văn bản gốc (chép lại từ tệp Word, không chép từ PDF)."
        return "Chạy '.venv/bin/cchc check --fix-encoding' để chuyển dòng này sang Unicode, hoặc gõ lại bằng Unicode."


@lru_cache(maxsize=65536)
def _classify(word: str, kind: str, line_upper: bool) -> tuple[str, str]:
    """('L' legacy evidence | 'U' surely Unicode | 'A' either | '-' nothing to convert, converted word)."""
    if _is_unicode_vietnamese(word):
        return "U", word
    new = decode_tcvn3(word, line_upper) if kind == TCVN3 else decode_vni(word)
    if new == word:
        return "-", word
    was_valid, now_valid = is_syllable(word), is_syllable(new)
    return ("L" if now_valid and not was_valid else "U" if was_valid and not now_valid
            else "A" if now_valid else "-"), new


def _convert_line(line: str, kind: str) -> tuple[str, list[tuple[str, str]], int]:
    """(converted line, changed words, evidence) for one encoding; unchanged when evidence is weak."""
    words = list(_WORD.finditer(line))
    letters = [c for m in words for c in m.group() if c.isascii() and c.isalpha()]
    line_upper = bool(letters) and all(c.isupper() for c in letters) and len(letters) >= 4
    classes, decoded = [], []
    for match in words:
        cls, new = _classify(match.group(), kind, line_upper)
        classes.append(cls), decoded.append(new)
    # Runs of words between surely-Unicode words; a run is converted on enough evidence.
    pure_line = "U" not in classes
    changes: list[tuple[int, int, str, str]] = []
    evidence = 0
    run: list[int] = []

    def close(run: list[int]) -> None:
        nonlocal evidence
        legacy = [i for i in run if classes[i] == "L"]
        strong = len(legacy) >= 2 or (legacy and pure_line and len(words[legacy[0]].group()) >= 3)
        if strong:
            evidence += len(legacy)
            changes.extend((words[i].start(), words[i].end(), words[i].group(), decoded[i])
                           for i in run if classes[i] in "LA")

    for i, cls in enumerate(classes):
        if cls == "U":
            close(run)
            run = []
        else:
            run.append(i)
    close(run)
    if not changes:
        return line, [], 0
    out, last = [], 0
    for start, end, _, new in changes:
        out += [line[last:start], new]
        last = end
    out.append(line[last:])
    return "".join(out), [(old, new) for _, _, old, new in changes], evidence


@lru_cache(maxsize=8192)
def check_line(line: str) -> tuple[str, str, tuple[tuple[str, str], ...]] | None:
    """(kind, repaired line, changed words) or None when the line is fine."""
    if line.isascii():
        return None
    lost = _LOST.findall(line)
    if lost:
        words = tuple((m.group(), m.group()) for m in re.finditer(r"\S*[\ufffd\ue000-\uf8ff]\S*", line))
        return PDF, line, words
    candidates = set(_CANDIDATE.findall(line))
    if not any(_classify(word, kind, False)[0] == "L" for word in candidates for kind in (TCVN3, VNI)):
        return None  # fast path: no word that only a legacy encoding explains
    best = None
    for kind in (TCVN3, VNI):
        fixed, words, evidence = _convert_line(line, kind)
        if words and (best is None or evidence > best[3]):
            best = (kind, fixed, tuple(words), evidence)
    return best[:3] if best else None


def scan(text: str) -> list[Finding]:
    """Every line with legacy-encoded words or lost letters, with its repair when there is one."""
    findings = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = check_line(line.rstrip("\r"))
        if found:
            kind, fixed, words = found
            findings.append(Finding(number, kind, line.rstrip("\r"), None if kind == PDF else fixed, words))
    return findings


def repair(text: str) -> tuple[str, list[Finding]]:
    """Text with every repairable line converted to Unicode; line ends kept as they are."""
    findings = scan(text)
    fixes = {f.line: f.fixed for f in findings if f.fixed is not None}
    if not fixes:
        return text, findings
    lines = text.split("\n")
    for number, fixed in fixes.items():
        ending = "\r" if lines[number - 1].endswith("\r") else ""
        lines[number - 1] = fixed + ending
    return "\n".join(lines), findings


def repair_values(values: dict, where: str) -> list[str]:
    """Imported values in place: legacy text converted; one Vietnamese note per change or loss."""
    notes = []

    def fix(value, key):
        if isinstance(value, str):
            fixed, findings = repair(value)
            for finding in findings:
                action = "còn chữ bị mất, cần gõ lại" if finding.kind == PDF else "đã chuyển sang Unicode"
                notes.append(f"{where}, '{key}': {action}. {finding.message()}")
            return fixed
        if isinstance(value, list):
            return [fix(v, key) for v in value]
        if isinstance(value, dict):
            return {k: fix(v, key) for k, v in value.items()}
        return value

    for key in list(values):
        values[key] = fix(values[key], key)
    return notes
