"""The Plan pane's keys, driven with Pilot; every test that changes something checks the store.

The workspace is ``tests/helpers/plan_seed.py``'s: the week of Mon 30 Nov holds 40 h of
30 h (133 %, OVER); the clock is Friday 27 November 2026.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.helpers.pilot import Ready, screen_text, settle
from tests.helpers.plan_seed import PlanSeed, seed_plan
from vatui.domain.tasks import Task
from vatui.services.plan.timeoff import list_timeoff
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.confirm import ConfirmModal
from vatui.ui.modals.date_prompt import DatePromptModal
from vatui.ui.modals.timeoff_form import TimeOffFormModal
from vatui.ui.modals.week_picker import WeekPickerModal
from vatui.ui.screens.plan import PlanScreen
from vatui.ui.widgets.plan_detail import PlanDetail
from vatui.ui.widgets.plan_weeks import PlanWeeks


@pytest.fixture
def planned(ws: Workspace) -> PlanSeed:
    return seed_plan(ws)


def plan_of(app: VatuiApp) -> PlanScreen:
    screen = app.screen
    assert isinstance(screen, PlanScreen), type(screen).__name__
    return screen


def week_line(app: VatuiApp, label: str) -> str:
    """The line of the week that starts on ``label`` (``30 Nov``)."""
    lines = [line for line in screen_text(app).splitlines() if line[3:].startswith(label)]
    assert len(lines) == 1, screen_text(app)
    return lines[0]


def selected_title(app: VatuiApp) -> str | None:
    item = plan_of(app).query_one(PlanDetail).selected_item
    return item.title if item else None


async def open_plan(pilot: Pilot[Any], ready: Ready) -> None:
    await ready(pilot)
    await pilot.press("5")
    await settle(pilot)


async def open_week(pilot: Pilot[Any], ready: Ready, title: str) -> None:
    """Open the week of 30 Nov and put the cursor on the line titled ``title``."""
    await open_plan(pilot, ready)
    await pilot.press("j", "enter")
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, VatuiApp)
    for _ in range(8):
        if selected_title(app) == title:
            return
        await pilot.press("j")
    raise AssertionError(f"no line {title!r} in the week")


async def test_key_5_shows_every_week_with_its_load(app: VatuiApp, planned: PlanSeed, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await open_plan(pilot, ready)
        assert app.current_mode == "plan"
        text = screen_text(app)
        assert "Plan" in text.splitlines()[0]  # the header names the pane
        over = week_line(app, "30 Nov")
        assert "40/30 h" in over and "133 %" in over and "OVER" in over and "│" in over
        quiet = week_line(app, "7 Dec")
        assert "6/30 h" in quiet and "20 %" in quiet and "OVER" not in quiet and "busy" not in quiet
        assert "1/6 h" in week_line(app, "23 Nov")  # this week: Friday is left
        assert "Undated: 1 task, 3 h" in text
        assert plan_of(app).query_one(PlanWeeks).selected_week is not None
        assert all(len(line) <= 80 for line in text.splitlines())


async def test_j_k_move_between_weeks_and_the_summary_follows(
    app: VatuiApp, planned: PlanSeed, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_plan(pilot, ready)
        weeks = plan_of(app).query_one(PlanWeeks)
        assert weeks.selected_week is not None and weeks.selected_week.start == date(2026, 11, 23)
        await pilot.press("j")
        assert weeks.selected_week.start == date(2026, 11, 30)
        assert "› 30 Nov" in screen_text(app)  # the cursor shows without colour
        text = screen_text(app)
        assert "30 Nov–6 Dec:" in text and "Acme Corp 24h" in text and "Smith [UK] 15h" in text
        await pilot.press("down", "down", "up")
        assert weeks.selected_week.start == date(2026, 12, 7)
        await pilot.press("k", "k", "k")  # stays on the first
        assert weeks.selected_week.start == date(2026, 11, 23)
        await pilot.press("G")
        assert weeks.selected_week.start == date(2027, 1, 11)


async def test_enter_lists_what_fills_the_week_and_escape_goes_back(
    app: VatuiApp, planned: PlanSeed, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_plan(pilot, ready)
        screen = plan_of(app)
        assert not screen.query_one(PlanDetail).display
        await pilot.press("j", "enter")
        await settle(pilot)
        detail = screen.query_one(PlanDetail)
        assert detail.display and detail.has_focus and screen.opened == date(2026, 11, 30)
        text = screen_text(app)
        assert "Week 30 Nov–6 Dec: 40 h planned of 30 h — 10 h over" in text
        lines = {
            title: line
            for line in text.splitlines()
            for title in ("Write the annual report", "Migrate the mailing list", "Plan the offsite")
            if title in line
        }
        assert (
            "24h" in lines["Write the annual report"] and "due Fri 4 Dec" in lines["Write the annual report"]
        )
        assert (
            "10h" in lines["Migrate the mailing list"] and "Smith [UK]" in lines["Migrate the mailing list"]
        )
        assert "5h" in lines["Plan the offsite"] and "due Fri 11 Dec" in lines["Plan the offsite"]
        assert "repeats Fri 4 Dec" in text  # the recurring occurrence, with its hours
        assert selected_title(app) == "Migrate the mailing list"  # tasks by due date
        await pilot.press("j")
        assert selected_title(app) == "Write the annual report"
        await pilot.press("escape")
        await settle(pilot)
        assert not detail.display and screen.opened is None
        assert screen.query_one(PlanWeeks).has_focus


async def test_s_reschedules_the_task_with_the_date_prompt(
    app: VatuiApp, planned: PlanSeed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_week(pilot, ready, "Write the annual report")
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, DatePromptModal)
        assert "2026-12-04" in screen_text(app)  # starts from the due date
        await pilot.press(*"18 dec", "enter")  # the same date words as everywhere
        await settle(pilot)
        assert ws.get(Task, planned.report).due == date(2026, 12, 18)
        assert "OVER" not in week_line(app, "30 Nov")  # the bars rebalanced at once
        assert any("Due Fri 18 Dec: Write the annual report" in m for m in app.messages)


async def test_escape_in_the_date_prompt_changes_nothing(
    app: VatuiApp, planned: PlanSeed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_week(pilot, ready, "Write the annual report")
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert ws.get(Task, planned.report).due == date(2026, 12, 4)
        assert isinstance(app.screen, PlanScreen)


async def test_bracket_left_moves_a_week_earlier_without_asking(
    app: VatuiApp, planned: PlanSeed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_week(pilot, ready, "Plan the offsite")
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)  # earlier: no question
        assert ws.get(Task, planned.offsite).due == date(2026, 12, 4)  # Friday stays Friday
        assert "0/30 h" in week_line(app, "7 Dec") or "1/30 h" in week_line(app, "7 Dec")


async def test_bracket_right_moves_a_week_later_once_confirmed(
    app: VatuiApp, planned: PlanSeed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_week(pilot, ready, "Write the annual report")
        before = week_line(app, "30 Nov")
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert "from Fri 4 Dec to Fri 11 Dec" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert ws.get(Task, planned.report).due == date(2026, 12, 4)  # not confirmed: unchanged
        await pilot.press("right_square_bracket")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert ws.get(Task, planned.report).due == date(2026, 12, 11)
        assert week_line(app, "30 Nov") != before  # rebalanced
        assert plan_of(app).opened == date(2026, 11, 30)  # the week stays open


async def test_m_moves_the_task_to_the_week_picked(
    app: VatuiApp, planned: PlanSeed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_week(pilot, ready, "Migrate the mailing list")
        await pilot.press("m")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, WeekPickerModal)
        assert "← due now" in screen_text(app)  # its week is marked and the cursor starts there
        await pilot.press("j", "j", "enter")  # the week of 14 Dec
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)  # later than its due date: asks
        await pilot.press("y")
        await settle(pilot)
        assert ws.get(Task, planned.mailing).due == date(2026, 12, 17)  # Thursday stays Thursday


async def test_m_to_an_earlier_week_never_goes_before_today(
    app: VatuiApp, planned: PlanSeed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_week(pilot, ready, "Migrate the mailing list")
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("k", "enter")  # this week: Thursday 26 Nov has gone
        await settle(pilot)
        assert ws.get(Task, planned.mailing).due == date(2026, 11, 27)  # today


async def test_w_marks_the_task_waiting(
    app: VatuiApp, planned: PlanSeed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_week(pilot, ready, "Migrate the mailing list")
        before = plan_of(app).plan
        await pilot.press("w")
        await settle(pilot)
        assert ws.get(Task, planned.mailing).column == ws.settings().waiting_column
        after = plan_of(app).plan
        assert before is not None and after is not None
        # the bars rebalance: its hours leave the plan while it waits on the client
        assert sum(w.planned_minutes for w in after.weeks) < sum(w.planned_minutes for w in before.weeks)
        assert all(i.task_id != planned.mailing for w in after.weeks for i in w.items)
        assert any("Waiting on the client: Migrate the mailing list" in m for m in app.messages)


async def test_keys_on_a_line_that_is_not_a_task_say_why(
    app: VatuiApp, planned: PlanSeed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_plan(pilot, ready)
        await pilot.press("j", "j", "enter")  # the week of 7 Dec: the offsite, then the weekly report
        await settle(pilot)
        await pilot.press("G")
        assert plan_of(app).selected_item is not None and plan_of(app).selected_item.kind == "recurring"  # type: ignore[union-attr]
        for key in ("s", "w", "right_square_bracket"):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, PlanScreen)
        assert sum("repeating task" in m for m in app.messages) == 3
        assert ws.get(Task, planned.weekly).due == date(2026, 11, 27)


async def test_line_keys_work_only_inside_an_open_week(
    app: VatuiApp, planned: PlanSeed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_plan(pilot, ready)
        assert "Due" not in screen_text(app).splitlines()[-1]  # the footer offers no line keys
        await pilot.press("j", "s", "w", "right_square_bracket")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert ws.get(Task, planned.mailing).due == date(2026, 12, 3)
        await pilot.press("enter")
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Due" in footer and "Move" in footer and "Waiting" in footer


async def test_t_adds_time_off_and_the_week_has_fewer_hours(
    app: VatuiApp, planned: PlanSeed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_plan(pilot, ready)
        await pilot.press("j", "j", "t")  # on the week of 7 Dec: it starts there
        await settle(pilot)
        assert isinstance(app.screen, TimeOffFormModal)
        await pilot.press("enter", *"9 dec", "tab", *"Dentist", "enter")
        await settle(pilot)
        records = list_timeoff(ws)
        assert [(r.start, r.end, r.note) for r in records] == [
            (date(2026, 12, 7), date(2026, 12, 9), "Dentist")
        ]
        assert isinstance(app.screen, PlanScreen)
        assert "/12 h" in week_line(app, "7 Dec")  # three days of six hours fewer
        assert "18h off" in screen_text(app)


async def test_t_refuses_an_end_before_the_start_in_place(
    app: VatuiApp, planned: PlanSeed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_plan(pilot, ready)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press(*"2026-12-10", "enter", *"2026-12-08", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TimeOffFormModal)  # stays open with what was typed
        assert "before it starts" in screen_text(app)
        assert list_timeoff(ws) == []
        await pilot.press("escape")
        await settle(pilot)
        if isinstance(app.screen, ConfirmModal):  # typed input: asks before throwing it away
            await pilot.press("y")
            await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert list_timeoff(ws) == []


async def test_help_and_palette_know_the_plan(app: VatuiApp, planned: PlanSeed, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert "5" in screen_text(app) and "Plan" in screen_text(app)  # `5 Plan` among the global keys
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"Plan")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "plan"
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        for words in ("Open week", "Next week", "Time off"):
            assert words in text, words
