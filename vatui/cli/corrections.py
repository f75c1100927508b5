"""Correcting records on the command line: ``time edit|delete``, ``contact edit|delete`` and
``task checklist``; plus the archive lookups ``time list --archived`` and ``task show`` use.

The commands are attached to their groups (``time``, ``contact``, ``task``) by the
modules that define those groups. Every change is one undoable transaction (``vatui undo``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.i18n import _

if TYPE_CHECKING:
    from vatui.domain.tasks import TimeEntry
    from vatui.store.workspace import Workspace


def parse_id(text: str, what: str) -> int:
    """A record number typed as ``12`` or ``#12``."""
    from vatui.domain.errors import InputError

    value = text.strip().lstrip("#")
    if not value.isdigit() or len(value) > 12:
        raise InputError(_("{text!r} is not a {what} number").format(text=text, what=what))
    return int(value)


def _none(text: str) -> bool:
    return text.strip().lower() in {"none", "-", ""}


def archived_time(ws: Workspace, first: date, last: date) -> tuple[list[TimeEntry], dict[int, int]]:
    """Archived time entries started on a home-time day from ``first`` to ``last``, and their years."""
    from vatui.domain.tasks import TimeEntry
    from vatui.services.archived import archived_with_year

    tz = ZoneInfo(ws.settings().home_timezone)
    lo = datetime.combine(first, time(0), tzinfo=tz).astimezone(UTC).isoformat()
    hi = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC).isoformat()
    entries: list[TimeEntry] = []
    years: dict[int, int] = {}
    for key, (year, doc) in archived_with_year(ws, "time").items():
        if lo <= str(doc.get("start", "")) < hi:
            entries.append(TimeEntry.from_doc(doc, int(key)))
            years[int(key)] = year
    return entries, years


def _time_out(ws: Workspace, entry: TimeEntry) -> dict[str, Any]:
    from vatui.cli.json_shapes import time_json
    from vatui.services.common import client_names

    titles = {int(k): str(d["title"]) for k, d in ws.docs("tasks").items()}
    return time_json(entry, client_names(ws), titles)


# time ------------------------------------------------------------------------------------


