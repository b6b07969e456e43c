"""cchc init THƯ_MỤC: a clean project for one agency's section, without the demo's content.

It writes mkdocs.yml (the agency's name and details, asked for or given as options), a sample
article, plan and procedure to copy from, the hand-written home and "about" pages, a copy of the
theme, and a .gitignore that keeps site/ and .cache/ out of version control.
"""
from __future__ import annotations

import json
import shutil
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from cchc.core.settings import Settings
from cchc.core.text.vietnamese import nfc

HELP = "tạo dự án chuyên mục mới, sạch, cho một cơ quan (không có nội dung mẫu)"
NEEDS_PROJECT = False  # runs before there is any mkdocs.yml

PRODUCT = Path(__file__).resolve().parents[3]  # the repository the cchc package is installed from
CATEGORIES = ["Tin tức CCHC", "Văn bản chỉ đạo", "Chuyển đổi số", "Một cửa - Dịch vụ công", "Hỏi đáp CCHC"]
# (option, agency key, question); name and site_url are needed, the others may stay empty
DETAILS = [("name", "name", "Tên cơ quan (ví dụ: Sở Tư pháp tỉnh An Giang)"),
           ("site_url", None, "Địa chỉ chuyên mục trên mạng (ví dụ: https://stp.angiang.gov.vn/cchc/)"),
           ("parent", "parent", "Cơ quan chủ quản (ví dụ: Ủy ban nhân dân tỉnh An Giang)"),
           ("address", "address", "Địa chỉ trụ sở"),
           ("phone", "phone", "Điện thoại"),
           ("email", "email", "Thư điện tử"),
           ("responsible", "responsible", "Người chịu trách nhiệm nội dung"),
           ("portal_url", "portal_url", "Địa chỉ cổng thông tin chính của cơ quan")]


def add_arguments(parser) -> None:
    parser.add_argument("folder", metavar="THƯ_MỤC", help="thư mục dự án mới (chưa có hoặc đang trống)")
    for option, _, question in DETAILS:
        parser.add_argument(f"--{option.replace('_', '-')}", dest=option, metavar="…", help=question)
    parser.add_argument("--no-input", action="store_true", help="không hỏi: thiếu --name hoặc --site-url thì báo lỗi")


def _ask(args) -> dict[str, str]:
    values = {option: nfc((getattr(args, option) or "").strip()) for option, _, _ in DETAILS}
    interactive = sys.stdin.isatty() and not args.no_input
    for option, _, question in DETAILS:
        if not values[option] and interactive:
            values[option] = nfc(input(f"{question}: ").strip())
    return values


def _yaml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _mkdocs_yml(values: dict[str, str]) -> str:
    name, url = values["name"], values["site_url"].rstrip("/") + "/"
    agency = "\n".join(f"        {key}: {_yaml(values[option])}" for option, key, _ in DETAILS
                       if key and values[option])
    categories = "\n".join(f"        - {_yaml(c)}" for c in CATEGORIES)
    return f"""# Chuyên mục Cải cách hành chính của {name}; tạo bằng `cchc init`.
site_name: {_yaml("Cải cách hành chính – " + name)}
site_description: {_yaml("Chuyên mục Cải cách hành chính của " + name)}
site_url: {_yaml(url)}
docs_dir: site_src
site_dir: site
use_directory_urls: true

theme:
  name: material
  custom_dir: theme
  language: vi
  font: false
  features:
    - navigation.top
  palette:
    primary: custom
    accent: custom

markdown_extensions:
  - tables
  - attr_list
  - admonition
  - toc:
      permalink: false
      # Neo tiêu đề không dấu như đường dẫn trang; dòng này cũng nạp plugin trước giao diện
      # (nhờ vậy MkDocs không in cảnh báo tiếng Anh của Material): giữ nguyên.
      slugify: !!python/name:cchc.core.text.vietnamese.heading_slug

plugins:  # tìm kiếm do cchc lập bằng Pagefind (trang tim-kiem/): không cần plugin 'search'
  - cchc:
      content_dir: content
      timezone: Asia/Ho_Chi_Minh
      per_page: 10
      # Hiện ở đầu và chân mọi trang (Thông tư 32/2017/TT-BTTTT); khóa nào để trống thì không hiện.
      agency:
{agency}
      categories:
{categories}
"""


def _article(name: str, now: datetime) -> str:
    return f"""---
title: Ra mắt chuyên mục Cải cách hành chính
date: {now:%Y-%m-%d %H:%M}
categories: [Tin tức CCHC]
tags: [chuyên mục]
summary: {_yaml(name + " mở chuyên mục Cải cách hành chính trên cổng thông tin của cơ quan.")}
---
Từ hôm nay, {name} đăng tin tức, văn bản chỉ đạo, thủ tục hành chính và kết quả thực hiện kế hoạch
tuyên truyền cải cách hành chính tại chuyên mục này.

<!-- more -->

Đây là bài mẫu do lệnh `cchc init` tạo: sửa lại hoặc xóa tệp này khi đăng bài thật. Bài mới tạo bằng
lệnh `cchc new "Tiêu đề"`; bài từ tệp Word nhập bằng `cchc import-docx tep.docx`.
"""


