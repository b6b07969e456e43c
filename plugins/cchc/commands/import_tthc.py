"""cchc import-tthc FILE...: procedures from CSV, XLSX or JSON into content/thu-tuc/."""
from __future__ import annotations

from pathlib import Path

from ..core.tthc_import import import_files

HELP = "nhập thủ tục hành chính từ tệp CSV, XLSX hoặc JSON (nhãn của Cơ sở dữ liệu quốc gia về TTHC)"

LABELS = {"created": "Tạo mới", "updated": "Cập nhật", "unchanged": "Không đổi", "rejected": "Từ chối"}


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="TỆP", help="tệp .csv, .xlsx hoặc .json")


def run(args, settings) -> int:
    outcomes, notes = import_files([Path(f) for f in args.files], settings)
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
    counts = {status: sum(o.status == status for o in outcomes) for status in LABELS}
    print(", ".join(f"{LABELS[s].lower() if i else LABELS[s]}: {n}" for i, (s, n) in enumerate(counts.items())) + ".")
    return 1 if counts["rejected"] else 0
