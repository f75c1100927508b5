"""Today's triage as plain records: the sections and lines the services compute for a day,
the week's load, the timer and notes; the Today pane and ``vatui today`` show them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class TriageItem:
    """One actionable line of Today."""

    kind: str
    """What it acts on: ``task``, ``invoice``, ``client``, ``contact``, ``timer``."""
    ref: int | None
    """The record's id."""
    title: str
    """The main text (user text, cleaned at render)."""
    client: str | None = None
    """The client's name, if any."""
    detail: str = ""
    """A short explanation: "3 days overdue", "step: polite"."""
    when: date | None = None
    """The date that put it here."""
    level: str = "normal"
    """``normal``, ``warn`` or ``alert``: how loudly to show it."""

    def to_json(self) -> dict[str, Any]:
        """The stable ``--json`` shape of an item."""
        return {
            "kind": self.kind,
            "id": self.ref,
            "title": self.title,
            "client": self.client,
            "detail": self.detail,
            "date": self.when.isoformat() if self.when else None,
            "level": self.level,
        }


@dataclass(frozen=True, slots=True)
class TriageSection:
    """A heading of Today and its items."""

    key: str
    """Stable identifier (``overdue``, ``due_today``, …)."""
    title: str
    """The heading."""
    items: tuple[TriageItem, ...] = ()
    """Its lines."""
    empty: str = ""
    """The quiet line shown when there is nothing."""

    def to_json(self) -> dict[str, Any]:
        """The stable ``--json`` shape of a section."""
        return {
            "key": self.key,
            "title": self.title,
            "count": len(self.items),
            "items": [i.to_json() for i in self.items],
        }


@dataclass(frozen=True, slots=True)
class Capacity:
    """This week's load."""

    planned_minutes: int
    """Estimates of open tasks due this week (or in Doing)."""
    available_minutes: int
    """From settings: weekly hours."""
    logged_minutes: int
    """Time logged this week so far."""
    wip: int
    """Cards in the doing column."""
    wip_limit: int
    """The WIP limit."""

    def to_json(self) -> dict[str, Any]:
        """The stable ``--json`` shape."""
        return {
            "planned_minutes": self.planned_minutes,
            "available_minutes": self.available_minutes,
            "logged_minutes": self.logged_minutes,
            "wip": self.wip,
            "wip_limit": self.wip_limit,
        }


@dataclass(frozen=True, slots=True)
class Triage:
    """Everything Today shows for one date."""

    on: date
    """The day triaged."""
    sections: tuple[TriageSection, ...]
    """In display order."""
    capacity: Capacity
    """The week's load."""
    timer: dict[str, Any] | None = None
    """The running timer: task id, title, started, minutes so far."""
    unbilled_minutes: int = 0
    """Finished billable time not yet invoiced."""
    yesterday_minutes: int = 0
    """Time logged on the previous day."""
    notes: tuple[str, ...] = field(default=())
    """One-line remarks ("No time logged yesterday")."""

    def to_json(self) -> dict[str, Any]:
        """The stable ``vatui today --json`` shape (documented in the README)."""
        return {
            "date": self.on.isoformat(),
            "sections": [s.to_json() for s in self.sections],
            "capacity": self.capacity.to_json(),
            "timer": self.timer,
            "unbilled_minutes": self.unbilled_minutes,
            "yesterday_minutes": self.yesterday_minutes,
            "notes": list(self.notes),
        }
