"""Correcting records on the command line: ``time edit|delete``, ``contact edit|delete`` and
``task checklist``; plus ``task list --archived`` (the archive lookups are in
``vatui.services.archived``).

The commands are attached to their groups (``time``, ``contact``, ``task``) by the
modules that define those groups. Every change is one undoable transaction (``vatui undo``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.i18n import _

if TYPE_CHECKING:
    from vatui.domain.tasks import TimeEntry
    from vatui.services.session import Session


def parse_id(text: str, what: str) -> int:
    """A record number typed as ``12`` or ``#12``."""
    from vatui.domain.errors import InputError

    value = text.strip().lstrip("#")
    if not value.isdigit() or len(value) > 12:
        raise InputError(_("{text!r} is not a {what} number").format(text=text, what=what))
    return int(value)


def _none(text: str) -> bool:
    return text.strip().lower() in {"none", "-", ""}


def _time_out(session: Session, entry: TimeEntry) -> dict[str, Any]:
    from vatui.cli.json_shapes import time_json
    from vatui.services.queries import task_titles

    return time_json(entry, session.client_names(), session.run(task_titles))


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

    session = obj.session()
    entry_id = parse_id(entry, _("time entry"))
    minutes = (
        parse_duration(duration, session.settings().numbers, at_most=MAX_ENTRY_MINUTES)
        if duration is not None
        else None
    )
    day = obj.parse_date(on) if on is not None else None
    if minutes is None and day is None and note is None and billable is None:
        raise click.UsageError(_("nothing to change: give at least one option"))
    edited = session.run(edit_time_entry, entry_id, minutes=minutes, on=day, note=note, billable=billable)
    if as_json:
        emit_json(_time_out(session, edited))
        return
    free = "" if edited.billable else _(", not billable")
    say(
        _("Updated time entry #{id}: {d} on {day}{free}. Undo with: vatui undo").format(
            id=edited.id,
            d=format_duration(edited.minutes) if not edited.running else _("running"),
            day=edited.start.astimezone(ZoneInfo(session.settings().home_timezone)).date().isoformat(),
            free=free,
        )
    )


@click.command("delete")
@click.argument("entry")
@pass_ctx
def time_delete(obj: CliContext, entry: str) -> None:
    """Delete time entry ENTRY (a stray timer too). Billed time is locked."""
    from vatui.services.tasks.time_entries import delete_time_entry, describe

    session = obj.session()
    gone = session.run(delete_time_entry, parse_id(entry, _("time entry")))
    zone = ZoneInfo(session.settings().home_timezone)
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

    session = obj.session()
    contact_id = parse_id(contact, _("contact"))
    clear = follow_up is not None and _none(follow_up)
    follow = obj.parse_date(follow_up) if follow_up is not None and not clear else None
    day = obj.parse_date(on) if on is not None else None
    if summary is None and channel is None and direction is None and day is None and follow_up is None:
        raise click.UsageError(_("nothing to change: give at least one option"))
    edited = session.run(
        edit_contact,
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
    zone = session.settings().home_timezone
    say(_("Updated contact {c}. Undo with: vatui undo").format(c=show(describe_contact(edited, zone))))


@click.command("delete")
@click.argument("contact")
@pass_ctx
def contact_delete(obj: CliContext, contact: str) -> None:
    """Delete contact CONTACT from the log."""
    from vatui.services.clients.contact_edits import delete_contact, describe_contact

    session = obj.session()
    gone = session.run(delete_contact, parse_id(contact, _("contact")))
    say(
        _("Deleted contact {c}. Undo with: vatui undo").format(
            c=show(describe_contact(gone, session.settings().home_timezone))
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
    from vatui.services.archived import live_task
    from vatui.services.tasks import checklist as svc
    from vatui.services.tasks.manage import find_task

    session = obj.session()
    found = session.run(live_task, task, find_task)
    actions = [a for a in (add, tick, untick, remove) if a is not None]
    if len(actions) > 1:
        raise click.UsageError(_("give one of --add, --tick, --untick, --remove"))
    task_id = found.id or 0
    if add is not None:
        found = session.run(svc.add_checklist_item, task_id, add)
    elif tick is not None:
        found = session.run(svc.tick_checklist_item, task_id, tick)
    elif untick is not None:
        found = session.run(svc.tick_checklist_item, task_id, untick, done=False)
    elif remove is not None:
        found = session.run(svc.remove_checklist_item, task_id, remove)
    if as_json:
        emit_json(task_json(found, session.client_names()))
        return
    if not found.checklist:
        say(
            _("#{id} {title} has no checklist. Add a line with: vatui task checklist {id} --add TEXT").format(
                id=found.id, title=show(found.title, 50)
            )
        )
    for n, item in enumerate(found.checklist, start=1):
        say(f"{n:>3}. [{'x' if item.done else ' '}] {show(item.text, 70)}")


def list_with_archived(
    session: Session,
    live: list[Any],
    client: str | None,
    columns: list[str],
    names: dict[int, str],
    as_json: bool,
    line: Any,
) -> None:
    """``task list --archived``: the live tasks, then the archived ones (oldest done first)."""
    from vatui.cli.json_shapes import task_json
    from vatui.services.archived import archived_tasks
    from vatui.services.clients.manage import find_client

    wanted = session.run(find_client, client).id if client else None
    old = session.run(archived_tasks, wanted, columns)
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
