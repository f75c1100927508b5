"""SVG snapshots of the Plan at 80×24 with the fixed clock, on the small demo (its week of
30 Nov is over capacity): the weeks, an open week, the same in Spanish, and with NO_COLOR.

Update after a deliberate change with ``pytest tests/ui/test_snapshots_plan.py --snapshot-update``
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers.pane_snapshots import pane_then
from tests.helpers.pilot import screen_text
from vatui.domain.clock import FixedClock
from vatui.services.settings.theme import set_setting
from vatui.store.workspace import Workspace
from vatui.ui.app import make_app


def test_plan_weeks(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    app = make_app(demo_dir, clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=pane_then("5", "j"))


def test_plan_week_opened(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    app = make_app(demo_dir, clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=pane_then("5", "j", "enter"))


def test_plan_week_opened_in_spanish(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    ws = Workspace.open(demo_dir, clock)
    set_setting(ws, "language", "es")
    ws.close()
    app = make_app(demo_dir, clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=pane_then("5", "j", "enter"))


def test_plan_with_no_color_says_it_in_words(
    snap_compare: Any,
    demo_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(demo_dir, clock=clock)
    assert app.no_color
    shown: list[str] = []
    before = pane_then("5", "j")

    async def run_before(pilot: Any) -> None:
        await before(pilot)
        shown.append(screen_text(app))

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
    over = next(line for line in shown[0].splitlines() if "30 Nov" in line)
    assert (
        over.startswith(" ›") and "OVER" in over and "│" in over
    )  # the cursor and the excess, in signs and words
