"""Build benchmark: generated projects of growing size; checks that cost grows linearly.

    .venv/bin/python benchmarks/run.py            # 500, 1000 and 2000 articles
    .venv/bin/python benchmarks/run.py 2000 5000  # chosen sizes

Targets (a benchmark, not a unit test): 2,000 articles build in under 60 s on the CI machine,
and the time per page at the largest size is at most 1.5x the time per page at the smallest.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gen_articles import generate

TARGET_SECONDS_2000 = 60.0
MAX_GROWTH = 1.5


def build(project: Path) -> tuple[float, int]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795316400"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=env, check=True)
    seconds = time.perf_counter() - start
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    return seconds, pages


def main(sizes: list[int]) -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            project = Path(tmp) / f"n{size}"
            generate(project, size)
            seconds, pages = build(project)
            rows.append((size, pages, seconds))
            print(f"{size:>6} bài  {pages:>6} trang  {seconds:7.2f} s  {1000 * seconds / pages:6.2f} ms/trang")
    ok = True
    per_page = [s / p for _, p, s in rows]
    if per_page[-1] > MAX_GROWTH * per_page[0]:
        print(f"CHẬM: thời gian mỗi trang tăng {per_page[-1] / per_page[0]:.2f} lần (tối đa {MAX_GROWTH})")
        ok = False
    for size, _, seconds in rows:
        if size == 2000 and seconds > TARGET_SECONDS_2000:
            print(f"CHẬM: 2000 bài mất {seconds:.1f} s (mục tiêu {TARGET_SECONDS_2000:.0f} s)")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [500, 1000, 2000]))
