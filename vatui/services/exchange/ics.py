"""``vatui export ics``: the workspace's dates as an RFC 5545 calendar.

Events (all-day unless said otherwise):

* each open task with a due date, on that date, with its ``RRULE`` when it repeats;
* each open task's follow-up date ("Follow up: …", the waiting tasks);
* each contact-log follow-up not yet handled;
* each unpaid invoice (sent or part-paid, money still due) on its due date;
* each phone call in the contact log, timed (UTC), with the client's local time in the
  description when the client has a timezone.

UIDs are stable: ``<kind>-<record id>-<what>.<workspace id>@vatui``, so re-importing an
updated export into a calendar app replaces events rather than duplicating them. The
workspace id is a short hash of the workspace's folder (two workspaces on one machine
never share UIDs).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from vatui.domain.clients import Client, Contact
from vatui.domain.errors import VatuiError
from vatui.domain.invoicing import OPEN_STATUSES, amount_due
from vatui.domain.recurrence import Recurrence
from vatui.domain.tasks import Task
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.services.exchange.ics_text import CalEvent, render_calendar, rrule
from vatui.services.ledger.data import billed
from vatui.store.workspace import Workspace

Progress = Callable[[int, int], None]
"""Called with (steps done, steps in all) as the work goes on."""

STEPS = 4


def workspace_uid_scope(ws: Workspace) -> str:
    """A short id of this workspace, the same on every export (from its folder's path)."""
    meta_id = ws.meta().get("workspace_id")
    if isinstance(meta_id, str) and meta_id.isalnum():
        return meta_id[:32]
    path = str(ws.directory.resolve())
    return hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:12]


def _recurrence(text: str | None) -> Recurrence | None:
    if not text:
        return None
    try:
        return Recurrence.parse(text)
    except VatuiError:
        return None


def _on_rule(rule: Recurrence, day: date) -> bool:
    """Whether ``day`` is itself an occurrence of ``rule`` (always, for a plain step)."""
    if rule.workdays or rule.weekday is not None or rule.monthday is not None:
        return rule.next_occurrence(day - timedelta(days=1)) == day
    return True


def _with_client(text: str, client: Client | None) -> str:
    return f"{text} ({one_line(client.name, 60)})" if client else text


def _task_events(tasks: list[Task], clients: dict[int, Client], scope: str) -> Iterator[CalEvent]:
    for task in tasks:
        if task.id is None or task.is_done:
            continue
        client = clients.get(task.client_id) if task.client_id else None
        title = one_line(task.title, 200)
        if task.due is not None:
            summary = _with_client(_("Due: {title}").format(title=title), client)
            categories = ("vatui", "task", *task.tags)
            rule = _recurrence(task.recurrence)
            first = task.due
            if rule is not None and not _on_rule(rule, task.due):
                # The due date is off the rule (a Monday task due on a Wednesday): the date on
                # its own, then the series from the next occurrence (a calendar's DTSTART must
                # fall on its rule).
                first = rule.next_occurrence(task.due)
                yield CalEvent(
                    uid=f"task-{task.id}-due.{scope}@vatui",
                    summary=summary,
                    start=task.due,
                    description=task.notes,
                    categories=categories,
                )
            yield CalEvent(
                uid=f"task-{task.id}-{'due' if first == task.due else 'repeat'}.{scope}@vatui",
                summary=summary,
                start=first,
                description=task.notes,
                rrule=rrule(rule, first) if rule else None,
                categories=categories,
            )
        if task.follow_up is not None:
            yield CalEvent(
                uid=f"task-{task.id}-follow-up.{scope}@vatui",
                summary=_with_client(_("Follow up: {title}").format(title=title), client),
                start=task.follow_up,
                categories=("vatui", "follow-up"),
            )


