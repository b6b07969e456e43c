"""`cchc check --fix-encoding`: show each line converted from TCVN3/VNI, ask once, rewrite the files."""
from __future__ import annotations

import sys

from cchc.core.text.content_encoding import rewrite, scan_content
from cchc.core.text.legacy_encoding import NAMES, PDF


def fix_encoding(settings, yes: bool) -> int:
    """0 when done (or nothing to do), 1 when the editor said no, 2 when no one can be asked."""
    items = scan_content(settings)
    fixable = [item for item in items if any(f.kind != PDF for f in item.findings)]
    if not fixable:
        print("Không có dòng nào cần chuyển bảng mã sang Unicode.")
        return 0
    changes = 0
    for item in fixable:
        for finding in item.findings:
            if finding.kind == PDF:
                continue
            changes += 1
            print(f"{item.shown}:{finding.line}: {NAMES[finding.kind]} → Unicode")
            print(f"  - {finding.text.strip()}")
            print(f"  + {finding.fixed.strip()}")
    question = f"Ghi {changes} dòng đã chuyển sang Unicode vào {len(fixable)} tệp?"
    if not yes:
        if not sys.stdin.isatty():
            print(f"{question} Không hỏi được vì lệnh không chạy trong cửa sổ dòng lệnh: "
                  "chạy lại với '--yes' để ghi mà không hỏi. Chưa tệp nào bị sửa.", file=sys.stderr)
            return 2
        answer = input(f"{question} [c/K] ").strip().lower()
        if answer not in ("c", "có", "co", "y", "yes"):
            print("Không sửa tệp nào.")
            return 1
    for item in fixable:
        rewrite(item)
    print(f"Đã chuyển {changes} dòng sang Unicode trong {len(fixable)} tệp.")
    return 0
