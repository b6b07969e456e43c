"""cchc new "Tiêu đề": write a new article with today's date, its slug and every key, commented."""
from __future__ import annotations

import json

from cchc.core.text.vietnamese import nfc, slugify

HELP = "tạo tệp tin bài mới với đủ các khóa, có chú thích"

TEMPLATE = """---
title: {title}
date: {date}                 # ngày đăng: YYYY-MM-DD HH:MM hoặc DD/MM/YYYY HH:MM (giờ Việt Nam)
categories: [{category}]     # chuyên mục, ít nhất một, trong danh sách: {categories}
tags: []                     # thẻ (tùy chọn), ví dụ [một cửa, dịch vụ công trực tuyến]
summary:                     # tóm tắt một đến ba câu (tùy chọn)
# image: anh/ten-anh.jpg     # ảnh đại diện, đường dẫn tính từ thư mục của tệp này (tùy chọn)
# image_alt: Mô tả ảnh       # bắt buộc khi có ảnh: mô tả cho người khiếm thị
authors: []                  # tác giả (tùy chọn)
# source: Báo ...            # nguồn tin (tùy chọn)
# updated: YYYY-MM-DD        # ngày cập nhật, không trước ngày đăng (tùy chọn)
# attachments:               # tài liệu đính kèm (tùy chọn)
#   - path: van-ban/ten-tep.pdf
#     title: Kế hoạch số .../KH-...
# slug: {slug}   # đường dẫn (tùy chọn), mặc định tạo từ tiêu đề
draft: true                  # bản nháp: đổi thành false khi sẵn sàng xuất bản
pin: false                   # true để ghim lên đầu trang chuyên mục
---
Viết đoạn mở đầu ở đây; đoạn này là phần tóm tắt trên trang danh sách.

<!-- more -->

Nội dung bài viết.
"""


def add_arguments(parser) -> None:
    parser.add_argument("title", help="tiêu đề bài viết")


def run(args, settings) -> int:
    title = nfc(args.title.strip())
    slug = slugify(title)
    if not slug:
        print("Tiêu đề cần có ít nhất một chữ hoặc số.")
        return 1
    now = settings.now
    folder = settings.content_root / "tin-bai" / f"{now:%Y}"
    path = folder / f"{now:%Y-%m-%d}-{slug}.md"
    if path.exists():
        print(f"Tệp đã tồn tại: {path.relative_to(settings.project_dir)}")
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.format(
        title=json.dumps(title, ensure_ascii=False), date=f"{now:%Y-%m-%d %H:%M}", slug=slug,
        category=settings.categories[0] if settings.categories else "",
        categories=", ".join(settings.categories)), encoding="utf-8")
    print(path.relative_to(settings.project_dir))
    return 0
