"""The ký hiệu of Vietnamese legal documents: kinds of document and issuing bodies, as one data table.

A document number is "số/năm/ký hiệu" (80/2022/NĐ-CP) or "số/ký hiệu" (1872/QĐ-BTP). The ký hiệu is the
kind of document, a hyphen and the issuer (NĐ-CP, TT-BTC, QĐ-TTg, NQ-HĐND), several issuers for joint
documents (TTLT-BTP-BCA-BYT), or only the body with its term for laws and resolutions (QH13, UBTVQH15).

Sources:
- Luật Ban hành văn bản quy phạm pháp luật 2015 (số 80/2015/QH13), Điều 4 and 2025 (số 64/2025/QH15):
  the kinds of legal document and the bodies that issue them;
- Nghị định 34/2016/NĐ-CP, Phụ lục I (mẫu trình bày: "Số: …/…/NĐ-CP", "…/…/QĐ-TTg", "…/…/TT-B…",
  "…/…/NQ-HĐND", "…/…/QĐ-UBND", "…/…/QH…", "…/…/UBTVQH…", "…/…/L-CTN"), kept by Nghị định
  78/2025/NĐ-CP; Nghị định 30/2020/NĐ-CP, Phụ lục III (chữ viết tắt tên loại văn bản hành chính);
- the abbreviations of the ministries as they sign their circulars on Công báo and the national
  database of legal documents (vbpl.vn), checked against every ký hiệu of the 1,135 shared national
  procedure records.

Only what is listed here is read as a ký hiệu with confidence; anything else is kept verbatim.
"""
from __future__ import annotations

import re

# Kinds of document (tên loại) as abbreviated at the head of a ký hiệu -> the kind's name.
KINDS = {
    "NĐ": "Nghị định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "QĐ": "Quyết định", "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch", "CT": "Chỉ thị", "PL": "Pháp lệnh", "L": "Luật", "VBHN": "Văn bản hợp nhất",
    "HD": "Hướng dẫn", "KH": "Kế hoạch", "TB": "Thông báo", "CV": "Công văn", "BC": "Báo cáo", "QC": "Quy chế",
    "QĐLT": "Quyết định liên tịch", "CTr": "Chương trình", "ĐA": "Đề án",
}

# Issuing bodies (cơ quan ban hành) as abbreviated after the kind.
ISSUERS = {
    # Bodies of the State
    "QH": "Quốc hội", "UBTVQH": "Ủy ban Thường vụ Quốc hội", "CTN": "Chủ tịch nước", "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ", "VPCP": "Văn phòng Chính phủ", "VPQH": "Văn phòng Quốc hội",
    "TANDTC": "Tòa án nhân dân tối cao", "HĐTP": "Hội đồng Thẩm phán", "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "KTNN": "Kiểm toán nhà nước", "TTCP": "Thanh tra Chính phủ", "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "UBDT": "Ủy ban Dân tộc", "BDTTG": "Bộ Dân tộc và Tôn giáo", "UBTƯMTTQVN": "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "ĐCT": "Đoàn Chủ tịch", "TLĐ": "Tổng Liên đoàn Lao động Việt Nam", "BHXH": "Bảo hiểm xã hội Việt Nam",
    # Ministries (present and former: old documents keep the name of their time)
    "BCA": "Bộ Công an", "BQP": "Bộ Quốc phòng", "BNG": "Bộ Ngoại giao", "BNV": "Bộ Nội vụ", "BTP": "Bộ Tư pháp",
    "BTC": "Bộ Tài chính", "BCT": "Bộ Công Thương", "BXD": "Bộ Xây dựng", "BYT": "Bộ Y tế",
    "BGDĐT": "Bộ Giáo dục và Đào tạo", "BKHCN": "Bộ Khoa học và Công nghệ", "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BNNMT": "Bộ Nông nghiệp và Môi trường", "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BTNMT": "Bộ Tài nguyên và Môi trường", "BGTVT": "Bộ Giao thông vận tải", "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội", "BTTTT": "Bộ Thông tin và Truyền thông",
    "BVHTT": "Bộ Văn hóa - Thông tin", "BTM": "Bộ Thương mại", "BCN": "Bộ Công nghiệp", "BTS": "Bộ Thủy sản",
    "BBCVT": "Bộ Bưu chính, Viễn thông", "BGD": "Bộ Giáo dục",
    # Local authorities
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân",
}

# Bodies whose ký hiệu carries their term (khóa): QH13, UBTVQH15. The term has one or two digits;
# two are read first ('QH1527/2023/…' is QH15 then 27/2023/…).
WITH_TERM = ("UBTVQH", "QH")
_TERM = r"(?:1\d|[1-9](?!\d))"
_LONGEST_FIRST = sorted(ISSUERS, key=len, reverse=True)
ISSUER_RE = re.compile("|".join([f"{re.escape(code)}{_TERM}" for code in WITH_TERM] +
                                [re.escape(code) for code in _LONGEST_FIRST]))
KIND_RE = re.compile("|".join(re.escape(code) for code in sorted(KINDS, key=len, reverse=True)))
TERM_ONLY_RE = re.compile("|".join(f"{re.escape(code)}{_TERM}" for code in WITH_TERM))


def kind_name(symbol: str) -> str | None:
    """'TT-BNNMT' -> 'Thông tư'; 'QH13' -> 'Luật'; None when the ký hiệu does not say."""
    head = symbol.split("-", 1)[0]
    if head in KINDS:
        return KINDS[head]
    if re.fullmatch(f"QH{_TERM}", head):
        return "Luật"  # a law's ký hiệu is the Quốc hội and its term
    return None
