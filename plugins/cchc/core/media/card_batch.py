"""Social cards drawn in worker processes while the build renders its pages.

A card costs ~15 ms of Pillow work that holds the GIL (FreeType glyphs, quantising); a cold build of
3,000 articles spends most of a minute on them. A page needs only the card's URL, so the cards of a
build are drawn in other processes from the start of the build and collected at its end (`wait`),
using the second core while the main process renders pages. Each worker stores its cards in the
image cache itself (same keys, same bytes as drawn in-process), so nothing but small tuples crosses
between processes. Where processes cannot be started (no /dev/shm, a sandbox), the cards are drawn
here in threads, as before.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from cchc.core.media.image_cache import ImageCache
from cchc.core.media.social_card import CardStyle, draw_card

CARD = "card.png"  # the one output of a card's cache entry
BATCH = 64  # cards per task: few round trips, and both workers stay busy to the end


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
    return max(1, min(4, os.cpu_count() or 1))


class CardBatch:
    """The cards being drawn for one build; `wait()` before their files are copied to the site."""

    def __init__(self, cache: ImageCache, face: CardFace, jobs: list[CardJob], background: bool = True) -> None:
        self.cache, self.face, self.jobs = cache, face, jobs
        self._pool = _process_pool() if background and len(jobs) > BATCH else None
        self.processes = workers() if self._pool is not None else 0
        pool = self._pool or ThreadPoolExecutor(max_workers=workers())
        self._futures: list[Future] = [pool.submit(draw_cards, cache.folder, face, jobs[i:i + BATCH])
                                       for i in range(0, len(jobs), BATCH)]
        if self._pool is None:  # in-process: done before the build goes on (small batches, mkdocs serve)
            pool.shutdown()

    def wait(self) -> None:
        """Every card is in the cache (a worker's exception is raised here)."""
        futures, self._futures = self._futures, []
        try:
            drawn = sum(future.result() for future in futures)
        except BrokenProcessPool:  # a worker could not start or died: draw what is missing here
            drawn = draw_cards(self.cache.folder, self.face, self.jobs)
        if futures:
            self.cache.count_processed(drawn, len(self.jobs) - drawn)
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        for job in self.jobs:
            self.cache.remember(job.key, {CARD: ImageCache.file_name(0, CARD)})

    def cancel(self) -> None:
        """The build failed: stop drawing (what is already stored stays useful)."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        self._futures = []


def _process_pool() -> ProcessPoolExecutor | None:
    try:
        # spawn, not fork: `mkdocs serve` runs threads (file watcher, HTTP server) that fork would copy
        return ProcessPoolExecutor(max_workers=workers(), mp_context=multiprocessing.get_context("spawn"))
    except (OSError, NotImplementedError, ImportError):
        return None
