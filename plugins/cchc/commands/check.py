"""cchc check: validate all content without building; every problem, exit 1 on any error."""
from __future__ import annotations

from cchc.core.content import load_content
from cchc.core.errors import ordered, summary
from cchc.core.media.image_cache import ImageCache
from cchc.core.media.media import publish_media
from .fix_encoding import fix_encoding

HELP = "kiểm tra toàn bộ nội dung, không xây dựng trang"


def add_arguments(parser) -> None:
    parser.add_argument("--fix-encoding", action="store_true",
                        help="chuyển các dòng gõ bằng bảng mã TCVN3 (ABC) hoặc VNI sang Unicode: hiện từng thay đổi, hỏi trước khi ghi")
    parser.add_argument("--yes", action="store_true", help="cùng --fix-encoding: ghi luôn, không hỏi")
    parser.add_argument("--incomplete", action="store_true",
                        help="liệt kê từng thủ tục hành chính còn thiếu thông tin cần bổ sung")


def _incomplete(content) -> None:
    """Procedures published with 'Chưa có thông tin': one line each, the file and what it lacks."""
    incomplete = [p for p in content.procedures.all if p.incomplete]
    for procedure in incomplete:
        print(f"{procedure.source}: thiếu {'; '.join(procedure.incomplete)}.")
    print(f"{len(incomplete)} thủ tục hành chính còn thiếu thông tin (trang ghi \"Chưa có thông tin\").")


def run(args, settings) -> int:
    if args.fix_encoding:
        status = fix_encoding(settings, args.yes)
        if status:
            return status
    content = load_content(settings)
    # images are checked by processing them (into the build's cache, so the next build reuses them);
    # social cards cannot be wrong: they are left to the build
    cache = ImageCache(settings.project_dir / settings.image_cache)
    content.errors.extend(publish_media(content, cache, cards=False).errors)
    for error in ordered(content.errors):
        print(error)
    for notice in content.encoding_notices:  # procedures with letters lost from a PDF: warned, still published
        print(notice)
    if getattr(args, "incomplete", False):
        _incomplete(content)
    if content.errors:
        print(summary(content.errors))
        return 1
    incomplete = sum(1 for p in content.procedures.all if p.incomplete)
    print(f"Nội dung hợp lệ: {len(content.articles.articles)} tin bài sẽ được xuất bản, "
          f"{len(content.held)} bài nháp/hẹn giờ; {len(content.procedures.all)} thủ tục hành chính "
          f"({len(content.procedures.abolished)} đã bãi bỏ); {len(content.plans)} kế hoạch tuyên truyền.")
    if incomplete and not getattr(args, "incomplete", False):
        print(f"Cảnh báo: {incomplete} thủ tục hành chính còn thiếu thông tin, trang ghi \"Chưa có thông tin\". "
              "Xem danh sách: cchc check --incomplete")
    return 0
