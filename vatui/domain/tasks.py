"""Tasks on the board, and the time logged against them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from vatui.domain.errors import InputError
from vatui.domain.records import Record
from vatui.domain.text import MAX_TITLE, check_text, has_visible
from vatui.i18n import _

PRIORITIES = ("low", "med", "high")
"""Task priorities, lowest first."""

MAX_TIME_NOTE = 500
"""The longest note a time entry takes."""


def check_title(title: str) -> str:
    """A task title, stripped; empty or overlong titles and control characters are refused."""
    stripped = check_text(title, _("the title"), MAX_TITLE)
    if not has_visible(stripped):
        raise InputError(_("a task needs a title"))
    return stripped


def check_time_note(note: str) -> str:
    """A time entry's note: one line, stripped, of reasonable length."""
    value = note.strip()
    if "\n" in value or "\r" in value:
        raise InputError(_("a time note is one line"))
    value = check_text(value, _("the note"), MAX_TIME_NOTE)
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class ChecklistItem(Record):
    """One line of a task's checklist."""

    text: str
    """What to do."""
    done: bool = False
    """Whether it is done."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Task(Record):
    """A card on the board."""

    title: str
    """What the task is, as the user typed it."""
    client_id: int | None = None
    """The client it is for, if any."""
    column: str = "Inbox"
    """The board column it sits in."""
    position: int = 0
    """Its order inside the column, smallest first."""
    priority: str | None = None
    """``low``, ``med`` or ``high``."""
    due: date | None = None
    """The calendar date it is due."""
    estimate_minutes: int | None = None
    """How long the VA expects it to take."""
    tags: tuple[str, ...] = ()
    """Free tags, lower case."""
    notes: str = ""
    """Free notes."""
    checklist: tuple[ChecklistItem, ...] = ()
    """Sub-steps."""
    recurrence: str | None = None
    """Canonical recurrence rule (see ``vatui.domain.recurrence``); completing creates the next."""
    follow_up: date | None = None
    """For a task waiting on the client: when to chase them."""
    snoozed_until: date | None = None
    """Hidden from Today until this date."""
    created: datetime
    """When it was created (UTC)."""
    updated: datetime
    """When it last changed (UTC)."""
    completed: datetime | None = None
    """When it was completed (UTC), if done."""
    source: str | None = None
    """Where an imported task came from (``trello:<card id>``), so a re-import updates it."""

    @property
    def is_done(self) -> bool:
        """Whether the task is completed."""
        return self.completed is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeEntry(Record):
    """Time spent, on a task or for a client. A running timer has no ``end``."""

    task_id: int | None = None
    """The task the time was spent on."""
    client_id: int | None = None
    """The client the time was for (from the task when there is one)."""
    start: datetime
    """When the work started (UTC)."""
    end: datetime | None = None
    """When it ended; ``None`` while the timer runs."""
    minutes: int = 0
    """The duration in whole minutes (set when the entry ends, or given directly)."""
    note: str = ""
    """What was done."""
    billable: bool = True
    """Whether it may be invoiced."""
    invoice_id: int | None = None
    """The invoice that billed it, once billed."""
    source: str | None = None
    """Where an imported entry came from (``csv:<row key>``), so a re-import skips it."""

    @property
    def running(self) -> bool:
        """Whether this is the running timer."""
        return self.end is None


def counted_minutes(doc: Mapping[str, Any]) -> tuple[Any, int, int] | None:
    """What a stored time entry adds to its client's hours (the clients report, the archive's
    sums of a year): ``(client_id, minutes, billable minutes)``, or ``None`` when it adds
    nothing (no client, or the timer still running)."""
    client_id = doc.get("client_id")
    if client_id is None or doc.get("end") is None:
        return None
    minutes = int(doc.get("minutes") or 0)
    return client_id, minutes, minutes if doc.get("billable", True) else 0


def minutes_for(client_id: int, docs: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
    """``(minutes, billable minutes)`` that stored time entries add to one client's hours
    (``counted_minutes``, as the clients report counts them); only that client's entries
    are looked at."""
    every = billable = 0
    for doc in docs:
        if doc.get("client_id") == client_id:
            counted = counted_minutes(doc)
            if counted is not None:
                every += counted[1]
                billable += counted[2]
    return every, billable
