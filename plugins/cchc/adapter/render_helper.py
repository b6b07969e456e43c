"""A second process renders part of the pages' templates while this one builds the rest.

Rendering Material's templates is the largest step of a build and runs on one core. Once every
page has its content (on_env), the build forks: the copy renders the templates of the pages given
to it, in order, and sends each output back through a pipe; this process builds every page as
MkDocs does, and for a page of the copy prints the output it got through the page cache's one-line
template (cchc/cached.html), so that every plugin's page events, the search index and the writing
of the file happen here, in order, as for any page. The copy is this process at the moment of the
fork and runs the same steps, so the bytes are the same. A page the copy could not render, or
rendered while logging something, is rendered here, so that errors and warnings come out once and
from this process (`--strict` counts them). Where fork() does not exist (Windows) nothing changes.
"""
from __future__ import annotations

import logging
import os
import signal
import struct
import threading
from typing import Callable, Sequence

from cchc.core.cores import cores

log = logging.getLogger("mkdocs.plugins.cchc")

MIN_PAGES = 64  # below this a second process costs more than it saves
SHARE = 0.6  # of the pages to render, the copy's: this process also finishes each of the copy's pages
_HEADER = struct.Struct("<iI")  # page number n, length of its UTF-8 output; -n-1: render page n here


def split(count: int, share: float = SHARE) -> list[bool]:
    """Which of `count` pages in a row the copy renders: spread evenly, so that both processes go on
    together and this process seldom waits for a page."""
    return [int((i + 1) * share) > int(i * share) for i in range(count)]


class _Silenced(logging.Handler):
    """In the copy: log records are not printed; a page that logged is rendered again at home."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.logged = False

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.logged = True


class RenderHelper:
    """The pages rendered by the forked copy; `output(src_uri)` waits for one of them."""

    def __init__(self, pid: int, reading: int, src_uris: Sequence[str]) -> None:
        self.pid = pid
        self.numbers = {src: i for i, src in enumerate(src_uris)}
        self.rendered = 0
        self._outputs: dict[int, str | None] = {}
        self._done = threading.Condition()
        self._finished = False
        self._reader = threading.Thread(target=self._read, args=(reading,), name="cchc-render-helper", daemon=True)
        self._reader.start()

    @classmethod
    def start(cls, pages: Sequence, render: Callable[[object], str], in_copy: Callable[[], None]) -> RenderHelper | None:
        """Fork a copy that renders `pages` (objects with .file.src_uri) with render(page) -> output.
        in_copy() runs first in the copy: what must not be touched there (caches, indexes) is let go."""
        if not hasattr(os, "fork") or len(pages) < MIN_PAGES or cores() < 2:
            return None
        reading, writing = os.pipe()
        try:
            pid = os.fork()
        except OSError as error:  # no memory or process left: build alone
            os.close(reading)
            os.close(writing)
            log.debug("Không tách được tiến trình dựng trang phụ: %s", error)
            return None
        if pid == 0:  # the copy: never returns
            os.close(reading)
            _render_in_copy(pages, render, in_copy, writing)
        os.close(writing)
        return cls(pid, reading, [page.file.src_uri for page in pages])

    def _read(self, reading: int) -> None:
        with os.fdopen(reading, "rb") as pipe:
            while True:
                header = pipe.read(_HEADER.size)
                if len(header) < _HEADER.size:
                    break
                number, length = _HEADER.unpack(header)
                data = pipe.read(length) if number >= 0 else b""
                if len(data) < length:
                    break
                with self._done:
                    if number >= 0:
                        self._outputs[number] = data.decode("utf-8")
                    else:
                        self._outputs[-number - 1] = None
                    self._done.notify_all()
        with self._done:
            self._finished = True
            self._done.notify_all()

    def __contains__(self, src_uri: str) -> bool:
        return src_uri in self.numbers

    def output(self, src_uri: str) -> str | None:
        """The page's output from the copy; None when it is to be rendered here."""
        number = self.numbers[src_uri]
        with self._done:
            self._done.wait_for(lambda: number in self._outputs or self._finished)
            output = self._outputs.pop(number, None)
        if output is not None:
            self.rendered += 1
        return output

    def stop(self) -> None:
        """The build stopped: end the copy now."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
        self.close()

    def close(self) -> None:
        """Wait for the copy to end (it ends on its own once its pages are sent, or when the pipe closes)."""
        if self.pid:
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.pid = 0


def _render_in_copy(pages: Sequence, render: Callable[[object], str], in_copy: Callable[[], None],
                    writing: int) -> None:
    status = 0
    try:
        silenced = _Silenced()
        for logger in logging.root.manager.loggerDict.values():  # every record reaches the root, and only it
            if isinstance(logger, logging.Logger):
                logger.handlers = []
                logger.propagate = True
        logging.root.handlers = [silenced]
        in_copy()
        with os.fdopen(writing, "wb") as pipe:
            for number, page in enumerate(pages):
                silenced.logged = False
                try:
                    output = render(page)
                except Exception:
                    output = None
                if output is None or silenced.logged:
                    pipe.write(_HEADER.pack(-number - 1, 0))
                else:
                    data = output.encode("utf-8")
                    pipe.write(_HEADER.pack(number, len(data)))
                    pipe.write(data)
    except BaseException:  # the parent renders what it did not get
        status = 1
    finally:
        os._exit(status)  # no atexit, no flush of caches or files that belong to the parent
