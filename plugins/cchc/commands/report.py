"""cchc report: the quota table in the terminal, or the exports of chi-tieu/ as files."""
from __future__ import annotations

import sys
from pathlib import Path

from cchc.core.content import load_content
from cchc.core.errors import ordered, summary
from cchc.core.quota.quota import FUTURE, PlanQuota
from cchc.core.quota.quota_exports import (BASENAME, evidence_csv, publisher_of, to_csv,
                                           to_json, to_xlsx)
from cchc.core.quota.report_docx import report_docx
from cchc.core.quota.report_period import PeriodError, parse_period
from cchc.core.text.vietnamese import long_date, nfc

HELP = ("bảng chỉ tiêu tuyên truyền (số tin bài mỗi tháng so với kế hoạch), trên màn hình hoặc ra tệp; "
        "báo cáo Word (docx) theo thể thức Nghị định 30/2020/NĐ-CP")
FORMATS = ("table", "csv", "xlsx", "json", "docx")
BINARY = ("xlsx", "docx")  # written to a file, never to the terminal


def add_arguments(parser) -> None:
    parser.add_argument("--plan", metavar="SỐ", help="chỉ một kế hoạch, theo số ký hiệu (ví dụ 2477/KH-SXD)")
    parser.add_argument("--period", metavar="KỲ",
                        help="kỳ báo cáo: 2026-09 (tháng), 2026-Q3 (quý), 2026-H1 (6 tháng), 2026 (năm); "
                             "bắt buộc với docx")
    parser.add_argument("--format", default="table", metavar="DẠNG",
                        help="table (mặc định), csv, xlsx, json, docx; nhiều dạng cách nhau bởi dấu phẩy")
    parser.add_argument("-o", "--output", metavar="ĐƯỜNG_DẪN",
                        help="tệp ra (một dạng) hoặc thư mục (nhiều dạng, tên chi-tieu.<dạng>); "
                             "không có: in ra màn hình, riêng xlsx/docx ghi vào chi-tieu.xlsx/.docx")


def _cells(q: PlanQuota) -> list[list[str]]:
    rows = [["Tháng", "Số tin bài", "Chỉ tiêu", "Kết quả", "Còn thiếu"]]
    for r in q.rows:
        future = r.state == FUTURE
        rows.append([r.label, "–" if future else str(r.published), str(r.target), r.status,
                     "–" if future else str(r.shortfall)])
    rows.append(["Kỳ báo cáo", "Số tin bài", "Chỉ tiêu đến nay", "Tháng đạt", "Tỉ lệ"])
    for t in (*q.quarters, *q.halves, *q.years, q.total):
        if t.started:
            rows.append([t.label, str(t.published), str(t.target), f"{t.met_months}/{t.ended}", t.share_label])
        else:
            rows.append([t.label, "–", "–", "Chưa đến", "–"])
    return rows


def table(items: list[PlanQuota]) -> str:
    if not items:
        return "Chưa có kế hoạch tuyên truyền nào trong content/ke-hoach/.\n"
    out = [f"Chỉ tiêu tuyên truyền, tính đến {long_date(items[0].as_of)}"]
    for q in items:
        p = q.plan
        out += ["", f"{p.title}", f"Số {p.number} – {p.issuer} – {p.period_label} – chỉ tiêu {p.target} tin bài/tháng"
                + (f" (chuyên mục: {', '.join(p.categories)})" if p.categories else "")]
        rows = _cells(q)
        widths = [max(len(row[i]) for row in rows) for i in range(5)]
        for row in rows:
            if row[0] in ("Tháng", "Kỳ báo cáo"):
                out.append("")
            out.append("  ".join(c.ljust(w) if i in (0, 3) else c.rjust(w)
                                 for i, (c, w) in enumerate(zip(row, widths))).rstrip())
        if q.current:
            r = q.current
            out += ["", f"{r.label} đang thực hiện: {r.published}/{r.target} tin bài, còn {q.days_left} ngày, "
                    + ("đã đạt." if r.met else f"cần thêm {r.shortfall} tin bài.")]
    return "\n".join(out) + "\n"


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    print(f"Đã ghi {target}", file=sys.stderr)


def run(args, settings) -> int:
    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    wrong = [f for f in formats if f not in FORMATS]
    if wrong or not formats:
        print(f"Dạng '{', '.join(wrong)}' không hỗ trợ. Dùng: {', '.join(FORMATS)}.", file=sys.stderr)
        return 2
    period = None
    if args.period:
        try:
            period = parse_period(args.period)
        except PeriodError as exc:
            print(exc, file=sys.stderr)
            return 2
    elif "docx" in formats:
        print("Báo cáo Word cần kỳ báo cáo, ví dụ '--period 2026-Q3' (quý III năm 2026), "
              "'--period 2026-09' (tháng 9), '--period 2026-H1' hoặc '--period 2026'.", file=sys.stderr)
        return 2
    content = load_content(settings)
    if content.blocking_errors:  # a draft's problem does not hold up the report of what was published
        for error in ordered(content.blocking_errors):
            print(error, file=sys.stderr)
        print(summary(content.blocking_errors), file=sys.stderr)
        return 1
    items = content.quotas
    if args.plan:
        wanted = nfc(args.plan.strip()).casefold()
        items = [q for q in items if q.plan.number.casefold() == wanted]
        if not items:
            known = ", ".join(q.plan.number for q in content.quotas) or "chưa có kế hoạch nào"
            print(f"Không có kế hoạch số '{args.plan}'. Các kế hoạch: {known}.", file=sys.stderr)
            return 2
    if period is not None:
        items = period.cut(items)  # every format below reads the same months
        if not items:
            print(f"Không có kế hoạch tuyên truyền nào có tháng trong kỳ {period.label}.", file=sys.stderr)
            return 2
    evidence = content.evidence_of(items)  # the articles counted in these months: tài liệu kiểm chứng
    produce = {"table": lambda: table(items).encode("utf-8"), "csv": lambda: to_csv(items),
               "xlsx": lambda: to_xlsx(items, content.as_of, evidence),
               "json": lambda: to_json(items, content.as_of, publisher_of(settings), evidence),
               "docx": lambda: report_docx(items, period, settings, content.as_of, evidence)}
    output = Path(args.output) if args.output else None
    folder = output if output and (len(formats) > 1 or output.is_dir()) else None
    for fmt in formats:
        data = produce[fmt]()
        extension = "txt" if fmt == "table" else fmt
        if folder is not None:
            target = folder / f"{BASENAME}.{extension}"
        elif output is not None:
            target = output
        elif fmt in BINARY:
            target = Path(f"{BASENAME}.{fmt}")
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            continue
        _write(target, data)
        if fmt == "csv":  # one table per CSV file: the counted articles go beside it
            _write(target.with_name(f"{target.stem}-tin-bai.csv"), evidence_csv(items, evidence))
        if fmt == "docx":
            print("Các chỗ tô vàng (số văn bản, ngày, nơi nhận, người ký, đánh giá) cần điền trước khi trình ký.",
                  file=sys.stderr)
    return 0
