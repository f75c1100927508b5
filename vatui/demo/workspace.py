"""A believable, seeded demo workspace: ``vatui demo-data`` and ``vatui --demo``.

``generate(ws, clients=5, seed=7)`` fills an empty workspace with the business of a
freelance VA, "Northstar Virtual Assistance": clients across the pipeline, their board,
time, contacts, invoices, payments and expenses. The same seed and the same clock give
the same workspace, byte for byte; everything is dated relative to ``ws.clock.now()``.

Up to ten clients get about a month of history (the small demo: five clients, tens of
tasks); more get three years (the large demo: forty clients, over 50,000 records).
Everything is written in one durable, non-undoable transaction with one bulk insert per
table. The parts live in ``clients``, ``work``, ``timelog``, ``season``, ``ledger`` and
``expenses``; the words in ``words``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from vatui.demo import clients as demo_clients
from vatui.demo import expenses as demo_expenses
from vatui.demo import ledger as demo_ledger
from vatui.demo import season, timelog
from vatui.demo import work as demo_work
from vatui.demo.base import Ctx, DayPlanner, EntryPlan, Load, TaskPlan
from vatui.domain.errors import InputError
from vatui.domain.records import Record
from vatui.domain.settings import Settings
from vatui.domain.tasks import ChecklistItem, Task, TimeEntry
from vatui.domain.timeoff import TimeOff
from vatui.i18n import _, ngettext
from vatui.services.queries import docs_of
from vatui.store.workspace import Tx, Workspace

SIZES = {"small": 5, "large": 40}
"""Named sizes, in clients."""
MAX_CLIENTS = 500
"""The most clients ``--size N`` accepts."""
LONG_HISTORY_FROM = 11
"""From this many clients on, three years of history instead of about a month."""
HOME_TZ = "Europe/Madrid"
DATA_TABLES = ("clients", "tasks", "time", "contacts", "invoices", "payments", "expenses", "timeoff")
"""The tables the demo writes, in the order it writes them."""
PROGRESS_STEPS = 7
"""Steps ``generate`` reports: five while building, one when stored, one when saved."""

Progress = Callable[[int, int], None]


def parse_size(text: str) -> int:
    """``small`` (5), ``large`` (40) or a number of clients; anything else is refused."""
    value = text.strip().lower()
    if value in SIZES:
        return SIZES[value]
    if value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_CLIENTS:
        return int(value)
    raise InputError(
        _("size must be small, large or a number of clients from 1 to {max}, not {text!r}").format(
            max=MAX_CLIENTS, text=text
        )
    )


def demo_settings(current: Settings) -> Settings:
    """The demo business's settings (the theme is kept)."""
    return Settings(
        id=1,
        business_name="Northstar Virtual Assistance",
        business_details="Calle de la Estrella 12, 28004 Madrid, Spain\nhello@northstar-va.example",
        home_timezone=HOME_TZ,
        default_currency="USD",
        weekly_hours=40,
        wip_limit=3,
        rounding_minutes=15,
        theme=current.theme,
        workspace_name="Northstar (demo)",
    )


def generate(
    ws: Workspace, *, clients: int, seed: int, replace: bool = False, progress: Progress | None = None
) -> dict[str, int]:
    """Fill ``ws`` with a demo business; returns how many records went into each table.

    ``progress`` is called with (steps done, ``PROGRESS_STEPS``) as the work goes on.

    A workspace that already holds data is refused unless ``replace``, which empties the
    data tables (and the undo history) first.
    """
    if not 1 <= clients <= MAX_CLIENTS:
        raise InputError(_("the demo needs 1 to {max} clients, not {n}").format(max=MAX_CLIENTS, n=clients))
    ws.refresh()
    if not replace:
        _refuse_if_data(ws)
    settings = demo_settings(ws.settings())
    with ws.transaction(None) as tx:
        if replace:
            for table in (*DATA_TABLES, "undo"):
                ws.table(table).truncate()
        else:
            _refuse_if_data(ws)
        first = {table: _first_id(tx, table) for table in DATA_TABLES}
        docs = build(ws, clients, seed, settings, first, progress)
        if tx.get_doc("settings", 1) is None:
            tx.insert("settings", settings.to_doc(), 1)
        else:
            tx.update("settings", 1, settings.to_doc())
        for table in DATA_TABLES:
            ids = tx.insert_many(table, docs[table])
            expected = list(range(first[table], first[table] + len(docs[table])))
            if ids != expected:
                raise RuntimeError(f"demo ids of {table} went astray: {ids[:3]}… not {expected[:3]}…")
        if progress:
            progress(PROGRESS_STEPS - 1, PROGRESS_STEPS)
    if progress:
        progress(PROGRESS_STEPS, PROGRESS_STEPS)
    return {table: len(docs[table]) for table in DATA_TABLES}


def _refuse_if_data(ws: Workspace) -> None:
    held = sum(len(docs_of(ws, table)) for table in DATA_TABLES)
    if held:
        raise InputError(
            ngettext(
                "this workspace already holds {n} record; replace it (demo-data --force) or use an empty "
                "data directory",
                "this workspace already holds {n} records; replace them (demo-data --force) or use an empty "
                "data directory",
                held,
            ).format(n=held)
        )


