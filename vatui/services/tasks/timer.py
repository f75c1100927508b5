"""The timer (one at a time, stored, so it survives a restart) and time entries."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vatui.domain.clients import Client
from vatui.domain.clock import minutes_since
from vatui.domain.durations import (
    LONG_TIMER_MINUTES as LONG_TIMER_MINUTES,  # the timer's callers name it here
)
from vatui.domain.durations import MAX_ENTRY_MINUTES
from vatui.domain.errors import InputError, RuleError
from vatui.domain.tasks import Task, TimeEntry
from vatui.domain.text import MAX_TITLE, check_text, one_line
from vatui.i18n import _
from vatui.services.queries import time_docs
from vatui.store.workspace import Tx, Workspace


class LongTimerError(RuleError):
    """The running timer ran past ``LONG_TIMER_MINUTES``: say what to log (or keep it whole)."""

    def __init__(self, elapsed_minutes: int) -> None:
        self.elapsed_minutes = elapsed_minutes
        super().__init__(
            _(
                "the timer has run {h} h {m} min: was it forgotten? Say what to log "
                "(at most {limit} h unless kept whole)"
            ).format(h=elapsed_minutes // 60, m=elapsed_minutes % 60, limit=LONG_TIMER_MINUTES // 60)
        )


def _elapsed(entry: TimeEntry, now: datetime) -> int:
    return max(1, math.ceil((now - entry.start).total_seconds() / 60))


def _stop_minutes(entry: TimeEntry, now: datetime, minutes: int | None, keep: bool) -> int:
    """The minutes to log when ``entry`` stops at ``now`` (raises when a long timer needs a choice)."""
    elapsed = _elapsed(entry, now)
    if minutes is not None:
        if not 1 <= minutes <= min(elapsed, MAX_ENTRY_MINUTES):
            raise InputError(
                _("log from 1 to {max} min: the timer ran {elapsed} min").format(
                    max=min(elapsed, MAX_ENTRY_MINUTES), elapsed=elapsed
                )
            )
        return minutes
    if elapsed > LONG_TIMER_MINUTES and not keep:
        raise LongTimerError(elapsed)
    if elapsed > MAX_ENTRY_MINUTES:
        raise InputError(_("one entry can hold at most 24 hours: say how many minutes to log"))
    return elapsed


def running_timer(ws: Workspace) -> TimeEntry | None:
    """The running timer's entry, if any."""
    for key, doc in time_docs(ws).items():
        if doc.get("end") is None:
            return TimeEntry.from_doc(doc, int(key))
    return None


def _stop(
    tx: Tx, entry: TimeEntry, now: datetime, minutes: int | None = None, keep: bool = False
) -> TimeEntry:
    """Finish ``entry``: it ends ``minutes`` after its start (all it ran by default)."""
    logged = _stop_minutes(entry, now, minutes, keep)
    end = now if logged == _elapsed(entry, now) else entry.start + timedelta(minutes=logged)
    return tx.save(entry.with_(end=end, minutes=logged))


def start_timer(
    ws: Workspace, task_id: int, *, minutes: int | None = None, keep: bool = False
) -> tuple[TimeEntry, TimeEntry | None]:
    """Start timing a task; a timer already running is stopped first. Returns (started, stopped).

    ``minutes``/``keep`` say what the running timer logs, as for ``stop_timer``: one that ran
    past ``LONG_TIMER_MINUTES`` is not stopped silently (``LongTimerError``).
    """
    task = ws.get(Task, task_id)
    now = ws.clock.now()
    with ws.transaction(_("start timer on “{title}”").format(title=one_line(task.title, 40))) as tx:
        task = tx.get(Task, task_id)
        stopped = None
        for key, doc in list(time_docs(tx).items()):
            if doc.get("end") is None:
                stopped = _stop(tx, TimeEntry.from_doc(doc, int(key)), now, minutes, keep)
        started = tx.add(TimeEntry(task_id=task.id, client_id=task.client_id, start=now))
        return started, stopped


def stop_timer(ws: Workspace, *, minutes: int | None = None, keep: bool = False) -> TimeEntry | None:
    """Stop the running timer; returns its finished entry, or ``None`` if none ran.

    A timer that ran past ``LONG_TIMER_MINUTES`` was probably forgotten: it stops only with
    ``minutes`` (what to log, at most what it ran) or ``keep`` (log it all, at most 24 h);
    otherwise ``LongTimerError`` says how long it ran and nothing is saved.
    """
    entry = running_timer(ws)
    if entry is None:
        return None
    with ws.transaction(_("stop timer")) as tx:
        for key, doc in list(time_docs(tx).items()):
            if doc.get("end") is None:
                return _stop(tx, TimeEntry.from_doc(doc, int(key)), ws.clock.now(), minutes, keep)
    return None


def toggle_timer(
    ws: Workspace, task_id: int, *, minutes: int | None = None, keep: bool = False
) -> tuple[TimeEntry | None, TimeEntry | None]:
    """Stop the timer if it runs on this task, else start it here. Returns (started, stopped)."""
    task = ws.get(Task, task_id)  # for the undo label only
    with ws.transaction(_("start timer on “{title}”").format(title=one_line(task.title, 40))) as tx:
        task = tx.get(Task, task_id)
        now = ws.clock.now()
        stopped = None
        for key, doc in list(time_docs(tx).items()):  # decided on the timer as it is now
            if doc.get("end") is None:
                stopped = _stop(tx, TimeEntry.from_doc(doc, int(key)), now, minutes, keep)
        if stopped is not None and stopped.task_id == task_id:
            tx.label = _("stop timer")
            return None, stopped
        return tx.add(TimeEntry(task_id=task.id, client_id=task.client_id, start=now)), stopped


