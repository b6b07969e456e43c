"""Cold and warm build time of an image-heavy site: N articles, each with its own 4000x3000 phone photo.

    .venv/bin/python benchmarks/image_site.py [N]

Cold = empty image cache; warm = the same site built again (the cache answers, nothing is processed).
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from PIL import Image

REPO = Path(__file__).resolve().parent.parent


def photo(base: Image.Image, index: int) -> bytes:
    """A distinct photo-like JPEG (noise, tinted per article) with EXIF orientation 6 and GPS."""
    tint = Image.new("RGB", base.size, ((index * 37) % 256, (index * 91) % 256, (index * 53) % 256))
    picture = Image.blend(base, tint, 0.35)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8825).update({1: "N", 2: (21.0, 1.0, float(index)), 3: "E", 4: (105.0, 50.0, 10.0)})
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def make_site(root: Path, count: int) -> None:
    # gradients with some noise: about 2.3 MB a photo at quality 90, like a phone's
    gradient = Image.linear_gradient("L").resize((4000, 3000))
    noise = Image.effect_noise((4000, 3000), 12)
    base = Image.merge("RGB", [Image.blend(gradient, noise, 0.3),
                               Image.blend(gradient.rotate(90).resize((4000, 3000)), noise, 0.3),
                               noise.point(lambda v: v // 2 + 60)])
    for i in range(count):
        folder = root / "content/tin-bai/2026"
        (folder / "anh").mkdir(parents=True, exist_ok=True)
        (folder / f"anh/anh-{i:03d}.jpg").write_bytes(photo(base, i))
        meta = {"title": f"Tin cải cách hành chính số {i + 1}", "date": f"2026-{i % 12 + 1:02d}-{i % 28 + 1:02d} 08:00",
                "categories": ["Tin tức CCHC"], "image": f"anh/anh-{i:03d}.jpg", "image_alt": f"Ảnh minh họa {i + 1}"}
        (folder / f"bai-{i:03d}.md").write_text(
            f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\nNội dung bài viết số {i + 1}.\n", encoding="utf-8")
    (root / "docs").mkdir()
    config = {"site_name": "Sở Thử nghiệm", "site_url": "https://so.example.gov.vn/cchc/", "docs_dir": "docs",
              "theme": {"name": "material", "custom_dir": str(REPO / "theme"), "language": "vi", "font": False},
              "plugins": [{"cchc": {"categories": ["Tin tức CCHC"]}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def build(root: Path) -> tuple[float, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795316400", "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=root, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(result.stderr)
    line = next((line for line in result.stderr.splitlines() if "Ảnh:" in line), "")
    return elapsed, line.split("-  ", 1)[-1]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    root = Path(tempfile.mkdtemp(prefix="cchc-images-"))
    try:
        start = time.perf_counter()
        make_site(root, count)
        size = sum(p.stat().st_size for p in (root / "content").rglob("*.jpg"))
        print(f"{count} bài, mỗi bài một ảnh 4000x3000 ({size / 2**20:.0f} MiB ảnh gốc), "
              f"tạo trong {time.perf_counter() - start:.0f} s")
        for label in ("lần đầu (cache trống)", "lần hai (cache đầy)"):
            elapsed, log = build(root)
            print(f"dựng {label}: {elapsed:.1f} s — {log}")
        published = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.suffix in (".jpg", ".webp", ".png"))
        print(f"ảnh đã xuất bản: {published / 2**20:.0f} MiB")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