def _first_id(tx: Tx, table: str) -> int:
    """The id TinyDB gives the next document of ``table`` (past any archived id)."""
    meta = tx.get_doc("meta", 1) or {}
    floor = int(meta.get("id_floor", {}).get(table, 0))
    highest = max((int(k) for k in docs_of(tx, table)), default=0)
    return max(floor, highest) + 1


def build(
    ws: Workspace,
    clients: int,
    seed: int,
    settings: Settings,
    first: dict[str, int],
    progress: Progress | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """The documents of every data table, in id order from ``first``."""

    def step(done: int) -> None:
        if progress:
            progress(done, PROGRESS_STEPS)

    step(0)
    now = ws.clock.now()
    tz = ZoneInfo(settings.home_timezone)
    today = now.astimezone(tz).date()
    large = clients >= LONG_HISTORY_FROM
    ctx = Ctx(random.Random(seed), now, tz, today, today - timedelta(days=3 * 365 if large else 35), large)
    plans = demo_clients.build_clients(ctx, clients, first["clients"])
    load = Load(plans)
    step(1)
    tasks = demo_work.build_tasks(ctx, load, plans)
    planner = DayPlanner(ctx)
    entries = [e for t in tasks for e in t.entries] + timelog.routine_entries(ctx, load, plans)
    placed = timelog.lay_out(ctx, planner, entries)
    step(2)
    demo_clients.fit_retainers(ctx, plans, placed)
    placed += timelog.top_up_retainers(ctx, planner, plans, placed)
    demo_work.finish_tasks(ctx, tasks)
    tasks += season.season_crunch(ctx, plans)  # no random draw: the rest stays as it was
    step(3)
    tasks.sort(key=lambda t: t.created)
    for offset, task in enumerate(tasks):
        task.id = first["tasks"] + offset
    placed.sort(key=lambda e: (e.start, e.client.id if e.client else 0))
    for offset, entry in enumerate(placed):
        entry.id = first["time"] + offset
    invoices = demo_ledger.plan_invoices(ctx, plans, placed, settings.rounding_minutes)
    demo_ledger.number(invoices, first["invoices"], demo_ledger.drafts(ctx, invoices))
    ledger = demo_ledger.settle(ctx, invoices, settings.protocol, first["payments"])
    step(4)
    contacts = demo_clients.build_contacts(ctx, plans) + ledger.reminder_contacts
    contacts.sort(key=lambda c: (c.at, c.client_id))
    expenses = demo_expenses.build_expenses(ctx, plans, ledger.fees, first["expenses"])
    off = season.days_off(ctx)
    step(5)
    return {
        "clients": _docs(p.client for p in plans),
        "tasks": _task_docs(ctx, tasks),
        "time": [_entry_doc(e) for e in placed],
        "contacts": _docs(c.with_(id=None) for c in contacts),
        "invoices": _docs(ledger.invoices),
        "payments": _docs(ledger.payments),
        "expenses": _docs(expenses),
        "timeoff": _docs([TimeOff(start=off[0], end=off[1], note=off[2])]),
    }


def _docs(records: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for record in records:
        assert isinstance(record, Record)
        out.append(record.to_doc())
    return out


def _task_docs(ctx: Ctx, tasks: list[TaskPlan]) -> list[dict[str, Any]]:
    positions: dict[str, int] = {}
    position_of: dict[int, int] = {}
    ordered = sorted(tasks, key=lambda t: (t.completed or t.created, t.id))
    for task in ordered:
        positions[task.column] = positions.get(task.column, 0) + 1
        position_of[task.id] = positions[task.column]
    docs = []
    for task in tasks:
        ends = [e.end for e in task.entries]
        updated = task.completed or max([task.created, *ends])
        checklist = tuple(
            ChecklistItem(text=text, done=task.done or (i == 0 and ctx.rng.random() < 0.5))
            for i, text in enumerate(task.checklist)
        )
        docs.append(
            Task(
                title=task.title,
                client_id=task.client.id if task.client else None,
                column=task.column,
                position=position_of[task.id],
                priority=task.priority,
                due=task.due,
                estimate_minutes=task.estimate,
                tags=task.tags,
                notes=task.notes,
                checklist=checklist,
                recurrence=task.recurrence,
                follow_up=task.follow_up,
                snoozed_until=task.snoozed_until,
                created=task.created,
                updated=updated,
                completed=task.completed,
            ).to_doc()
        )
    return docs


def _entry_doc(entry: EntryPlan) -> dict[str, Any]:
    assert entry.start is not None
    return TimeEntry(
        task_id=entry.task.id if entry.task else None,
        client_id=entry.client.id if entry.client else None,
        start=entry.start,
        end=entry.end,
        minutes=entry.minutes,
        note=entry.note,
        billable=entry.billable,
        invoice_id=entry.invoice_id,
    ).to_doc()
