"""What a plan reads from the workspace, kept between plans: a move re-reads one task, not all.

``PlanReader`` reads the tasks, the clients and the time log into what
``vatui.domain.forecast`` needs, and keeps what it made. A table once handed out by the
store never changes (``vatui.store.storage``: a change gives its table a new mapping and the
changed documents new objects, the others stay the same objects), so:

- the time log read for the plan is reused while the ``time`` table is the same mapping
  (moving a task leaves it as it was);
- a task is built again only when its document is a new object (moving a task a week
  builds that one task, not thousands);
- the clients are reused while their table is the same mapping.

What comes out is exactly what reading everything again gives (tests/services/
test_plan_incremental.py compares both on random changes). The reader holds the last tables
it read (strong references: an object id is never reused while it is kept). Its state is
swapped whole, never changed in place, so worker threads may share one reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from vatui.domain.clients import Client
from vatui.domain.forecast import Correction, LoggedTime, corrections, logged_by_task
from vatui.domain.tasks import Task
from vatui.services.queries import client_docs, task_docs, time_docs
from vatui.store.workspace import Workspace

__all__ = ["SHARED", "PlanReader"]

Docs = Mapping[str, dict[str, Any]]

_DONE_AT = datetime(1970, 1, 1, tzinfo=UTC)
"""Stands for a done task's completion time: the forecast only asks whether it is done."""


@dataclass(frozen=True, slots=True)
class _Logged:
    table: Docs
    since: date
    zone: str
    made: tuple[LoggedTime, ...]
    by_task: dict[int, int]
    """``forecast.logged_by_task(made)``."""


@dataclass(frozen=True, slots=True)
class _Tasks:
    table: Docs
    done_column: str
    by_key: dict[str, tuple[dict[str, Any], Task | None]]
    """Each document as read, and the task made of it (``None``: the plan skips it)."""
    made: tuple[Task, ...]
    done: tuple[Task, ...]
    """The done ones among ``made`` (what the corrections learn from): the same tuple as
    the last read's while none of them changed."""


@dataclass(frozen=True, slots=True)
class _Corrections:
    done: tuple[Task, ...]
    by_task: dict[int, int]
    names: dict[int, str]
    done_column: str
    made: tuple[Correction, ...]


@dataclass(frozen=True, slots=True)
class _Clients:
    table: Docs
    made: tuple[Client, ...]


def read_logged(table: Docs, since: date, zone_name: str) -> tuple[LoggedTime, ...]:
    """Finished time entries; the day is exact (home time) from ``since`` on. Before
    ``since`` only the minutes per task and client matter (remaining estimates, corrections),
    so those entries come summed, one per (client, task), dated the day before ``since``:
    the plan costs what the recent log weighs, not the whole history (16,000 entries: ~15 ms
    instead of ~170 ms)."""
    zone = ZoneInfo(zone_name)
    lo = datetime.combine(since, time(0), tzinfo=zone).astimezone(UTC).isoformat()
    found: list[LoggedTime] = []
    older: dict[tuple[int | None, int | None], int] = {}
    for doc in table.values():
        if doc.get("end") is None:
            continue
        start = doc.get("start", "")
        minutes = doc.get("minutes", 0)
        minutes = minutes if type(minutes) is int else 0
        client_id = doc.get("client_id")
        task_id = doc.get("task_id")
        key = (
            client_id if type(client_id) is int else None,
            task_id if type(task_id) is int else None,
        )
        if not isinstance(start, str) or start < lo:
            older[key] = older.get(key, 0) + minutes
            continue
        try:
            day = datetime.fromisoformat(start).astimezone(zone).date()
        except ValueError:
            continue
        found.append(LoggedTime(day, minutes, *key))
    before = since - timedelta(days=1)
    found.extend(LoggedTime(before, minutes, *key) for key, minutes in older.items())
    return tuple(found)


