"""Task use cases: add, edit, move, reorder, complete, snooze, delete, find."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, NoReturn

from vatui.domain import words, words_es
from vatui.domain.changes import TaskChanges
from vatui.domain.dates import in_business_range
from vatui.domain.errors import InputError, NotFoundError
from vatui.domain.fold import fold
from vatui.domain.recurrence import Recurrence
from vatui.domain.settings import Settings
from vatui.domain.tasks import PRIORITIES, ChecklistItem, Task, check_title
from vatui.domain.text import MAX_NOTE, MAX_TITLE, check_tag, check_text, one_line, quoted
from vatui.i18n import _
from vatui.services.common import client_refs, home_today
from vatui.services.queries import task_docs
from vatui.store.workspace import Tx, Workspace


def check_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags lower-cased, without ``#`` or duplicates; each through ``check_tag`` (one word that
    starts with a letter or a digit, at most ``MAX_TAG`` characters, no control characters)."""
    checked = (check_tag(t) for t in tags)
    return tuple(dict.fromkeys(t for t in checked if t))


def check_notes(notes: str) -> str:
    """Free notes (newlines kept): control characters and overlong notes refused."""
    return check_text(notes, _("the notes"), MAX_NOTE, multiline=True)


def check_column(settings: Settings, column: str) -> str:
    """The canonical column name for ``column`` (case-insensitive prefix), or refused."""
    wanted = fold(column.strip())
    for name in settings.columns:
        if fold(name) == wanted:
            return name
    matches = [name for name in settings.columns if fold(name).startswith(wanted)] if wanted else []
    if len(matches) == 1:
        return matches[0]
    raise InputError(
        _("no column {column!r}; columns are {columns}").format(
            column=column, columns=", ".join(settings.columns)
        )
    )


def check_priority(priority: str | None) -> str | None:
    """``low``/``med``/``high`` or ``None``; anything else is refused."""
    if priority is None or priority == "":
        return None
    word = priority.strip().lower().lstrip("!")
    value = (
        words.PRIORITIES.get(word) or words_es.ES_PRIORITIES.get(word) or word
    )  # the words quick add reads
    if value not in PRIORITIES:
        raise InputError(_("priority must be low, med or high, not {p!r}").format(p=priority))
    return value


def _end_position(tx: Tx, column: str) -> int:
    positions = [d.get("position", 0) for d in task_docs(tx).values() if d.get("column") == column]
    return max(positions, default=0) + 1


def open_tasks(ws: Workspace) -> list[Task]:
    """Every task not yet done."""
    return [Task.from_doc(d, int(k)) for k, d in task_docs(ws).items() if d.get("completed") is None]


def find_task(ws: Workspace, ref: str | int) -> Task:
    """A task by id (``12`` or ``#12``) or by a unique case-insensitive title prefix."""
    text = str(ref).strip().lstrip("#")
    if text.isascii() and text.isdigit():
        try:
            return ws.get(Task, int(text))
        except NotFoundError:
            from vatui.services.archived import refuse_archived_task

            refuse_archived_task(ws, text)  # archived: read-only, says so
            raise
    wanted = fold(text)
    tasks = ws.all(Task)
    exact = [t for t in tasks if fold(t.title) == wanted]
    if len(exact) == 1:
        return exact[0]
    matches = [t for t in tasks if fold(t.title).startswith(wanted)] if wanted else []
    open_matches = [t for t in matches if not t.is_done]
    if len(open_matches) == 1:
        return open_matches[0]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(_("no task matches {ref}").format(ref=quoted(str(ref))))
    names = ", ".join(f"#{t.id} {one_line(t.title, 30)}" for t in (open_matches or matches)[:5])
    raise InputError(
        _("{ref} matches several tasks: {names}; use the number").format(ref=quoted(str(ref)), names=names)
    )