def running_minutes(ws: Workspace) -> int | None:
    """How long the running timer has run, or ``None``."""
    entry = running_timer(ws)
    return None if entry is None else _elapsed(entry, ws.clock.now())


def add_time(
    ws: Workspace,
    task_id: int | None,
    minutes: int,
    on: date,
    *,
    note: str = "",
    billable: bool = True,
    client_id: int | None = None,
) -> TimeEntry:
    """Log ``minutes`` of finished work on a day (at 09:00 home time)."""
    note = check_text(note, _("the note"), MAX_TITLE)
    if minutes <= 0:
        raise InputError(_("the duration must be more than zero"))
    if minutes > MAX_ENTRY_MINUTES:
        raise InputError(_("one entry can hold at most 24 hours"))
    if on > _today(ws):
        raise InputError(_("time cannot be logged on a future day"))
    tz = ZoneInfo(ws.settings().home_timezone)
    start = datetime.combine(on, time(9, 0), tzinfo=tz).astimezone(UTC)
    label = _("log {minutes} min").format(minutes=minutes)
    with ws.transaction(label) as tx:
        if task_id is not None:
            task = tx.get(Task, task_id)
            client_id = task.client_id
        elif client_id is None:
            raise InputError(_("time needs a task or a client"))
        else:
            tx.get(Client, client_id)
        entry = TimeEntry(
            task_id=task_id,
            client_id=client_id,
            start=start,
            end=start + timedelta(minutes=minutes),
            minutes=minutes,
            note=note.strip(),
            billable=billable,
        )
        return tx.add(entry)


def _today(ws: Workspace) -> date:
    from vatui.services.common import home_today

    return home_today(ws)


def entries_between(ws: Workspace, start: date, end: date) -> list[TimeEntry]:
    """Time entries whose start falls on a home-time day from ``start`` to ``end`` inclusive."""
    tz = ZoneInfo(ws.settings().home_timezone)
    lo = datetime.combine(start, time(0), tzinfo=tz).astimezone(UTC).isoformat()
    hi = datetime.combine(end + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC).isoformat()
    out = []
    for key, doc in time_docs(ws).items():
        if lo <= doc["start"] < hi:
            out.append(TimeEntry.from_doc(doc, int(key)))
    return sorted(out, key=lambda e: e.start)


@dataclass(frozen=True, slots=True)
class TimeSummary:
    """What Today needs from the time log, gathered in one pass (see ``summarize``)."""

    running: TimeEntry | None
    """The running timer's entry, if any."""
    by_day: dict[date, int]
    """Minutes per home-time day in the range asked for (a running timer counts up to now)."""
    unbilled_minutes: int
    """Finished billable minutes on no invoice yet."""

    def minutes(self, first: date, last: date) -> int:
        """Minutes logged from ``first`` to ``last`` inclusive."""
        return sum(m for day, m in self.by_day.items() if first <= day <= last)


def summarize(ws: Workspace, first: date, last: date, now: datetime) -> TimeSummary:
    """The running timer, minutes per day from ``first`` to ``last``, and unbilled minutes.

    One pass over the time log instead of one per question: only the entries inside the
    range are parsed; the rest are compared as ISO strings, as ``entries_between`` does.
    """
    tz = ZoneInfo(ws.settings().home_timezone)
    lo = datetime.combine(first, time(0), tzinfo=tz).astimezone(UTC).isoformat()
    hi = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC).isoformat()
    running: TimeEntry | None = None
    by_day: dict[date, int] = {}
    unbilled_minutes = 0
    for key, doc in time_docs(ws).items():
        if doc.get("invoice_id") is None:  # most entries are billed: one look first
            if doc.get("end") is None:
                if running is None:
                    running = TimeEntry.from_doc(doc, int(key))
            elif doc.get("billable", True):
                unbilled_minutes += doc.get("minutes", 0)
        if lo <= doc["start"] < hi:
            entry = TimeEntry.from_doc(doc, int(key))
            day = entry.start.astimezone(tz).date()
            by_day[day] = by_day.get(day, 0) + minutes_of([entry], now)
    return TimeSummary(running, by_day, unbilled_minutes)


def minutes_of(entries: list[TimeEntry], now: datetime) -> int:
    """Total minutes, counting a running timer up to ``now``."""
    total = 0
    for entry in entries:
        if entry.end is None:
            total += minutes_since(entry.start, now)
        else:
            total += entry.minutes
    return total


def unbilled(ws: Workspace, client_id: int | None = None) -> list[TimeEntry]:
    """Finished billable time not on any invoice yet."""
    out = []
    for key, doc in time_docs(ws).items():
        if doc.get("billable", True) and doc.get("invoice_id") is None and doc.get("end") is not None:
            if client_id is None or doc.get("client_id") == client_id:
                out.append(TimeEntry.from_doc(doc, int(key)))
    return out
