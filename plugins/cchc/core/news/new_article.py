"""The article `cchc new` writes: every key, commented, and two lines of instructions in the body.

The instructions are left in by mistake sometimes: an article published with one of them is an error
(core.news.articles), so they live here, for both.
"""
from __future__ import annotations

INSTRUCTIONS = ("Viết đoạn mở đầu ở đây; đoạn này là phần tóm tắt trên trang danh sách.",
                "Viết nội dung bài viết ở đây, thay cho dòng này.")

_TEMPLATE = """---
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
{lead}

<!-- more -->

{rest}
"""


def new_article(**values: str) -> str:
    return _TEMPLATE.format(lead=INSTRUCTIONS[0], rest=INSTRUCTIONS[1], **values)


def leftover_instructions(body: str) -> list[tuple[int, str]]:
    """(line in the body, 1-based; the instruction) for each instruction line still in a body."""
    if not any(text in body for text in INSTRUCTIONS):
        return []
    return [(number, line.strip()) for number, line in enumerate(body.split("\n"), 1) if line.strip() in INSTRUCTIONS]
