"""MkDocs' private internals are used in adapter/compat.py only, each checked against the pinned
engine; with the fast paths off (stock MkDocs behaviour) the site is the same, byte for byte."""
from __future__ import annotations

import ast
import shutil
from pathlib import Path


from cchc.adapter import compat
from conftest import REPO
from test_build_cache import cached_site, tree  # noqa: F401 - cached_site is a fixture

PACKAGE = REPO / "plugins" / "cchc"


def test_every_pinned_internal_is_there_with_the_expected_shape():
    """Fails loudly when an upgrade of MkDocs (or ProperDocs) changes an internal we rely on: read the
    new engine's code, adapt adapter/compat.py, then add the version to PINNED."""
    assert compat.engine() in compat.PINNED, f"{compat.engine()} is not a version compat.py was checked against"
    assert [p for p in compat.problems() if p != "CCHC_STOCK_ENGINE=1"] == []
    assert compat.FAST


def _private_uses(path: Path) -> list[str]:
    """Private names of other packages used in a module: `from mkdocs… import _x`, `obj._x` where obj
    is not self/cls, and class swaps (`x.__class__ = …`)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.module.startswith(("cchc", ".")) \
                and node.level == 0:
            found += [f"{node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in {"self", "cls"}):
                found.append(f"{ast.unparse(node)} (line {node.lineno})")
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Attribute) and t.attr == "__class__"
                                                   for t in node.targets):
            found.append(f"class swap (line {node.lineno})")
    return found


def test_no_private_engine_name_outside_the_compat_module():
    uses = {}
    for path in sorted((PACKAGE / "adapter").glob("*.py")):
        if path.name == "compat.py":
            continue
        private = _private_uses(path)
        if private:
            uses[path.name] = private
    assert uses == {}


def test_the_stock_engine_fallback_builds_the_same_site(cached_site, tmp_path):
    """CCHC_STOCK_ENGINE=1: no render cache page class, no quick paths; the output is the same."""
    site = cached_site
    site.build()
    fast = tree(site.root / "site")
    shutil.rmtree(site.root / ".cache")
    result = site.build(env={"CCHC_STOCK_ENGINE": "1"})
    assert "không dùng lối tắt tăng tốc (CCHC_STOCK_ENGINE=1)" in result.stderr
    assert tree(site.root / "site") == fast


def _imports(path: Path) -> set[str]:
    """The adapter modules a module imports (relative or absolute), type-checking imports included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 1:
                found |= {module} if module else {a.name for a in node.names}
            elif module.startswith("cchc.adapter."):
                found.add(module.removeprefix("cchc.adapter."))
    return found


def test_no_import_cycle_in_the_adapter():
    modules = {p.stem: _imports(p) for p in (PACKAGE / "adapter").glob("*.py")}

    def reaches(start: str, goal: str, seen: set) -> bool:
        for name in modules.get(start, ()):
            if name == goal or (name not in seen and reaches(name, goal, seen | {name})):
                return True
        return False

    assert [name for name in modules if reaches(name, name, {name})] == []


def test_url_paths_are_spelled_in_core_urls_only():
    """Every path of the site's URL scheme is declared in core/urls.py; other modules import it."""
    spelled = {}
    literals = ("tin-bai/", "chuyen-muc", "thu-tuc-hanh-chinh/", "ke-hoach/", "chi-tieu/", "feed.xml", "atom.xml",
                "feed.json", "nhung/", "the-chia-se.png", "og.jpg")
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "urls.py" and path.parent.name == "core":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in literals:
                spelled.setdefault(path.relative_to(PACKAGE).as_posix(), []).append(node.value)
    assert spelled == {}  # core/media/images.py names its cache entry's output after core.urls.SHARE_CROP
