"""What the SVG snapshot tests of the panes share: "open a pane, press keys" (the small demo is
the ``demo_dir`` fixture of ``tests/ui/conftest.py``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot

from vatui.ui.app import VatuiApp

Before = Callable[[Pilot[Any]], Awaitable[None]]


def pane_then(pane: str, *pressed: str) -> Before:
    """A ``run_before`` that waits for the workspace, opens ``pane`` (its key) and presses ``pressed``."""

    async def before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, VatuiApp)
        await app.when_ready()
        await pilot.pause()
        await pilot.press(pane)
        await pilot.pause()
        await app.workers.wait_for_complete()  # a pane computed in a thread (the Plan)
        await pilot.pause()
        if pressed:
            await pilot.press(*pressed)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

    return before
