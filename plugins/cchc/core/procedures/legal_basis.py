"""Căn cứ pháp lý of the national records: (name, number) rows read with the grammar of document numbers.

The national text runs the two cells of each row together, name then number, with no separator:
"…Luật Thú y.80/2022/NĐ-CPquy định chi tiết…35/2016/NĐ-CP". A number is read only when its ký hiệu is
made of the kinds and issuers of `legal_symbols` and what follows it starts a new word or number, so a
number is never cut short and never hands its last letters to the next name. Where a row cannot be
read with confidence its source text is kept verbatim, without a number, and a warning says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.core.procedures.legal_symbols import ISSUER_RE, KIND_RE, TERM_ONLY_RE, kind_name
from cchc.core.text.legacy_encoding import is_syllable
from cchc.core.text.vietnamese import fold

HEADER_RE = re.compile(r"^\s*Tên văn bản pháp lý\s*Mã văn bản\s*", re.IGNORECASE)
# số (66.7, 08.a, 09b) / năm (optional) / then the ký hiệu, which starts with a capital.
_HEAD_RE = re.compile(r"\d{1,5}(?:\.\d{1,2}|\.?[a-z])?/(?:((?:19|20)\d{2})/)?(?=[A-ZĐ])")
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
_YEAR_DOT_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}\.\d{1,2}/")
_SEPARATOR_RE = re.compile(r"\s?[-_/–]\s?")  # only '-' is the standard one; the others are read, not trusted
_LOOSE_SYMBOL_RE = re.compile(r"[A-ZĐƯ]+(?:\s?[-_/–]\s?[A-ZĐƯ]+)*")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_AFTER_NUMBER_INSIDE_NAME = {"ngay"}  # '…/TT-BCAngày 01/7/2025': the date of the same document, space lost

# Kinds of document as names begin with them; one glued to the end of a name opens a new cell.
DOCUMENT_KINDS = ["Bộ luật", "Luật", "Pháp lệnh", "Nghị định", "Nghị quyết", "Thông tư liên tịch", "Thông tư",
                  "Quyết định", "Chỉ thị", "Văn bản hợp nhất", "Hiến pháp", "Lệnh", "Quy định"]
_KINDS_ALT = "|".join(sorted(DOCUMENT_KINDS + [k.upper() for k in DOCUMENT_KINDS], key=len, reverse=True))
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_GLUED_KIND_RE = re.compile(rf"(?<=[{_LOWER}0-9.)])(?=(?:{_KINDS_ALT})(?![{_LOWER}]))")
_BARE_RE = re.compile(rf"^\s*(?:(?:{_KINDS_ALT})\s*)?(?:số)?\s*:?\s*$", re.IGNORECASE)
_OPENING_RE = re.compile(rf"^\s*(?:{_KINDS_ALT})\s*(?:số|SỐ)?\s*:?\s*")


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    sure: bool  # ký hiệu made of the table's codes, standard hyphens, a clean end

    def text(self, source: str) -> str:
        return source[self.start:self.end]


def _clean_end(text: str, end: int) -> bool:
    """What follows a ký hiệu ends it: a space or punctuation, another number, or a whole Vietnamese word
    ('…NĐ-CPquy định' ends at 'CP': 'quy' is a word; a cut 'NĐ-C' would leave 'Pquy', which is not)."""
    if end >= len(text):
        return True
    char = text[end]
    if char.isspace() or char in ".,;:()[]\"'“”…":
        return True
    if char == "-":
        return end + 1 >= len(text) or text[end + 1].isspace()
    if char.isdigit():
        return bool(_HEAD_RE.match(text, end))
    if char.isalpha():
        return is_syllable(_LETTERS_RE.match(text, end).group())
    return False


def _symbol(text: str, at: int) -> tuple[int, bool]:
    """(end, sure) of the ký hiệu starting at `at`."""
    kind = KIND_RE.match(text, at)
    if kind:
        end, standard, issuers = kind.end(), True, 0
        while (separator := _SEPARATOR_RE.match(text, end)) and (issuer := ISSUER_RE.match(text, separator.end())):
            standard = standard and separator.group() == "-"
            end, issuers = issuer.end(), issuers + 1
        if issuers:
            return end, standard and _clean_end(text, end)
    term = TERM_ONLY_RE.match(text, at)
    if term and not kind:
        return term.end(), _clean_end(text, term.end())
    loose = _LOOSE_SYMBOL_RE.match(text, at)
    return (loose.end() if loose else at + 1), False


def document_numbers(text: str) -> list[Number]:
    """Every document number in text, glued or not, in order."""
    found: list[Number] = []
    position = 0
    while (head := _HEAD_RE.search(text, position)):
        start = head.start()
        position = start + 1
        glued_to_last = bool(found) and start == found[-1].end
        before = text[start - 1] if start else ""
        after_number = bool(found) and text[found[-1].end:start] == "."  # '…/QH14.35/2018/QH14'
        if _YEAR_DOT_RE.match(text, start):
            continue  # '… năm 2022.65/2025/TT-BTC': a year, a full stop, then the number
        if not glued_to_last and not after_number:
            if before == "/" or (before == "." and start > 1 and text[start - 2].isdigit()
                                 and not _YEAR_RE.fullmatch(text[max(0, start - 5):start - 1])):
                continue  # inside a date or another number
            if before.isdigit():
                run = start
                while run and text[run - 1].isdigit():
                    run -= 1
                if not (start - run == 4 and _YEAR_RE.fullmatch(text[run:start]) and (not run or text[run - 1] in "/ ")):
                    continue  # a year then a number: 'năm 202446/2024/QH15', 'ngày 01/01/2017120/2016/NĐ-CP'
        end, sure = _symbol(text, head.end())
        found.append(Number(start, end, sure))
        position = end
    return found


def is_whole_number(number: str, source: str) -> bool:
    """True when `number` is written in `source` as a whole document number, not part of a longer one
    ('80/2022/NĐ-C' inside '80/2022/NĐ-CP' is not)."""
    return any(n.text(source) == number for n in document_numbers(source))


def _closing(text: str, numbers: list[Number], i: int) -> bool:
    """Does number i end a row (it is the 'Mã văn bản' cell)? Yes when it is glued to what follows or
    precedes it, when only spaces part it from the next number, or at the end of the text."""
    number = numbers[i]
    rest = text[number.end:]
    if not rest.strip(" .;,\t"):
        return True
    if i + 1 < len(numbers) and not text[number.end:numbers[i + 1].start].strip():
        return True
    after = text[number.end] if number.end < len(text) else ""
    if after.isalnum():
        word = _LETTERS_RE.match(text, number.end)
        if not (word and fold(word.group()).lower() in _AFTER_NUMBER_INSIDE_NAME):
            return True
    before = text[number.start - 1] if number.start else ""
    return bool(before) and (before.isalnum() or before in ".)") and not before.isspace()


def _opening_number(part: str, offset: int, numbers: list[Number]) -> Number | None:
    """The number a name opens with ('Thông tư số 08/2025/TT-BTP ngày …'): the name's own document."""
    opening = _OPENING_RE.match(part)
    if not opening:
        return None
    for number in numbers:
        if number.start == offset + opening.end():
            return number
    return None


