"""Parse the national TTHC portal's texts into the spec's fields. Never invents a value.

The public crawler glued the cells of the portal's tables together without separators, e.g.
"Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm việcMiễn phí…". These functions read
such text (or cleaner text from a spreadsheet) with a small grammar and return what is really
there. What the source lacks stays unknown; what can be read two ways is kept verbatim with a
warning (kind, message) instead of a guess.
"""
from __future__ import annotations

import re

from cchc.core.procedures.legal_basis import legal_bases
from cchc.core.procedures.legal_symbols import kind_name
from cchc.core.procedures.procedures import canonical_level
from cchc.core.text.vietnamese import fold, nfc

NO_INFO = {"khong co thong tin", "chua co thong tin", "-", "--", "n/a", "none"}
# For descriptive fields (yêu cầu, điều kiện) a bare "Không" also means there is nothing to show.
NOTHING = NO_INFO | {"khong", "khong co"}

# Kinds of warning, as the import report names them.
WARNING_KINDS = {
    "missing": "thiếu thông tin bắt buộc (trang ghi \"Chưa có thông tin\")",
    "fee_unknown": "cách thức không ghi phí, lệ phí",
    "time_unknown": "cách thức không ghi thời hạn giải quyết",
    "time_unit": "thời hạn không ghi đơn vị (giữ nguyên số)",
    "ambiguous": "nội dung đọc được nhiều cách (giữ nguyên văn bản nguồn)",
    "control": "ký tự điều khiển bị xóa",
    "unknown_value": "giá trị không nhận ra (bỏ qua)",
    "legal_no_number": "căn cứ pháp lý không ghi số văn bản (giữ tên như nguồn)",
    "legal_verbatim": "căn cứ pháp lý giữ nguyên văn bản nguồn (số văn bản không đọc được chắc chắn)",
    "symbol": "ký hiệu phông Symbol/Wingdings đã đổi sang ký tự Unicode tương ứng",
    "unreadable": "còn ký tự không đọc được (chữ bị mất khi chép từ PDF), cần gõ lại",
}

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_VI_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"


def strip_control(text: str) -> tuple[str, bool]:
    """Text without control characters (tab and newline kept); True when some were removed."""
    cleaned = _CONTROL_RE.sub("", text)
    return cleaned, cleaned != text


def clean(value, empty: set[str] = NO_INFO) -> str | None:
    """Text with normalised spaces; None for empty and 'Không có thông tin'. 'Không' stays (a fee of nothing)."""
    if value is None:
        return None
    text = _CONTROL_RE.sub("", nfc(str(value))).replace("\xa0", " ").replace("\t", " ").replace("\r\n", "\n")
    text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
    if not text or (len(text) < 40 and fold(text).lower().strip(" .") in empty):  # the markers are short
        return None
    return text


def one_line(value) -> str | None:
    text = clean(value)
    return "; ".join(part for part in text.split("\n") if part) if text else None


def split_top_level(text: str, separators: str = ",;") -> list[str]:
    """'A, Tổ chức (không bao gồm doanh nghiệp, HTX), B' -> three items; commas inside () stay."""
    items, depth, current = [], 0, []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if char in separators + "\n" and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return [item.strip(" .") for item in items if item.strip(" .")]


def levels(value) -> tuple[list[str], list[str]]:
    """'Cấp bộ, Cấp tỉnh' -> (['Cấp bộ', 'Cấp tỉnh'], unknown parts)."""
    if isinstance(value, list):
        parts = [str(v) for v in value]
    else:
        text = clean(value)
        parts = split_top_level(text) if text else []
    known, unknown = [], []
    for part in parts:
        level = canonical_level(part)
        if level is None:
            unknown.append(part.strip())
        elif level not in known:
            known.append(level)
    return known, unknown


# -- money ------------------------------------------------------------------------------------------
_CURRENCY = r"Việt Nam Đồng|Việt Nam đồng|VNĐ|VND|vnđ|vnd|đồng|Đồng|USD|đ(?![{l}])".format(l=_VI_LOWER)
_AMOUNT = r"\d{1,3}(?:[.,]\d{3})+|\d+"
_MONEY_RE = re.compile(rf"(?P<amount>{_AMOUNT})\s*(?P<unit>{_CURRENCY})", re.IGNORECASE)
_FREE_RE = re.compile(r"Miễn phí|Không thu phí|Không thu lệ phí|Miễn lệ phí", re.IGNORECASE)
_NO_INFO_RE = re.compile(r"Không có thông tin|Chưa có thông tin", re.IGNORECASE)


