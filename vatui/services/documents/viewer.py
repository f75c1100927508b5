"""Open a saved document (a PDF) in the system's viewer, when there is one.

``xdg-open`` on Linux and the BSDs (only with a graphical session: ``DISPLAY`` or
``WAYLAND_DISPLAY``; over SSH there is none and nothing is run), ``open`` on macOS. The
viewer is found on ``PATH`` and started detached (its own session, no terminal): it never
draws over the app, and vatui never waits for it. Not found: nothing is run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def viewer_command() -> str | None:
    """The program that opens a file in its usual application here, or ``None``."""
    if sys.platform == "darwin":
        return shutil.which("open")
    if sys.platform == "win32":
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return None
    return shutil.which("xdg-open")


def open_in_viewer(path: Path) -> bool:
    """Start the system viewer on ``path``, detached; whether one was started."""
    command = viewer_command()
    if command is None:
        return False
    try:
        subprocess.Popen(
            [command, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except OSError:
        return False
    return True
