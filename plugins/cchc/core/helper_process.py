"""Python helper processes of a build (page writer, cache writer, card workers, image prefetch): how they start and
how they read their requests. Imports nothing of the package, so a helper starts in milliseconds."""
from __future__ import annotations

import os
import subprocess
import sys


def start(module: str, *args: str, stdin=None, stdout=None) -> subprocess.Popen:
    """`python -m module args…` with this interpreter; raises OSError when no process can start.
    PYTHONSAFEPATH: the helper never imports from the build's working folder (content is untrusted)."""
    return subprocess.Popen([sys.executable, "-m", module, *args], stdin=stdin, stdout=stdout,
                            env={**os.environ, "PYTHONSAFEPATH": "1"})


def read_exact(stream, size: int) -> bytes:
    """`size` bytes of a request, or EOFError when the input ends before (the build stopped)."""
    data = stream.read(size)
    if len(data) != size:
        raise EOFError
    return data
