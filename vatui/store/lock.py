"""The inter-process lock on ``workspace.lock``: ``flock`` on a file beside the workspace.

Re-entrant within a thread, serialised between threads of one process (an ``RLock``) and
between processes (``flock`` on a descriptor of our own). Written on ``fcntl`` directly:
it is all vatui needs, and importing a lock library cost the command line 10–20 ms.

Fair between sessions: a process that waits for the lock holds a shared lock on a second
file (``workspace.lock.queue``) while it waits. A holder that releases the lock checks
that file, and when someone is waiting it lets a moment pass before it takes the lock
again, so a session writing in a loop (an import, a busy app) cannot starve another.
"""

from __future__ import annotations

import errno
import fcntl
import os
import threading
import time
import weakref
from pathlib import Path
from types import TracebackType

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_RW = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | _CLOEXEC
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
"""Errors that mean this process may not write the lock file."""

_EVERY_LOCK: weakref.WeakSet[InterProcessLock] = weakref.WeakSet()
"""Every lock of this process (a workspace being opened has one before the app sees it)."""


def hold_every_lock_for_exit(timeout: float) -> bool:
    """Before the process ends at once (a hangup): let every write in progress in this
    process finish, up to ``timeout`` seconds in all, and start no new one. Returns whether
    none was left in progress."""
    deadline = time.monotonic() + timeout
    held = True
    for lock in list(_EVERY_LOCK):
        held = lock.hold_for_exit(max(deadline - time.monotonic(), 0.0)) and held
    return held


class LockTimeout(TimeoutError):
    """Another process held the lock for longer than the timeout."""


class InterProcessLock:
    """An exclusive lock on ``path`` shared by every vatui process."""

    def __init__(self, path: Path, timeout: float, poll: float = 0.002) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self.poll = poll
        self._threads = threading.RLock()
        self._depth = 0
        self._fd: int | None = None
        self._yield_until = 0.0
        """After releasing while someone waited: do not take the lock again before this."""
        self.ending = False
        """Set by ``hold_for_exit``: the process is about to end (no housekeeping now)."""
        _EVERY_LOCK.add(self)

    def _queue_fd(self) -> int | None:
        try:
            return os.open(self.path.with_name(self.path.name + ".queue"), _RW, 0o600)
        except OSError:  # a read-only folder: waiting works, only without fairness
            return None

    def _open(self) -> int | None:
        """The lock file, opened (created if need be, never through a link).

        In a folder this process cannot write (read-only, another user's), the lock file
        is opened for reading (``flock`` works on it), or when it does not exist, there
        is none: nothing can be written there, and readers see whole files anyway.
        """
        try:
            return os.open(self.path, _RW, 0o600)
        except OSError as exc:
            if exc.errno not in _READ_ONLY:
                raise
        try:
            return os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | _CLOEXEC)
        except FileNotFoundError:
            return None

    def acquire(self) -> None:
        """Take the lock, waiting up to ``timeout`` seconds; raises ``LockTimeout``."""
        deadline = time.monotonic() + self.timeout
        if not self._threads.acquire(timeout=self.timeout):
            raise LockTimeout(str(self.path))
        if self._depth:
            self._depth += 1
            return
        try:
            fd = self._take(deadline)
        except BaseException:
            self._threads.release()
            raise
        self._fd = fd
        self._depth = 1

    def _take(self, deadline: float) -> int:
        pause = self._yield_until - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        fd = self._open()
        if fd is None:
            return -1
        queue: int | None = None
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return fd
                except BlockingIOError:
                    if queue is None:  # say that we are waiting
                        queue = self._queue_fd()
                        if queue is not None:
                            fcntl.flock(queue, fcntl.LOCK_SH)
                    if time.monotonic() >= deadline:
                        raise LockTimeout(str(self.path)) from None
                    time.sleep(self.poll)
        except BaseException:
            os.close(fd)
            raise
        finally:
            if queue is not None:
                os.close(queue)  # closing drops the shared lock

    def _someone_waits(self) -> bool:
        try:  # no queue file: nobody ever waited (waiters create it)
            queue = os.open(self.path.with_name(self.path.name + ".queue"), os.O_RDWR | os.O_NOFOLLOW)
        except OSError:
            return False
        try:
            fcntl.flock(queue, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return False
        except BlockingIOError:
            return True
        finally:
            os.close(queue)

    def release(self) -> None:
        """Give the lock back (the outermost release unlocks the file)."""
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fd, self._fd = self._fd, None
            if fd >= 0:
                try:
                    fcntl.flock(fd, fcntl.LOCK_UN)
                finally:
                    os.close(fd)
            if self._someone_waits():
                self._yield_until = time.monotonic() + 3 * self.poll
        self._threads.release()

    def hold_for_exit(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for this process's holder (a write in progress) to
        finish, then keep every thread of this process from taking the lock again: the
        process is about to end. Returns whether no write was left in progress."""
        self.ending = True
        return self._threads.acquire(timeout=timeout)

    @property
    def held(self) -> bool:
        """Whether this process holds the lock (in any thread)."""
        return self._depth > 0

    def __enter__(self) -> InterProcessLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
