"""Generate a realistic benchmark project: N articles, M procedures, plans, covers.

    .venv/bin/python benchmarks/gen_articles.py /tmp/bench 3000 500

Vietnamese text comes from the real plans in ../shared/seeds/ (found next to the repository),
read at run time and cut into sentences; nothing of it is stored in the repository. The articles
use what editors use: categories, tags, covers, headings, lists, tables, admonitions, links.
Procedures are written by gen_procedures.generate (issue 9's generator), plans here.
The same articles are also written for Pelican (pelican/content/) by pelican_site.py.
"""
from __future__ import annotations

import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from PIL import Image

from cchc.core.text.vietnamese import SLUG_MAX, slugify  # the project's own slug rule
from gen_procedures import generate as generate_procedures

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / ".." / "shared" / "seeds"
CATEGORIES = ["Tin tức CCHC", "Văn bản chỉ đạo", "Chuyển đổi số", "Một cửa - Dịch vụ công",
              "Hỏi đáp CCHC", "Gương điển hình"]
TAGS = ["một cửa", "dịch vụ công trực tuyến", "chuyển đổi số", "ISO 9001", "chỉ số PAR INDEX", "SIPAS",
        "tuyên truyền", "đề án 06", "thanh toán trực tuyến", "chữ ký số", "cải cách thể chế", "đào tạo"]
FIRST_YEAR, YEARS = 2018, 8


@dataclass
class GeneratedArticle:
    """One article as both generators need it."""
    path: str  # relative to content/tin-bai: YEAR/bai-NNNNN.md
    title: str
    date: str  # YYYY-MM-DD HH:MM
    categories: list[str]
    tags: list[str]
    image: str | None  # relative to content/tin-bai: anh/anh-N.jpg
    body: str