@click.command("edit")
@click.argument("entry")
@click.option("--duration", metavar="D", help=_("New duration (30m, 1h30m, 1.5h)."))
@click.option("--on", "on", metavar="DATE", help=_("Move it to another day (its time of day is kept)."))
@click.option("--note", metavar="TEXT", help=_("Replace the note ('' clears it)."))
@click.option("--billable/--no-billable", default=None, help=_("Whether it may be invoiced."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the entry as JSON."))
@pass_ctx
def time_edit(
    obj: CliContext,
    entry: str,
    duration: str | None,
    on: str | None,
    note: str | None,
    billable: bool | None,
    as_json: bool,
) -> None:
    """Correct time entry ENTRY (its number in `time list`). Billed time is locked."""
    from vatui.domain.durations import MAX_ENTRY_MINUTES, format_duration, parse_duration
    from vatui.services.tasks.time_entries import edit_time_entry

    ws = obj.ws()
    entry_id = parse_id(entry, _("time entry"))
    minutes = (
        parse_duration(duration, ws.settings().numbers, at_most=MAX_ENTRY_MINUTES)
        if duration is not None
        else None
    )
    day = obj.parse_date(on) if on is not None else None
    if minutes is None and day is None and note is None and billable is None:
        raise click.UsageError(_("nothing to change: give at least one option"))
    edited = edit_time_entry(ws, entry_id, minutes=minutes, on=day, note=note, billable=billable)
    if as_json:
        emit_json(_time_out(ws, edited))
        return
    free = "" if edited.billable else _(", not billable")
    say(
        _("Updated time entry #{id}: {d} on {day}{free}. Undo with: vatui undo").format(
            id=edited.id,
            d=format_duration(edited.minutes) if not edited.running else _("running"),
            day=edited.start.astimezone(ZoneInfo(ws.settings().home_timezone)).date().isoformat(),
            free=free,
        )
    )


@click.command("delete")
@click.argument("entry")
@pass_ctx
def time_delete(obj: CliContext, entry: str) -> None:
    """Delete time entry ENTRY (a stray timer too). Billed time is locked."""
    from vatui.services.tasks.time_entries import delete_time_entry, describe

    ws = obj.ws()
    gone = delete_time_entry(ws, parse_id(entry, _("time entry")))
    zone = ZoneInfo(ws.settings().home_timezone)
    say(_("Deleted time entry {entry}. Undo with: vatui undo").format(entry=show(describe(gone, zone))))


def add_time_commands(group: click.Group) -> None:
    """Attach ``time edit`` and ``time delete`` to the ``time`` group."""
    group.add_command(time_edit)
    group.add_command(time_delete)


# contacts --------------------------------------------------------------------------------


@click.command("edit")
@click.argument("contact")
@click.option("--summary", metavar="TEXT", help=_("What was said."))
@click.option("--channel", metavar="KIND", help=_("email, whatsapp, slack, telegram, phone or other."))
@click.option("--direction", metavar="in|out", help=_("in: they reached out; out: you did."))
@click.option("--on", "on", metavar="DATE", help=_("When it happened."))
@click.option("--follow-up", "follow_up", metavar="DATE", help=_("When to follow up ('none' drops it)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the contact as JSON."))
@pass_ctx
def contact_edit(
    obj: CliContext,
    contact: str,
    summary: str | None,
    channel: str | None,
    direction: str | None,
    on: str | None,
    follow_up: str | None,
    as_json: bool,
) -> None:
    """Correct contact CONTACT (its number in `contact list`)."""
    from vatui.cli.json_shapes import contact_json
    from vatui.services.clients.contact_edits import describe_contact, edit_contact

    ws = obj.ws()
    contact_id = parse_id(contact, _("contact"))
    clear = follow_up is not None and _none(follow_up)
    follow = obj.parse_date(follow_up) if follow_up is not None and not clear else None
    day = obj.parse_date(on) if on is not None else None
    if summary is None and channel is None and direction is None and day is None and follow_up is None:
        raise click.UsageError(_("nothing to change: give at least one option"))
    edited = edit_contact(
        ws,
        contact_id,
        summary=summary,
        channel=channel,
        direction=direction,
        on=day,
        follow_up=follow,
        clear_follow_up=clear,
    )
    if as_json:
        emit_json(contact_json(edited))
        return
    zone = ws.settings().home_timezone
    say(_("Updated contact {c}. Undo with: vatui undo").format(c=show(describe_contact(edited, zone))))


@click.command("delete")
@click.argument("contact")
@pass_ctx
def contact_delete(obj: CliContext, contact: str) -> None:
    """Delete contact CONTACT from the log."""
    from vatui.services.clients.contact_edits import delete_contact, describe_contact

    ws = obj.ws()
    gone = delete_contact(ws, parse_id(contact, _("contact")))
    say(
        _("Deleted contact {c}. Undo with: vatui undo").format(
            c=show(describe_contact(gone, ws.settings().home_timezone))
        )
    )


def add_contact_commands(group: click.Group) -> None:
    """Attach ``contact edit`` and ``contact delete`` to the ``contact`` group."""
    group.add_command(contact_edit)
    group.add_command(contact_delete)


# task checklist --------------------------------------------------------------------------


@click.command("checklist")
@click.argument("task")
@click.option("--add", "add", metavar="TEXT", help=_("Add a line at the end."))
@click.option("--tick", type=click.IntRange(1), metavar="N", help=_("Tick line N."))
@click.option("--untick", type=click.IntRange(1), metavar="N", help=_("Untick line N."))
@click.option("--remove", type=click.IntRange(1), metavar="N", help=_("Remove line N."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the task as JSON."))
@pass_ctx
def task_checklist(
    obj: CliContext,
    task: str,
    add: str | None,
    tick: int | None,
    untick: int | None,
    remove: int | None,
    as_json: bool,
) -> None:
    """Show TASK's checklist, or change one line of it (numbered from 1)."""
    from vatui.cli.json_shapes import task_json
    from vatui.services.common import client_names
    from vatui.services.tasks import checklist as svc
    from vatui.services.tasks.manage import find_task

    ws = obj.ws()
    found = live_task(ws, task, find_task)
    actions = [a for a in (add, tick, untick, remove) if a is not None]
    if len(actions) > 1:
        raise click.UsageError(_("give one of --add, --tick, --untick, --remove"))
    task_id = found.id or 0
    if add is not None:
        found = svc.add_checklist_item(ws, task_id, add)
    elif tick is not None:
        found = svc.tick_checklist_item(ws, task_id, tick)
    elif untick is not None:
        found = svc.tick_checklist_item(ws, task_id, untick, done=False)
    elif remove is not None:
        found = svc.remove_checklist_item(ws, task_id, remove)
    if as_json:
        emit_json(task_json(found, client_names(ws)))
        return
    if not found.checklist:
        say(
            _("#{id} {title} has no checklist. Add a line with: vatui task checklist {id} --add TEXT").format(
                id=found.id, title=show(found.title, 50)
            )
        )
    for n, item in enumerate(found.checklist, start=1):
        say(f"{n:>3}. [{'x' if item.done else ' '}] {show(item.text, 70)}")


def live_task(ws: Workspace, ref: str, find: Any) -> Any:
    """``find(ws, ref)``; a task that is only in the archive is refused as read-only."""
    from vatui.domain.errors import NotFoundError
    from vatui.services.archived import find_archived_task, read_only_error

    try:
        return find(ws, ref)
    except NotFoundError:
        old = find_archived_task(ws, ref)
        if old is None:
            raise
        raise read_only_error("tasks", old[0].id or 0, old[1]) from None


def find_shown_task(ws: Workspace, ref: str, find: Any) -> tuple[Any, int | None]:
    """(task, archive year or ``None``): ``task show`` finds an archived task too."""
    from vatui.domain.tasks import Task
    from vatui.services.archived import ArchivedError

    try:
        return find(ws, ref), None
    except ArchivedError as exc:
        if exc.table != "tasks" or exc.doc is None:
            raise
        return Task.from_doc(exc.doc, exc.doc_id), exc.year


def list_with_archived(
    ws: Workspace,
    live: list[Any],
    client: str | None,
    columns: list[str],
    names: dict[int, str],
    as_json: bool,
    line: Any,
) -> None:
    """``task list --archived``: the live tasks, then the archived ones (oldest done first)."""
    from vatui.cli.json_shapes import task_json
    from vatui.domain.tasks import Task
    from vatui.services.archived import archived_with_year
    from vatui.services.clients.manage import find_client

    wanted = find_client(ws, client).id if client else None
    old = [(Task.from_doc(doc, int(k)), year) for k, (year, doc) in archived_with_year(ws, "tasks").items()]
    old = [(t, y) for t, y in old if (wanted is None or t.client_id == wanted) and t.column in columns]
    old.sort(key=lambda ty: (ty[0].completed or ty[0].created, ty[0].id or 0))
    if as_json:
        emit_json(
            [{**task_json(t, names), "archived": None} for t in live]
            + [{**task_json(t, names), "archived": y} for t, y in old]
        )
        return
    if not live and not old:
        say(_("No tasks."))
    for task in live:
        say(line(task, names))
    for task, year in old:
        say(line(task, names) + _("  (archived in {year})").format(year=year))


def add_task_commands(group: click.Group) -> None:
    """Attach ``task checklist`` to the ``task`` group."""
    group.add_command(task_checklist)
