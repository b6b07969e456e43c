"""TCVN3 (ABC) and VNI text read as Unicode: the tables, the detection, and Unicode left untouched."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from cchc.core.text.legacy_encoding import PDF, TCVN3, VNI, check_line, decode_tcvn3, decode_vni, repair, scan

REPO = Path(__file__).resolve().parent.parent
NATIONAL = REPO / ".." / "shared" / "data" / "tthc-national"

# Every toned or marked lowercase letter, and the same letters as the TCVN3 chart gives them (as Latin-1).
LOWER = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ"
TCVN3_LOWER = ("\u00b5\u00b6\u00b7\u00b8\u00b9" "\u00a8\u00bb\u00bc\u00bd\u00be\u00c6" "\u00a9\u00c7\u00c8\u00c9\u00ca\u00cb"
               "\u00ae" "\u00cc\u00ce\u00cf\u00d0\u00d1" "\u00aa\u00d2\u00d3\u00d4\u00d5\u00d6" "\u00d7\u00d8\u00dc\u00dd\u00de"
               "\u00df\u00e1\u00e2\u00e3\u00e4" "\u00ab\u00e5\u00e6\u00e7\u00e8\u00e9" "\u00ac\u00ea\u00eb\u00ec\u00ed\u00ee"
               "\u00ef\u00f1\u00f2\u00f3\u00f4" "\u00ad\u00f5\u00f6\u00f7\u00f8\u00f9" "\u00fa\u00fb\u00fc\u00fd\u00fe")
TCVN3_CAPITALS = dict(zip("ĂÂĐÊÔƠƯ", "\u00a1\u00a2\u00a7\u00a3\u00a4\u00a5\u00a6"))
UPPER = LOWER.upper()


def tcvn3_encode(text: str) -> str:
    """Unicode -> TCVN3 as Latin-1; toned capitals take the lowercase code (the .VnTimeH fonts)."""
    table = dict(zip(LOWER, TCVN3_LOWER))
    return "".join(TCVN3_CAPITALS.get(c) or table.get(c.lower(), c) for c in text)


def vni_encode(text: str) -> str:
    """Unicode -> VNI Windows as Latin-1, from each letter's decomposition."""
    out = []
    for char in text:
        if char in "đĐ":
            out.append("ñ" if char == "đ" else "Ñ")
            continue
        base, *marks = unicodedata.normalize("NFD", char.lower())
        tone = next((m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"), None)
        shape = next((m for m in marks if m in "\u0302\u0306\u031b"), None)
        if base == "i" and tone:
            code = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}[tone]
        elif base == "y" and tone == "\u0323":
            code = "î"
        else:
            code = {("o", "\u031b"): "ô", ("u", "\u031b"): "ö"}.get((base, shape), base)
            if shape == "\u0302":
                code += "â"
            elif shape == "\u0306":
                code += "ê"
            if tone:
                if shape == "\u0302":
                    marks_of = {"\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
                    code = code[:-1]
                elif shape == "\u0306":
                    marks_of = {"\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
                    code = code[:-1]
                else:
                    marks_of = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
                code += marks_of[tone]
        out.append(code.upper() if char.isupper() else code)
    return "".join(out)


@pytest.mark.parametrize("letter", list(LOWER) + list(UPPER))
def test_every_letter_round_trips_through_tcvn3(letter):
    # In a word whose other letters show the case, as the .VnTimeH fonts are used.
    word = f"X{letter}Y" if letter.isupper() else f"x{letter}y"
    assert decode_tcvn3(tcvn3_encode(word)) == word


@pytest.mark.parametrize("letter", list(LOWER) + list(UPPER))
def test_every_letter_round_trips_through_vni(letter):
    assert decode_vni(vni_encode(letter)) == letter
    assert decode_vni(vni_encode(f"x{letter}y")) == f"x{letter}y"


KNOWN = [
    (TCVN3, "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    (TCVN3, "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    (TCVN3, "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (TCVN3, "title: Thñ tôc hµnh chÝnh cÊp tØnh", "title: Thủ tục hành chính cấp tỉnh"),
    (TCVN3, "Tr\u00adêng häc vµ ng\u00adêi d©n", "Trường học và người dân"),
    (TCVN3, "Mêng Kh¬ng, B¶o Th¾ng", "Mường Khương, Bảo Thắng"),  # the soft hyphen (ư) lost in a copy
    (VNI, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    (VNI, "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    (VNI, "Ngöôøi daân ñeán laøm thuû tuïc haønh chính", "Người dân đến làm thủ tục hành chính"),
    (VNI, "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
]


@pytest.mark.parametrize("kind,legacy,unicode", KNOWN)
def test_known_legacy_lines_convert(kind, legacy, unicode):
    found = check_line(legacy)
    assert found is not None and found[0] == kind
    assert found[1] == unicode


def test_every_encoded_letter_is_found_in_a_sentence():
    sentence = "Bộ phận Một cửa tỉnh triển khai kế hoạch cải cách hành chính, số hóa hồ sơ và trả kết quả đúng hẹn"
    assert check_line(tcvn3_encode(sentence))[1] == sentence
    assert check_line(vni_encode("Ủy ban " + sentence))[1] == "Ủy ban " + sentence


UNICODE_LINES = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Tiêu chí và kích thước 5 µm", "© 2026 Sở Khoa học và Công nghệ", "Hà Nội, ngày 05 tháng 02 năm 2024",
    "Café, São Paulo, España, Müller", "Giá 3×4 = 12; ½ số hồ sơ", "có là và ô ê â ơ ư", LOWER, UPPER,
    "Cô ấy đã ở đó", "Thô sơ", "À, ừ, ờ", "Vie\u0302\u0323t Nam (tổ hợp)",
]


@pytest.mark.parametrize("line", UNICODE_LINES)
def test_unicode_lines_are_left_alone(line):
    assert check_line(line) is None
    assert repair(line) == (line, [])


def test_repair_changes_only_the_legacy_lines_and_keeps_line_ends():
    text = "---\r\ntitle: Céng hoµ x· héi\r\n---\r\nNội dung đúng.\r\n"
    fixed, findings = repair(text)
    assert fixed == "---\r\ntitle: Cộng hoà xã hội\r\n---\r\nNội dung đúng.\r\n"
    assert [(f.line, f.kind) for f in findings] == [(2, TCVN3)]
    assert "Céng hoµ x· héi" in findings[0].message() and "Cộng hoà xã hội" in findings[0].message()


def test_letters_lost_in_a_pdf_copy_are_reported_not_guessed():
    findings = scan("Đúng dòng này\nSở Khoa h\ufffdc v\ue00a Công ngh\ufffd\n")
    assert [(f.line, f.kind, f.fixed) for f in findings] == [(2, PDF, None)]
    assert "h\ufffdc" in findings[0].message()
    assert repair("Vi\ufffdt Nam")[0] == "Vi\ufffdt Nam"


def test_the_whole_demo_content_is_left_alone():
    files = sorted((REPO / "content").rglob("*.md"))
    assert len(files) > 50
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert scan(text) == [], path
        assert repair(text)[0] == text


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


@pytest.mark.skipif(not NATIONAL.is_dir(), reason="../shared/data/tthc-national/ không có trên máy này")
def test_every_national_record_is_left_alone():
    files = sorted(NATIONAL.rglob("*.json"))
    assert len(files) > 1000
    for path in files:
        for text in _strings(json.loads(path.read_text(encoding="utf-8"))):
            assert scan(text) == [], (path, [f.words for f in scan(text)])