def amount_value(amount: str) -> int:
    """'35,000,000' / '35.000.000' / '35000000' -> 35000000."""
    return int(re.sub(r"[.,]", "", amount))


def money_text(value: int, unit: str) -> str:
    """35000000, 'Việt Nam Đồng' -> '35.000.000 đồng' (Vietnamese thousands separator)."""
    unit = "USD" if unit.upper() == "USD" else "đồng"
    return f"{value:,}".replace(",", ".") + f" {unit}"


def amounts_in(text: str) -> list[int]:
    """Every amount of money written with a currency in text, in any spelling."""
    return [amount_value(m.group("amount")) for m in _MONEY_RE.finditer(text)]


def normalise_fee(text: str) -> str:
    """'35,000,000 Việt Nam Đồng', '250,000 VNĐ' -> '35.000.000 đồng', '250.000 đồng'; other text stays."""
    stripped = text.strip()
    match = _MONEY_RE.fullmatch(stripped)
    if match:
        return money_text(amount_value(match.group("amount")), match.group("unit"))
    if _FREE_RE.fullmatch(stripped):
        return "Miễn phí"
    return stripped


# -- cách thức thực hiện ------------------------------------------------------------------------------
_METHOD_WORDS = [("dich vu buu chinh", "postal"), ("buu chinh", "postal"), ("truc tuyen", "online"),
                 ("truc tiep", "direct"), ("qua mang", "online")]
_METHOD_NAME = r"Dịch vụ bưu chính công ích|Dịch vụ bưu chính|Bưu chính công ích|Bưu chính|Trực tuyến|Trực tiếp"
# A method name opens a channel only when a time or a fee follows at once; in the description the
# same words are followed by ':' or by words ("Trực tiếp tại …").
_OPENING = rf"[ \t]*(?:\d|{_NO_INFO_RE.pattern}|{_FREE_RE.pattern})"
_METHOD_RE = re.compile(rf"({_METHOD_NAME})(?={_OPENING})", re.IGNORECASE)
_HEADER_RE = re.compile(r"^\s*Hình thức nộp\s*Thời gian\s*Phí, lệ phí\s*Mô tả\s*", re.IGNORECASE)
_UNITS = r"Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Tuần|Năm|Phút"
_TIME_RE = re.compile(rf"(\d+(?:[.,]\d+)?)\s*({_UNITS})", re.IGNORECASE)
_BARE_NUMBER_RE = re.compile(r"\d+(?=\s*(?:%s|%s))" % (_NO_INFO_RE.pattern, _FREE_RE.pattern), re.IGNORECASE)
_GLUED_MONEY_RE = re.compile(rf"(?P<digits>\d[\d.,]*\d|\d)\s*(?P<unit>{_CURRENCY})", re.IGNORECASE)
_GROUPED_RE = re.compile(r"[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*|[1-9]\d*")


def method_of(text: str) -> str | None:
    folded = fold(text).lower()
    for words, method in _METHOD_WORDS:
        if words in folded:
            return method
    return None


def _balanced_parenthesis(text: str) -> tuple[str, str]:
    """'(a (b))rest' -> ('a (b)', 'rest'); text not starting with '(' -> ('', text)."""
    if not text.startswith("("):
        return "", text
    depth = 0
    for i, char in enumerate(text):
        depth += char == "("
        depth -= char == ")"
        if depth == 0:
            return text[1:i].strip(), text[i + 1:]
    return text[1:].strip(), ""


def _strip_outer_parens(text: str) -> str:
    while text.startswith("(") and text.endswith(")"):
        inner, rest = _balanced_parenthesis(text)
        if rest:
            break
        text = inner
    return text.strip()


def time_fee_splits(digits: str) -> list[tuple[str | None, int]]:
    """'120,000' -> [(None, 120000), ('1', 20000)]: every way to read a unit-less time glued to an amount."""
    readings = []
    if _GROUPED_RE.fullmatch(digits):
        readings.append((None, amount_value(digits)))
    for cut in range(1, len(digits)):
        time, fee = digits[:cut], digits[cut:]
        if time.isdigit() and not time.startswith("0") and _GROUPED_RE.fullmatch(fee):
            readings.append((time, amount_value(fee)))
    return readings


