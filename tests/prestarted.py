"""`python -m mkdocs …` and `python -m cchc.cli …` for the tests, without paying the imports each time.

A build of a small test site is ~1.9 s, of which ~0.9 s is Python importing MkDocs, Material, Jinja,
openpyxl and the plugin. Each pytest worker therefore starts (on first use) two "prestarted" Pythons
that import those modules once and then wait on a Unix socket. Every run forks one of them: the child
takes the run's working folder, environment, argv and stdout/stderr files, runs the module as
`python -m` does (`runpy`, `__main__`, the working folder first on sys.path) and exits with the code
the interpreter would give (an uncaught exception prints its traceback and gives 1).

The child is a new process, like a subprocess: nothing a build leaves behind (caches in module
globals, logging handlers, warning filters, threads) reaches the next run. What differs from a new
interpreter is only what is decided at import time, before the run's environment is known; so a run
whose environment adds anything beyond ENV_READ_AT_RUN_TIME (PYTHONPATH, CCHC_STOCK_ENGINE, …) is a
real subprocess. The two prestarted Pythons have different hash seeds and take runs in turn, so two
builds in a row (the byte-identical checks) still run with different seeds, as separate
interpreters would.
"""
from __future__ import annotations

import atexit
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

MODULES = ("mkdocs", "cchc.cli")
# Read by the build only when it runs (settings.py, the !ENV tag of mkdocs.yml), never at import.
ENV_READ_AT_RUN_TIME = {"SOURCE_DATE_EPOCH", "CCHC_BAN_QUYEN"}

_SERVER = r'''
import os, sys, json, runpy, signal, socket, selectors, importlib, traceback, tempfile, atexit, threading
import ast, importlib.util, pathlib
import mkdocs.commands.build, mkdocs.config.defaults, mkdocs.plugins, mkdocs.theme, click, jinja2, markdown
import markdown.extensions.toc, material

# Import what the plugin and the commands import, but not the modules that run something at import
# time that depends on the run (plugin.py attaches its Vietnamese log filter to the handler MkDocs'
# CLI made; project.py, cli.py and the commands import plugin.py): the run executes those itself.
_OWN = {"cchc.adapter.plugin", "cchc.adapter.project", "cchc.cli"}
_root = pathlib.Path(importlib.util.find_spec("cchc").origin).parent
_sources = [_root / "adapter" / "plugin.py", _root / "adapter" / "project.py", _root / "cli.py",
            *sorted((_root / "commands").glob("*.py"))]
for _source in _sources:
    _package = "cchc." + ".".join(_source.relative_to(_root).parent.parts)
    for _node in ast.walk(ast.parse(_source.read_text(encoding="utf-8"))):
        if isinstance(_node, ast.Import):
            _names = [a.name for a in _node.names]
        elif isinstance(_node, ast.ImportFrom):
            _base = importlib.util.resolve_name("." * _node.level + (_node.module or ""), _package.rstrip(".")) \
                if _node.level else _node.module
            _names = [_base] + [_base + "." + a.name for a in _node.names]
        else:
            continue
        for _name in _names:
            if any(_name == own or _name.startswith(own + ".") for own in _OWN) or _name.startswith("cchc.commands."):
                continue
            try:
                if importlib.util.find_spec(_name) is not None:
                    importlib.import_module(_name)
            except (ImportError, ValueError):
                pass
if _OWN & set(sys.modules):
    sys.exit("prestarted: " + ", ".join(sorted(_OWN & set(sys.modules))) + " imported by a dependency")

def _child(conn):
    request = json.loads(conn.makefile("r", encoding="utf-8").readline())
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
        os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    tempfile.tempdir = None
    sys.path[0] = os.getcwd()  # `python -m`: the working folder first
    sys.argv = ["-m", *request["args"]]
    sys.modules.pop(request["module"], None)  # `python -m` runs it as __main__ only
    code = 0
    try:
        runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        if exc.code is None:
            code = 0
        elif isinstance(exc.code, int):
            code = exc.code
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    try:
        threading._shutdown()  # as the interpreter does at exit: join threads, then atexit
        atexit._run_exitfuncs()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        conn.sendall(b"%d\n" % (code & 0xFF))
        os._exit(code & 0xFF)

def _serve(path):
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the system
    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    server.listen(64)
    selector = selectors.DefaultSelector()
    selector.register(server, selectors.EVENT_READ)
    selector.register(sys.stdin, selectors.EVENT_READ)  # the test worker's end: EOF when it exits
    print("ready", flush=True)
    while True:
        for key, _ in selector.select():
            if key.fileobj is not server:
                if not sys.stdin.buffer.read1(1):
                    os._exit(0)
                continue
            conn, _ = server.accept()
            sys.stdout.flush()
            sys.stderr.flush()
            if os.fork() == 0:
                server.close()
                selector.close()
                _child(conn)
            conn.close()

_serve(sys.argv[1])
'''


