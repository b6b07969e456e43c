"""The "Tin CCHC mới nhất" box for the agency's main portal: a small page for an `<iframe>` and the
same items as JSON. Self-contained (inline CSS, no script, nothing from another site); every link
opens in the portal's window (target="_parent"), not inside the frame."""
from __future__ import annotations

import html
import json
from typing import Mapping

from cchc.core.news.collections import ArticleIndex
from cchc.core.media.images import PublishedImage
from cchc.core.settings import Settings
from cchc.core.urls import EMBED_HTML, EMBED_JSON, NEWS, file_href

HTML_PATH, JSON_PATH = EMBED_HTML, EMBED_JSON  # core.urls declares them
ITEMS = 5
BOX_TITLE = "Tin cải cách hành chính mới nhất"

_CSS = """
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:16px;color:#1a1a1a;background:#fff}
body{margin:0}
.box{border-top:4px solid #9b1c1c;padding:.6rem .8rem}
h1{margin:0 0 .4rem;font-size:1.05rem;color:#7a1515}
ul{list-style:none;margin:0;padding:0}
li{padding:.45rem 0;border-bottom:1px solid #e0e0e0}
a{color:#9b1c1c;text-decoration:underline;text-underline-offset:.15em}
li a{display:block;font-weight:600;line-height:1.35}
time{display:block;font-size:.8rem;color:#4a4a4a;margin-top:.15rem}
.all{margin:.5rem 0 0;font-size:.9rem}
""".strip()


def _items(index: ArticleIndex, settings: Settings, images: Mapping[str, PublishedImage]) -> list[dict]:
    items = []
    for article in [a for a in index.articles if a.published][:ITEMS]:
        published = images.get(article.image.path) if article.image else None
        thumb = published.of_type("thumb", published.fallback_type("thumb"))[-1] if published else None
        items.append({
            "title": article.title,
            "url": settings.site_url + article.url,
            "date": article.date.isoformat(),
            "date_label": article.date_label,
            "summary": article.excerpt,
            "image": settings.site_url + file_href(thumb.path) if thumb else None,
        })
    return items


def _page(items: list[dict], settings: Settings) -> str:
    e = lambda text: html.escape(text, quote=True)  # noqa: E731
    rows = "\n".join(
        f'<li><a href="{e(i["url"])}" target="_parent">{e(i["title"])}</a>'
        f'<time datetime="{e(i["date"])}">{e(i["date_label"])}</time></li>' for i in items)
    body = f"<ul>\n{rows}\n</ul>" if items else "<p>Chưa có tin bài nào.</p>"
    return (f'<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{e(BOX_TITLE)} – {e(settings.site_name)}</title>\n<base target="_parent">\n'
            f'<style>{_CSS}</style>\n</head>\n<body>\n<main class="box">\n<h1>{e(BOX_TITLE)}</h1>\n{body}\n'
            f'<p class="all"><a href="{e(settings.site_url)}{NEWS}" target="_parent">Xem tất cả tin bài ›</a></p>\n'
            f'</main>\n</body>\n</html>\n')


def embed_outputs(index: ArticleIndex, settings: Settings,
                  images: Mapping[str, PublishedImage]) -> dict[str, bytes]:
    items = _items(index, settings, images)
    feed = {"title": f"{BOX_TITLE} – {settings.site_name}", "home_page_url": settings.site_url,
            "items": [{k: v for k, v in i.items() if k != "date_label"} for i in items]}
    return {HTML_PATH: _page(items, settings).encode("utf-8"),
            JSON_PATH: json.dumps(feed, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"}
