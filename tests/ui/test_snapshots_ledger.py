"""SVG snapshots of the Ledger at 80×24 on the small demo with the fixed clock.

Update after a deliberate change with ``pytest tests/ui/test_snapshots_ledger.py --snapshot-update``
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from vatui.domain.clock import FixedClock
from vatui.services.demo import generate
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp, make_app

Before = Callable[[Pilot[Any]], Awaitable[None]]


def keys(*pressed: str) -> Before:
    """Open the Ledger, then press ``pressed``."""

    async def before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, VatuiApp)
        await app.when_ready()
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        if pressed:
            await pilot.press(*pressed)
        await pilot.pause()

    return before


@pytest.fixture
def demo_dir(data_dir: Path, clock: FixedClock) -> Path:
    """The small demo workspace (5 clients, seed 7)."""
    ws = Workspace.open(data_dir, clock)
    generate(ws, clients=5, seed=7)
    ws.close()
    return data_dir


def test_ledger_invoices(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    assert snap_compare(make_app(demo_dir, clock=clock), terminal_size=(80, 24), run_before=keys())


def test_ledger_aging(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    assert snap_compare(make_app(demo_dir, clock=clock), terminal_size=(80, 24), run_before=keys("]"))


def test_ledger_profit_and_loss(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    app = make_app(demo_dir, clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("]", "]", "]", "]"))
