"""A task's checklist (add, tick, untick, remove a line) and a waiting task's follow-up date.

Checklist lines are numbered from 1 in their order. Each change reads the task inside the
lock and rewrites only the field it changes, as one undoable transaction. Archived
tasks are read-only.
"""

from __future__ import annotations

from datetime import UTC, date

from vatui.domain.errors import InputError, NotFoundError
from vatui.domain.tasks import ChecklistItem, Task
from vatui.domain.text import MAX_TITLE, check_text, one_line
from vatui.i18n import _
from vatui.services.archived import live_doc
from vatui.services.queries import task_docs
from vatui.store.workspace import Tx, Workspace

MAX_ITEM = MAX_TITLE  # the same cap as a checklist item edited with the task
"""The longest checklist line accepted."""


def check_item_text(text: str) -> str:
    """A checklist line: one line, not empty, of reasonable length."""
    value = text.strip()
    if not value:
        raise InputError(_("a checklist line needs some text"))
    if "\n" in value or "\r" in value:
        raise InputError(_("a checklist line is one line"))
    value = check_text(value, _("the checklist line"), MAX_ITEM)
    return value


def _task(ws: Workspace, tx: Tx, task_id: int) -> Task:
    return Task.from_doc(live_doc(ws, tx, "tasks", task_id), task_id)


def _label(ws: Workspace, what: str, task_id: int) -> str:
    doc = task_docs(ws).get(str(task_id)) or {}
    return what.format(title=one_line(str(doc.get("title", f"#{task_id}")), 40))


def _write(ws: Workspace, tx: Tx, task_id: int, items: list[ChecklistItem]) -> Task:
    tx.update(
        "tasks",
        task_id,
        {"checklist": [i.to_doc() for i in items], "updated": ws.clock.now().astimezone(UTC).isoformat()},
    )
    return _task(ws, tx, task_id)


def _item(task: Task, number: int) -> int:
    if not 1 <= number <= len(task.checklist):
        raise NotFoundError(
            _("the checklist has no line {n} (it has {count})").format(n=number, count=len(task.checklist))
        )
    return number - 1


def add_checklist_item(ws: Workspace, task_id: int, text: str) -> Task:
    """Add a line at the end of the checklist."""
    value = check_item_text(text)
    with ws.transaction(_label(ws, _("add a checklist line to “{title}”"), task_id)) as tx:
        task = _task(ws, tx, task_id)
        return _write(ws, tx, task_id, [*task.checklist, ChecklistItem(text=value)])


def tick_checklist_item(ws: Workspace, task_id: int, number: int, done: bool = True) -> Task:
    """Tick (or untick) checklist line ``number``."""
    label = _("tick a checklist line of “{title}”") if done else _("untick a checklist line of “{title}”")
    with ws.transaction(_label(ws, label, task_id)) as tx:
        task = _task(ws, tx, task_id)
        index = _item(task, number)
        items = list(task.checklist)
        items[index] = items[index].with_(done=done)
        return _write(ws, tx, task_id, items)


def remove_checklist_item(ws: Workspace, task_id: int, number: int) -> Task:
    """Remove checklist line ``number``."""
    with ws.transaction(_label(ws, _("remove a checklist line of “{title}”"), task_id)) as tx:
        task = _task(ws, tx, task_id)
        index = _item(task, number)
        items = list(task.checklist)
        items.pop(index)
        return _write(ws, tx, task_id, items)


def set_follow_up(ws: Workspace, task_id: int, when: date | None) -> Task:
    """Set (or clear, with ``None``) when to chase the client about a waiting task."""
    with ws.transaction(_label(ws, _("follow-up of “{title}”"), task_id)) as tx:
        _task(ws, tx, task_id)
        tx.update(
            "tasks",
            task_id,
            {
                "follow_up": when.isoformat() if when else None,
                "updated": ws.clock.now().astimezone(UTC).isoformat(),
            },
        )
        return _task(ws, tx, task_id)
