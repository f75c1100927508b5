"""SVG snapshots at 80×24 with the fixed clock: Today on the small demo, first run, quick add, help.

Update after a deliberate change with ``pytest tests/ui/test_snapshots_today.py --snapshot-update``
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from vatui.demo.workspace import generate
from vatui.domain.clock import FixedClock
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp, make_app


async def _ready(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, VatuiApp)
    await app.when_ready()
    await pilot.pause()


@pytest.fixture
def demo_app(data_dir: Path, clock: FixedClock) -> VatuiApp:
    ws = Workspace.open(data_dir, clock)
    generate(ws, clients=5, seed=7)
    ws.close()
    return make_app(data_dir, clock=clock)


def test_today_on_the_small_demo(snap_compare: Any, demo_app: VatuiApp) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_ready)


def test_today_scrolled_to_the_bottom(snap_compare: Any, demo_app: VatuiApp) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _ready(pilot)
        await pilot.press("G")
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=before)


def test_quick_add_preview(snap_compare: Any, demo_app: VatuiApp) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _ready(pilot)
        await pilot.press("a", *"Send agenda @cafe due:mon !high ~45m #meeting")
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=before)


def test_help_of_today(snap_compare: Any, demo_app: VatuiApp) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=before)


def test_first_run_screen(snap_compare: Any, tmp_path: Path, clock: FixedClock) -> None:
    app = make_app(Path("/nonexistent/vatui-data"), clock=clock)
    assert snap_compare(app, terminal_size=(80, 24))