class _Prestarted:
    def __init__(self, folder: Path, index: int, env: dict):
        self.path = str(folder / f"s{index}")
        self.process = subprocess.Popen([sys.executable, "-c", _SERVER, self.path], env=env, cwd=folder,
                                        stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=(folder / f"s{index}.log").open("w"))
        if self.process.stdout.readline() != b"ready\n":
            raise RuntimeError((folder / f"s{index}.log").read_text(errors="replace"))

    def run(self, module: str, args: list[str], cwd: Path, env: dict, out: Path, err: Path) -> int | None:
        with socket.socket(socket.AF_UNIX) as conn:
            conn.connect(self.path)
            conn.sendall((json.dumps({"module": module, "args": args, "cwd": str(cwd), "env": env,
                                      "stdout": str(out), "stderr": str(err)}) + "\n").encode())
            answer = conn.makefile("rb").readline()
        return int(answer) if answer.strip() else None  # None: the child died without an exit code

    def stop(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


_servers: list[_Prestarted] = []
_turns = itertools.count()
_lock = threading.Lock()
_folder: Path | None = None


def _start(env: dict) -> None:
    global _folder
    _folder = Path(tempfile.mkdtemp(prefix="cchc-prestarted-"))
    if len(str(_folder)) > 80:  # a Unix socket's path has at most 107 bytes
        shutil.rmtree(_folder)
        _folder = Path(tempfile.mkdtemp(prefix="cchc-prestarted-", dir="/tmp"))
    atexit.register(_stop)
    _servers.extend(_Prestarted(_folder, i, env) for i in range(2))


def _stop() -> None:
    for server in _servers:
        server.stop()
    shutil.rmtree(_folder, ignore_errors=True)


def usable(args: tuple[str, ...], env: dict, extra: dict | None) -> bool:
    return (os.name == "posix" and os.environ.get("CCHC_TEST_SUBPROCESS") != "1" and len(args) >= 2
            and args[0] == "-m" and args[1] in MODULES and set(extra or {}) <= ENV_READ_AT_RUN_TIME)


def run(args: tuple[str, ...], cwd: Path, env: dict, base_env: dict) -> subprocess.CompletedProcess:
    """`sys.executable *args` in `cwd` with `env`, as subprocess.run(capture_output, text, utf-8) answers."""
    with _lock:
        if not _servers:
            _start(base_env)
        server = _servers[next(_turns) % len(_servers)]
    with tempfile.TemporaryDirectory(dir=_folder) as work:
        out, err = Path(work) / "out", Path(work) / "err"
        code = server.run(args[1], list(args[2:]), cwd, env, out, err)
        stdout = out.read_text(encoding="utf-8") if out.exists() else ""
        stderr = err.read_text(encoding="utf-8") if err.exists() else ""
    if code is None:
        code = -9
        stderr += "\n[prestarted] the run ended without an exit code\n"
    return subprocess.CompletedProcess([sys.executable, *args], code, stdout, stderr)
