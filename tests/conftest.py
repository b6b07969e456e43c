"""Build small real sites in temp folders and read what they wrote."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

import prestarted

REPO = Path(__file__).resolve().parent.parent
THEME = REPO / "theme"
CATEGORIES = ["Tin tức CCHC", "Văn bản chỉ đạo", "Chuyển đổi số"]
# 2026-11-22 10:00 +07:00: a fixed "today" for every test build.
EPOCH = "1795316400"


class PythonName(str):
    """A `!!python/name:` value in mkdocs.yml (MkDocs' loader imports it), e.g. the toc slugify function."""


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigDumper.add_representer(
    PythonName, lambda dumper, name: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{name}", ""))
HEADING_SLUG = PythonName("cchc.core.text.vietnamese.heading_slug")


def article(title: str, date: str, categories=("Tin tức CCHC",), body: str = "Nội dung bài viết.", **keys) -> str:
    """Markdown text of an article; extra keys go to the frontmatter as YAML."""
    meta = {"title": title, "date": date, "categories": list(categories), **keys}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{textwrap.dedent(body)}\n"


@dataclass
class Site:
    root: Path
    site_url: str = "https://so.example.gov.vn/cchc/"
    options: dict = field(default_factory=dict)
    extra_config: dict = field(default_factory=dict)

    def write(self, path: str, text: str | bytes) -> Path:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
        return target

    def add_article(self, name: str, *args, **kwargs) -> Path:
        return self.write(f"content/tin-bai/{name}", article(*args, **kwargs))

    def config(self) -> dict:
        plugin = {"categories": CATEGORIES, **self.options}
        config = {
            "site_name": "Sở Thử nghiệm",
            "docs_dir": "docs",
            "theme": {"name": "material", "custom_dir": str(THEME), "language": "vi", "font": False},
            "plugins": [{"cchc": plugin}],
            "markdown_extensions": [{"toc": {"slugify": HEADING_SLUG}}],
            **self.extra_config,
        }
        if self.site_url:
            config["site_url"] = self.site_url
        return config

    def config_text(self) -> str:
        """mkdocs.yml as written for a build (with the `!!python/name:` toc slugify)."""
        return yaml.dump(self.config(), Dumper=_ConfigDumper, allow_unicode=True)

    def run(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        (self.root / "docs").mkdir(exist_ok=True)
        (self.root / "mkdocs.yml").write_text(self.config_text(), encoding="utf-8")
        base = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
        environment = {**base, **(env or {})}
        if prestarted.usable(args, environment, env):  # a forked, already-imported Python (prestarted.py)
            return prestarted.run(args, self.root, environment, base)
        return subprocess.run([sys.executable, *args], cwd=self.root, env=environment,
                              capture_output=True, text=True, encoding="utf-8")

    def build(self, *, strict: bool = True, ok: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
        result = self.run("-m", "mkdocs", "build", *(["--strict"] if strict else []), env=env)
        if ok:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    def cchc(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return self.run("-m", "cchc.cli", *args, env=env)

    def path(self, url: str) -> Path:
        """site/<url>/index.html for page URLs ending in '/', else the file itself."""
        target = self.root / "site" / url
        return target / "index.html" if url == "" or url.endswith("/") else target

    def exists(self, url: str) -> bool:
        return self.path(url).is_file()

    def html(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> Path:
    """A copy of the repository's mkdocs.yml, content/ and site_src/, built with --strict.

    Session-scoped, here: test_demo_site.py and test_portal_browser.py use it, and a worker that runs
    both builds it once (no test writes into it)."""
    root = tmp_path_factory.mktemp("demo")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "site_src", root / "site_src")
    shutil.copytree(REPO / "docs", root / "docs")  # site_src/dinh-dang-noi-dung.md includes docs/dinh-dang-noi-dung.md
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")  # has !!python/name: tags: copy as text
    assert "custom_dir: theme\n" in config
    config = config.replace("custom_dir: theme\n", f"custom_dir: {json.dumps(str(REPO / 'theme'))}\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    args = ("-m", "mkdocs", "build", "--strict")
    result = prestarted.run(args, root, env, env) if prestarted.usable(args, env, None) else \
        subprocess.run([sys.executable, *args], cwd=root, env=env, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    return root / "site"
