"""``vatui add`` and ``vatui task list|show|edit|move|done|delete``."""

from __future__ import annotations

from typing import Any

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.cli.json_shapes import task_json
from vatui.domain.quickadd import PRIORITY_LABELS as _LABELS
from vatui.domain.tasks import Task
from vatui.i18n import NC_, _, pgettext

PRIORITY_LABELS: dict[str, str] = {str(key): word for key, word in _LABELS.items()}
"""A stored priority's word, the one quick add reads back (``!medium``, ``!media``)."""


def _line(task: Task, names: dict[int, str]) -> str:
    client = f" @{show(names.get(task.client_id, '?'), 20)}" if task.client_id is not None else ""
    due = _(" due {d}").format(d=task.due.isoformat()) if task.due else ""
    # the words quick add reads back, in the language in use: "!high" / "!alta"
    prio = f" !{_(PRIORITY_LABELS.get(task.priority, task.priority))}" if task.priority else ""
    done = " ✓" if task.is_done else ""
    return f"#{task.id:<5} [{show(task.column)}] {show(task.title, 60)}{client}{due}{prio}{done}"


@click.command("add")
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help=_("Print the new task as JSON."))
@pass_ctx
def add_cmd(obj: CliContext, text: str, as_json: bool) -> None:
    """Quick add: "Draft newsletter @acme due:fri !high ~2h #email every:monday in:next"."""
    from vatui.services.tasks.manage import quick_add

    session = obj.session()
    task = session.run(quick_add, text)
    if as_json:
        emit_json(task_json(task, session.client_names()))
    else:
        say(_("Added {line}").format(line=_line(task, session.client_names())))


@click.group("task")
def task_group() -> None:
    """List, show, edit, move, complete and delete tasks."""


