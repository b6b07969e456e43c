"""cchc import-tthc FILE...: procedures from CSV, XLSX or JSON into content/thu-tuc/.

The report ends with counts by outcome and by kind of warning, in Vietnamese; --json gives the same
for machines (one object: outcomes, counts, warnings)."""
from __future__ import annotations

import json
from pathlib import Path

from cchc.core.procedures.tthc_import import import_files, warning_counts
from cchc.core.procedures.tthc_parse import WARNING_KINDS

HELP = "nhập thủ tục hành chính từ tệp CSV, XLSX hoặc JSON (nhãn của Cơ sở dữ liệu quốc gia về TTHC)"

LABELS = {"created": "Tạo mới", "updated": "Cập nhật", "unchanged": "Không đổi", "rejected": "Từ chối"}


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="TỆP", help="tệp .csv, .xlsx hoặc .json")
    parser.add_argument("--json", action="store_true", help="in báo cáo dạng JSON cho máy đọc")


def _as_json(outcomes, notes, counts, warnings) -> str:
    return json.dumps({
        "counts": counts,
        "warnings": warnings,
        "notes": notes,
        "outcomes": [{"status": o.status, "where": o.where, "code": o.code, "path": o.path, "reasons": o.reasons,
                      "warnings": [{"kind": k, "message": m} for k, m in o.warnings]} for o in outcomes],
    }, ensure_ascii=False, indent=1)


def run(args, settings) -> int:
    outcomes, notes = import_files([Path(f) for f in args.files], settings)
    counts = {status: sum(o.status == status for o in outcomes) for status in LABELS}
    warnings = warning_counts(outcomes)
    if getattr(args, "json", False):
        print(_as_json(outcomes, notes, counts, warnings))
        return 1 if counts["rejected"] else 0
    for note in notes:
        print(f"Lưu ý: {note}")
    for outcome in outcomes:
        label = LABELS[outcome.status]
        if outcome.status == "rejected":
            code = f" (mã {outcome.code})" if outcome.code else ""
            reasons = f": {'; '.join(outcome.reasons)}" if outcome.reasons else ""
            print(f"{label}: {outcome.where}{code}{reasons}.")
        else:
            print(f"{label}: {outcome.path} ({outcome.where})")
            for _, message in outcome.warnings:
                print(f"  Cảnh báo: {message}.")
    print(", ".join(f"{LABELS[s].lower() if i else LABELS[s]}: {n}" for i, (s, n) in enumerate(counts.items())) + ".")
    written = counts["created"] + counts["updated"]  # an unchanged record's file is not written
    if outcomes and written:
        share = f"{100 * written / len(outcomes):.1f}".replace(".", ",")  # Vietnamese decimal comma
        print(f"Đã ghi {written}/{len(outcomes)} bản ghi ({share} %).")
    elif outcomes and counts["unchanged"]:
        print(f"Không đổi: {counts['unchanged']}/{len(outcomes)} bản ghi giống hệt tệp đang có, không ghi tệp nào.")
    if warnings:
        print("Cảnh báo theo loại (số thủ tục):")
        for kind, number in sorted(warnings.items(), key=lambda item: -item[1]):
            print(f"  - {WARNING_KINDS.get(kind, kind)}: {number}")
        print("Các thủ tục thiếu thông tin vẫn được niêm yết, trang ghi \"Chưa có thông tin\"; "
              "xem danh sách cần bổ sung: cchc check --incomplete")
    return 1 if counts["rejected"] else 0
