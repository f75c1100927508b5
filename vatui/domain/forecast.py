"""The season forecast: the load of the coming weeks against the hours available.

Pure arithmetic in whole minutes: no I/O, no clock (``today`` is a parameter). The service
``vatui.services.plan.forecast`` reads the workspace into ``PlanInputs`` and calls ``build``.

The rules (the README's "Plan" section says the same in words):

- **Working days** are the weekdays of ``work_days`` (Monday to Friday unless the setting
  says otherwise). A working day's share of ``weekly_minutes`` is ``spread`` over them
  (equal shares; a remainder goes to the first days).
- A **counted day** is a working day, on or after ``today``, that is neither a public
  holiday nor a day off. Days before ``today`` are gone: the current week's available
  hours are those of its remaining days.
- **Open tasks with an estimate and a due date**: the estimate (times the client's
  correction, if any) minus the time already logged on the task, never below 0, is spread
  evenly over the counted days from ``today`` (or the day a snoozed task wakes) up to the
  due date. An overdue task, or one with no counted day before it is due, lands on the
  first counted day. Beyond the calendar the plan looks at (the window, stretched to the
  end of its last month), days are counted as plain working days.
- **Undated open tasks** are listed apart (``Plan.undated``), never guessed into weeks.
- **Recurring tasks**: each future occurrence inside the window (from the recurrence rule,
  after the open occurrence) adds the estimate, spread over the counted days since the
  occurrence before it.
- **Retainers**: a client's ``retainer_minutes`` for a month, minus what the plan already
  holds for that client in that month (its tasks' and occurrences' minutes) and, for the
  current month, minus the time already logged for it this month, never below 0, is spread
  over the month's counted days. So the retainer counts only the part the client's own
  estimates do not already cover.
- **From the log**: a client with no estimated work in the plan and no retainer, but with
  open tasks without estimates or steady logged time (in at least ``STEADY_WEEKS`` of the
  last ``LOG_WEEKS`` weeks), is planned at its usual weekly minutes (the last
  ``LOG_WEEKS`` weeks' total / ``LOG_WEEKS``), spread like the week's hours.
- **Corrections**: per client, ``sum(logged) / sum(estimate)`` over its done tasks with an
  estimate and logged time; at least ``MIN_CORRECTION_TASKS`` such tasks, rounded to a
  tenth, clamped to 0.5–3.0. A factor of exactly 1.0 is not listed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from vatui.domain.clients import Client
from vatui.domain.dates import MAX_DATE, end_of_month
from vatui.domain.forecast_calendar import PlanCalendar, lay, spread
from vatui.domain.forecast_plan import (
    BUSY_PERCENT,
    DEFAULT_WORK_DAYS,
    KINDS,
    LOG_WEEKS,
    MAX_FACTOR_TENTHS,
    MIN_CORRECTION_TASKS,
    MIN_FACTOR_TENTHS,
    SOURCES,
    STEADY_WEEKS,
    WARNING_WEEKS,
    ClientLoad,
    Correction,
    LoggedTime,
    Plan,
    PlanInputs,
    PlanItem,
    Warning,
    Week,
)
from vatui.domain.recurrence import Recurrence
from vatui.domain.tasks import Task
from vatui.domain.weeks import week_first_day
from vatui.i18n import _

_SOURCE_OF_KIND: Final = {"task": "estimates", "recurring": "estimates", "retainer": "retainer", "log": "log"}
_PRIORITY_RANK: Final = {"low": 0, None: 1, "med": 2, "high": 3}
"""Lowest first: ``low``, none set, ``med``, ``high`` (the order tasks are offered to move)."""

__all__ = [  # the plan's types and thresholds live in forecast_plan; callers know them here
    "BUSY_PERCENT",
    "DEFAULT_WORK_DAYS",
    "KINDS",
    "LOG_WEEKS",
    "MAX_FACTOR_TENTHS",
    "MIN_CORRECTION_TASKS",
    "MIN_FACTOR_TENTHS",
    "SOURCES",
    "STEADY_WEEKS",
    "WARNING_WEEKS",
    "ClientLoad",
    "Correction",
    "LoggedTime",
    "Plan",
    "PlanInputs",
    "PlanItem",
    "Warning",
    "Week",
    "build",
    "client_names",
    "corrected",
    "correction_tenths",
    "corrections",
    "early_warning",
    "logged_by_task",
    "priority_rank",
    "spread",
]


def correction_tenths(pairs: Iterable[tuple[int, int]]) -> int | None:
    """The factor in tenths from (estimate, logged) minutes of done tasks; ``None`` with fewer
    than ``MIN_CORRECTION_TASKS`` usable pairs (both above 0)."""
    usable = [(e, lg) for e, lg in pairs if e > 0 and lg > 0]
    if len(usable) < MIN_CORRECTION_TASKS:
        return None
    estimated = sum(e for e, _lg in usable)
    logged = sum(lg for _e, lg in usable)
    tenths = (20 * logged + estimated) // (2 * estimated)  # 10 × ratio, rounded half up
    return max(MIN_FACTOR_TENTHS, min(MAX_FACTOR_TENTHS, tenths))


def corrected(minutes: int, tenths: int | None) -> int:
    """``minutes`` times the factor (rounded half up); unchanged without one."""
    if tenths is None:
        return minutes
    return (2 * minutes * tenths + 10) // 20


def priority_rank(priority: str | None) -> int:
    """Lowest first: ``low`` 0, none 1, ``med`` 2, ``high`` 3."""
    return _PRIORITY_RANK.get(priority, 1)


@dataclass
class _Entry:
    item: PlanItem
    by_day: dict[date, int]


def _client_name(names: Mapping[int, str], client_id: int | None) -> str:
    if client_id is None:
        return _("No client")
    return names.get(client_id, f"#{client_id}")


def _is_open(task: Task, done_column: str) -> bool:
    return not task.is_done and task.column != done_column


def logged_by_task(logged: Iterable[LoggedTime]) -> dict[int, int]:
    """The minutes logged on each task (entries without a task left out)."""
    logged_on: dict[int, int] = defaultdict(int)
    for entry in logged:
        if entry.task_id is not None:
            logged_on[entry.task_id] += entry.minutes
    return dict(logged_on)


def corrections(
    tasks: Iterable[Task], logged_on: Mapping[int, int], names: Mapping[int, str], done_column: str
) -> tuple[Correction, ...]:
    """The clients' corrections, learned from the done ``tasks`` (open ones are skipped) and
    the minutes logged on each task."""
    pairs: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for task in tasks:
        if task.client_id is None or task.id is None or not task.estimate_minutes:
            continue
        if _is_open(task, done_column):
            continue
        pairs[task.client_id].append((task.estimate_minutes, logged_on.get(task.id, 0)))
    found: list[Correction] = []
    for client_id, client_pairs in pairs.items():
        tenths = correction_tenths(client_pairs)
        if tenths is None or tenths == 10:
            continue
        used = sum(1 for e, lg in client_pairs if e > 0 and lg > 0)
        found.append(Correction(client_id, _client_name(names, client_id), tenths, used))
    found.sort(key=lambda c: (c.name.casefold(), c.client_id))
    return tuple(found)


def client_names(clients: Iterable[Client]) -> dict[int, str]:
    """The clients' names by id (what the corrections and the weeks name them by)."""
    return {c.id: c.name for c in clients if c.id is not None}


