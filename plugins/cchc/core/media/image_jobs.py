"""One picture of content/ published through the image cache, and the prefetch that publishes every
picture in another process while the content is still loading.

Why a process, not a thread: loading is Python and holds the GIL; a Pillow thread gets it back only
between two C calls, so it waited longer than it worked (a cold build of 3,000 articles waited ~5 s
for its 50 covers after loading). The helper is `python -m cchc.core.media.image_jobs <request.json>`
(like the card workers: nothing of the caller's script runs again); it stores each picture in the
image cache and says so on its output, and the build reads the entry from the cache.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import unicodedata
from dataclasses import asdict
from pathlib import Path

from cchc.core import helper_process
from cchc.core.content_tree import ContentTree
from cchc.core.media.image_cache import Entry, ImageCache
from cchc.core.media.images import ImageProblem, ImageSettings, PublishedImage, Variant, is_raster, process

PLACEHOLDER = "IMG"  # cache entries are named by role, not by path: the same photo anywhere is one entry


def _rebased(published: PublishedImage, path: str) -> PublishedImage:
    move = lambda name: path + name[len(PLACEHOLDER):]  # noqa: E731
    return PublishedImage(path, published.width, published.height, published.size,
                          tuple(Variant(move(v.path), v.width, v.height) for v in published.variants),
                          tuple(Variant(move(v.path), v.width, v.height) for v in published.thumbs))


def _usable(entry: Entry) -> bool:
    """A stored image entry's meta describes a picture whose every file is in the entry."""
    try:
        published = PublishedImage.from_json(entry.meta)
    except (KeyError, TypeError, ValueError):
        return False
    shown = [published.path, *(v.path for v in published.variants + published.thumbs)]
    sizes = [published.width, published.height, *(n for v in published.variants + published.thumbs
                                                    for n in (v.width, v.height))]
    return (published.path == PLACEHOLDER and all(isinstance(p, str) and p in entry.names for p in shown)
            and all(type(n) is int and n > 0 for n in sizes))


def publish_image(path: str, source: Path, cache: ImageCache,
                  settings: ImageSettings) -> tuple[PublishedImage, dict[str, Path]]:
    data = source.read_bytes()

    def make() -> tuple[dict, dict[str, bytes]]:
        published, outputs = process(PLACEHOLDER, data, settings)
        return published.to_json(), outputs

    entry = cache.get_or_make(cache.key(data, settings.key()), make, check=_usable)
    published = _rebased(PublishedImage.from_json(entry.meta), path)
    return published, {path + name[len(PLACEHOLDER):]: entry.file(name) for name in entry.names}


def publish_or_problem(path: str, source: Path, cache: ImageCache, settings: ImageSettings):
    try:
        return publish_image(path, source, cache, settings)
    except ImageProblem as problem:
        return problem


class ImagePrefetch:
    """Every picture under content/, published by a helper process while the content loads. Which
    pictures are used is known only after loading: then `close()` stops the helper after the picture
    it is on, `take` gives the result of each used picture it made, and the build makes the others
    (the unused ones stay in the image cache). If the helper cannot start or dies, the build makes
    what is missing itself."""

    def __init__(self, root: Path, tree: ContentTree, cache: ImageCache, settings: ImageSettings = ImageSettings()):
        self.settings, self.cache = settings, cache
        self.counts_before = (cache.processed, cache.reused)  # for the build log: this build's work
        self._files: dict[str, Path] = {}  # content path (NFC) -> file
        prefix = os.fspath(root) + os.sep
        for name in tree.files:  # regular files only: links are refused, never read
            path = unicodedata.normalize("NFC", name[len(prefix):].replace(os.sep, "/"))
            if is_raster(path):
                self._files[path] = Path(name)
        self._changed = threading.Condition()
        self._done: dict[str, str] = {}  # the pictures the helper is done with: made, found or problem
        self._ended = False
        self._process: subprocess.Popen | None = None
        self._request: Path | None = None
        if self._files:
            self._start(cache.folder)
        else:
            self._ended = True

    def _start(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=".anh-", suffix=".json",
                                         delete=False) as request:
            json.dump({"folder": str(folder), "settings": asdict(self.settings),
                       "files": [[path, str(file)] for path, file in self._files.items()]}, request)  # ASCII: any file name
        self._request = Path(request.name)
        try:
            self._process = helper_process.start(__name__, request.name, stdout=subprocess.PIPE)
        except OSError:  # no process can start here: every picture is made by the build itself
            self._end()
            return
        threading.Thread(target=self._listen, name="cchc-image-prefetch", daemon=True).start()

    def _listen(self) -> None:
        paths = list(self._files)
        for line in self._process.stdout:  # "<what>\t<number of the picture in the request>"
            kind, _, number = line.decode("ascii").rstrip("\n").partition("\t")
            path = paths[int(number)]
            if kind == "failed":  # left to the build, which reports what went wrong
                continue
            with self._changed:
                self._done[path] = kind
                self.cache.count_processed(kind == "made", kind == "found")  # this build's work
        self._process.wait()
        self._end()

    def _end(self) -> None:
        with self._changed:
            self._ended = True
            self._changed.notify_all()
        if self._request is not None:
            self._request.unlink(missing_ok=True)

    def take(self, path: str, source: Path, settings: ImageSettings):
        """After close(): the published picture or its ImageProblem, or None when the helper did not
        get to it (the caller makes it)."""
        done = self._done.get(path)
        if done is None or self._files.get(path) != source or settings != self.settings:
            return None
        result = publish_or_problem(path, source, self.cache, settings)  # from the cache (a problem: found again)
        if done != "problem":
            self.cache.count_processed(0, -1)  # counted when the helper said so: not a second reuse
        return result

    def join(self) -> None:
        """Wait until the helper has published every picture (as if loading took longer)."""
        with self._changed:
            self._changed.wait_for(lambda: self._ended)

    def close(self) -> None:
        """Stop the helper after the picture it is on (an entry is never left half-written) and wait
        for it: from then on, each picture is either in the cache or left to the caller, never both."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
        self.join()


def _main(request_path: str) -> None:
    stopped = []
    signal.signal(signal.SIGTERM, lambda *_: stopped.append(True))  # finish the current picture, then stop
    request = json.loads(Path(request_path).read_text(encoding="utf-8"))
    given = request["settings"]
    settings = ImageSettings(**{name: tuple(value) if isinstance(value, list) else value
                                for name, value in given.items()})
    cache = ImageCache(Path(request["folder"]))
    for number, (path, file) in enumerate(request["files"]):
        if stopped:
            break
        before = cache.processed
        try:
            result = publish_or_problem(path, Path(file), cache, settings)
        except Exception:  # noqa: BLE001 - the build makes this one itself and meets the error there
            done = "failed"
        else:
            done = "problem" if isinstance(result, ImageProblem) else "made" if cache.processed > before else "found"
        try:
            print(f"{done}\t{number}", flush=True)
        except BrokenPipeError:  # the build is gone: stop, quietly (Python's advice for SIGPIPE)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return


if __name__ == "__main__":
    _main(sys.argv[1])
