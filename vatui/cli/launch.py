"""Opening the full-screen app: the only place the command line reaches Textual."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vatui.domain.clock import Clock


def launch(directory: Path, *, clock: Clock | None = None, demo: bool = False) -> int:
    """Run the app on the workspace in ``directory``, or on a throwaway sample with ``demo``.

    Returns the exit code (not 0 when the app ended on an unexpected error)."""
    from vatui.ui import shutdown
    from vatui.ui.app import run_app

    if demo:
        shutdown.install()  # a hangup from now on removes the sample directory
        with shutdown.signals_held():
            temp = Path(tempfile.mkdtemp(prefix="vatui-demo-"))
            shutdown.remove_on_exit(temp)
        try:
            return run_app(temp, clock=clock, demo=True)
        finally:
            shutil.rmtree(temp, ignore_errors=True)
    return run_app(directory, clock=clock)