def _task_entries(
    inputs: PlanInputs, cal: PlanCalendar, factors: Mapping[int, int], logged_on: Mapping[int, int]
) -> tuple[list[_Entry], list[PlanItem]]:
    """Open tasks laid on days, and the undated ones apart."""
    entries: list[_Entry] = []
    undated: list[PlanItem] = []
    for task in inputs.tasks:
        if not _is_open(task, inputs.done_column) or task.column == inputs.waiting_column:
            continue
        factor = factors.get(task.client_id) if task.client_id is not None else None
        estimate = corrected(task.estimate_minutes or 0, factor)
        left = max(0, estimate - logged_on.get(task.id or 0, 0))
        item = PlanItem("task", task.id, task.client_id, task.title, left, task.due, task.priority)
        if task.due is None:
            undated.append(item)
            continue
        if left <= 0:
            continue
        first = cal.today
        if task.snoozed_until is not None and task.snoozed_until <= task.due:
            first = max(first, task.snoozed_until)
        entries.append(_Entry(item, lay(left, first, task.due, cal)))
        if task.recurrence and task.estimate_minutes:
            entries += _occurrences(task, estimate, cal)
    undated.sort(key=lambda i: (-i.minutes, i.task_id or 0))
    return entries, undated


def _occurrences(task: Task, estimate: int, cal: PlanCalendar) -> list[_Entry]:
    """The future occurrences of a recurring task inside the calendar."""
    try:
        rule = Recurrence.parse(task.recurrence or "")
    except ValueError:
        return []
    assert task.due is not None
    previous = max(task.due, cal.today)
    found: list[_Entry] = []
    while True:
        nxt = rule.next_in_range(previous)
        if nxt is None or nxt > cal.last:
            return found
        item = PlanItem("recurring", task.id, task.client_id, task.title, estimate, nxt, task.priority)
        found.append(_Entry(item, lay(estimate, previous + timedelta(days=1), nxt, cal)))
        previous = nxt


