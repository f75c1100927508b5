"""What the SVG snapshot tests of the panes share: the small demo and "open a pane, press keys"."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from vatui.demo.workspace import generate
from vatui.domain.clock import FixedClock
from vatui.store.workspace import Workspace
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


@pytest.fixture
def demo_dir(data_dir: Path, clock: FixedClock) -> Path:
    """The small demo workspace (5 clients, seed 7)."""
    ws = Workspace.open(data_dir, clock)
    generate(ws, clients=5, seed=7)
    ws.close()
    return data_dir
