"""Make one write and die by SIGKILL at a chosen point inside the durable write.

Usage: crash_at.py DIR POINT TITLE

A change is appended to the journal (``workspace.journal``); POINT is one of:
- ``mid-append``: after half of the record's bytes were appended;
- ``before-append-fsync``: the record is appended but not fsynced.

Or the change is written as a new base (a compaction: forced here for every change):
- ``mid-write``: after half of the temp file's bytes were written;
- ``before-fsync``: the temp file is written but not fsynced;
- ``before-replace``: the temp file is fsynced but not yet renamed over the workspace;
- ``before-dir-fsync``: renamed, but the directory not yet fsynced;
- ``before-journal-replace``: the new base is in place, the journal not yet reset (its
  new, empty version is written but not renamed).
"""

from __future__ import annotations

import os
import signal
import sys

from _common import ack, open_workspace, task

from vatui.store import files, journal

APPEND_POINTS = ("mid-append", "before-append-fsync")


def die() -> None:
    """SIGKILL ourselves: no cleanup, no finally blocks, no flush."""
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    directory, point, title = sys.argv[1], sys.argv[2], sys.argv[3]
    ws = open_workspace(directory)
    ack("ready")
    if point not in APPEND_POINTS:
        journal.compact_threshold = lambda _size: 0  # type: ignore[assignment]
    real_write, real_fsync, real_replace = os.write, os.fsync, os.replace

    def write(fd: int, data: bytes) -> int:
        if point in ("mid-write", "mid-append"):
            half = max(len(data) // 2, 1)
            real_write(fd, bytes(data[:half]))
            die()
        return real_write(fd, data)

    def fsync(fd: int) -> None:
        if point in ("before-fsync", "before-append-fsync"):
            die()
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        if point == "before-replace" or (point == "before-journal-replace" and str(dst).endswith(".journal")):
            die()
        real_replace(src, dst)

    def fsync_dir(_directory: object) -> None:
        die()

    files.os.write = write  # type: ignore[assignment]
    files.os.fsync = fsync  # type: ignore[assignment]
    files.os.replace = replace  # type: ignore[assignment]
    if point == "before-dir-fsync":
        files.fsync_dir = fsync_dir  # type: ignore[assignment]
    with ws.transaction(None) as tx:
        tx.add(task(title))
    ack("survived")  # never reached


if __name__ == "__main__":
    main()
