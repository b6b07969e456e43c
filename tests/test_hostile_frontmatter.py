"""Any value in any key gives a record or clear errors: never an exception (core level, fast)."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from cchc.core.news.articles import KEYS as ARTICLE_KEYS, read_article
from cchc.core.frontmatter_file import read_source
from cchc.core.quota.plans import read_plan
from cchc.core.procedures.procedures import read_procedure
from cchc.core.settings import Settings

VALUES = ["", "null", "~", "0", "-1", "1.5", "true", "[]", "{}", "[1, [2]]", "{a: {b: c}}", "2024-02-30",
          "'31/02/2024'", "2024-02-07 25:61", "9999-12-31", "\"<script>&amp;\"", "'  '", "[null]", "[{}]",
          "[{path: null}]", "[{path: ../../../etc/passwd}]", "[{path: /etc/passwd}]", "x" * 500]

BASE = {
    "tin-bai": "title: A\ndate: 2024-03-01\ncategories: [Tin tức CCHC]\n",
    "ke-hoach": "title: K\nnumber: 1/KH\nissued: 2024-01-01\nissuer: Sở\nstart: 2024-01\nend: 2024-12\ntarget: 2\n",
    "thu-tuc": ("code: '1.000001'\nname: T\nfield: F\nlevel: Cấp tỉnh\ndecision: 1/QĐ\nagency: A\n"
                "channels: [{method: direct, time: 1 ngày, fee: Không}]\n"),
}
KEYS = {
    "tin-bai": ARTICLE_KEYS,
    "ke-hoach": ["title", "number", "issued", "issuer", "start", "end", "target", "categories", "attachments"],
    "thu-tuc": ["code", "name", "field", "level", "decision", "decision_date", "agency", "channels", "documents",
                "legal_basis", "online", "status", "effective", "abolished", "replaced_by", "url", "subjects"],
}
READERS = {"tin-bai": read_article, "ke-hoach": read_plan, "thu-tuc": read_procedure}


@pytest.mark.parametrize("folder", list(BASE))
def test_hostile_values_never_raise(tmp_path: Path, folder: str):
    settings = Settings(project_dir=tmp_path, categories=("Tin tức CCHC",))
    (tmp_path / "content" / folder).mkdir(parents=True)
    path = tmp_path / "content" / folder / "x.md"
    failures = []
    for key, value in itertools.product(KEYS[folder], VALUES):
        lines = [line for line in BASE[folder].splitlines() if not line.startswith(f"{key}:")]
        path.write_text("---\n" + "\n".join(lines) + f"\n{key}: {value}\n---\nThân.\n", encoding="utf-8")
        source = read_source(path, f"content/{folder}/x.md")
        if not hasattr(source, "meta"):
            continue  # a YAML error, reported as such
        try:
            result = READERS[folder](source, path, settings)
        except Exception as exc:  # noqa: BLE001 - the point of the test
            failures.append(f"{key}: {value!r} -> {type(exc).__name__}: {exc}")
            continue
        if isinstance(result, list):
            assert all(str(error).startswith(f"content/{folder}/x.md") for error in result)
    assert failures == [], "\n".join(failures)
