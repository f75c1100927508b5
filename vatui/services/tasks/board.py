"""What the Board shows: the cards of every column, read in one cheap pass.

The Board redraws after every key that changes something, on workspaces with thousands
of cards, so this module reads the raw task documents once and parses only the ones the
Board shows: every open task, and the tasks done in the last ``done_days`` days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from vatui.domain.settings import Settings
from vatui.domain.tasks import Task, TimeEntry
from vatui.services.common import client_names, home_today
from vatui.services.ledger.collect import blocked_clients, on_hold_clients
from vatui.services.queries import task_docs
from vatui.services.tasks.timer import running_timer
from vatui.store.workspace import Workspace

DONE_DAYS = 14
"""How many days of completed tasks the Done column shows."""


@dataclass(frozen=True, slots=True)
class BoardSnapshot:
    """Everything the Board draws, read at one moment."""

    settings: Settings
    """The workspace settings (columns, WIP limit, the done column)."""
    columns: dict[str, list[Task]]
    """Cards per column, in board order; Done holds the recent ones, newest first."""
    client_names: dict[int, str]
    """Client names by id (archived clients included)."""
    today: date
    """Today's date at home."""
    blocked_clients: frozenset[int] = frozenset()
    """Clients whose required deposit is unpaid, or on hold (unpaid after the final reminder): flagged."""
    running: TimeEntry | None = None
    """The running timer, if any."""

    @property
    def wip(self) -> int:
        """How many cards sit in the doing column."""
        return len(self.columns.get(self.settings.doing_column, ()))

    @property
    def over_wip(self) -> bool:
        """Whether the doing column holds more cards than the WIP limit."""
        return self.settings.wip_limit > 0 and self.wip > self.settings.wip_limit


def _blocked(ws: Workspace) -> frozenset[int]:
    """Clients whose work should wait (the card's ``$!`` flag): an unpaid required deposit, or
    on hold because the final collection step was sent and money is still due."""
    return frozenset((*blocked_clients(ws), *on_hold_clients(ws)))


def _shown(doc: dict[str, Any], since: str) -> bool:
    completed = doc.get("completed")
    return completed is None or str(completed) >= since


class BoardReader:
    """Reads Board snapshots, re-parsing only the task documents that changed since the last.

    Keys move one card at a time, so most of 2,000 documents are the same as on the
    previous read: comparing a document with a copy kept from last time is much cheaper
    than building its ``Task`` again.
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[dict[str, Any], Task]] = {}

    def snapshot(self, ws: Workspace, done_days: int = DONE_DAYS) -> BoardSnapshot:
        """The Board's cards: open tasks per column and the tasks done in the last ``done_days``.

        A task whose column is not (or no longer) in the settings shows in the first
        column; a completed task shows in the done column whatever its stored column says.
        """
        settings = ws.settings()
        now: datetime = ws.clock.now()
        since = (now - timedelta(days=done_days)).isoformat()
        columns: dict[str, list[Task]] = {name: [] for name in settings.columns}
        first, done = settings.columns[0], settings.done_column
        cache, fresh = self._cache, {}
        for key, doc in task_docs(ws).items():
            if not _shown(doc, since):
                continue
            hit = cache.get(key)
            if hit is None or hit[0] != doc:
                hit = (dict(doc), Task.from_doc(doc, int(key)))
            fresh[key] = hit
            task = hit[1]
            if task.completed is not None and done in columns:
                columns[done].append(task)
            else:
                columns.get(task.column, columns[first]).append(task)
        self._cache = fresh
        for name, tasks in columns.items():
            if name == done:
                tasks.sort(key=lambda t: (t.completed or now, t.id or 0), reverse=True)
            else:
                tasks.sort(key=lambda t: (t.position, t.id or 0))
        return BoardSnapshot(
            settings=settings,
            columns=columns,
            client_names=client_names(ws),
            blocked_clients=_blocked(ws),
            running=running_timer(ws),
            today=home_today(ws),
        )


def board_snapshot(ws: Workspace, done_days: int = DONE_DAYS) -> BoardSnapshot:
    """The Board's cards, read afresh (see ``BoardReader.snapshot``)."""
    return BoardReader().snapshot(ws, done_days)
