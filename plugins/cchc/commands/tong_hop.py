"""cchc tong-hop: Sở Nội vụ combines many agencies' chi-tieu.json into one workbook, document or page."""
from __future__ import annotations

import sys
from pathlib import Path

from cchc.core.quota.combine import combine
from cchc.core.quota.combine_outputs import to_docx, to_html, to_xlsx
from cchc.core.quota.report_period import PeriodError, parse_period

HELP = ("tổng hợp số liệu chỉ tiêu tuyên truyền của nhiều cơ quan (tệp chi-tieu.json hoặc địa chỉ "
        "https://…/chi-tieu/chi-tieu.json) theo kỳ báo cáo, ra tệp Excel, Word hoặc trang HTML")
NEEDS_PROJECT = False  # runs anywhere: no mkdocs.yml, no content/
BASENAME = "tong-hop"
WRITERS = {"xlsx": to_xlsx, "docx": to_docx, "html": to_html}


def add_arguments(parser) -> None:
    parser.add_argument("sources", nargs="*", metavar="NGUỒN",
                        help="tệp chi-tieu.json của từng cơ quan, hoặc địa chỉ https:// của tệp đó trên trang của cơ quan")
    parser.add_argument("--from-file", metavar="TỆP",
                        help="tệp văn bản liệt kê các nguồn, mỗi dòng một tệp hoặc địa chỉ (dòng bắt đầu bằng # bỏ qua)")
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2026-09 (tháng), 2026-Q3 (quý), 2026-H1 (6 tháng), 2026 (năm)")
    parser.add_argument("--format", metavar="DẠNG",
                        help="xlsx (mặc định, hoặc theo đuôi của -o), docx, html; nhiều dạng cách nhau bởi dấu phẩy")
    parser.add_argument("-o", "--output", metavar="ĐƯỜNG_DẪN",
                        help="tệp ra (một dạng) hoặc thư mục (nhiều dạng, tên tong-hop.<dạng>); mặc định tong-hop.xlsx")
    parser.add_argument("--strict", action="store_true",
                        help="trả mã lỗi 1 khi có nguồn không tổng hợp được (dùng trong CI)")


def _sources(args) -> list[str] | str:
    sources = list(args.sources)
    if args.from_file:
        try:
            lines = Path(args.from_file).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            return f"Không đọc được danh sách nguồn {args.from_file}: {exc}."
        sources += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not sources:
        return "Chưa có nguồn nào: ghi các tệp chi-tieu.json (hoặc địa chỉ https://) sau lệnh, hoặc dùng --from-file."
    return sources


def _formats(args) -> list[str] | str:
    if args.format:
        formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    elif args.output and Path(args.output).suffix.lower().lstrip(".") in WRITERS:
        formats = [Path(args.output).suffix.lower().lstrip(".")]
    else:
        formats = ["xlsx"]
    wrong = [f for f in formats if f not in WRITERS]
    if wrong or not formats:
        return f"Dạng '{', '.join(wrong)}' không hỗ trợ. Dùng: {', '.join(WRITERS)}."
    return formats


def run(args, settings=None) -> int:
    try:
        period = parse_period(args.period)
    except PeriodError as exc:
        print(exc, file=sys.stderr)
        return 2
    sources, formats = _sources(args), _formats(args)
    for problem in (sources, formats):
        if isinstance(problem, str):
            print(problem, file=sys.stderr)
            return 2
    combined = combine(sources, period)
    for source, why in combined.problems:
        print(f"Không tổng hợp {source}: {why}.", file=sys.stderr)
    for line in combined.duplicates:
        print(line, file=sys.stderr)
    output = Path(args.output) if args.output else None
    for fmt in formats:
        if output is not None and (len(formats) > 1 or output.is_dir()):
            target = output / f"{BASENAME}.{fmt}"
        else:
            target = output or Path(f"{BASENAME}.{fmt}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(WRITERS[fmt](combined))
        print(f"Đã ghi {target}", file=sys.stderr)
    print(f"Đã tổng hợp {len(combined.rows)} cơ quan, kỳ {period.label}; "
          f"{len(combined.problems)} nguồn không tổng hợp được.", file=sys.stderr)
    return 1 if args.strict and (combined.problems or combined.duplicates) else 0
