"""Check the legal bases read from national procedure records (JSON of the national portal).

    .venv/bin/python tools/check_legal_bases.py [FOLDER_OR_FILE ...]   (default: ../shared/data/tthc-national)

Flags a record when one of its bases
- has a number that is not written in the record as a whole token (cut short: '80/2022/NĐ-C' of
  '80/2022/NĐ-CP'), judged by the word after it ('Pquy' is no Vietnamese word) and by the digits
  and separators around it, independently of the parser;
- has a name that holds another document glued on ('…ngân hàng.24/2026/NQ-CP Nghị định …',
  '…Bộ Tư phápThông tư …'), or that starts with letters cut from a number ('Pquy định …', 'Tg');
- has a name or number not found in the record at all.
Prints the figures and the first flagged bases; exit status 1 when any record is flagged.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from cchc.core.procedures.legal_symbols import kind_name  # noqa: E402
from cchc.core.procedures.tthc_parse import clean, legal_basis_and_warnings  # noqa: E402
from cchc.core.text.legacy_encoding import is_syllable  # noqa: E402

_NUMBER_RE = re.compile(r"\d{1,5}(?:\.\d{1,2}|\.?[a-z])?/(?:\d{4}/)?[A-ZĐ][A-ZĐƯ0-9]*g?(?:-[A-ZĐ][A-ZĐƯ0-9]*g?)*")
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_KINDS = "Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị"
_GLUED_KIND_RE = re.compile(rf"[{_LOWER}](?:{_KINDS})(?![{_LOWER}])")
# '…/TT-BCAngày 01/7/2025': the date of the same document, its space lost in the source.
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _squash(text: str) -> str:
    return "".join(text.split())


def whole_token(number: str, source: str) -> bool:
    """Written in source with nothing of a longer number on either side: before it no digit (but a
    year: 'năm 202446/2024/QH15') and no '/';
    after it no '-', '_', '/', and no letters that are not a word of their own."""
    for match in re.finditer(re.escape(number), source):
        start, end = match.span()
        before = source[start - 1] if start else ""
        if before == "/":
            continue
        if before.isdigit():  # only a year may run into a number: 'năm 202446/2024/QH15', '…/01/2017120/2016/…'
            if not re.search(r"(?:^|[/ ])(?:19|20)\d\d$", source[:start]):
                continue
        after = source[end:end + 1]
        if after in ("-", "_", "/") and source[end + 1:end + 2].strip():
            continue
        if after.isdigit() and not re.match(r"\d{1,5}(?:\.\w{1,2}|[a-z])?/", source[end:]):
            continue
        if after.isalpha() and not is_syllable(_LETTERS_RE.match(source, end).group()):
            continue
        return True
    return False


def problems(record: dict) -> list[str]:
    source = clean(record.get("can_cu_phap_ly")) or ""
    flat = " ".join(source.split())
    found, _ = legal_basis_and_warnings(record.get("can_cu_phap_ly"))
    result = []
    for basis in found:
        name, number = basis["name"], basis.get("number")
        if number and not whole_token(number, flat):
            result.append(f"số cắt ngắn hoặc không nguyên vẹn: {number!r}")
        kind = kind_name(number.rsplit("/", 1)[-1]) if number else None
        bare = name[len(kind):].strip() if kind and name.startswith(kind) and number and number in name else name
        if _squash(bare) not in _squash(source):
            result.append(f"tên không có trong nguồn: {name[:80]!r}")
        glued = [m.group() for m in _NUMBER_RE.finditer(name)
                 if (m.start() and (name[m.start() - 1].isalpha() or name[m.start() - 1] == "."))
                 or (m.end() < len(name) and name[m.end()].isalpha() and not name[m.end():].startswith("ngày"))]
        if glued:
            result.append(f"tên dính số văn bản khác: {name[:100]!r}")
        if _GLUED_KIND_RE.search(name):
            result.append(f"tên dính văn bản khác: {name[:100]!r}")
        word = _LETTERS_RE.match(name)
        if word and not is_syllable(word.group()) and word.group().isalpha() and not word.group().isupper():
            result.append(f"tên bắt đầu bằng chữ cắt từ số văn bản: {name[:60]!r}")
    return result


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or [REPO.parent / "shared" / "data" / "tthc-national"]
    files = sorted(f for root in roots for f in ([root] if root.is_file() else root.rglob("*.json")))
    flagged, bases, with_number = [], 0, 0
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        found, _ = legal_basis_and_warnings(record.get("can_cu_phap_ly"))
        bases += len(found)
        with_number += sum("number" in b for b in found)
        found_problems = problems(record)
        if found_problems:
            flagged.append((path.name, found_problems))
    share = 100 * len(flagged) / len(files) if files else 0.0
    print(f"Bản ghi: {len(files)}; căn cứ: {bases} ({with_number} có số); "
          f"bản ghi có căn cứ dính/cắt/không có trong nguồn: {len(flagged)} ({share:.2f} %)")
    for name, found_problems in flagged[:40]:
        print(f"  {name}: " + " | ".join(found_problems[:3]))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