def _at_client(moment: datetime, client: Client | None) -> datetime | None:
    """``moment`` at the client's clock, when the client has a (valid) timezone."""
    if client is None or not client.timezone:
        return None
    try:
        return moment.astimezone(ZoneInfo(client.timezone))
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _contact_events(contacts: list[Contact], clients: dict[int, Client], scope: str) -> Iterator[CalEvent]:
    for contact in contacts:
        client = clients.get(contact.client_id)
        name = one_line(client.name, 60) if client else "?"
        summary = one_line(contact.summary, 200)
        if contact.follow_up is not None and not contact.follow_up_done:
            yield CalEvent(
                uid=f"contact-{contact.id}-follow-up.{scope}@vatui",
                summary=_("Follow up with {client}: {summary}").format(client=name, summary=summary),
                start=contact.follow_up,
                description=contact.summary,
                categories=("vatui", "follow-up"),
            )
        if contact.channel == "phone":
            description = contact.summary
            local = _at_client(contact.at, client)
            if client and local:
                description = (
                    _("{when} at the client's ({zone})").format(
                        when=local.strftime("%Y-%m-%d %H:%M"), zone=client.timezone
                    )
                    + "\n"
                    + description
                )
            yield CalEvent(
                uid=f"contact-{contact.id}-call.{scope}@vatui",
                summary=_("Call with {client}: {summary}").format(client=name, summary=summary),
                start=contact.at,
                description=description,
                categories=("vatui", "call"),
            )


def _invoice_events(
    ws: Workspace, clients: dict[int, Client], scope: str, client_id: int | None
) -> Iterator[CalEvent]:
    for invoice, payments in sorted(billed(ws, archived=False), key=lambda b: (b[0].due_date, b[0].number)):
        if invoice.status not in OPEN_STATUSES or (client_id is not None and invoice.client_id != client_id):
            continue
        due = amount_due(invoice, payments)
        if due.minor <= 0:
            continue
        client = clients.get(invoice.client_id)
        yield CalEvent(
            uid=f"invoice-{invoice.id}-due.{scope}@vatui",
            summary=_with_client(
                _("Invoice {number} due: {amount}").format(
                    number=one_line(invoice.number, 40), amount=due.format()
                ),
                client,
            ),
            start=invoice.due_date,
            categories=("vatui", "invoice"),
        )


def calendar_events(
    ws: Workspace, client_id: int | None = None, progress: Progress | None = None
) -> list[CalEvent]:
    """Every event of the calendar (of one client when ``client_id``), in a stable order."""
    if progress:
        progress(0, STEPS)
    ws.refresh()
    scope = workspace_uid_scope(ws)
    clients = {c.id: c for c in ws.all(Client) if c.id is not None}
    tasks = sorted(ws.all(Task), key=lambda t: t.id or 0)
    contacts = sorted(ws.all(Contact), key=lambda c: c.id or 0)
    if client_id is not None:
        tasks = [t for t in tasks if t.client_id == client_id]
        contacts = [c for c in contacts if c.client_id == client_id]
    events: list[CalEvent] = []
    batches: list[Callable[[], Iterator[CalEvent]]] = [
        lambda: _task_events(tasks, clients, scope),
        lambda: _contact_events(contacts, clients, scope),
        lambda: _invoice_events(ws, clients, scope, client_id),
    ]
    for step, batch in enumerate(batches, start=1):
        events.extend(batch())
        if progress:
            progress(step, STEPS)
    return events


def export_ics(ws: Workspace, client_id: int | None = None, progress: Progress | None = None) -> str:
    """The calendar as text (CRLF lines), ready to write to a ``.ics`` file."""
    events = calendar_events(ws, client_id, progress)
    settings = ws.settings()
    name = settings.workspace_name if settings.workspace_name != "vatui" else settings.business_name
    text = render_calendar(
        events, stamp=ws.clock.now(), name=f"vatui: {one_line(name, 80)}", timezone=settings.home_timezone
    )
    if progress:
        progress(STEPS, STEPS)
    return text