def _month_starts(first: date, last: date) -> list[date]:
    months: list[date] = []
    day = first.replace(day=1)
    while day <= last:
        months.append(day)
        day = end_of_month(day) + timedelta(days=1)
    return months


def _retainer_entries(
    inputs: PlanInputs, cal: PlanCalendar, planned: list[_Entry], names: Mapping[int, str]
) -> list[_Entry]:
    held: dict[tuple[int, date], int] = defaultdict(int)
    for entry in planned:
        if entry.item.client_id is None:
            continue
        for day, minutes in entry.by_day.items():
            held[(entry.item.client_id, day.replace(day=1))] += minutes
    this_month = cal.today.replace(day=1)
    for logged in inputs.logged:
        if logged.client_id is not None and this_month <= logged.day < cal.today:
            held[(logged.client_id, this_month)] += logged.minutes
    entries: list[_Entry] = []
    for client in inputs.clients:
        if client.id is None or client.archived or client.status != "active":
            continue
        if not client.retainer_minutes or client.retainer_minutes <= 0:
            continue
        for month in _month_starts(cal.today, cal.last):
            left = max(0, client.retainer_minutes - held.get((client.id, month), 0))
            if left <= 0:
                continue
            item = PlanItem("retainer", None, client.id, client.name, left, None, None)
            entries.append(_Entry(item, lay(left, month, end_of_month(month), cal, beyond=False)))
    return entries