def _plan(name: str, now: datetime) -> str:
    return f"""---
title: Kế hoạch thông tin, tuyên truyền cải cách hành chính năm {now:%Y}
number: 01/KH-MAU   # số ký hiệu thật của kế hoạch
issued: {now:%Y}-01-05
issuer: {_yaml(name)}
start: {now:%Y}-01
end: {now:%Y}-12
target: 2           # số tin bài mỗi tháng
categories: [Tin tức CCHC, Chuyển đổi số, Một cửa - Dịch vụ công]
---
Kế hoạch mẫu do lệnh `cchc init` tạo: thay bằng nội dung kế hoạch tuyên truyền của cơ quan (mục đích,
nội dung, hình thức, chỉ tiêu). Trang "Chỉ tiêu" so số tin bài đã đăng mỗi tháng với `target`.
"""


def _procedure(name: str) -> str:
    return f"""---
code: "1.000000"
name: Thủ tục mẫu – thay bằng thủ tục của cơ quan
field: Lĩnh vực mẫu
level: Cấp tỉnh
decision: 01/QĐ-MAU   # số quyết định công bố thật của thủ tục
agency: {_yaml(name)}
channels:
  - method: direct
    time: 5 ngày làm việc
    fee: Không
status: active
---
Thủ tục mẫu do lệnh `cchc init` tạo. Nhập danh sách thủ tục thật của cơ quan từ Cơ sở dữ liệu quốc
gia bằng `cchc import-tthc danh-sach.xlsx`, rồi xóa tệp này.
"""


def _pages(name: str) -> dict[str, str]:
    return {
        "index.md": (f"Chuyên mục **Cải cách hành chính** của {name}: tin tức, văn bản chỉ đạo, thủ tục "
                     "hành chính đang niêm yết và kết quả thực hiện kế hoạch tuyên truyền.\n"),
        "gioi-thieu.md": (f"# Giới thiệu chuyên mục\n\nChuyên mục Cải cách hành chính là nơi {name} công bố "
                          "thông tin về công tác cải cách hành chính của cơ quan: tin tức, thủ tục hành chính, "
                          "kế hoạch tuyên truyền và kết quả thực hiện.\n"),
    }


GITIGNORE = "# Tạo ra khi dựng trang: không đưa vào kho mã.\nsite/\n.site.*\n.cache/\n.venv/\n__pycache__/\n"


def run(args, settings: Settings | None = None) -> int:
    folder = Path(args.folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(f"Thư mục '{folder}' đã có và không trống: chọn một thư mục mới để không ghi đè gì.")
        return 1
    theme = PRODUCT / "theme"
    if not (theme / "main.html").is_file() and not any(theme.glob("*.html")):
        print(f"Không tìm thấy giao diện '{theme}': chạy lệnh từ bản cài của kho mã (pip install -e .).")
        return 1
    values = _ask(args)
    missing = [f"--{o.replace('_', '-')}" for o in ("name", "site_url") if not values[o]]
    if missing:
        print(f"Thiếu {', '.join(missing)}: tên cơ quan và địa chỉ chuyên mục là bắt buộc.")
        return 2
    if not values["site_url"].startswith(("https://", "http://")):
        print(f"Địa chỉ chuyên mục '{values['site_url']}' phải bắt đầu bằng https:// (ví dụ https://stp.angiang.gov.vn/cchc/).")
        return 2
    name = values["name"]
    now = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).replace(second=0, microsecond=0)
    files = {
        "mkdocs.yml": _mkdocs_yml(values),
        ".gitignore": GITIGNORE,
        f"content/tin-bai/{now:%Y}/{now:%Y-%m-%d}-ra-mat-chuyen-muc-cai-cach-hanh-chinh.md": _article(name, now),
        f"content/ke-hoach/ke-hoach-tuyen-truyen-cchc-{now:%Y}.md": _plan(name, now),
        "content/thu-tuc/1.000000.md": _procedure(name),
        **{f"site_src/{page}": text for page, text in _pages(name).items()},
    }
    for path, text in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    shutil.copytree(theme, folder / "theme")
    print(f"Đã tạo dự án chuyên mục của {name} trong '{folder}':")
    for path in files:
        print(f"  {path}")
    print("  theme/ (giao diện)")
    print(f"Tiếp theo: cd {folder} rồi chạy mkdocs build (hoặc mkdocs serve để xem trước) bằng môi trường đã cài.")
    return 0