@task_group.command("list")
@click.option("--client", "client", metavar="CLIENT", help=_("Only this client's tasks."))
@click.option("--column", "column", metavar="COLUMN", help=_("Only this column."))
@click.option("--all", "show_all", is_flag=True, help=_("Include done tasks."))
@click.option("--archived", is_flag=True, help=_("Include archived tasks (done long ago)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def task_list(
    obj: CliContext, client: str | None, column: str | None, show_all: bool, archived: bool, as_json: bool
) -> None:
    """List tasks in board order."""
    from vatui.services.clients.manage import find_client
    from vatui.services.tasks.manage import check_column, column_tasks

    session = obj.session()
    settings = session.settings()
    tasks = session.records(Task)
    if not show_all:
        tasks = [t for t in tasks if not t.is_done]
    if client:
        wanted = session.run(find_client, client).id
        tasks = [t for t in tasks if t.client_id == wanted]
    columns = [check_column(settings, column)] if column else list(settings.columns)
    ordered = [t for col in columns for t in column_tasks(tasks, col)]
    names = session.client_names()
    if archived:
        from vatui.cli.corrections import list_with_archived

        list_with_archived(obj.session(), ordered, client, columns, names, as_json, _line)
        return
    if as_json:
        emit_json([task_json(t, names) for t in ordered])
        return
    if not ordered:
        say(_("No tasks."))
    for task in ordered:
        say(_line(task, names))


@task_group.command("show")
@click.argument("task")
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def task_show(obj: CliContext, task: str, as_json: bool) -> None:
    """Show one task (by number or title prefix)."""
    from vatui.services.archived import find_shown_task
    from vatui.services.tasks.manage import find_task

    session = obj.session()
    found, year = session.run(find_shown_task, task, find_task)
    names = session.client_names()
    if as_json:
        emit_json({**task_json(found, names), "archived": year})
        return
    say(_line(found, names) + (_("  (archived in {year})").format(year=year) if year else ""))
    for label, value in detail_rows(found, session.settings().home_timezone):
        say(f"  {pgettext('task field', label)}: {show(value)}")


def detail_rows(task: Task, zone: str) -> list[tuple[str, str]]:
    """The fields ``vatui task show`` lists under the task line, set ones only: each label
    (to translate in context ``task field``) and its value in the language in use."""
    from vatui.cli.client_text import home_moment
    from vatui.domain.durations import format_duration
    from vatui.domain.errors import InputError
    from vatui.domain.recurrence import Recurrence

    repeats = task.recurrence or ""
    if repeats:
        try:
            repeats = Recurrence.parse(repeats).describe()
        except InputError:
            pass  # a hand-edited rule: shown as stored
    rows = [
        (
            NC_("task field", "priority"),
            _(PRIORITY_LABELS[task.priority]) if task.priority in PRIORITY_LABELS else task.priority or "",
        ),
        (NC_("task field", "due"), task.due.isoformat() if task.due else ""),
        (
            NC_("task field", "estimate"),
            format_duration(task.estimate_minutes) if task.estimate_minutes else "",
        ),
        (NC_("task field", "tags"), ", ".join(task.tags)),
        (NC_("task field", "repeats"), repeats),
        (NC_("task field", "follow-up"), task.follow_up.isoformat() if task.follow_up else ""),
        (NC_("task field", "notes"), task.notes or ""),
        (NC_("task field", "created"), home_moment(task.created, zone)),
        (NC_("task field", "completed"), home_moment(task.completed, zone) if task.completed else ""),
    ]
    return [(label, value) for label, value in rows if value]


@task_group.command("edit")
@click.argument("task")
@click.option("--title", help=_("New title."))
@click.option("--due", help=_("New due date (any date syntax; 'none' clears)."))
@click.option("--priority", help=_("low, med, high or none."))
@click.option("--estimate", help=_("Estimate like 1h30m ('none' clears)."))
@click.option("--client", help=_("Client name or prefix ('none' clears)."))
@click.option("--tag", "tags", multiple=True, help=_("Add a tag (repeatable)."))
@click.option("--untag", "untags", multiple=True, help=_("Remove a tag (repeatable)."))
@click.option("--notes", help=_("Replace the notes."))
@click.option("--every", "recurrence", help=_("Recurrence (monday, weekly, monthly…; 'none' clears)."))
@click.option("--follow-up", "follow_up", help=_("When to chase the client ('none' clears)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the task as JSON."))
@pass_ctx
def task_edit(obj: CliContext, /, task: str, as_json: bool, **opts: Any) -> None:
    """Change a task's fields (--tag adds to its tags, --untag removes)."""
    from vatui.domain.changes import TaskChanges
    from vatui.domain.durations import parse_duration
    from vatui.services.clients.manage import find_client
    from vatui.services.tasks.manage import change_task, find_task

    session = obj.session()
    found = session.run(find_task, task)
    changes: dict[str, Any] = {}
    none = {"none", "-", ""}
    if opts["title"] is not None:
        changes["title"] = opts["title"]
    for key in ("due", "follow_up"):
        if opts[key] is not None:
            changes[key] = None if opts[key].lower() in none else obj.parse_date(opts[key])
    if opts["priority"] is not None:
        changes["priority"] = None if opts["priority"].lower() in none else opts["priority"]
    if opts["estimate"] is not None:
        changes["estimate_minutes"] = (
            None
            if opts["estimate"].lower() in none
            else parse_duration(opts["estimate"], session.settings().numbers)
        )
    if opts["client"] is not None:
        changes["client_id"] = (
            None if opts["client"].lower() in none else session.run(find_client, opts["client"]).id
        )
    if opts["notes"] is not None:
        changes["notes"] = opts["notes"]
    if opts["recurrence"] is not None:
        changes["recurrence"] = None if opts["recurrence"].lower() in none else opts["recurrence"]
    change = TaskChanges(values=changes, tags_added=tuple(opts["tags"]), tags_removed=tuple(opts["untags"]))
    if change.empty:
        raise click.UsageError(_("nothing to change: give at least one option"))
    updated = session.run(change_task, found.id or 0, change)
    names = session.client_names()
    emit_json(task_json(updated, names)) if as_json else say(
        _("Updated {line}").format(line=_line(updated, names))
    )


@task_group.command("move")
@click.argument("task")
@click.argument("column")
@pass_ctx
def task_move(obj: CliContext, task: str, column: str) -> None:
    """Move a task to another column."""
    from vatui.services.tasks.manage import find_task, move_task

    session = obj.session()
    moved = session.run(move_task, session.run(find_task, task).id or 0, column)
    say(_("Moved {line}").format(line=_line(moved, session.client_names())))


@task_group.command("done")
@click.argument("task")
@pass_ctx
def task_done(obj: CliContext, task: str) -> None:
    """Complete a task (a recurring one gets its next occurrence)."""
    from vatui.domain.dates import MAX_DATE
    from vatui.services.tasks.manage import complete_task, find_task

    session = obj.session()
    found = session.run(find_task, task)
    done, following = session.run(complete_task, found.id or 0)
    names = session.client_names()
    say(_("Done {line}").format(line=_line(done, names)))
    if following is not None:
        say(_("Next {line}").format(line=_line(following, names)))
    elif done.recurrence and not found.is_done:
        say(
            _("No next occurrence: it would fall after {last}, so the series ends here").format(
                last=MAX_DATE.isoformat()
            )
        )


@task_group.command("delete")
@click.argument("task")
@click.option("--yes", "-y", is_flag=True, help=_("Do not ask for confirmation."))
@pass_ctx
def task_delete(obj: CliContext, task: str, yes: bool) -> None:
    """Delete a task (undo with `vatui undo`)."""
    from vatui.services.tasks.manage import delete_task, find_task

    session = obj.session()
    found = session.run(find_task, task)
    if not yes and not click.confirm(_("Delete “{title}”?").format(title=show(found.title, 60))):
        raise click.Abort()
    session.run(delete_task, found.id or 0)
    say(_("Deleted #{id} {title}").format(id=found.id, title=show(found.title, 60)))


@click.command("undo")
@pass_ctx
def undo_cmd(obj: CliContext) -> None:
    """Undo the last change (any session's)."""
    label = obj.session().undo()
    say(_("Undone: {label}").format(label=show(label)))


def _corrections() -> None:
    from vatui.cli.corrections import add_task_commands

    add_task_commands(task_group)


_corrections()

COMMANDS = [add_cmd, task_group, undo_cmd]
