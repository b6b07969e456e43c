"""Parse the national TTHC portal's texts into the spec's fields. Never invents a value.

The public crawler glued the cells of the portal's tables together without separators, e.g.
"Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm việcMiễn phí…". These functions take
such text (or cleaner text from a spreadsheet) and return what is really there, or nothing.
"""
from __future__ import annotations

import re

from .procedures import canonical_level
from .vietnamese import fold, nfc

NO_INFO = {"khong co thong tin", "chua co thong tin", "-", "--", "n/a", "none"}
# For descriptive fields (yêu cầu, điều kiện) a bare "Không" also means there is nothing to show.
NOTHING = NO_INFO | {"khong", "khong co"}


def clean(value, empty: set[str] = NO_INFO) -> str | None:
    """Text with normalised spaces; None for empty and 'Không có thông tin'. 'Không' stays (a fee of nothing)."""
    if value is None:
        return None
    text = nfc(str(value)).replace("\xa0", " ").replace("\t", " ").replace("\r\n", "\n")
    text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
    if not text or fold(text).lower().strip(" .") in empty:
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


# -- cách thức thực hiện ------------------------------------------------------------------------------
_METHOD_WORDS = [("dich vu buu chinh", "postal"), ("buu chinh", "postal"), ("truc tuyen", "online"),
                 ("truc tiep", "direct"), ("qua mang", "online")]
_METHOD_RE = re.compile(r"(Dịch vụ bưu chính|Bưu chính công ích|Bưu chính|Trực tuyến|Trực tiếp)(?=\s*\d)", re.IGNORECASE)
_HEADER_RE = re.compile(r"^\s*Hình thức nộp\s*Thời gian\s*Phí, lệ phí\s*Mô tả\s*", re.IGNORECASE)
_UNITS = r"Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Tuần|Năm|Phút"
_TIME_RE = re.compile(rf"^(\d+(?:[.,]\d+)?)(\s*(?:{_UNITS}))?", re.IGNORECASE)
_FEE_RE = re.compile(
    r"^(?:(?P<none>Không có thông tin)|(?P<free>Miễn phí|Không thu phí|Không)|"
    r"(?P<amount>\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?P<unit>Việt Nam Đồng|VNĐ|VND|đồng|Đồng|USD|đ))",
    re.IGNORECASE)


def method_of(text: str) -> str | None:
    folded = fold(text).lower()
    for words, method in _METHOD_WORDS:
        if words in folded:
            return method
    return None


def normalise_fee(text: str) -> str:
    """'35,000,000 Việt Nam Đồng', '250,000 VNĐ' -> '35.000.000 đồng', '250.000 đồng'; 'Miễn phí' stays."""
    match = _FEE_RE.match(text.strip())
    if match and match.group("amount") and match.end() == len(text.strip()):
        digits = re.sub(r"[.,]", "", match.group("amount"))
        unit = match.group("unit")
        unit = "USD" if unit.upper() == "USD" else "đồng"
        return f"{int(digits):,}".replace(",", ".") + f" {unit}"
    return text.strip()


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


def channels(value) -> tuple[list[dict], list[str]]:
    """Glued 'cách thức thực hiện' text -> (channels, problems). A channel without time or fee is a problem."""
    text = clean(value)
    if not text:
        return [], []
    text = _HEADER_RE.sub("", text)
    starts = list(_METHOD_RE.finditer(text))
    result, problems = [], []
    for i, start in enumerate(starts):
        chunk = text[start.end(): starts[i + 1].start() if i + 1 < len(starts) else len(text)].strip()
        label = start.group(1)
        channel = {"method": method_of(label)}
        time = _TIME_RE.match(chunk)
        channel["time"] = (time.group(1) + (time.group(2) or "").lower().replace("  ", " ")).strip()
        chunk = chunk[time.end():].strip()
        fee = _FEE_RE.match(chunk)
        if fee is None or fee.group("none"):
            problems.append(f"cách thức '{label}' không ghi phí, lệ phí")
            continue
        channel["fee"] = "Miễn phí" if fee.group("free") and fold(fee.group("free")).lower() == "mien phi" \
            else normalise_fee(fee.group(0))
        if fee.group("free") and fold(fee.group("free")).lower() == "khong":
            channel["fee"] = "Không"
        chunk = chunk[fee.end():].strip()
        detail, chunk = _balanced_parenthesis(chunk)
        notes = [part for part in (_strip_outer_parens(detail), chunk.strip()) if part]
        if notes:
            channel["note"] = " ".join(" ".join(n.split()) for n in notes)
        result.append(channel)
    return result, problems


# -- thành phần hồ sơ ----------------------------------------------------------------------------------
_DOC_HEADER_RE = re.compile(r"Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng", re.IGNORECASE)
_COPIES_RE = re.compile(r"(\d+\s*bản (?:chính|sao)(?:\s*,\s*\d+\s*bản (?:chính|sao))*)", re.IGNORECASE)
_SECTION_RE = re.compile(r"\*\s*Giấy tờ phải (nộp|xuất trình)\s*:?", re.IGNORECASE)


def _copies(text: str) -> str | None:
    parts = [" ".join(p.split()) for p in text.split(",")]
    kept = [p for p in parts if not re.match(r"^0\s", p)]
    return ", ".join(kept) or None


def documents(value) -> list[dict]:
    text = clean(value)
    if not text:
        return []
    result = []
    present = False
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
            name = re.sub(r"^[-+*•\s]+", "", name)
            if not name:
                continue
            if present:
                name = f"Xuất trình: {name}"
            item = {"name": " ".join(name.split())}
            copies = _copies(match.group(1))
            if copies:
                item["copies"] = copies
            result.append(item)
        rest = re.sub(r"^[-+*•\s]+", "", piece[position:].strip())
        if rest and position:
            result.append({"name": ("Xuất trình: " if present else "") + " ".join(rest.split())})
    return result


# -- căn cứ pháp lý -------------------------------------------------------------------------------------
_LEGAL_HEADER_RE = re.compile(r"^\s*Tên văn bản pháp lý\s*Mã văn bản\s*", re.IGNORECASE)
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_NUMBER_RE = re.compile(
    r"(\d+(?:\.\d+)?/\d{4}/(?:QH\d{2}|[A-ZĐ]+)(?:-[A-ZĐ]+)*)"
    rf"(?=[A-ZĐ][{_LOWER}]|\d+(?:\.\d+)?/\d{{4}}/|$)")


def legal_basis(value) -> list[dict]:
    text = clean(value)
    if not text:
        return []
    text = " ".join(_LEGAL_HEADER_RE.sub("", text).split())
    result: list[dict] = []
    position = 0
    for match in _NUMBER_RE.finditer(text):
        name = text[position: match.start()].strip(" ;,")
        position = match.end()
        if not name and result:  # 'Luật 52/2014/QH13' then its number '52/2014/QH13'
            last = result[-1]
            last["name"] = f"{last['name']} {last['number']}"
            last["number"] = match.group(1)
            continue
        if name:
            result.append({"name": name, "number": match.group(1)})
    rest = text[position:].strip(" ;,")
    if rest:
        result.append({"name": rest})
    return result


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
        if part:
            found.append(part.rstrip(". "))
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
