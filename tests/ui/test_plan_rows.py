"""The Plan's lines as data: the stacked bar, the week line's words, where a moved task lands."""

from __future__ import annotations

from datetime import date, timedelta

from vatui.domain.forecast import ClientLoad, PlanItem, Week
from vatui.ui.screens.plan import moved_due, week_title
from vatui.ui.widgets.plan_detail import item_columns, item_line
from vatui.ui.widgets.plan_weeks import CAPACITY, bar, row_layout, week_line

MONDAY = date(2026, 12, 14)


def week(planned: list[tuple[int | None, int, str]], available: int = 40 * 60) -> Week:
    clients = tuple(ClientLoad(cid, f"Client {cid}", minutes, source) for cid, minutes, source in planned)
    return Week(
        start=MONDAY,
        end=MONDAY + timedelta(days=6),
        available_minutes=available,
        planned_minutes=sum(m for _c, m, _s in planned),
        clients=clients,
        items=(),
        holidays=(),
        timeoff_minutes=0,
    )


def test_the_bar_stacks_clients_then_room_then_the_capacity_line() -> None:
    drawn = bar(week([(1, 10 * 60, "estimates"), (2, 10 * 60, "estimates")]), 40 * 60, 20).plain
    assert drawn == "█████▓▓▓▓▓··········" + CAPACITY
    assert len(drawn) == 21


def test_log_and_retainer_hours_are_shaded() -> None:
    drawn = bar(week([(1, 20 * 60, "estimates"), (2, 10 * 60, "log")]), 40 * 60, 8).plain
    assert drawn == "████▒▒··" + CAPACITY


def test_over_capacity_the_line_is_inside_the_bar() -> None:
    heavy = week([(1, 30 * 60, "estimates"), (2, 30 * 60, "estimates")])
    drawn = bar(heavy, 60 * 60, 12).plain
    assert drawn.index(CAPACITY) == 8  # 40 h of 60 h
    assert drawn.replace(CAPACITY, "") == "██████▓▓▓▓▓▓"


def test_a_week_with_less_time_has_its_line_further_left() -> None:
    short = bar(week([(1, 6 * 60, "estimates")], available=20 * 60), 40 * 60, 20).plain
    assert short.index(CAPACITY) == 10


def test_the_week_line_says_busy_and_over_in_words() -> None:
    busy, over, calm = (
        week([(1, 36 * 60, "estimates")]),
        week([(1, 52 * 60, "estimates")]),
        week([(1, 8 * 60, "estimates")]),
    )
    layout = row_layout((busy, over, calm), 78)
    lines = [week_line(w, layout, 52 * 60).plain for w in (busy, over, calm)]
    assert "36/40 h" in lines[0] and "90 %" in lines[0] and lines[0].rstrip().endswith("busy")
    assert "52/40 h" in lines[1] and "130 %" in lines[1] and lines[1].rstrip().endswith("OVER")
    assert "8/40 h" in lines[2] and "busy" not in lines[2] and "OVER" not in lines[2]
    assert all(len(line) <= 78 for line in lines)
    assert lines[0].startswith("  14 Dec ")  # the first cell is the cursor's


def test_the_week_title_names_the_excess() -> None:
    assert week_title(week([(1, 52 * 60, "estimates")])) == "Week 14–20 Dec: 52 h planned of 40 h — 12 h over"
    assert week_title(week([(1, 8 * 60, "estimates")])) == "Week 14–20 Dec: 8 h planned of 40 h"


def test_a_moved_task_keeps_its_weekday_and_never_lands_before_today() -> None:
    friday = date(2026, 12, 4)
    today = date(2026, 11, 27)
    assert moved_due(friday, MONDAY, MONDAY + timedelta(days=6), today) == date(2026, 12, 18)
    assert moved_due(friday, date(2026, 11, 23), date(2026, 11, 29), today) == today  # Fri 27 Nov is today
    assert (
        moved_due(date(2026, 12, 1), date(2026, 11, 23), date(2026, 11, 29), today) == today
    )  # Tue 24 Nov gone
    assert moved_due(None, MONDAY, MONDAY + timedelta(days=6), today) == date(2026, 12, 20)
    sunday_weeks = moved_due(friday, date(2026, 12, 13), date(2026, 12, 19), today)
    assert sunday_weeks == date(2026, 12, 18)


def test_item_lines_keep_their_columns_and_fit() -> None:
    today = date(2026, 11, 27)
    items = [
        (
            PlanItem(
                "task",
                1,
                1,
                "Write the annual report with every appendix",
                24 * 60,
                date(2026, 12, 4),
                "high",
            ),
            "Acme",
        ),
        (PlanItem("recurring", 2, None, "Weekly report", 60, date(2026, 12, 4), None), ""),
        (PlanItem("log", None, 3, "Beta Ltd", 4 * 60, None, None), "Beta Ltd"),
    ]
    cols = item_columns(items, today, 60)
    lines = [item_line(item, client, today, cols).plain for item, client in items]
    assert all(len(line) <= 60 for line in lines)
    assert "due Fri 4 Dec" in lines[0] and "…" in lines[0]
    assert "repeats Fri 4 Dec" in lines[1]
    assert "from your log" in lines[2]
    hours_at = {line.index("h ") for line in lines}
    assert len(hours_at) == 1  # the hours are in one column
