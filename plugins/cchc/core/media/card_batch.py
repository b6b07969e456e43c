"""Social cards drawn in worker processes while the build renders its pages.

A card costs ~4 ms of Pillow work that holds the GIL (glyphs, PNG compression); a cold build of
3,000 articles spends about 13 s of CPU on them. A page needs only the card's URL, so the cards of a
build are drawn by other processes from the start of the build and collected at its end (`wait`),
using the second core while the main process renders pages. Each worker stores its cards in the
image cache itself (same keys, same bytes as drawn in-process). Workers are plain
`python -m cchc.core.media.card_batch <jobs.json>` processes: unlike
multiprocessing's spawn, they never run the caller's main script again, and unlike fork they copy
no thread of `mkdocs serve`. If a worker cannot start or fails, its cards are drawn here.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from cchc.core import helper_process
from cchc.core.cores import cores
from cchc.core.media.image_cache import ImageCache
from cchc.core.media.social_card import CardStyle, draw_card

CARD = "card.png"  # the one output of a card's cache entry
IN_PROCESS = 64  # up to this many cards, starting processes costs more than it saves


@dataclass(frozen=True)
class CardJob:
    key: str  # image-cache key of the card
    title: str
    date_label: str


@dataclass(frozen=True)
class CardFace:
    """What every card of the site shares."""
    agency: str
    regular: Path
    bold: Path
    style: CardStyle


def draw_cards(folder: Path, face: CardFace, jobs: list[CardJob]) -> int:
    """Store the cards of `jobs` in the image cache at `folder`; the number drawn (not found there)."""
    cache = ImageCache(folder)
    for job in jobs:
        cache.get_or_make(job.key, lambda job=job: (
            {}, {CARD: draw_card(job.title, job.date_label, face.agency, face.regular, face.bold, face.style)}))
    return cache.processed


def workers() -> int:
    """Threads drawing cards here while the build waits for them."""
    return min(4, cores())


def background_workers() -> int:
    """Processes drawing cards while this one renders pages: one core fewer than the build may use,
    the main process keeps one (2 cores: 1 worker; 2 workers slowed the page renders by a third)."""
    return max(1, min(4, cores() - 1))


class CardBatch:
    """The cards being drawn for one build; `wait()` before their files are copied to the site."""

    def __init__(self, cache: ImageCache, face: CardFace, jobs: list[CardJob], background: bool = True) -> None:
        self.cache, self.face, self.jobs = cache, face, jobs
        self._workers: list[tuple[subprocess.Popen, list[CardJob], Path]] = []
        if background and len(jobs) > IN_PROCESS:
            shares = background_workers()
            self._workers = _start(cache.folder, face, [jobs[i::shares] for i in range(shares)])
        self.processes = len(self._workers)
        if not self._workers:  # drawn here, before the build goes on (few cards: mkdocs serve, small sites)
            parts = [jobs[i::workers()] for i in range(workers())]  # one share per thread
            with ThreadPoolExecutor(max_workers=len(parts)) as pool:
                self._done(sum(pool.map(lambda part: draw_cards(cache.folder, face, part), parts)))

    def wait(self) -> None:
        """Every card is in the cache."""
        workers_, self._workers = self._workers, []
        drawn = 0
        for process, part, request in workers_:
            output, _ = process.communicate()
            request.unlink(missing_ok=True)
            try:
                drawn += int(output) if process.returncode == 0 else draw_cards(self.cache.folder, self.face, part)
            except ValueError:  # not a count: whatever the worker did, what is missing is drawn here
                drawn += draw_cards(self.cache.folder, self.face, part)
        if workers_:
            self._done(drawn)

    def cancel(self) -> None:
        """The build failed: stop drawing (what is already stored stays useful)."""
        _stop(self._workers)
        self._workers = []

    def _done(self, drawn: int) -> None:
        self.cache.count_processed(drawn, len(self.jobs) - drawn)
        for job in self.jobs:
            self.cache.remember(job.key, {CARD: ImageCache.file_name(0, CARD)})


def _start(folder: Path, face: CardFace, parts: list[list[CardJob]]) -> list[tuple[subprocess.Popen, list[CardJob], Path]]:
    """One worker per part; its jobs in a file of the cache folder (a pipe would block this process
    until the worker has started and read them)."""
    started = []
    face_json = {**asdict(face), "regular": str(face.regular), "bold": str(face.bold)}
    folder.mkdir(parents=True, exist_ok=True)
    for part in parts:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=".the-chia-se-", suffix=".json",
                                         delete=False) as request:
            json.dump({"folder": str(folder), "face": face_json, "jobs": [asdict(job) for job in part]}, request,
                      ensure_ascii=False)
        try:
            process = helper_process.start(__name__, request.name, stdout=subprocess.PIPE)
        except OSError:  # no process can be started here: draw them all in this one
            Path(request.name).unlink(missing_ok=True)
            _stop(started)
            return []
        started.append((process, part, Path(request.name)))
    return started


def _stop(workers_: list) -> None:
    for process, _, request in workers_:
        process.kill()
        process.wait()
        request.unlink(missing_ok=True)


def _main(request_path: str) -> None:
    request = json.loads(Path(request_path).read_text(encoding="utf-8"))
    face = request["face"]
    face = CardFace(face["agency"], Path(face["regular"]), Path(face["bold"]), CardStyle(**face["style"]))
    print(draw_cards(Path(request["folder"]), face, [CardJob(**job) for job in request["jobs"]]))


if __name__ == "__main__":
    _main(sys.argv[1])