def _log_entries(
    inputs: PlanInputs, cal: PlanCalendar, planned: list[_Entry], retainers: set[int]
) -> list[_Entry]:
    estimated = {e.item.client_id for e in planned if e.item.minutes > 0}
    open_unestimated = {
        t.client_id
        for t in inputs.tasks
        if t.client_id is not None and _is_open(t, inputs.done_column) and not t.estimate_minutes
    }
    since = cal.today - timedelta(weeks=LOG_WEEKS)
    total: dict[int, int] = defaultdict(int)
    weeks_seen: dict[int, set[int]] = defaultdict(set)
    for logged in inputs.logged:
        if logged.client_id is None or not since <= logged.day < cal.today or logged.minutes <= 0:
            continue
        total[logged.client_id] += logged.minutes
        weeks_seen[logged.client_id].add((logged.day - since).days // 7)
    entries: list[_Entry] = []
    for client in inputs.clients:
        cid = client.id
        if cid is None or client.archived or client.status != "active":
            continue
        if cid in estimated or cid in retainers or not total.get(cid):
            continue
        if cid not in open_unestimated and len(weeks_seen[cid]) < STEADY_WEEKS:
            continue
        weekly = total[cid] // LOG_WEEKS
        if weekly <= 0:
            continue
        per_weekday = dict(zip(cal.work_days, spread(weekly, len(cal.work_days)), strict=True))
        by_day = {d: per_weekday[d.weekday()] for d in cal.counted if per_weekday[d.weekday()]}
        entries.append(_Entry(PlanItem("log", None, cid, client.name, weekly, None, None), by_day))
    return entries


def _week(
    start: date, cal: PlanCalendar, entries: list[_Entry], names: Mapping[int, str], inputs: PlanInputs
) -> Week:
    end = start + timedelta(days=6)
    days = [start + timedelta(days=n) for n in range(7)]
    available = sum(cal.share(d) for d in days if cal.is_counted(d))
    timeoff = sum(
        cal.share(d)
        for d in days
        if d >= cal.today and cal.is_working(d) and d in inputs.days_off and d not in inputs.holidays
    )
    holidays = tuple((d, inputs.holidays[d]) for d in days if d in inputs.holidays and cal.is_working(d))
    items: list[PlanItem] = []
    loads: dict[tuple[int | None, str], int] = defaultdict(int)
    for entry in entries:
        minutes = sum(m for d, m in entry.by_day.items() if start <= d <= end)
        if minutes <= 0:
            continue
        item = entry.item
        items.append(
            PlanItem(item.kind, item.task_id, item.client_id, item.title, minutes, item.due, item.priority)
        )
        loads[(item.client_id, _SOURCE_OF_KIND[item.kind])] += minutes
    items.sort(key=lambda i: (-i.minutes, KINDS.index(i.kind), i.task_id or 0, i.client_id or 0))
    clients = sorted(
        (
            ClientLoad(cid, _client_name(names, cid), minutes, source)
            for (cid, source), minutes in loads.items()
        ),
        key=lambda c: (-c.minutes, c.name.casefold(), SOURCES.index(c.source)),
    )
    return Week(
        start,
        end,
        available,
        sum(i.minutes for i in items),
        tuple(clients),
        tuple(items),
        holidays,
        timeoff,
    )


def build(
    inputs: PlanInputs,
    today: date,
    *,
    start: date | None = None,
    weeks: int = 8,
    correction: bool = True,
) -> Plan:
    """The plan of ``weeks`` weeks from the week of ``start`` (``today`` by default)."""
    first_day = start or today
    first_week = week_first_day(first_day, inputs.week_start)
    window_end = min(first_week + timedelta(days=7 * max(weeks, 1) - 1), MAX_DATE)
    last = max(end_of_month(window_end), today)
    cal = PlanCalendar(inputs, today, last)
    names = client_names(inputs.clients)
    logged_on = inputs.logged_on if inputs.logged_on is not None else logged_by_task(inputs.logged)
    fixes: tuple[Correction, ...] = ()
    if correction:
        kept = inputs.corrections
        fixes = kept if kept is not None else corrections(inputs.tasks, logged_on, names, inputs.done_column)
    factors = {c.client_id: c.factor_tenths for c in fixes}
    entries, undated = _task_entries(inputs, cal, factors, logged_on)
    retainer_ids = {
        c.id for c in inputs.clients if c.id is not None and c.retainer_minutes and c.status == "active"
    }
    entries += _retainer_entries(inputs, cal, entries, names)
    entries += _log_entries(inputs, cal, entries, retainer_ids)
    week_list: list[Week] = []
    week_start = first_week
    while len(week_list) < max(weeks, 1) and week_start + timedelta(days=6) <= MAX_DATE:
        week_list.append(_week(week_start, cal, entries, names, inputs))
        week_start += timedelta(days=7)
    return Plan(first_day, tuple(week_list), tuple(undated), fixes)


def early_warning(plan: Plan, today: date) -> Warning | None:
    """The first week among the next ``WARNING_WEEKS`` (this one included) whose planned
    minutes exceed the available ones, with the tasks that could move out of it."""
    horizon = today + timedelta(days=7 * (WARNING_WEEKS - 1))
    for week in plan.weeks:
        if week.end < today or week.start > horizon:
            continue
        if week.planned_minutes <= week.available_minutes:
            continue
        movable = [
            item
            for item in week.items
            if item.kind == "task" and item.due is not None and item.due > week.end
        ]
        movable.sort(key=lambda i: (priority_rank(i.priority), -(i.due or today).toordinal(), i.task_id or 0))
        return Warning(week, week.over_minutes, tuple(movable))
    return None
