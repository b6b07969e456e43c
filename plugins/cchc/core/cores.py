"""How many cores this build may use: the ones the system lets this process run on (a container
or `taskset` may allow fewer than the machine has)."""
from __future__ import annotations

import os


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
