"""cchc import-docx FILE.docx…: one draft article per Word document, images next to it."""
from __future__ import annotations

from pathlib import Path

from cchc.core.text.dates import ACCEPTED, DateFormatError, parse_datetime
from cchc.core.news.docx_import import DocxError, import_docx
from cchc.core.text.vietnamese import nfc

HELP = "nhập bài viết từ tệp Word (.docx) thành bài nháp trong content/tin-bai/<năm>/, kèm ảnh"


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="TỆP", help="tệp .docx")
    parser.add_argument("--category", metavar="CHUYÊN_MỤC", help="chuyên mục của bài (một tên trong mkdocs.yml)")
    parser.add_argument("--date", metavar="NGÀY", help="ngày đăng, ví dụ 2026-09-15 08:30 (mặc định: bây giờ)")


def run(args, settings) -> int:
    category = nfc(args.category.strip()) if args.category else None
    if category is not None and category not in settings.categories:
        print(f"Chuyên mục '{category}' không có trong danh sách. Dùng một trong: {', '.join(settings.categories)}.")
        return 2
    when = settings.now
    if args.date:
        try:
            when = parse_datetime(args.date, settings.tz)
        except DateFormatError as exc:
            print(f"Ngày '{args.date}' sai: {exc}. Dùng một trong các dạng: {ACCEPTED}.")
            return 2
    failed = 0
    for name in args.files:
        try:
            result = import_docx(Path(name), settings, when, category)
        except DocxError as exc:
            print(f"Không nhập được: {exc}")
            failed += 1
            continue
        shown = result.path.relative_to(settings.project_dir).as_posix()
        images = f", {len(result.images)} ảnh" if result.images else ""
        print(f"Đã tạo bài nháp: {shown} (từ {Path(name).name}{images})")
        for note in result.notes:
            print(f"  Lưu ý: {note}")
    if not category and len(args.files) > failed:
        print(f"Chưa có chuyên mục: điền 'categories' (một trong: {', '.join(settings.categories)}) "
              "hoặc nhập lại với --category, rồi chạy 'cchc check'.")
    return 1 if failed else 0
