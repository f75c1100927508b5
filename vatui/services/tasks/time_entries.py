"""Correcting the time log: edit a time entry (duration, day, note, billable) or delete it.

Billed time (an entry on an invoice) is locked: the invoice must be voided first, which
unbills it. Archived entries are read-only. Each correction is one undoable transaction
computed from the entry as read inside the lock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from vatui.domain.durations import check_minutes
from vatui.domain.errors import InputError, RuleError
from vatui.domain.tasks import TimeEntry, check_time_note
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.services.archived import live_doc
from vatui.services.common import home_today
from vatui.services.queries import invoice_docs, time_docs
from vatui.store.workspace import Tx, Workspace


def _editable(ws: Workspace, source: Tx | Workspace, entry_id: int) -> TimeEntry:
    """The entry as read through ``source`` (a transaction, inside the lock); billed or
    archived time is refused."""
    entry = TimeEntry.from_doc(live_doc(ws, source, "time", entry_id), entry_id)
    if entry.invoice_id is not None:
        doc = invoice_docs(source).get(str(entry.invoice_id))
        number = str(doc.get("number") or "") if doc else ""
        number = number or f"#{entry.invoice_id}"  # a draft has no number yet
        raise RuleError(
            _(
                "time entry #{id} is billed on {number}: void the invoice first "
                "(vatui invoice void {number}) to change it"
            ).format(id=entry_id, number=number)
        )
    return entry


def check_editable(ws: Workspace, entry_id: int) -> TimeEntry:
    """The entry, or the refusal a change to it would meet (billed, archived, missing)."""
    return _editable(ws, ws, entry_id)


def get_time_entry(ws: Workspace, entry_id: int) -> TimeEntry:
    """One time entry (live); archived ones are refused as read-only."""
    return TimeEntry.from_doc(live_doc(ws, ws, "time", entry_id), entry_id)


def edit_time_entry(
    ws: Workspace,
    entry_id: int,
    *,
    minutes: int | None = None,
    on: date | None = None,
    note: str | None = None,
    billable: bool | None = None,
) -> TimeEntry:
    """Change a finished entry's duration, day (its time of day kept), note or billable flag."""
    if minutes is not None:
        check_minutes(minutes)
    if on is not None and on > home_today(ws):
        raise InputError(_("time cannot be logged on a future day"))
    if note is not None:
        note = check_time_note(note)
    if minutes is None and on is None and note is None and billable is None:
        raise InputError(_("nothing to change"))
    zone = ZoneInfo(ws.settings().home_timezone)
    with ws.transaction(_("edit time entry #{id}").format(id=entry_id)) as tx:
        entry = _editable(ws, tx, entry_id)
        if entry.running and (minutes is not None or on is not None):
            raise RuleError(_("the timer is still running on this entry: stop it first"))
        start = entry.start
        if on is not None:
            local = start.astimezone(zone)
            start = datetime.combine(on, local.time().replace(tzinfo=None), tzinfo=zone).astimezone(UTC)
        changed = entry.with_(start=start)
        if not entry.running:
            length = minutes if minutes is not None else entry.minutes
            changed = changed.with_(minutes=length, end=start + timedelta(minutes=length))
        if note is not None:
            changed = changed.with_(note=note)
        if billable is not None:
            changed = changed.with_(billable=billable)
        return tx.save(changed)


def delete_time_entry(ws: Workspace, entry_id: int) -> TimeEntry:
    """Delete an entry (a running timer too: a stray tap leaves nothing). Undoable."""
    with ws.transaction(_("delete time entry #{id}").format(id=entry_id)) as tx:
        entry = _editable(ws, tx, entry_id)
        tx.delete(TimeEntry, entry_id)
        return entry


def task_time_entries(ws: Workspace, task_id: int) -> list[TimeEntry]:
    """A task's live time entries, oldest first."""
    out = [TimeEntry.from_doc(d, int(k)) for k, d in time_docs(ws).items() if d.get("task_id") == task_id]
    return sorted(out, key=lambda e: (e.start, e.id or 0))


def describe(entry: TimeEntry, zone: ZoneInfo | None = None) -> str:
    """A one-line label of an entry for lists and prompts (its day at home when ``zone`` is given)."""
    from vatui.domain.durations import format_duration

    length = _("running") if entry.running else format_duration(entry.minutes)
    billed = _(" · billed") if entry.invoice_id is not None else ""
    free = "" if entry.billable else _(" · not billable")
    note = f" · {one_line(entry.note, 40)}" if entry.note else ""
    day = (entry.start.astimezone(zone) if zone else entry.start).date()
    return f"#{entry.id} {day.isoformat()} {length}{free}{billed}{note}"
