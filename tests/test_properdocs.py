"""ProperDocs 1.6.7, the maintained continuation of MkDocs 1.x, builds the demo exactly as MkDocs
does (the generator tag aside), through the same fast paths (adapter/compat.py pins both)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EPOCH, REPO

PROPERDOCS = Path(sys.executable).with_name("properdocs")
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')

pytestmark = pytest.mark.skipif(not PROPERDOCS.exists(), reason="properdocs is not installed (pip install -e '.[test]')")


def _demo(root: Path) -> None:
    for folder in ("content", "site_src", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: theme\n", f"custom_dir: {json.dumps(str(REPO / 'theme'))}\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): GENERATOR.sub(b"", p.read_bytes()) for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_properdocs_builds_the_demo_as_mkdocs_does(tmp_path):
    _demo(tmp_path)
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    built = {}
    for name, command in (("mkdocs", [sys.executable, "-m", "mkdocs"]), ("properdocs", [str(PROPERDOCS)])):
        shutil.rmtree(tmp_path / ".cache", ignore_errors=True)
        result = subprocess.run([*command, "build", "--strict", "-d", str(tmp_path / f"site-{name}")],
                                cwd=tmp_path, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert "không dùng lối tắt tăng tốc" not in result.stderr  # the pinned fast paths, on both engines
        built[name] = _files(tmp_path / f"site-{name}")
    assert b"ProperDocs 1.6.7" in (tmp_path / "site-properdocs" / "index.html").read_bytes()
    assert built["mkdocs"].keys() == built["properdocs"].keys()
    assert [p for p in built["mkdocs"] if built["mkdocs"][p] != built["properdocs"][p]] == []