def seed_sentences(seeds: Path = SEEDS) -> list[str]:
    """Sentences of the seed plans, NFC, 40-300 characters, without list numbering."""
    if not seeds.is_dir():
        sys.exit(f"Không thấy thư mục văn bản mẫu {seeds.resolve()} (cần ../shared/seeds bên cạnh kho mã).")
    sentences = []
    for path in sorted(seeds.glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8", errors="replace"))
        for line in text.splitlines():
            line = re.sub(r"^\s*(?:[0-9IVX]+[.)/]|[-–•+*a-zđ]\))\s*", "", line.strip())
            for sentence in re.split(r"(?<=[.;:])\s+", line):
                sentence = sentence.strip(" -–•*#|")
                if 40 <= len(sentence) <= 300 and "\ufffd" not in sentence:
                    sentences.append(sentence)
    if not sentences:
        sys.exit(f"Thư mục {seeds.resolve()} không có câu văn nào dùng được.")
    return sentences


class Writer:
    def __init__(self, sentences: list[str], rng: random.Random):
        self.sentences, self.rng = sentences, rng

    def paragraph(self, count: int) -> str:
        return " ".join(self.rng.choice(self.sentences).rstrip(".;:") + "." for _ in range(count))

    def title(self, number: int) -> str:
        words = self.rng.choice(self.sentences).split()[: self.rng.randrange(6, 11)]
        title = " ".join(words).rstrip(".,;:") + f" (số {number})"
        while len(words) > 3 and len(slugify(title)) > SLUG_MAX:  # the number must stay in the URL
            words.pop()
            title = " ".join(words).rstrip(".,;:") + f" (số {number})"
        return title

    def body(self, number: int, image: str | None) -> str:
        rng = self.rng
        blocks = [self.paragraph(rng.randrange(2, 4))]
        if rng.random() < 0.3:
            blocks.append("<!-- more -->")
        for section in range(rng.randrange(1, 4)):
            blocks.append(f"## {self.title(section).split(' (')[0][:60]}")
            blocks.append(self.paragraph(rng.randrange(2, 6)))
            if rng.random() < 0.4:
                blocks.append("\n".join(f"- {self.paragraph(1)}" for _ in range(rng.randrange(2, 5))))
        if image and rng.random() < 0.5:
            blocks.append(f"![Ảnh hoạt động](../{image})")
        if rng.random() < 0.2:
            rows = "\n".join(f"| {self.paragraph(1)[:40]} | {rng.randrange(1, 500)} |" for _ in range(3))
            blocks.append(f"| Nội dung | Số lượng |\n| --- | --- |\n{rows}")
        if rng.random() < 0.15:
            blocks.append(f'!!! note "Lưu ý"\n    {self.paragraph(1)}')
        if rng.random() < 0.2:
            blocks.append(f"Xem thêm **{self.paragraph(1)[:50]}** tại [Cổng dịch vụ công](https://dichvucong.gov.vn/).")
        return "\n\n".join(blocks) + "\n"


def articles(count: int, rng: random.Random, sentences: list[str], covers: int) -> list[GeneratedArticle]:
    writer = Writer(sentences, rng)
    result = []
    for i in range(count):
        year = FIRST_YEAR + i * YEARS // count
        month = 1 + (i * YEARS * 12 // count) % 12
        image = f"anh/anh-{i % covers}.jpg" if covers and i % 3 == 0 else None
        result.append(GeneratedArticle(
            path=f"{year}/bai-{i:05d}.md", title=writer.title(i),
            date=f"{year}-{month:02d}-{1 + i % 28:02d} {8 + i % 9:02d}:{i % 60:02d}",
            categories=rng.sample(CATEGORIES, rng.choice([1, 1, 2])), tags=rng.sample(TAGS, rng.randrange(0, 4)),
            image=image, body=writer.body(i, image)))
    return result


def write_covers(folder: Path, covers: int, rng: random.Random) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(covers):
        colour = (rng.randrange(256), rng.randrange(256), 90)
        Image.new("RGB", (1200, 675), colour).save(folder / f"anh-{i}.jpg", quality=80)


def write_plans(folder: Path, writer: Writer) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
        meta = {"title": f"Kế hoạch tuyên truyền cải cách hành chính năm {year}", "number": f"{year % 100:02d}/KH-SKHCN",
                "issued": f"{year}-01-10", "issuer": "Sở Khoa học và Công nghệ", "start": f"{year}-01",
                "end": f"{year}-12", "target": 3, "categories": CATEGORIES[:3]}
        body = "\n\n".join(f"## {heading}\n\n{writer.paragraph(3)}" for heading in ("I. Mục đích", "II. Nội dung"))
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        (folder / f"ke-hoach-{year}.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")


def generate(target: Path, count: int, procedures: int = 0, covers: int = 50) -> list[GeneratedArticle]:
    """Write the project under target (emptied first); return the articles for other generators."""
    rng = random.Random(2024)
    generate_procedures(target, procedures)  # empties target, writes content/thu-tuc, docs/, mkdocs.yml
    (target / "docs" / "gioi-thieu.md").write_text("# Giới thiệu\n\nTrang thử hiệu năng.\n", encoding="utf-8")
    sentences = seed_sentences()
    content = target / "content"
    write_covers(content / "tin-bai" / "anh", covers, rng)
    write_plans(content / "ke-hoach", Writer(sentences, rng))
    generated = articles(count, rng, sentences, covers)
    for article in generated:
        meta = {"title": article.title, "date": article.date, "categories": article.categories,
                "tags": article.tags, "authors": ["Văn phòng Sở"]}
        if article.image:
            meta.update(image=f"../{article.image}", image_alt="Ảnh minh họa")  # the file is in tin-bai/YEAR/
        path = content / "tin-bai" / article.path
        path.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        path.write_text(f"---\n{front}---\n{article.body}", encoding="utf-8")
    return generated


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    generate(folder, int(sys.argv[2]) if len(sys.argv) > 2 else 1000, int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    print(f"Đã sinh dự án thử ở {folder}")
