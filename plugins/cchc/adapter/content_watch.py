"""`mkdocs serve` hears a save under content/ from the operating system, not by polling.

MkDocs watches with watchdog's PollingObserver: every half second it stats every file of the
watched folders. content/ of a province holds tens of thousands of files, so each poll costs a
few hundred milliseconds of the core the rebuild needs, and a save waits a quarter of a second on
average before it is even seen. The system's own file events (inotify on Linux, FSEvents on macOS,
ReadDirectoryChangesW on Windows, through watchdog's Observer) arrive at once and cost nothing
between saves. Where they cannot be had (no support, the inotify watch limit reached), content/ is
polled by MkDocs as before. Small folders (site_src/, theme/, mkdocs.yml) stay with MkDocs.
"""
from __future__ import annotations

import logging
import os

from watchdog.events import (EVENT_TYPE_CLOSED, EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED,
                             EVENT_TYPE_MOVED, FileSystemEvent, FileSystemEventHandler)
from watchdog.observers import Observer

from .compat import can_request_rebuild, request_rebuild

log = logging.getLogger("mkdocs.plugins.cchc")

# Reading a file is an event too (opened, closed without writing): the build reads every record.
CHANGES = {EVENT_TYPE_CREATED, EVENT_TYPE_MODIFIED, EVENT_TYPE_DELETED, EVENT_TYPE_MOVED, EVENT_TYPE_CLOSED}


class _RebuildOnChange(FileSystemEventHandler):
    """Asks MkDocs' server for a rebuild, as its own watch callback does."""

    def __init__(self, server) -> None:
        self.server = server

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        log.debug("Tệp thay đổi: %s", event)
        request_rebuild(self.server)


def watch_content(server, folder: str):
    """Watch `folder` with the system's file events; the started observer (stop it at the end),
    or None when MkDocs polls the folder instead."""
    if not can_request_rebuild(server):  # another engine's server: MkDocs' own polling
        server.watch(folder)
        return None
    observer = Observer()
    try:
        observer.schedule(_RebuildOnChange(server), os.path.abspath(folder), recursive=True)
        observer.start()
    except (OSError, RuntimeError) as error:  # e.g. fs.inotify.max_user_watches reached
        log.info("Không theo dõi được %s bằng sự kiện của hệ điều hành (%s): kiểm tra thay đổi định kỳ.",
                 folder, error)
        observer.stop()
        server.watch(folder)
        return None
    log.info("Theo dõi thay đổi trong '%s' bằng sự kiện của hệ điều hành.", folder)
    return observer
