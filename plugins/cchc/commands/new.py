"""cchc new "Tiêu đề": write a new article with today's date, its slug and every key, commented."""
from __future__ import annotations

import json

from cchc.core.news.new_article import new_article
from cchc.core.text.vietnamese import nfc, slugify

HELP = "tạo tệp tin bài mới với đủ các khóa, có chú thích"


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
    path.write_text(new_article(
        title=json.dumps(title, ensure_ascii=False), date=f"{now:%Y-%m-%d %H:%M}", slug=slug,
        category=settings.categories[0] if settings.categories else "",
        categories=", ".join(settings.categories)), encoding="utf-8")
    print(path.relative_to(settings.project_dir))
    return 0
