"""The forecast's arithmetic, pinned in whole minutes on a fixed day (no clock, no store)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from vatui.domain.clients import Client
from vatui.domain.forecast import (
    LoggedTime,
    PlanInputs,
    Week,
    build,
    corrected,
    correction_tenths,
    early_warning,
    spread,
)
from vatui.domain.tasks import Task

TODAY = date(2026, 12, 1)  # a Tuesday
MON = date(2026, 11, 30)
STAMP = datetime(2026, 11, 1, tzinfo=UTC)


def task(tid: int, **kw: object) -> Task:
    fields: dict[str, object] = {"title": f"T{tid}", "created": STAMP, "updated": STAMP}
    fields.update(kw)
    return Task(id=tid, **fields)  # type: ignore[arg-type]


def client(cid: int, name: str, **kw: object) -> Client:
    return Client(id=cid, name=name, created=STAMP, updated=STAMP, **kw)  # type: ignore[arg-type]


def inputs(**kw: object) -> PlanInputs:
    fields: dict[str, object] = {"tasks": [], "clients": [], "logged": [], "weekly_minutes": 40 * 60}
    fields.update(kw)
    return PlanInputs(**fields)  # type: ignore[arg-type]


def week_of(plan_weeks: tuple[Week, ...], day: date) -> Week:
    return next(w for w in plan_weeks if w.start <= day <= w.end)


def test_spread_is_whole_minutes_larger_shares_first() -> None:
    assert spread(100, 3) == [34, 33, 33]
    assert spread(7, 0) == []
    assert sum(spread(1001, 7)) == 1001


def test_available_counts_the_remaining_days_of_this_week_and_whole_later_weeks() -> None:
    plan = build(inputs(), TODAY, weeks=3)
    assert [w.start for w in plan.weeks] == [MON, MON + timedelta(7), MON + timedelta(14)]
    assert [w.available_minutes for w in plan.weeks] == [4 * 480, 5 * 480, 5 * 480]
    assert plan.weeks[0].end == date(2026, 12, 6)


def test_estimate_spreads_evenly_over_working_days_across_weeks() -> None:
    # due Tue 8 Dec: counted days Tue 1 … Fri 4 and Mon 7, Tue 8 = 6 days, 600 / 6 = 100 each
    plan = build(inputs(tasks=[task(1, due=date(2026, 12, 8), estimate_minutes=600)]), TODAY, weeks=2)
    assert plan.weeks[0].planned_minutes == 400
    assert plan.weeks[1].planned_minutes == 200
    assert plan.weeks[0].items[0].kind == "task" and plan.weeks[0].items[0].task_id == 1


def test_a_holiday_gets_no_share_of_the_spread_and_no_available_hours() -> None:
    holidays = {date(2026, 12, 8): "Inmaculada Concepción"}
    plan = build(
        inputs(tasks=[task(1, due=date(2026, 12, 9), estimate_minutes=600)], holidays=holidays),
        TODAY,
        weeks=2,
    )
    # Tue 1 … Fri 4, Mon 7, (Tue 8 holiday), Wed 9 = 6 days: 100 each
    assert plan.weeks[0].planned_minutes == 400
    assert plan.weeks[1].planned_minutes == 200
    assert plan.weeks[1].available_minutes == 4 * 480
    assert plan.weeks[1].holidays == ((date(2026, 12, 8), "Inmaculada Concepción"),)


def test_partly_logged_estimate_counts_what_is_left_never_below_zero() -> None:
    logged = [LoggedTime(date(2026, 11, 30), 200, None, 1), LoggedTime(date(2026, 11, 30), 900, None, 2)]
    tasks = [
        task(1, due=date(2026, 12, 4), estimate_minutes=600),
        task(2, due=date(2026, 12, 4), estimate_minutes=600),
    ]
    plan = build(inputs(tasks=tasks, logged=logged), TODAY, weeks=1)
    assert plan.weeks[0].planned_minutes == 400
    assert [i.task_id for i in plan.weeks[0].items] == [1]


def test_overdue_lands_on_the_first_working_day_and_undated_is_apart() -> None:
    tasks = [
        task(1, due=date(2026, 11, 20), estimate_minutes=90),
        task(2, estimate_minutes=120, title="Undated"),
        task(3),
        task(4, due=date(2026, 11, 20), estimate_minutes=90, column="Done"),
    ]
    plan = build(inputs(tasks=tasks), date(2026, 12, 5), weeks=2)  # a Saturday
    # Saturday and Sunday are not working days: the overdue task lands on Monday 7
    assert plan.weeks[0].planned_minutes == 0
    assert plan.weeks[1].planned_minutes == 90
    assert [(i.task_id, i.minutes) for i in plan.undated] == [(2, 120), (3, 0)]
    assert plan.undated_minutes == 120


def test_a_task_waiting_on_the_client_fills_no_week_until_it_comes_back() -> None:
    tasks = [
        task(1, due=date(2026, 12, 11), estimate_minutes=300),
        task(2, due=date(2026, 12, 11), estimate_minutes=300, column="Waiting"),
    ]
    plan = build(inputs(tasks=tasks), date(2026, 12, 7), weeks=1)
    assert plan.weeks[0].planned_minutes == 300
    assert [i.task_id for i in plan.weeks[0].items] == [1]
    assert plan.undated == ()


def test_recurring_occurrences_inside_the_window_add_their_estimate() -> None:
    weekly = task(1, due=date(2026, 12, 4), estimate_minutes=60, recurrence="friday")
    plan = build(inputs(tasks=[weekly]), TODAY, weeks=3)
    kinds = [[(i.kind, i.due) for i in w.items] for w in plan.weeks]
    assert kinds[0] == [("task", date(2026, 12, 4))]
    assert ("recurring", date(2026, 12, 11)) in kinds[1]
    assert ("recurring", date(2026, 12, 18)) in kinds[2]
    # each occurrence spreads over the working days since the one before (Mon–Fri): 12 a day
    assert [w.planned_minutes for w in plan.weeks] == [60, 60, 60]


def test_retainer_spreads_over_each_months_working_days_and_month_boundary_splits_a_week() -> None:
    c = client(1, "Acme", retainer_minutes=23 * 60)  # December 2026 has 23 working days
    plan = build(inputs(clients=[c]), TODAY, weeks=6)
    # December: Tue 1 … Thu 31, 60 a day; January 2027: 21 working days
    assert plan.weeks[0].planned_minutes == 4 * 60
    boundary = week_of(plan.weeks, date(2026, 12, 31))  # Mon 28 Dec – Sun 3 Jan
    assert boundary.start == date(2026, 12, 28)
    assert boundary.planned_minutes == 4 * 60 + spread(23 * 60, 21)[0]
    assert [(x.name, x.source) for x in boundary.clients] == [("Acme", "retainer")]


def test_retainer_counts_only_what_the_clients_own_estimates_and_log_leave() -> None:
    c = client(1, "Acme", retainer_minutes=600)
    tasks = [task(1, client_id=1, due=date(2026, 12, 4), estimate_minutes=240)]
    logged = [LoggedTime(date(2026, 12, 1), 60, 1, None)]
    wednesday = date(2026, 12, 2)
    plan = build(inputs(clients=[c], tasks=tasks, logged=logged), wednesday, weeks=4)
    # 600 a month − 240 estimated − 60 logged this month = 300 over Wed 2 … Thu 31 (22 days)
    shares = spread(300, 22)
    retainer = [sum(i.minutes for i in w.items if i.kind == "retainer") for w in plan.weeks]
    assert retainer == [sum(shares[:3]), sum(shares[3:8]), sum(shares[8:13]), sum(shares[13:18])]


def test_time_off_partial_week_and_full_week() -> None:
    off = frozenset(
        {date(2026, 12, 9), date(2026, 12, 10)} | {date(2026, 12, 14) + timedelta(n) for n in range(7)}
    )
    plan = build(inputs(days_off=off), TODAY, weeks=3)
    assert plan.weeks[1].available_minutes == 3 * 480
    assert plan.weeks[1].timeoff_minutes == 2 * 480
    assert plan.weeks[2].available_minutes == 0
    assert plan.weeks[2].timeoff_minutes == 5 * 480


def test_client_with_unestimated_open_work_is_planned_from_the_log() -> None:
    c = client(1, "Café Olé")
    tasks = [task(1, client_id=1, due=date(2026, 12, 10))]
    logged = [LoggedTime(TODAY - timedelta(days=7 * n + 1), 300, 1, None) for n in range(8)]
    plan = build(inputs(clients=[c], tasks=tasks, logged=logged), TODAY, weeks=2)
    load = plan.weeks[1].clients[0]
    assert (load.name, load.minutes, load.source) == ("Café Olé", 300, "log")
    assert plan.weeks[0].clients[0].minutes == 4 * 60  # Tue–Fri of a 60-a-day week


def test_client_with_occasional_log_and_no_open_work_is_not_guessed() -> None:
    c = client(1, "Rare")
    logged = [LoggedTime(TODAY - timedelta(days=3), 300, 1, None)]
    plan = build(inputs(clients=[c], logged=logged), TODAY, weeks=2)
    assert plan.weeks[1].planned_minutes == 0


def _done(tid: int, cid: int, estimate: int) -> Task:
    return task(tid, client_id=cid, estimate_minutes=estimate, column="Done", completed=STAMP)


def test_correction_needs_three_tasks_rounds_to_a_tenth_and_clamps() -> None:
    assert correction_tenths([(60, 78), (60, 78)]) is None
    assert correction_tenths([(60, 78), (60, 78), (60, 78)]) == 13
    assert correction_tenths([(60, 600)] * 3) == 30
    assert correction_tenths([(600, 60)] * 3) == 5
    assert correction_tenths([(100, 125)] * 3) == 13  # 1.25 rounds half up
    assert corrected(100, 13) == 130
    assert corrected(100, None) == 100


def test_correction_is_applied_and_can_be_switched_off() -> None:
    c = client(1, "Café Olé")
    done = [_done(n, 1, 60) for n in (1, 2, 3)]
    logged = [LoggedTime(date(2026, 11, 2), 78, 1, n) for n in (1, 2, 3)]
    open_task = task(9, client_id=1, due=date(2026, 12, 4), estimate_minutes=100)
    data = inputs(clients=[c], tasks=[*done, open_task], logged=logged)
    on = build(data, TODAY, weeks=1)
    assert [(x.name, x.factor_tenths, x.tasks) for x in on.corrections] == [("Café Olé", 13, 3)]
    assert on.weeks[0].planned_minutes == 130
    off = build(data, TODAY, weeks=1, correction=False)
    assert off.corrections == ()
    assert off.weeks[0].planned_minutes == 100


def test_percent_and_flag() -> None:
    def week(planned: int, available: int) -> Week:
        return Week(MON, MON + timedelta(6), available, planned, (), (), (), 0)

    assert (week(0, 2400).percent, week(0, 2400).flag) == (0, "ok")
    assert week(2039, 2400).flag == "ok"
    assert (week(2040, 2400).percent, week(2040, 2400).flag) == (85, "busy")
    assert week(2400, 2400).flag == "busy"
    assert (week(2401, 2400).flag, week(2401, 2400).over_minutes) == ("over", 1)
    assert (week(30, 0).percent, week(30, 0).flag) == (999, "over")


def test_early_warning_names_the_first_overloaded_week_and_what_can_move() -> None:
    tasks = [
        task(1, due=date(2026, 12, 4), estimate_minutes=4 * 480, priority="high"),
        task(2, due=date(2026, 12, 18), estimate_minutes=600, priority="low"),
        task(3, due=date(2026, 12, 30), estimate_minutes=600, priority="low"),
        task(4, due=date(2026, 12, 18), estimate_minutes=600),
        task(5, due=date(2026, 12, 18), estimate_minutes=600, priority="med"),
    ]
    plan = build(inputs(tasks=tasks), TODAY, weeks=4)
    warning = early_warning(plan, TODAY)
    assert warning is not None
    assert warning.week.start == MON
    assert warning.over_minutes == warning.week.planned_minutes - 4 * 480
    # task 1 is due inside the week: never proposed; low first (latest due first), none, med
    assert [i.task_id for i in warning.movable] == [3, 2, 4, 5]


def test_early_warning_looks_three_weeks_ahead_only() -> None:
    late = [task(1, due=date(2026, 12, 25), estimate_minutes=3000, snoozed_until=date(2026, 12, 21))]
    plan = build(inputs(tasks=late), TODAY, weeks=5)
    assert week_of(plan.weeks, date(2026, 12, 21)).flag == "over"
    assert early_warning(plan, TODAY) is None
    assert early_warning(plan, date(2026, 12, 7)) is not None