@dataclass
class _Row:
    name: str
    number: str | None = None
    verbatim: bool = False  # the number could not be read with confidence: the name is kept as written
    cell: str | None = None  # the number as written, for the warning


def _is_bare(name: str) -> bool:
    return bool(_BARE_RE.match(name))


def _strip(name: str) -> str:
    return " ".join(name.split()).strip(" ;,-")


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the names glued together between start and end ('…của Bộ Tư phápThông tư số …')."""
    cuts = [start] + [m.start() for m in _GLUED_KIND_RE.finditer(text, start, end)] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip(" ;,.-")]


def _rows(text: str) -> list[_Row]:
    numbers = document_numbers(text)
    rows: list[_Row] = []
    position = 0

    def loose_names(start: int, end: int) -> None:
        """Names with no 'Mã văn bản' cell: each keeps the number it opens with, if any."""
        for a, b in _parts(text, start, end):
            own = _opening_number(text[a:b], a, numbers)
            if own is not None and own.end > b:
                own = None
            if own is not None and not own.sure:
                rows.append(_Row(_strip(text[a:b]), None, verbatim=True, cell=own.text(text)))
            else:
                rows.append(_Row(_strip(text[a:b]), own.text(text) if own else None))

    for i, number in enumerate(numbers):
        if not _closing(text, numbers, i):
            continue
        value = number.text(text)
        region = text[position:number.start]
        position = number.end
        if not region.strip(" ;,.-\t"):
            last = rows[-1] if rows else None
            if last is not None and last.number == value and not last.verbatim:
                if value not in last.name:  # 'Luật 61/2014/QH13' then its cell '61/2014/QH13'
                    last.name = _strip(f"{last.name} {value}")
            elif number.sure:
                rows.append(_Row("", value))
            else:
                rows.append(_Row(_strip(value), None, verbatim=True, cell=value))
            continue
        start = number.start - len(region)
        parts = _parts(text, start, number.start)
        prefix = parts.pop() if len(parts) > 1 and _is_bare(text[slice(*parts[-1])]) else None
        # 'Thông tư số ' glued before the number: the kind written in the 'Mã văn bản' cell.
        if not parts:
            parts, prefix = [prefix], None
        a, b = parts[-1]
        name = _strip(text[a:b])
        own = _opening_number(text[a:b], a, numbers) if number.sure else None
        if own is not None and own.end <= b and own.text(text) != value and prefix is None and \
                i + 1 < len(numbers) and numbers[i + 1].text(text) == own.text(text) and \
                not text[number.end:numbers[i + 1].start].strip():
            # '…sửa đổi Thông tư số 55/2021/TT-BCA53/2025/TT-BCA': the name cites 55/2021 and ends
            # there; its own number, 53/2025, is the next cell.
            position = start
            continue
        if len(parts) > 1:
            loose_names(parts[0][0], parts[-1][0])
        if not number.sure:
            # The cell cannot be read with confidence: the name as written, no number.
            rows.append(_Row(name if not _is_bare(name) else _strip(text[a:number.end]), None, verbatim=True, cell=value))
            continue
        if own is not None and own.end <= b and "".join(own.text(text).split()) != value:
            # ('Thông tư số 11/2020/TT- BTP …' with its cell '11/2020/TT-BTP' is the same number, well written.)
            if prefix is not None:
                # Two documents: the name with its own number, then the cell 'Thông tư số 09/2025/TT-BTP'.
                rows.append(_Row(name, own.text(text) if own.sure else None, verbatim=not own.sure,
                                 cell=own.text(text)))
                rows.append(_Row(_strip(text[prefix[0]:number.end]), value))
            else:
                # The name opens with one number and the cell gives another: which is it? Not guessed.
                rows.append(_Row(name, None, verbatim=True, cell=value))
            continue
        rows.append(_Row(name, value))
    if text[position:].strip(" ;,.-\t"):
        loose_names(position, len(text))
    return rows


def legal_bases(text: str) -> tuple[list[dict], list[tuple[str, str]]]:
    """Clean text (see tthc_parse.clean) -> ([{name, number?}], [(kind, message)])."""
    national = bool(HEADER_RE.match(text))
    text = HEADER_RE.sub("", text)
    pieces = [" ".join(text.split())] if national else [" ".join(line.split()) for line in text.split("\n")]
    result: list[dict] = []
    warnings: list[tuple[str, str]] = []
    for piece in pieces:
        for row in _rows(piece):
            name, number = row.name, row.number
            if row.verbatim:
                warnings.append(("legal_verbatim", f"căn cứ pháp lý '{name[:100]}': số văn bản '{row.cell}' không đọc "
                                                   "được chắc chắn (không đúng mẫu số/năm/loại-cơ quan ban hành, hoặc khác "
                                                   "số ghi trong tên); giữ nguyên tên như nguồn, không ghi số"))
            elif number is None:
                if _is_bare(name):
                    warnings.append(("legal_no_number", f"căn cứ pháp lý '{name}' không có tên, số văn bản; bỏ qua"))
                    continue
                warnings.append(("legal_no_number", f"căn cứ pháp lý '{name[:100]}' không ghi số văn bản; "
                                                    "giữ nguyên tên như nguồn"))
            elif not name or name == number or _is_bare(name):
                kind = kind_name(number.rsplit("/", 1)[-1])
                if not name or name == number:
                    name = f"{kind} {number}" if kind else number
                elif number not in name:
                    name = f"{name} {number}"
                if name == number:
                    warnings.append(("legal_no_number", f"căn cứ pháp lý chỉ ghi số '{number}', không rõ tên văn bản"))
            item = {"name": name}
            if number:
                item["number"] = number
            if item not in result:
                result.append(item)
    return result, warnings
