"""Generate a project with N articles (and covers) for the build benchmark.

    .venv/bin/python benchmarks/gen_articles.py /tmp/bench 2000
    cd /tmp/bench && time NO_MKDOCS_2_WARNING=1 ../main/.venv/bin/mkdocs build
"""
from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml
from PIL import Image

REPO = Path(__file__).resolve().parent.parent
CATEGORIES = ["Tin tức CCHC", "Văn bản chỉ đạo", "Chuyển đổi số", "Một cửa - Dịch vụ công",
              "Hỏi đáp CCHC", "Gương điển hình"]
TAGS = ["một cửa", "dịch vụ công trực tuyến", "chuyển đổi số", "ISO 9001", "chỉ số PAR INDEX", "SIPAS",
        "tuyên truyền", "đề án 06", "thanh toán trực tuyến", "chữ ký số", "cải cách thể chế", "đào tạo"]
WORDS = ("cải cách hành chính thủ tục người dân doanh nghiệp một cửa liên thông dịch vụ công trực tuyến "
         "chuyển đổi số hồ sơ giải quyết đúng hạn cán bộ công chức kỷ luật kỷ cương sở ngành tỉnh huyện xã "
         "đánh giá mức độ hài lòng phản ánh kiến nghị số hóa kết quả triển khai kế hoạch tuyên truyền").split()


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def generate(target: Path, count: int, covers: int = 50) -> None:
    rng = random.Random(2024)
    if target.exists():
        shutil.rmtree(target)
    (target / "site_src").mkdir(parents=True)
    (target / "site_src" / "gioi-thieu.md").write_text("# Giới thiệu\n\nTrang thử hiệu năng.\n", encoding="utf-8")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(REPO / "theme")
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for i in range(covers):
        folder = target / "content" / "tin-bai" / "anh"
        folder.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (1200, 675), (rng.randrange(256), rng.randrange(256), 90)).save(folder / f"anh-{i}.jpg", quality=80)
    for i in range(count):
        year = 2018 + i * 8 // count
        month = 1 + (i * 8 * 12 // count) % 12
        meta = {
            "title": f"{paragraph(rng, 8)[:-1]} số {i}",
            "date": f"{year}-{month:02d}-{1 + i % 28:02d} {8 + i % 9:02d}:{i % 60:02d}",
            "categories": rng.sample(CATEGORIES, rng.choice([1, 1, 2])),
            "tags": rng.sample(TAGS, rng.randrange(0, 4)),
            "authors": ["Văn phòng Sở"],
        }
        if i % (count // covers or 1) == 0:
            meta["image"] = f"anh/anh-{(i * covers // count) % covers}.jpg"
            meta["image_alt"] = "Ảnh minh họa"
        body = "\n\n".join(paragraph(rng, rng.randrange(40, 120)) for _ in range(rng.randrange(3, 8)))
        path = target / "content" / "tin-bai" / f"bai-{i:05d}.md"
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        path.write_text(f"---\n{front}---\n{body}\n\n## Kết quả\n\n- {paragraph(rng, 10)}\n- {paragraph(rng, 12)}\n",
                        encoding="utf-8")


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