def _channel(label: str, chunk: str, warnings: list) -> dict:
    """One channel from the text after its method name: time, fee, then the description."""
    channel: dict = {"method": method_of(label)}
    chunk = chunk.lstrip()
    source = chunk
    time = fee = None
    if (match := _NO_INFO_RE.match(chunk)):
        chunk = chunk[match.end():].lstrip()
    elif (match := _TIME_RE.match(chunk)):
        number, unit = match.group(1), match.group(2)
        time = f"{number} {unit[0].lower()}{unit[1:].lower()}"
        chunk = chunk[match.end():].lstrip()
    elif (match := _BARE_NUMBER_RE.match(chunk)):
        time = match.group(0)
        warnings.append(("time_unit", f"cách thức '{label}': thời hạn '{time}' không ghi đơn vị, giữ nguyên"))
        chunk = chunk[match.end():].lstrip()
    elif (match := _GLUED_MONEY_RE.match(chunk)):
        # Digits then a currency with no time unit between: a unit-less time may be glued to the amount.
        detail, _ = _balanced_parenthesis(chunk[match.end():].lstrip())
        readings = time_fee_splits(match.group("digits"))
        stated = set(amounts_in(detail))
        chosen = [r for r in readings if r[1] in stated]
        if len(readings) == 1 and readings[0][0] is None:
            chosen = readings
        if len(chosen) == 1:
            time = chosen[0][0]
            fee = money_text(chosen[0][1], match.group("unit"))
            chunk = chunk[match.end():].lstrip()
        else:
            verbatim = " ".join(source.split())
            warnings.append(("ambiguous", f"cách thức '{label}': '{match.group(0)}' có thể là thời hạn và phí viết liền "
                                          "nhau, không tách được chắc chắn; giữ nguyên văn bản nguồn"))
            channel["source"] = verbatim[:500]
            return channel
    if fee is None:
        if (match := _NO_INFO_RE.match(chunk)):
            chunk = chunk[match.end():]
        elif (match := _FREE_RE.match(chunk)):
            fee = "Miễn phí"
            chunk = chunk[match.end():]
        elif (match := _MONEY_RE.match(chunk)):
            fee = money_text(amount_value(match.group("amount")), match.group("unit"))
            chunk = chunk[match.end():]
        elif re.match(r"Không(?![%s])" % _VI_LOWER, chunk):
            fee = "Không"
            chunk = chunk[5:]
    if time is None:
        warnings.append(("time_unknown", f"cách thức '{label}' không ghi thời hạn giải quyết"))
    else:
        channel["time"] = time
    if fee is None:
        warnings.append(("fee_unknown", f"cách thức '{label}' không ghi phí, lệ phí"))
    else:
        channel["fee"] = fee
    detail, rest = _balanced_parenthesis(chunk.strip())
    notes = [part for part in (_strip_outer_parens(detail), rest.strip()) if part]
    if notes:
        channel["note"] = " ".join(" ".join(n.split()) for n in notes)
    return channel


def channels(value) -> tuple[list[dict], list[tuple[str, str]]]:
    """Glued 'cách thức thực hiện' text -> (channels, warnings). Unknown time or fee is left out and warned."""
    text = clean(value)
    if not text:
        return [], []
    text = _HEADER_RE.sub("", text)
    starts = list(_METHOD_RE.finditer(text))
    result, warnings = [], []
    for i, start in enumerate(starts):
        chunk = text[start.end(): starts[i + 1].start() if i + 1 < len(starts) else len(text)]
        result.append(_channel(start.group(1), chunk, warnings))
    return result, warnings


# -- thành phần hồ sơ ----------------------------------------------------------------------------------
_DOC_HEADER_RE = re.compile(r"Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng", re.IGNORECASE)
_COPIES_RE = re.compile(r"(\d+\s*bản (?:chính|sao)(?:\s*,\s*\d+\s*bản (?:chính|sao))*)", re.IGNORECASE)
_SECTION_RE = re.compile(r"\*\s*Giấy tờ phải (nộp|xuất trình)\s*:?", re.IGNORECASE)
_NOTE_WORDS = r"(?:Lưu ý|Chú ý|Ghi chú)"
# A note opens an item ("Lưu ý Số lượng hồ sơ …"), follows a star ("*Lưu ý …") or has its colon ("… Lưu ý: …").
_NOTE_RE = re.compile(rf"^\s*{_NOTE_WORDS}\b\s*:?|\*\s*{_NOTE_WORDS}\b\s*:?|{_NOTE_WORDS}\s*:", re.IGNORECASE)


