"""The same articles as a Pelican project, and Pelican itself in its own virtual environment.

Pelican is the yardstick of the benchmark: a static site generator known to be quick, given the
same Markdown, the same extensions, the same pagination and feeds.
"""
from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from gen_articles import GeneratedArticle

PELICAN = "pelican==4.10.2"
MARKDOWN = "markdown==3.11.3"  # the project's pin: both sides render with the same Markdown

SETTINGS = """\
AUTHOR = "Văn phòng Sở"
SITENAME = "Cải cách hành chính"
SITEURL = ""
PATH = "content"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_PAGINATION = 10
RELATIVE_URLS = True
STATIC_PATHS = ["anh"]
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
ARTICLE_URL = "tin-bai/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "tin-bai/{date:%Y}/{date:%m}/{slug}/index.html"
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.tables": {},
        "markdown.extensions.attr_list": {},
        "markdown.extensions.admonition": {},
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
"""


def install(folder: Path) -> Path:
    """A virtual environment with the pinned Pelican (once per work folder); its Python."""
    python = folder / "bin" / "python"
    if not (folder / "bin" / "pelican").exists():
        venv.create(folder, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PELICAN, MARKDOWN],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return python


def write(project: Path, articles: list[GeneratedArticle], covers: Path) -> None:
    content = project / "content"
    (content / "anh").mkdir(parents=True, exist_ok=True)
    for cover in covers.glob("*.jpg"):
        (content / "anh" / cover.name).write_bytes(cover.read_bytes())
    for article in articles:
        header = [f"Title: {article.title}", f"Date: {article.date}", f"Category: {article.categories[0]}",
                  "Authors: Văn phòng Sở"]
        if article.tags:
            header.append(f"Tags: {', '.join(article.tags)}")
        path = content / article.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(header) + "\n\n" + article.body, encoding="utf-8")
    (project / "pelicanconf.py").write_text(SETTINGS, encoding="utf-8")


def build_command(python: Path, project: Path) -> list[str]:
    return [str(python), "-m", "pelican", str(project / "content"), "-s", str(project / "pelicanconf.py"),
            "-o", str(project / "output"), "-q", "--delete-output-directory"]


if __name__ == "__main__":
    print(install(Path(sys.argv[1])))