def plan_task(key: str, doc: dict[str, Any], done_column: str) -> Task | None:
    """An open task whole; a done task only as the corrections read it (its client, estimate
    and id), and not at all without both — thousands of done tasks cost a plan ~200 ms read
    whole."""
    column = doc.get("column")
    if doc.get("completed") is None and column != done_column:
        return Task.from_doc(doc, int(key))
    client_id, estimate = doc.get("client_id"), doc.get("estimate_minutes")
    if type(client_id) is int and type(estimate) is int and estimate > 0:
        return Task(
            id=int(key),
            title="",
            client_id=client_id,
            estimate_minutes=estimate,
            column=column if isinstance(column, str) else done_column,
            completed=_DONE_AT,
            created=_DONE_AT,
            updated=_DONE_AT,
        )
    return None


class PlanReader:
    """The plan's reads of the workspace, each kept until its table changes (see above)."""

    def __init__(self) -> None:
        self._logged: _Logged | None = None
        self._tasks: _Tasks | None = None
        self._clients: _Clients | None = None
        self._corrections: _Corrections | None = None

    def logged(self, ws: Workspace, since: date) -> tuple[LoggedTime, ...]:
        """``read_logged`` of the workspace's time log, kept while the log is the same."""
        table, zone = time_docs(ws), ws.settings().home_timezone
        kept = self._logged
        if kept is not None and kept.table is table and kept.since == since and kept.zone == zone:
            return kept.made
        made = read_logged(table, since, zone)
        self._logged = _Logged(table, since, zone, made, logged_by_task(made))
        return made

    def logged_by_task(self, ws: Workspace, since: date) -> dict[int, int]:
        """``forecast.logged_by_task`` of ``logged(ws, since)``, kept with it."""
        made = self.logged(ws, since)
        kept = self._logged
        return kept.by_task if kept is not None and kept.made is made else logged_by_task(made)

    def tasks(self, ws: Workspace, done_column: str) -> tuple[Task, ...]:
        """Every task the plan reads (``plan_task``), in the table's order; a task is built
        again only when its document changed."""
        return self._read_tasks(ws, done_column).made

    def _read_tasks(self, ws: Workspace, done_column: str) -> _Tasks:
        table = task_docs(ws)
        kept = self._tasks
        if kept is not None and kept.done_column != done_column:
            kept = None
        if kept is not None and kept.table is table:
            return kept
        before = kept.by_key if kept is not None else {}
        by_key: dict[str, tuple[dict[str, Any], Task | None]] = {}
        made: list[Task] = []
        done: list[Task] = []
        for key, doc in table.items():
            hit = before.get(key)
            if hit is None or hit[0] is not doc:
                hit = (doc, plan_task(key, doc, done_column))
            by_key[key] = hit
            task = hit[1]
            if task is not None:
                made.append(task)
                if task.completed is not None or task.column == done_column:
                    done.append(task)
        was = kept.done if kept is not None else ()
        same = len(was) == len(done) and all(a is b for a, b in zip(was, done, strict=True))
        read = _Tasks(table, done_column, by_key, tuple(made), was if same else tuple(done))
        self._tasks = read
        return read

    def corrections(
        self, ws: Workspace, since: date, names: dict[int, str], done_column: str
    ) -> tuple[Correction, ...]:
        """``forecast.corrections`` of the done tasks and the time logged on them, kept while
        neither changed (moving an open task changes neither)."""
        done = self._read_tasks(ws, done_column).done
        by_task = self.logged_by_task(ws, since)
        kept = self._corrections
        if (
            kept is not None
            and kept.done is done
            and kept.by_task is by_task
            and kept.done_column == done_column
            and kept.names == names
        ):
            return kept.made
        made = corrections(done, by_task, names, done_column)
        self._corrections = _Corrections(done, by_task, names, done_column, made)
        return made

    def clients(self, ws: Workspace) -> tuple[Client, ...]:
        """Every client, kept while the clients table is the same."""
        table = client_docs(ws)
        kept = self._clients
        if kept is not None and kept.table is table:
            return kept.made
        made = tuple(Client.from_doc(d, int(k)) for k, d in table.items())
        self._clients = _Clients(table, made)
        return made


SHARED = PlanReader()
"""The reader ``build_plan`` uses unless given one: the app's panes and workers share it."""
