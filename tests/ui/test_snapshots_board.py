"""SVG snapshots of the Board at 80×24 on the small demo with the fixed clock.

Update after a deliberate change with ``pytest tests/ui/test_snapshots_board.py --snapshot-update``
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.helpers.pane_snapshots import Before, pane_then
from vatui.domain.clock import FixedClock
from vatui.services.tasks.manage import add_task
from vatui.store.workspace import Workspace
from vatui.ui.app import make_app


def keys(*pressed: str) -> Before:
    """Open the Board, then press ``pressed``."""
    return pane_then("2", *pressed)


def test_board_on_the_small_demo(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    assert snap_compare(make_app(demo_dir, clock=clock), terminal_size=(80, 24), run_before=keys())


def test_board_slid_to_done(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    app = make_app(demo_dir, clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("l", "l", "l", "l", "j"))


def test_board_filtered_by_client(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    app = make_app(demo_dir, clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("f", "enter"))


def test_board_over_the_wip_limit(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    ws = Workspace.open(demo_dir, clock)
    add_task(ws, "One card too many", column="Doing")
    ws.close()
    app = make_app(demo_dir, clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("l", "l"))


def test_new_card_form_with_an_error(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    app = make_app(demo_dir, clock=clock)

    async def before(pilot: Pilot[Any]) -> None:
        await keys("n")(pilot)
        pilot.app.screen.query_one("#form-title", Input).value = "Send the [draft] 📨 to 田中"
        await pilot.press("tab", "tab", "tab", "tab", *"03/04", "tab", *"1h30")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=before)
