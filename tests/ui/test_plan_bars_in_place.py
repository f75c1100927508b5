"""After a move, the Plan's week lines change in place (no new options, no layout) and show
exactly what the weeks drawn afresh show: the same text, the same styles, the same cursor.

The workspace is ``tests/helpers/plan_seed.py``'s (the week of Mon 30 Nov is OVER).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from textual.content import Content
from textual.pilot import Pilot

from tests.helpers.pilot import Ready, screen_text, settle
from tests.helpers.plan_seed import PlanSeed, seed_plan
from vatui.domain.tasks import Task
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.screens.plan import PlanScreen
from vatui.ui.widgets.plan_detail import PlanDetail
from vatui.ui.widgets.plan_summary import PlanSummary
from vatui.ui.widgets.plan_weeks import PlanWeeks


@pytest.fixture
def planned(ws: Workspace) -> PlanSeed:
    return seed_plan(ws)


def _prompts(weeks: PlanWeeks) -> list[Content]:
    found = []
    for index in range(weeks.option_count):
        prompt = weeks.get_option_at_index(index).prompt
        assert isinstance(prompt, Content)
        found.append(prompt)
    return found


async def _open_on(pilot: Pilot[Any], ready: Ready, title: str) -> PlanScreen:
    await ready(pilot)
    await pilot.press("5")
    await settle(pilot)
    await pilot.press("j", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PlanScreen)
    for _ in range(8):
        item = screen.query_one(PlanDetail).selected_item
        if item is not None and item.title == title:
            return screen
        await pilot.press("j")
    raise AssertionError(f"no line {title!r} in the week")


async def test_a_move_redraws_the_changed_weeks_in_place_as_a_fresh_draw_would(
    app: VatuiApp, planned: PlanSeed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        screen = await _open_on(pilot, ready, "Plan the offsite")
        weeks = screen.query_one(PlanWeeks)
        options = [weeks.get_option_at_index(i) for i in range(weeks.option_count)]
        before = _prompts(weeks)
        cursor = weeks.highlighted
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert ws.get(Task, planned.offsite).due == date(2026, 12, 4)
        moved = _prompts(weeks)
        assert [weeks.get_option_at_index(i) for i in range(weeks.option_count)] == options  # in place
        assert weeks.highlighted == cursor
        assert any(not a.is_same(b) for a, b in zip(before, moved, strict=True))  # the bars moved
        in_place_text = screen_text(app)
        summary = screen.query_one(PlanSummary).content
        assert isinstance(summary, Content)

        weeks.weeks = weeks.weeks[:-1]  # other weeks shown: the same plan is now drawn afresh
        assert screen.plan is not None
        screen.show_plan(screen.plan)
        await settle(pilot)
        afresh = _prompts(weeks)
        assert [a.is_same(b) for a, b in zip(moved, afresh, strict=True)] == [True] * len(afresh)
        assert len(afresh) == len(moved)
        assert weeks.highlighted == cursor
        assert screen_text(app) == in_place_text
        again = screen.query_one(PlanSummary).content
        assert isinstance(again, Content) and again.is_same(summary)
