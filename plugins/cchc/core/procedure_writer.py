"""Write procedure files: YAML frontmatter in the spec's key order, atomically, only when the bytes change."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from .procedures import KEYS


class _Quoted(str):
    """A string always written in double quotes (codes: '1.000080' must never become a number)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Quoted, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"'))

QUOTED_KEYS = ("code", "replaced_by")


def ordered(meta: dict) -> dict:
    """Keys of the spec first, in its order; any other keys after, as they were."""
    result = {key: meta[key] for key in KEYS if key in meta and meta[key] not in (None, "", [])}
    result.update({key: value for key, value in meta.items() if key not in KEYS and value not in (None, "", [])})
    for key in QUOTED_KEYS:
        if key in result:
            result[key] = _Quoted(result[key])
    return result


def render(meta: dict, body: str) -> bytes:
    front = yaml.dump(ordered(meta), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                      default_flow_style=False, width=100_000)
    body = body.strip("\n")
    return f"---\n{front}---\n{body}\n".encode("utf-8") if body else f"---\n{front}---\n".encode("utf-8")


def write_temporary(target: Path, data: bytes) -> Path:
    """A hidden temp file next to target (same file system, so os.replace is atomic; not matched by *.md)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    return Path(name)


def commit(temporary: Path, target: Path) -> None:
    os.replace(temporary, target)
