"""Triage of a day: one pass over everything that needs the VA now.

``triage(ws, on)`` gathers the sections in the order the Today pane shows them. Each
item names the record it acts on (``kind`` and ``ref``) so every line is actionable.
Sections about money and clients come from ``today_money`` and ``today_clients``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from vatui.domain.tasks import Task
from vatui.domain.text import one_line
from vatui.domain.triage import Capacity, Triage, TriageItem, TriageSection
from vatui.domain.weeks import week_first_day
from vatui.i18n import _
from vatui.services.common import client_names, home_today
from vatui.services.queries import task_docs, time_docs
from vatui.services.tasks.timer import entries_between, minutes_of, summarize
from vatui.services.today import clients as today_clients
from vatui.services.today import money as today_money
from vatui.store.workspace import Workspace


def _days(n: int) -> str:
    return _("1 day") if n == 1 else _("{n} days").format(n=n)


def task_sections(ws: Workspace, on: date, tasks: list[Task]) -> list[TriageSection]:
    """Overdue, due today, and waiting-on-client past follow-up."""
    settings = ws.settings()
    names = client_names(ws)
    overdue, due_today, waiting = [], [], []
    for task in tasks:
        if task.snoozed_until is not None and task.snoozed_until > on:
            continue
        client = names.get(task.client_id) if task.client_id is not None else None
        if task.column == settings.waiting_column and task.follow_up is not None and task.follow_up <= on:
            late = (on - task.follow_up).days
            detail = _("follow up today") if late == 0 else _("follow-up {d} late").format(d=_days(late))
            waiting.append(
                TriageItem(
                    "task", task.id, task.title, client, detail, task.follow_up, "warn" if late else "normal"
                )
            )
            continue
        if task.due is None:
            continue
        if task.due < on:
            late = (on - task.due).days
            overdue.append(
                TriageItem(
                    "task",
                    task.id,
                    task.title,
                    client,
                    _("{d} overdue").format(d=_days(late)),
                    task.due,
                    "alert",
                )
            )
        elif task.due == on:
            due_today.append(TriageItem("task", task.id, task.title, client, _("due today"), task.due))
    prio = {"high": 0, "med": 1, "low": 2, None: 3}
    by_prio = {t.id: prio.get(t.priority, 3) for t in tasks}
    overdue.sort(key=lambda i: (i.when or on, by_prio.get(i.ref, 3)))
    due_today.sort(key=lambda i: by_prio.get(i.ref, 3))
    return [
        TriageSection("overdue", _("Overdue"), tuple(overdue), _("Nothing overdue.")),
        TriageSection("due_today", _("Due today"), tuple(due_today), _("Nothing due today.")),
        TriageSection("waiting", _("Waiting on clients"), tuple(waiting), _("No follow-ups due.")),
    ]


def capacity(
    ws: Workspace, on: date, tasks: list[Task], now: datetime, logged: int | None = None
) -> Capacity:
    """Planned hours this week against the available hours, and WIP against its limit.

    ``logged`` (minutes logged this week up to ``on``) is counted from the time log when
    not given.
    """
    settings = ws.settings()
    monday = week_first_day(on, settings.week_start)  # the first day of the VA's week
    sunday = monday + timedelta(days=6)
    planned = 0
    for task in tasks:
        in_week = task.due is not None and task.due <= sunday
        if task.estimate_minutes and (in_week or task.column == settings.doing_column):
            planned += task.estimate_minutes
    wip = sum(1 for t in tasks if t.column == settings.doing_column)
    if logged is None:
        logged = minutes_of(entries_between(ws, monday, on), now)
    return Capacity(planned, settings.weekly_hours * 60, logged, wip, settings.wip_limit)


def _logged_before(ws: Workspace, day: date) -> bool:
    """Whether any time entry starts before ``day`` begins at home."""
    from datetime import UTC, time
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(ws.settings().home_timezone)
    first = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC).isoformat()
    return any(str(doc.get("start", "")) < first for doc in time_docs(ws).values())


def triage(ws: Workspace, on: date | None = None) -> Triage:
    """Everything that needs the VA on ``on`` (today at home by default)."""
    ws.refresh()
    day = on or home_today(ws)
    now = ws.clock.now()
    settings = ws.settings()
    tasks = [
        Task.from_doc(d, int(k))
        for k, d in task_docs(ws).items()
        if d.get("completed") is None and d.get("column") != settings.done_column
    ]
    sections = task_sections(ws, day, tasks)
    sections += today_money.sections(ws, day)
    sections += today_clients.sections(ws, day)
    timer_info = None
    monday = week_first_day(day, settings.week_start)
    before = day - timedelta(days=1)
    log = summarize(ws, min(monday, before), day, now)
    running = log.running
    if running is not None:
        title = ""
        if running.task_id is not None:
            doc = task_docs(ws).get(str(running.task_id))
            title = one_line(str(doc["title"])) if doc else ""
        timer_info = {
            "task_id": running.task_id,
            "title": title,
            "started": running.start.isoformat(),
            "minutes": minutes_of([running], now),
        }
    yesterday = log.minutes(before, before)
    notes: list[str] = []
    if yesterday == 0 and before.weekday() < 5 and _logged_before(ws, before):
        # Only for a VA who was logging time before yesterday: someone who started
        # today has nothing to be reminded of.
        notes.append(_("No time logged yesterday."))
    return Triage(
        day,
        tuple(sections),
        capacity(ws, day, tasks, now, log.minutes(monday, day)),
        timer_info,
        log.unbilled_minutes,
        yesterday,
        tuple(notes),
    )