def add_task(
    ws: Workspace,
    title: str,
    *,
    client_id: int | None = None,
    column: str | None = None,
    due: date | None = None,
    priority: str | None = None,
    estimate_minutes: int | None = None,
    tags: Sequence[str] = (),
    recurrence: str | None = None,
    notes: str = "",
) -> Task:
    """Create a task at the end of its column (the first column by default)."""
    settings = ws.settings()
    title = check_title(title)
    tags = check_tags(tags)
    notes = check_notes(notes)
    col = check_column(settings, column) if column else settings.columns[0]
    prio = check_priority(priority)
    rule = Recurrence.parse(recurrence).to_str() if recurrence else None
    if estimate_minutes is not None and estimate_minutes <= 0:
        raise InputError(_("the estimate must be more than zero"))
    now = ws.clock.now()
    with ws.transaction(_("add “{title}”").format(title=one_line(title, 40))) as tx:
        if client_id is not None:
            if tx.get_doc("clients", client_id) is None:
                _no_client(client_id)
        task = Task(
            title=title,
            client_id=client_id,
            column=col,
            position=_end_position(tx, col),
            due=due,
            priority=prio,
            estimate_minutes=estimate_minutes,
            tags=tags,
            recurrence=rule,
            notes=notes,
            created=now,
            updated=now,
            completed=now if col == settings.done_column else None,
        )
        return tx.add(task)


def _no_client(client_id: int) -> NoReturn:
    raise NotFoundError(_("no client #{id}").format(id=client_id))


def quick_add(ws: Workspace, text: str) -> Task:
    """Create a task from quick-add text (``Draft newsletter @acme due:fri !high ~2h``)."""
    from vatui.domain.quickadd import parse_quick_add

    settings = ws.settings()
    parsed = parse_quick_add(
        text, client_refs(ws), home_today(ws), settings.columns, settings.date_order, settings.numbers
    )
    return add_task(
        ws,
        parsed.title,
        client_id=parsed.client_id,
        column=parsed.column,
        due=parsed.due,
        priority=parsed.priority,
        estimate_minutes=parsed.estimate_minutes,
        tags=parsed.tags,
        recurrence=parsed.recurrence.to_str() if parsed.recurrence else None,
    )


EDITABLE = {
    "title",
    "client_id",
    "due",
    "priority",
    "estimate_minutes",
    "tags",
    "notes",
    "recurrence",
    "follow_up",
    "snoozed_until",
    "checklist",
}


def _checked(changes: TaskChanges) -> TaskChanges:
    """``changes`` with every value checked and converted; raises before anything is saved."""
    values = dict(changes.values)
    unknown = set(values) - EDITABLE
    if unknown:
        raise InputError(_("cannot edit {fields}").format(fields=", ".join(sorted(unknown))))
    if "title" in values:
        values["title"] = check_title(values["title"])
    if "priority" in values:
        values["priority"] = check_priority(values["priority"])
    if values.get("recurrence"):
        values["recurrence"] = Recurrence.parse(values["recurrence"]).to_str()
    if values.get("estimate_minutes") is not None and values["estimate_minutes"] <= 0:
        raise InputError(_("the estimate must be more than zero"))
    if "tags" in values:
        values["tags"] = check_tags(values["tags"])
    if "notes" in values:
        values["notes"] = check_notes(values["notes"])
    if "checklist" in values:
        values["checklist"] = tuple(_checked_item(item) for item in values["checklist"])
    return replace(
        changes,
        values=values,
        tags_added=check_tags(changes.tags_added),
        tags_removed=clean_tags(changes.tags_removed),
        checklist_added=tuple(_checked_item(item) for item in changes.checklist_added),
    )


def _checked_item(item: ChecklistItem) -> ChecklistItem:
    return item.with_(text=check_text(item.text, _("a checklist item"), MAX_TITLE))


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Task tags: lower case, without ``#``, no empty ones, no duplicates, in order."""
    return tuple(dict.fromkeys(t.strip().lower().lstrip("#") for t in tags if t.strip().lstrip("#")))


