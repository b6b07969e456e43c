"""Python helper processes of a build (page writer, cache writer, card workers, image prefetch): how
they start (Ctrl-C ends them silently) and how they read their requests. Imports nothing of the
package, so a helper starts in milliseconds."""
from __future__ import annotations

import os
import subprocess
import sys


# `python -m module`, except that Ctrl-C (sent to the whole process group) ends the helper silently
# before it imports anything: the build says it was stopped, a helper's traceback would only alarm.
_BOOT = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); sys.argv = sys.argv[1:]; "
         "runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)")


def start(module: str, *args: str, stdin=None, stdout=None, stderr=None) -> subprocess.Popen:
    """`python -m module args…` with this interpreter; raises OSError when no process can start.
    PYTHONSAFEPATH: the helper never imports from the build's working folder (content is untrusted)."""
    return subprocess.Popen([sys.executable, "-c", _BOOT, module, *args], stdin=stdin, stdout=stdout,
                            stderr=stderr, env={**os.environ, "PYTHONSAFEPATH": "1"})


def read_exact(stream, size: int) -> bytes:
    """`size` bytes of a request, or EOFError when the input ends before (the build stopped)."""
    data = stream.read(size)
    if len(data) != size:
        raise EOFError
    return data
