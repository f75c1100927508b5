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

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> TriageItem:
        """The item ``to_json`` wrote (``ValueError``/``KeyError``/``TypeError`` when it is not one)."""
        ref, when = doc["id"], doc["date"]
        return cls(
            _text(doc["kind"]),
            None if ref is None else _int(ref),
            _text(doc["title"]),
            None if doc["client"] is None else _text(doc["client"]),
            _text(doc["detail"]),
            None if when is None else date.fromisoformat(_text(when)),
            _text(doc["level"]),
        )


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

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> TriageSection:
        """The section ``to_json`` wrote; its quiet line from ``empty`` when the document has
        one (``Triage.to_kept_json``), else ``""``."""
        items = tuple(TriageItem.from_json(i) for i in doc["items"])
        if doc.get("count", len(items)) != len(items):
            raise ValueError("count")
        return cls(_text(doc["key"]), _text(doc["title"]), items, _text(doc.get("empty", "")))


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

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Capacity:
        """The load ``to_json`` wrote."""
        return cls(
            _int(doc["planned_minutes"]),
            _int(doc["available_minutes"]),
            _int(doc["logged_minutes"]),
            _int(doc["wip"]),
            _int(doc["wip_limit"]),
        )


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

    def to_kept_json(self) -> dict[str, Any]:
        """``to_json`` plus what it leaves out (each section's quiet line): all ``from_json``
        needs to give this triage back whole (the kept Today summary)."""
        doc = self.to_json()
        for section, out in zip(self.sections, doc["sections"], strict=True):
            out["empty"] = section.empty
        return doc

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Triage:
        """The inverse of ``to_json`` (of ``to_kept_json``, quiet lines included).

        Raises ``ValueError``, ``KeyError`` or ``TypeError`` for anything that is not such a
        document: a caller reading a file it does not trust catches them.
        """
        timer = doc["timer"]
        if timer is not None and not isinstance(timer, dict):
            raise TypeError("timer")
        return cls(
            date.fromisoformat(_text(doc["date"])),
            tuple(TriageSection.from_json(s) for s in doc["sections"]),
            Capacity.from_json(doc["capacity"]),
            timer,
            _int(doc["unbilled_minutes"]),
            _int(doc["yesterday_minutes"]),
            tuple(_text(n) for n in doc["notes"]),
        )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not an integer")
    return value
