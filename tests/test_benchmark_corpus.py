"""The benchmark's generated projects build with --strict (the benchmark once broke unnoticed)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import EPOCH, REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import gen_articles  # noqa: E402


@pytest.mark.skipif(not gen_articles.SEEDS.is_dir(), reason="../shared/seeds (chữ của bộ dữ liệu thử) không có cạnh kho mã")
def test_a_small_generated_project_builds_strictly(tmp_path):
    articles = gen_articles.generate(tmp_path / "du-an", 20, 6, covers=2)
    assert len({a.title for a in articles}) == 20
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path / "du-an", env=env,
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "du-an" / "site"
    assert len(list((site / "tin-bai").rglob("index.html"))) > 20
    assert len(list((site / "thu-tuc-hanh-chinh").rglob("index.html"))) >= 6