def change_task(ws: Workspace, task_id: int, changes: TaskChanges, *, column: str | None = None) -> Task:
    """Make ``changes`` to the task as read inside the lock, and move it to ``column`` if given,
    as ONE undoable change. What another session changed meanwhile stays (tags and checklist
    are merged); a change that changes nothing writes nothing.

    Every value is checked before anything is saved. A new column puts the card at its
    end; into the done column completes it (a recurring task gets its next occurrence);
    out of it reopens it.
    """
    clean = _checked(changes)
    if column is not None:
        check_column(ws.settings(), column)
    title = ws.get(Task, task_id).title  # for the undo label only
    with ws.transaction(_("edit “{title}”").format(title=one_line(title, 40))) as tx:
        settings = tx.settings()
        target = check_column(settings, column) if column is not None else None
        task = tx.get(Task, task_id)
        client_id = clean.values.get("client_id")
        if client_id is not None and tx.get_doc("clients", client_id) is None:
            _no_client(client_id)
        edited = clean.apply(task)
        if target is None or target == task.column:
            return task if edited == task else tx.save(edited.with_(updated=ws.clock.now()))
        edited = edited.with_(updated=ws.clock.now())
        if target == settings.done_column:
            return _complete(tx, ws, settings, edited)[0]
        return tx.save(edited.with_(column=target, position=_end_position(tx, target), completed=None))


def edit_task(ws: Workspace, task_id: int, *, column: str | None = None, **changes: Any) -> Task:
    """Set fields of a task (``tags`` given here replace the stored ones; to add to them use
    ``change_task``), and its column if given, as ONE undoable change."""
    return change_task(ws, task_id, TaskChanges(values=changes), column=column)


def move_task(ws: Workspace, task_id: int, column: str) -> Task:
    """Move a task to the end of ``column``; into the done column completes it."""
    col = check_column(ws.settings(), column)
    task = ws.get(Task, task_id)  # for the undo label only
    label = _("move “{title}” to {column}").format(title=one_line(task.title, 40), column=col)
    with ws.transaction(label) as tx:
        settings = tx.settings()
        col = check_column(settings, column)
        task = tx.get(Task, task_id)
        if col == settings.done_column and not task.is_done:  # decided on the task as it is now
            tx.label = _("complete “{title}”").format(title=one_line(task.title, 40))
            return _complete(tx, ws, settings, task)[0]
        now = ws.clock.now()
        completed = task.completed if col == settings.done_column else None
        return tx.save(
            task.with_(column=col, position=_end_position(tx, col), updated=now, completed=completed)
        )


def shift_column(ws: Workspace, task_id: int, step: int) -> Task:
    """Move a task to the previous (-1) or next (+1) column of the one it is in when the
    change is made (read inside the lock): into the done column completes it, out reopens it."""
    task = ws.get(Task, task_id)  # for the undo label only
    with ws.transaction(_("move “{title}”").format(title=one_line(task.title, 40))) as tx:
        settings = tx.settings()
        task = tx.get(Task, task_id)
        columns = list(settings.columns)
        index = columns.index(task.column) if task.column in columns else 0
        target = min(max(index + step, 0), len(columns) - 1)
        if target == index:
            return task
        col = columns[target]
        if col == settings.done_column:
            tx.label = _("complete “{title}”").format(title=one_line(task.title, 40))
            return _complete(tx, ws, settings, task)[0]
        tx.label = (_("reopen “{title}”") if task.is_done else _("move “{title}” to {column}")).format(
            title=one_line(task.title, 40), column=col
        )
        return tx.save(
            task.with_(column=col, completed=None, position=_end_position(tx, col), updated=ws.clock.now())
        )


def column_tasks(tasks: Iterable[Task], column: str) -> list[Task]:
    """The tasks of one column in board order."""
    return sorted((t for t in tasks if t.column == column), key=lambda t: (t.position, t.id or 0))


