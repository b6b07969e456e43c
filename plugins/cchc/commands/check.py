"""cchc check: validate all content without building; every problem, exit 1 on any error."""
from __future__ import annotations

from ..core.content import load_content
from ..core.errors import ordered, summary

HELP = "kiểm tra toàn bộ nội dung, không xây dựng trang"


def add_arguments(parser) -> None:
    pass


def run(args, settings) -> int:
    content = load_content(settings)
    for error in ordered(content.errors):
        print(error)
    if content.errors:
        print(summary(content.errors))
        return 1
    print(f"Nội dung hợp lệ: {len(content.articles.articles)} tin bài sẽ được xuất bản, "
          f"{len(content.held)} bài nháp/hẹn giờ; {len(content.procedures.all)} thủ tục hành chính "
          f"({len(content.procedures.abolished)} đã bãi bỏ); {len(content.plans)} kế hoạch tuyên truyền.")
    return 0
