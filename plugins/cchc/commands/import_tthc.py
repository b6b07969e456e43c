"""cchc import-tthc FILE...: procedures from CSV, XLSX or JSON into content/thu-tuc/.

The report ends with counts by outcome, of the legal bases (read, kept verbatim, without number) and by
kind of warning, in Vietnamese; --json gives the same for machines (one object: outcomes, counts,
legal_bases, warnings). A local procedure of the same code and another name is never overwritten
unless its code is given to --thay-the."""
from __future__ import annotations

import json
from pathlib import Path

from cchc.core.procedures.tthc_import import import_files, legal_counts, warning_counts
from cchc.core.procedures.tthc_parse import WARNING_KINDS

HELP = "nhập thủ tục hành chính từ tệp CSV, XLSX hoặc JSON (nhãn của Cơ sở dữ liệu quốc gia về TTHC)"

LABELS = {"created": "Tạo mới", "updated": "Cập nhật", "unchanged": "Không đổi", "rejected": "Từ chối",
          "kept": "Không ghi (trùng mã, khác thủ tục)"}


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="TỆP", help="tệp .csv, .xlsx hoặc .json")
    parser.add_argument("--json", action="store_true", help="in báo cáo dạng JSON cho máy đọc")
    parser.add_argument("--thay-the", dest="replace", action="append", default=[], metavar="MÃ",
                        help="cho phép bản ghi nhập thay thủ tục có cùng mã nhưng khác tên (ghi lại mỗi mã, "
                             "ví dụ --thay-the 1.000005)")


def _as_json(outcomes, notes, counts, warnings, legal) -> str:
    return json.dumps({
        "counts": counts,
        "legal_bases": legal,
        "warnings": warnings,
        "notes": notes,
        "outcomes": [{"status": o.status, "where": o.where, "code": o.code, "path": o.path, "reasons": o.reasons,
                      "warnings": [{"kind": k, "message": m} for k, m in o.warnings]} for o in outcomes],
    }, ensure_ascii=False, indent=1)


def run(args, settings) -> int:
    outcomes, notes = import_files([Path(f) for f in args.files], settings,
                                   frozenset(getattr(args, "replace", None) or []))
    counts = {status: sum(o.status == status for o in outcomes) for status in LABELS}
    warnings = warning_counts(outcomes)
    legal = legal_counts(outcomes)
    failed = counts["rejected"] or counts["kept"]
    if getattr(args, "json", False):
        print(_as_json(outcomes, notes, counts, warnings, legal))
        return 1 if failed else 0
    for note in notes:
        print(f"Lưu ý: {note}")
    for outcome in outcomes:
        label = LABELS[outcome.status]
        if outcome.status in ("rejected", "kept"):
            code = f" (mã {outcome.code})" if outcome.code else ""
            reasons = f": {'; '.join(outcome.reasons)}" if outcome.reasons else ""
            print(f"{label}: {outcome.where}{code}{reasons}.")
        else:
            print(f"{label}: {outcome.path} ({outcome.where})")
            for _, message in outcome.warnings:
                print(f"  Cảnh báo: {message}.")
    shown = [(s, n) for s, n in counts.items() if s != "kept" or n]
    print(", ".join(f"{LABELS[s].lower() if i else LABELS[s]}: {n}" for i, (s, n) in enumerate(shown)) + ".")
    written = len(outcomes) - counts["rejected"] - counts["kept"]
    if outcomes:
        print(f"Đã ghi {written}/{len(outcomes)} bản ghi ({100 * written / len(outcomes):.1f} %).")
    if any(legal.values()):
        print(f"Căn cứ pháp lý: {legal['read']} văn bản đọc được số, {legal['verbatim']} giữ nguyên văn bản nguồn "
              f"(số không đọc được chắc chắn), {legal['no_number']} không ghi số.")
    if warnings:
        print("Cảnh báo theo loại (số thủ tục):")
        for kind, number in sorted(warnings.items(), key=lambda item: -item[1]):
            print(f"  - {WARNING_KINDS.get(kind, kind)}: {number}")
        print("Các thủ tục thiếu thông tin vẫn được niêm yết, trang ghi \"Chưa có thông tin\"; "
              "xem danh sách cần bổ sung: cchc check --incomplete")
    return 1 if failed else 0
