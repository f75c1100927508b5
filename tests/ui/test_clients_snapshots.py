"""SVG snapshots of the Clients pane at 80×24 on the small demo, with the fixed clock.

Update after a deliberate change with ``pytest tests/ui/test_clients_snapshots.py --snapshot-update``
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from vatui.domain.clock import FixedClock
from vatui.services.demo import generate
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp, make_app


async def _clients(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, VatuiApp)
    await app.when_ready()
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause()
    await pilot.pause()


@pytest.fixture
def demo_app(data_dir: Path, clock: FixedClock) -> VatuiApp:
    ws = Workspace.open(data_dir, clock)
    generate(ws, clients=5, seed=7)
    ws.close()
    return make_app(data_dir, clock=clock)


def test_clients_pane_on_the_small_demo(snap_compare: Any, demo_app: VatuiApp) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_clients)


def test_client_card_scrolled_to_the_reliability(snap_compare: Any, demo_app: VatuiApp) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _clients(pilot)
        await pilot.press("j")
        await pilot.pause()
        card = pilot.app.screen.query_one("#client-card")
        card.scroll_to(y=14, animate=False)
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=before)


def test_client_form(snap_compare: Any, demo_app: VatuiApp) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _clients(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=before)


def test_contact_form(snap_compare: Any, demo_app: VatuiApp) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _clients(pilot)
        await pilot.press("c", *"Call about", "tab", *"fri")
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=before)
