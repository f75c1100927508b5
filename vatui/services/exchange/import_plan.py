"""What an import would do, as a typed plan: the records to add, update and skip.

A plan is computed from the file and from the workspace as read (inside the import's
transaction for a real import), shown the same way for ``--dry-run`` and after the real
import, and applied in one transaction. New records refer to each other by key (a new time
entry on a new task for a new client) until they get their ids.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from vatui.domain.clients import Client
from vatui.domain.errors import InputError
from vatui.domain.settings import Settings
from vatui.domain.tasks import Task, TimeEntry
from vatui.domain.text import clean, one_line, quoted
from vatui.i18n import _
from vatui.services.queries import client_docs, task_docs
from vatui.store.workspace import Tx

MAX_CELL = 1_000_000
"""The longest text accepted in one cell or field of an imported file (1 MB)."""

MAX_PROBLEMS_SHOWN = 10
"""How many problems a refusal lists before saying how many more there are."""

Progress = Callable[[float], None]
"""Told how far an import is, from 0.0 to 1.0: reading the rows is the first half, writing the second."""

Ref = int | str | None
"""An existing record's id, a new record's key in the plan, or nothing."""


class Reader(Protocol):
    """What a plan reads: a workspace or a transaction."""

    def docs(self, table: str) -> Mapping[str, dict[str, Any]]: ...

    def settings(self) -> Settings: ...


class ImportRefused(InputError):
    """The file has problems; nothing was written. ``problems`` are ``FILE:LINE: reason``."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = len(problems) - 1
        first = problems[0] if problems else _("the file cannot be imported")
        super().__init__(first if not more else _("{first} (and {n} more)").format(first=first, n=more))


def fold(text: str) -> str:
    """A name for matching: accents dropped, case folded, spaces collapsed (``Café`` = ``cafe``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def client_index(reader: Reader) -> dict[str, int]:
    """Every client's folded name → its id (the lowest id wins on a tie)."""
    out: dict[str, int] = {}
    for key, doc in sorted(client_docs(reader).items(), key=lambda kv: int(kv[0])):
        out.setdefault(fold(str(doc.get("name", ""))), int(key))
    return out


def find_client(reader: Reader, name: str) -> int:
    """The id of the client called ``name`` (accent- and case-insensitive), or refused."""
    found = client_index(reader).get(fold(name))
    if found is None:
        raise InputError(_("no client called {name}").format(name=quoted(name)))
    return found


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One line of the summary: what happens to one record."""

    action: str
    """``add``, ``update`` or ``skip``."""
    kind: str
    """``client``, ``task`` or ``time``."""
    label: str
    """The record, as shown (already cleaned)."""
    detail: str = ""
    """Where it goes, what changed, or why it is skipped."""


@dataclass
class ImportPlan:
    """Everything an import would do, and the problems that stop it."""

    file: str
    """The file, as the user named it."""
    label: str
    """The undo label."""
    mapping: list[tuple[str, str]] = field(default_factory=list)
    """How the file's columns or lists map to vatui's fields or columns."""
    items: list[PlanItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    new_clients: dict[str, Client] = field(default_factory=dict)
    new_tasks: dict[str, tuple[Task, Ref]] = field(default_factory=dict)
    """Key → (task, its client); the task's column position is given when applied."""
    task_updates: list[Task] = field(default_factory=list)
    new_time: list[tuple[TimeEntry, Ref, Ref]] = field(default_factory=list)
    """(entry, its task, its client)."""

    def problem(self, line: int, reason: str) -> None:
        """Note a problem at ``line`` of the file."""
        self.problems.append(f"{self.file}:{line}: {one_line(reason, 300)}")

    def add(self, action: str, kind: str, label: str, detail: str = "") -> None:
        """Note one line of the summary."""
        self.items.append(PlanItem(action, kind, one_line(label, 80), one_line(detail, 120)))

    def refuse_if_broken(self) -> None:
        """Raise ``ImportRefused`` when the file had any problem."""
        if self.problems:
            raise ImportRefused(self.problems)

    def counts(self) -> dict[str, dict[str, int]]:
        """{kind: {action: n}} for the summary and ``--json``."""
        out: dict[str, dict[str, int]] = {}
        for item in self.items:
            per = out.setdefault(item.kind, {"add": 0, "update": 0, "skip": 0})
            per[item.action] += 1
        return out


