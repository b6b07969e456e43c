"""cchc check: validate all content without building; every problem, exit 1 on any error."""
from __future__ import annotations

from ..core.content import load_content
from ..core.errors import ordered, summary
from ..core.image_cache import ImageCache
from ..core.media import publish_media
from .fix_encoding import fix_encoding

HELP = "kiểm tra toàn bộ nội dung, không xây dựng trang"


def add_arguments(parser) -> None:
    parser.add_argument("--fix-encoding", action="store_true",
                        help="chuyển các dòng gõ bằng bảng mã TCVN3 (ABC) hoặc VNI sang Unicode: hiện từng thay đổi, hỏi trước khi ghi")
    parser.add_argument("--yes", action="store_true", help="cùng --fix-encoding: ghi luôn, không hỏi")


def run(args, settings) -> int:
    if args.fix_encoding:
        status = fix_encoding(settings, args.yes)
        if status:
            return status
    content = load_content(settings)
    # images are checked by processing them (into the build's cache, so the next build reuses them)
    content.errors.extend(publish_media(content, ImageCache(settings.project_dir / settings.image_cache)).errors)
    for error in ordered(content.errors):
        print(error)
    if content.errors:
        print(summary(content.errors))
        return 1
    print(f"Nội dung hợp lệ: {len(content.articles.articles)} tin bài sẽ được xuất bản, "
          f"{len(content.held)} bài nháp/hẹn giờ; {len(content.procedures.all)} thủ tục hành chính "
          f"({len(content.procedures.abolished)} đã bãi bỏ); {len(content.plans)} kế hoạch tuyên truyền.")
    return 0