def _copies(text: str) -> str | None:
    parts = [" ".join(p.split()) for p in text.split(",")]
    kept = [p for p in parts if not re.match(r"^0\s", p)]
    return ", ".join(kept) or None


def documents_and_notes(value) -> tuple[list[dict], list[str]]:
    """Glued 'thành phần hồ sơ' -> (documents, notes). Notes ("Lưu ý: …") are not documents."""
    text = clean(value)
    if not text:
        return [], []
    result, notes = [], []
    present = False

    def add(name: str, copies: str | None) -> None:
        name = " ".join(re.sub(r"^[-+*•\s]+", "", name).split())
        note = _NOTE_RE.search(name)
        if note:
            tail = " ".join(name[note.end():].split()).strip(" -")
            if tail:
                notes.append(tail)
            name = name[: note.start()].strip(" -")
        if not name:
            return
        item = {"name": f"Xuất trình: {name}" if present else name}
        if copies:
            item["copies"] = copies
        result.append(item)

    for piece in re.split(r"(\*\s*Giấy tờ phải (?:nộp|xuất trình)\s*:?)", text, flags=re.IGNORECASE):
        section = _SECTION_RE.match(piece)
        if section:
            present = fold(section.group(1)).lower() == "xuat trinh"
            continue
        piece = _DOC_HEADER_RE.sub("\n", piece).strip(" -\n")
        position = 0
        for match in _COPIES_RE.finditer(piece):
            name = piece[position: match.start()].strip(" \n")
            position = match.end()
            add(name, _copies(match.group(1)))
        rest = piece[position:].strip()
        if rest and (position or _NOTE_RE.search(rest)):
            add(rest, None)
    return result, notes


def documents(value) -> list[dict]:
    return documents_and_notes(value)[0]


# -- căn cứ pháp lý -------------------------------------------------------------------------------------
def kind_of(number: str) -> str | None:
    """'14/2025/TT-BNNMT' -> 'Thông tư'; None when the ký hiệu does not say."""
    return kind_name(number.rsplit("/", 1)[-1])


def legal_basis_and_warnings(value) -> tuple[list[dict], list[tuple[str, str]]]:
    """Glued 'căn cứ pháp lý' text -> ([{name, number}], warnings); see legal_basis for the grammar."""
    text = clean(value)
    if not text:
        return [], []
    return legal_bases(text)


def legal_basis(value) -> list[dict]:
    return legal_basis_and_warnings(value)[0]


# -- kết quả, trình tự, danh sách -------------------------------------------------------------------------
_RESULT_CODE_RE = re.compile(r"Mã:\s*KQ\.[A-Z0-9]+\.\d+")


def results(value) -> list[str]:
    text = clean(value)
    if not text:
        return []
    parts = _RESULT_CODE_RE.split(text)
    if len(parts) == 1:
        return [r for r in split_top_level(text, ";")]
    found = []
    for part in parts[:-1]:
        part = part.strip()
        if part.startswith("Từ khóa"):
            break
        part = part.rstrip(". ")
        if part:
            found.append(part)
    return found


# Categories of the national database whose names hold commas.
_COMPOUND_SUBJECTS = ["Cán bộ, công chức, viên chức"]


def subjects(value) -> list[str]:
    if isinstance(value, list):
        return [c for c in (clean(v) for v in value) if c]
    text = clean(value)
    if not text:
        return []
    for i, name in enumerate(_COMPOUND_SUBJECTS):
        text = text.replace(name, f"\x00{i}\x00")
    items = split_top_level(text)
    for i, name in enumerate(_COMPOUND_SUBJECTS):
        items = [item.replace(f"\x00{i}\x00", name) for item in items]
    return items


def steps_markdown(value) -> str:
    """'trình tự thực hiện' as Markdown: one paragraph or list item per line, HTML characters escaped."""
    text = clean(value)
    if not text:
        return ""
    lines = [line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for line in text.split("\n") if line.strip()]
    return "\n\n".join(lines) + "\n"
