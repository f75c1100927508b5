"""Today's early warning: one line when a week of the next three is overloaded, ``p`` opens it.

The overloaded workspace is ``tests/helpers/plan_seed.py``'s (the week of Mon 30 Nov holds
40 h of 30 h); the clock is Friday 27 November 2026.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest

from tests.helpers.pilot import Ready, Seed, screen_text, settle
from tests.helpers.plan_seed import seed_plan
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.screens.plan import PlanScreen
from vatui.ui.screens.today import TodayScreen
from vatui.ui.widgets.plan_detail import PlanDetail
from vatui.ui.widgets.today_summary import TodaySummary

WARNING = "Week of 30 Nov: 40 h planned of 30 h — 10 h over; 1 task could move"


async def test_an_overloaded_week_shows_one_line(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    seed_plan(ws)
    async with app.run_test() as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert WARNING in text
        assert sum("over;" in line for line in text.splitlines()) == 1
        assert "p Plan" in text.splitlines()[-1]  # the footer offers the key
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.warning is not None
        assert screen.warning.week.start == date(2026, 11, 30)


async def test_p_opens_that_week_in_the_plan(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    seed_plan(ws)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("p")
        await settle(pilot)
        await settle(pilot)
        assert app.current_mode == "plan"
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        assert screen.opened == date(2026, 11, 30)
        assert screen.query_one(PlanDetail).has_focus
        assert "Week 30 Nov–6 Dec: 40 h planned of 30 h — 10 h over" in screen_text(app)


async def test_no_overload_no_line_and_no_key(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "over;" not in text and "h over" not in text
        assert "p Plan" not in text.splitlines()[-1]
        await pilot.press("p")
        await settle(pilot)
        assert app.current_mode == "today"


async def test_the_line_goes_once_the_week_is_rebalanced(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    planned = seed_plan(ws)
    async with app.run_test() as pilot:
        await ready(pilot)
        assert WARNING in screen_text(app)
        await pilot.press("p")
        await settle(pilot)
        await settle(pilot)
        detail = app.screen.query_one(PlanDetail)
        while detail.selected_item is not None and detail.selected_item.task_id != planned.report:
            await pilot.press("j")
        await pilot.press("s", *"+3w", "enter")
        await settle(pilot)
        await pilot.press("1")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert "h over" not in screen_text(app)
        assert app.screen.query_one(TodaySummary).render() is not None


async def test_the_warning_is_computed_off_the_event_loop(
    app: VatuiApp, ws: Workspace, ready: Ready, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan behind the warning runs in a worker thread, after the triage is shown."""
    from vatui.services.plan import forecast as plan

    threads: list[str] = []
    real = plan.build_plan

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(plan, "build_plan", spy)
    seed_plan(ws)
    async with app.run_test() as pilot:
        await ready(pilot)
        assert WARNING in screen_text(app)
    assert threads and threading.main_thread().name not in threads
