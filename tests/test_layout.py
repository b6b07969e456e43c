"""The rule that keeps a move away from Material cheap: core/ never imports MkDocs (or Material)."""
from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "plugins" / "cchc" / "core"


def test_core_never_imports_mkdocs():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.relative_to(CORE)}: {n}" for n in names
                          if n.split(".")[0] in ("mkdocs", "material") or n.startswith(("cchc.adapter", "cchc.commands"))
                          or (isinstance(node, ast.ImportFrom) and node.level >= 2 and (node.module or "").startswith(("adapter", "commands")))]
    assert offenders == []
    assert len(list(CORE.rglob("*.py"))) > 10  # the walk found the package
