"""PyYAML's English reasons, told in Vietnamese with a fix, for errors in an editor's frontmatter.

Both PyYAML (pure Python) and libyaml word their problems; both wordings are matched. The part of
the text matched is the `problem` (what is wrong) and, when there is one, the `context` (the
construct that was being read, e.g. an unclosed '[').
"""
from __future__ import annotations

import re

import yaml

_GENERIC_FIX = ("Kiểm tra dấu ':' và một dấu cách sau mỗi khóa, thụt lề bằng dấu cách (không dùng Tab), "
                "và đặt giá trị có dấu ':' hoặc '#' trong ngoặc kép.")

# (pattern on "context | problem", what is wrong, how to fix it)
_TABLE: list[tuple[re.Pattern, str, str]] = [(re.compile(p, re.IGNORECASE), what, fix) for p, what, fix in [
    (r"mapping values are not allowed",
     "có dấu ':' ở chỗ không được phép (thường là giá trị chứa dấu ':' mà không có ngoặc kép, hoặc một khóa bị thụt lề)",
     "Đặt cả giá trị trong ngoặc kép, ví dụ title: \"Hội nghị: tổng kết năm\"; các khóa chính viết sát lề trái."),
    (r"flow sequence.*expected ',' or '\]'|expected ',' or '\]'",
     "danh sách mở bằng '[' nhưng không đóng bằng ']' (hoặc thiếu dấu ',' giữa các mục)",
     "Viết danh sách trên một dòng, ví dụ categories: [Tin tức CCHC, Chuyển đổi số]."),
    (r"flow mapping.*expected ',' or '\}'|expected ',' or '\}'",
     "khối mở bằng '{' nhưng không đóng bằng '}'",
     "Đóng dấu '}' hoặc viết mỗi khóa con trên một dòng riêng, thụt lề hai dấu cách."),
    (r"quoted scalar",
     "ngoặc kép (\" hoặc ') mở nhưng không đóng trên cùng giá trị",
     "Thêm dấu ngoặc đóng ở cuối giá trị; bên trong giá trị dùng ngoặc kép \" thì bao ngoài bằng ngoặc đơn '."),
    (r"cannot start any token|tab character|found character .\\t.",
     "có ký tự không được phép ở đầu giá trị (thường là phím Tab, hoặc giá trị bắt đầu bằng '@' hay '`')",
     "Thay Tab bằng dấu cách; giá trị bắt đầu bằng ký tự đặc biệt thì đặt trong ngoặc kép."),
    (r"undefined alias|alias",
     "giá trị bắt đầu bằng dấu '*' (YAML hiểu là tham chiếu)",
     "Đặt giá trị trong ngoặc kép, ví dụ title: \"*Tin nổi bật*\"."),
    (r"anchor",
     "giá trị bắt đầu bằng dấu '&' (YAML hiểu là nhãn neo)",
     "Đặt giá trị trong ngoặc kép, ví dụ title: \"& và các ký tự đặc biệt\"."),
    (r"expected '-' indicator|block collection",
     "danh sách các dòng '- ...' bị xen một dòng không bắt đầu bằng '-' hoặc thụt lề không đều",
     "Mỗi mục của danh sách một dòng, cùng thụt lề, bắt đầu bằng '- '."),
    (r"could not find expected ':'|simple key",
     "một dòng không có dấu ':' sau tên khóa (hoặc giá trị nhiều dòng không được thụt lề)",
     "Viết 'khóa: giá trị' trên mỗi dòng; giá trị dài xuống dòng thì thụt lề các dòng sau."),
    (r"did not find expected key|block mapping|block end",
     "thụt lề không đều: một khóa lệch cột so với các khóa khác",
     "Các khóa chính viết sát lề trái; khóa con thụt lề cùng một số dấu cách."),
    (r"end of stream",
     "phần khai báo kết thúc giữa chừng (thiếu ngoặc hoặc dấu đóng)",
     "Kiểm tra mọi dấu ngoặc [ ], { } và ngoặc kép đều được đóng."),
    (r"duplicate",
     "một khóa được khai báo hai lần",
     "Giữ lại một dòng cho mỗi khóa."),
]]


def explain_yaml_error(exc: yaml.YAMLError) -> tuple[str, str]:
    """(message, fix) in Vietnamese for a YAML syntax error in a frontmatter."""
    context = getattr(exc, "context", None) or ""
    problem = getattr(exc, "problem", None) or str(exc)
    text = f"{context} | {problem}"
    for pattern, what, fix in _TABLE:
        if pattern.search(text):
            return f"Phần khai báo sai cú pháp YAML: {what}.", fix
    return "Phần khai báo sai cú pháp YAML.", _GENERIC_FIX
