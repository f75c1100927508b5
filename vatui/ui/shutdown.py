"""Ending the app on a hangup: SIGHUP (the terminal or SSH connection went away) or SIGTERM.

The handlers are installed before the app starts (``install``), so a signal at any moment
(the workspace opening, a pane's first mount, a modal, a worker, a write) is seen. The
handler asks the app to exit and starts a watchdog thread: if the process has not ended
after ``GRACE`` seconds (Textual can wait forever for a worker thread blocked on a loop that
has stopped), the watchdog waits for any transaction of this process to finish (a write in
progress completes; no new one starts), then ends the process with ``os._exit``. Every
change was written durably when it was acknowledged, and the lock goes with the process.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vatui.ui.app_base import PaneApp

GRACE = 0.8
"""Seconds the app has to exit by itself after a hangup."""
WRITE_WAIT = 0.6
"""Seconds the watchdog waits for a transaction in progress to finish."""
SIGNALS = (signal.SIGHUP, signal.SIGTERM)

_received: list[int] = []
_watchdog: list[threading.Thread] = []
_throwaway: list[Path] = []


def remove_on_exit(directory: Path) -> None:
    """A throwaway directory (a sample workspace) the watchdog removes if it ends the process."""
    _throwaway.append(Path(directory))


def received() -> int | None:
    """The hangup signal received, if any."""
    return _received[0] if _received else None


_app: list[PaneApp] = []


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGHUP and SIGTERM back for a moment (a throwaway directory made and registered)."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def install(app: PaneApp | None = None) -> None:
    """Handle SIGHUP and SIGTERM from now on (main thread only), for ``app`` once given.

    Before there is an app (``vatui --demo`` is making its sample directory) a hangup
    ends the process at once, removing the throwaway directories.
    """
    if app is not None:
        _app[:] = [app]
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in SIGNALS:
        signal.signal(sig, _on_signal)


def _on_signal(signum: int, _frame: object) -> None:
    if not _app:
        _remove_throwaway()
        os._exit(0)
    hang_up(_app[0], signum)


def hang_up(app: PaneApp, signum: int) -> None:
    """Ask ``app`` to exit now, and make sure the process ends within ``GRACE`` seconds."""
    if not _received:
        _received.append(signum)
    if not _watchdog:
        thread = threading.Thread(target=_watch, args=(app, signum), name="vatui-hangup", daemon=True)
        _watchdog.append(thread)
        thread.start()
    loop: Any = getattr(app, "_loop", None)
    if loop is not None and not loop.is_closed():
        try:
            loop.call_soon_threadsafe(_exit_app, app)
        except RuntimeError:  # the loop closed meanwhile: the watchdog ends the process
            pass


def _exit_app(app: PaneApp) -> None:
    try:
        app.exit()
    except Exception:  # the watchdog ends the process anyway
        pass


def _watch(app: PaneApp, signum: int) -> None:
    time.sleep(GRACE)
    from vatui.services.session import hold_every_lock_for_exit

    # a write in progress completes (the app's, or a workspace being opened); no new one starts
    hold_every_lock_for_exit(WRITE_WAIT)
    _remove_throwaway()
    if signum == signal.SIGTERM:
        _restore_terminal(app)
    os._exit(0)


def _remove_throwaway() -> None:
    for directory in _throwaway:
        shutil.rmtree(directory, ignore_errors=True)


def _restore_terminal(app: PaneApp) -> None:
    """Best effort: leave the alternate screen and raw mode (the terminal is still there)."""
    try:
        import termios

        driver: Any = getattr(app, "_driver", None)
        attrs = getattr(driver, "attrs_before", None)
        fd = sys.__stdin__.fileno() if sys.__stdin__ is not None else 0
        if attrs is not None:
            termios.tcsetattr(fd, termios.TCSANOW, attrs)
        os.write(
            sys.__stdout__.fileno() if sys.__stdout__ else 1,
            b"\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?2004l\x1b[?25h\x1b[?1049l",
        )
    except (OSError, ValueError, ImportError, AttributeError):
        pass