def _kind_words(kind: str) -> tuple[str, str]:
    """(one, many) for a kind of record, translated."""
    words = {
        "client": (_("client"), _("Clients")),
        "task": (_("task"), _("Tasks")),
        "time": (_("time entry"), _("Time entries")),
        "contact": (_("contact"), _("Contacts")),
        "invoice": (_("invoice"), _("Invoices")),
        "payment": (_("payment"), _("Payments")),
        "expense": (_("expense"), _("Expenses")),
        "timeoff": (_("time off"), _("Time off")),
        "settings": (_("settings"), _("Settings")),
        "note": (_("note"), _("Notes")),
    }
    return words[kind]


_SIGN = {"add": "+", "update": "~", "skip": "="}


def summary_lines(plan: ImportPlan) -> list[str]:
    """The summary of a plan: the mapping, the counts, then one line per record.

    ``--dry-run`` prints exactly this list, and so does the real import once it is done.
    """
    lines: list[str] = []
    if plan.mapping:
        lines.append(_("Mapping:"))
        lines.extend(f"  {clean(src)} → {clean(dst)}" for src, dst in plan.mapping)
    for kind, per in plan.counts().items():
        lines.append(
            _("{what}: {add} to add, {update} to update, {skip} skipped").format(
                what=_kind_words(kind)[1], add=per["add"], update=per["update"], skip=per["skip"]
            )
        )
    for item in plan.items:
        detail = f" — {item.detail}" if item.detail else ""
        lines.append(f"  {_SIGN[item.action]} {_kind_words(item.kind)[0]} “{item.label}”{detail}")
    if not plan.items:
        lines.append(_("Nothing to import."))
    return lines


def plan_json(plan: ImportPlan, *, dry_run: bool) -> dict[str, Any]:
    """The plan as the stable ``--json`` shape."""
    return {
        "file": plan.file,
        "dry_run": dry_run,
        "mapping": [{"from": src, "to": dst} for src, dst in plan.mapping],
        "counts": plan.counts(),
        "items": [
            {"action": i.action, "kind": i.kind, "label": i.label, "detail": i.detail} for i in plan.items
        ],
    }


def _resolve(ref: Ref, ids: dict[str, int]) -> int | None:
    if isinstance(ref, str):
        return ids[ref]
    return ref


def apply_plan(tx: Tx, plan: ImportPlan, progress: Progress | None = None) -> None:
    """Write a checked plan inside ``tx`` (refused if it has problems)."""
    plan.refuse_if_broken()
    ids: dict[str, int] = {}
    for key, client in plan.new_clients.items():
        ids[key] = tx.insert("clients", client.to_doc())
    ends: dict[str, int] = {}
    for doc in task_docs(tx).values():
        column = str(doc.get("column"))
        ends[column] = max(ends.get(column, 0), int(doc.get("position") or 0))
    for key, (task, owner) in plan.new_tasks.items():
        ends[task.column] = ends.get(task.column, 0) + 1
        placed = task.with_(client_id=_resolve(owner, ids), position=ends[task.column])
        ids[key] = tx.insert("tasks", placed.to_doc())
    for task in plan.task_updates:
        stored = tx.get_doc("tasks", task.id or 0) or {}
        if stored.get("column") != task.column:  # moved: to the end of its new column
            ends[task.column] = ends.get(task.column, 0) + 1
            task = task.with_(position=ends[task.column])
        tx.update("tasks", task.id or 0, task.to_doc())
    total = len(plan.new_time)
    for n, (entry, task_ref, client_ref) in enumerate(plan.new_time, start=1):
        doc = entry.to_doc()
        doc["task_id"] = _resolve(task_ref, ids)
        doc["client_id"] = _resolve(client_ref, ids)
        tx.insert("time", doc)
        if progress is not None and (n % 500 == 0 or n == total):
            progress(0.5 + n / total / 2)
    if progress is not None:
        progress(1.0)
