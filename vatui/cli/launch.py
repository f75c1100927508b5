"""Opening the full-screen app: the only place the command line reaches Textual."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from vatui.cli.context import CliContext


def launch_app(obj: CliContext, *, demo: bool = False) -> None:
    """Run the app on the workspace, or on a throwaway sample with ``demo``."""
    from vatui.ui.app import run_app

    if demo:
        temp = Path(tempfile.mkdtemp(prefix="vatui-demo-"))
        try:
            run_app(temp, clock=obj.clock, demo=True)
        finally:
            shutil.rmtree(temp, ignore_errors=True)
        return
    run_app(obj.directory, clock=obj.clock)