def reorder_task(ws: Workspace, task_id: int, step: int) -> Task:
    """Move a task up (-1) or down (+1) inside its column."""
    task = ws.get(Task, task_id)
    label = _("reorder “{title}”").format(title=one_line(task.title, 40))
    with ws.transaction(label) as tx:
        task = tx.get(Task, task_id)
        siblings = column_tasks(
            (Task.from_doc(d, int(k)) for k, d in task_docs(tx).items() if d.get("column") == task.column),
            task.column,
        )
        index = next(i for i, t in enumerate(siblings) if t.id == task_id)
        target = min(max(index + step, 0), len(siblings) - 1)
        if target == index:
            return task
        siblings.insert(target, siblings.pop(index))
        now = ws.clock.now()
        for position, sibling in enumerate(siblings, start=1):
            if sibling.position != position:
                tx.update("tasks", sibling.id or 0, {"position": position})
        tx.update("tasks", task_id, {"updated": now.isoformat()})
        return tx.get(Task, task_id)


def complete_task(ws: Workspace, task_id: int) -> tuple[Task, Task | None]:
    """Mark a task done; a recurring task gets its next occurrence. Returns (done, next)."""
    task = ws.get(Task, task_id)  # for the undo label only
    label = _("complete “{title}”").format(title=one_line(task.title, 40))
    with ws.transaction(label) as tx:
        task = tx.get(Task, task_id)
        if task.is_done:
            return task, None
        return _complete(tx, ws, tx.settings(), task)


def _complete(tx: Tx, ws: Workspace, settings: Settings, task: Task) -> tuple[Task, Task | None]:
    """Inside a transaction: move ``task`` to done and create its next occurrence if it recurs."""
    now = ws.clock.now()
    done = tx.save(
        task.with_(
            column=settings.done_column,
            completed=now,
            updated=now,
            position=_end_position(tx, settings.done_column),
        )
    )
    following: Task | None = None
    if task.recurrence:
        rule = Recurrence.parse(task.recurrence)
        today = home_today(ws)
        due = (
            task.due if task.due is not None and in_business_range(task.due) else today
        )  # a stored 9999 date
        nxt = rule.next_in_range(max(due, today))
        if nxt is None:  # past MAX_DATE: the series ends here
            return done, None
        first = settings.columns[0]
        column = task.column if task.column != settings.done_column else first
        following = tx.add(
            task.with_(
                id=None,
                column=column,
                position=_end_position(tx, column),
                due=nxt,
                completed=None,
                created=now,
                updated=now,
                snoozed_until=None,
                checklist=tuple(item.with_(done=False) for item in task.checklist),
            )
        )
    return done, following


def reopen_task(ws: Workspace, task_id: int, column: str | None = None) -> Task:
    """Undo a completion: the task goes back to ``column`` (the first by default). A task
    already open when the change is made (another session reopened it) stays where it is."""
    if column:
        check_column(ws.settings(), column)
    task = ws.get(Task, task_id)  # for the undo label only
    with ws.transaction(_("reopen “{title}”").format(title=one_line(task.title, 40))) as tx:
        settings = tx.settings()
        col = check_column(settings, column) if column else settings.columns[0]
        task = tx.get(Task, task_id)
        if not task.is_done:
            return task
        return tx.save(
            task.with_(column=col, completed=None, position=_end_position(tx, col), updated=ws.clock.now())
        )


def snooze_task(ws: Workspace, task_id: int, until: date) -> Task:
    """Hide a task from Today until ``until``."""
    if until <= home_today(ws):
        raise InputError(_("snooze until a later day than today"))
    return edit_task(ws, task_id, snoozed_until=until)


def reschedule_task(ws: Workspace, task_id: int, due: date | None) -> Task:
    """Give a task a new due date (or none)."""
    return edit_task(ws, task_id, due=due, snoozed_until=None)


def delete_task(ws: Workspace, task_id: int) -> Task:
    """Delete a task (undoable)."""
    task = ws.get(Task, task_id)
    with ws.transaction(_("delete “{title}”").format(title=one_line(task.title, 40))) as tx:
        tx.delete(Task, task_id)
    return task
