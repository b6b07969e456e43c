"""Write procedure files: YAML frontmatter in the spec's key order, atomically, only when the bytes change."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from cchc.core.procedures.procedures import KEYS


class _Quoted(str):
    """A string always written in double quotes (codes: '1.000080' must never become a number)."""


# libyaml's emitter when present: the pure-Python one takes most of an import's time.
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
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


TEMPORARY_GLOB = ".*.md.*.tmp"


def _file_mode() -> int:
    """The mode of a normal new file (0644 under the usual umask 022), not mkstemp's private 0600."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_temporary(target: Path, data: bytes) -> Path:
    """A hidden temp file next to target (same file system, so os.replace is atomic; not matched by *.md).

    Removed again if writing fails for any reason."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    path = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(path, _file_mode())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def remove_stale_temporaries(folder: Path) -> int:
    """Temp files an interrupted earlier run left behind (killed process): removed; their count."""
    if not folder.is_dir():
        return 0
    stale = list(folder.glob(TEMPORARY_GLOB))
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)


def commit(temporary: Path, target: Path) -> None:
    os.replace(temporary, target)
