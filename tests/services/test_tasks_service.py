"""Task use cases against a real workspace."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from vatui.domain.clock import FixedClock
from vatui.domain.errors import InputError, NotFoundError
from vatui.domain.tasks import Task
from vatui.services.clients.manage import add_client
from vatui.services.tasks import manage as svc
from vatui.services.tasks.timer import running_timer, start_timer, stop_timer, toggle_timer
from vatui.store.workspace import Workspace

TODAY = date(2026, 11, 27)


def titles(ws: Workspace, column: str) -> list[str]:
    return [t.title for t in svc.column_tasks(ws.all(Task), column)]


def test_add_goes_to_end_of_first_column(ws: Workspace) -> None:
    svc.add_task(ws, "one")
    svc.add_task(ws, "two")
    svc.add_task(ws, "three", column="next")
    assert titles(ws, "Inbox") == ["one", "two"]
    assert titles(ws, "Next") == ["three"]


@pytest.mark.parametrize("bad", ["", "   ", "x" * 501])
def test_bad_titles_are_refused(ws: Workspace, bad: str) -> None:
    with pytest.raises(InputError):
        svc.add_task(ws, bad)
    assert ws.all(Task) == []


def test_bad_column_priority_client_refused(ws: Workspace) -> None:
    with pytest.raises(InputError, match="no column"):
        svc.add_task(ws, "x", column="Someday")
    with pytest.raises(InputError, match="priority"):
        svc.add_task(ws, "x", priority="urgent")
    with pytest.raises(NotFoundError):
        svc.add_task(ws, "x", client_id=99)
    assert ws.all(Task) == []


def test_move_reorder_and_shift(ws: Workspace) -> None:
    a, b, c = (svc.add_task(ws, t) for t in "abc")
    svc.reorder_task(ws, c.id or 0, -1)
    assert titles(ws, "Inbox") == ["a", "c", "b"]
    svc.reorder_task(ws, a.id or 0, -1)
    assert titles(ws, "Inbox") == ["a", "c", "b"]
    svc.shift_column(ws, a.id or 0, +1)
    assert titles(ws, "Next") == ["a"]
    svc.move_task(ws, b.id or 0, "Doing")
    assert titles(ws, "Doing") == ["b"]
    moved = svc.shift_column(ws, b.id or 0, +2)
    assert moved.column == "Done" and moved.completed is not None


def test_complete_recurring_creates_next(ws: Workspace) -> None:
    task = svc.add_task(ws, "Weekly report", due=TODAY - timedelta(days=3), recurrence="monday")
    done, following = svc.complete_task(ws, task.id or 0)
    assert done.completed is not None and done.column == "Done"
    assert following is not None and following.due == date(2026, 11, 30)
    assert following.completed is None and following.recurrence == "monday"
    again, none = svc.complete_task(ws, task.id or 0)
    assert none is None and again.completed == done.completed


def test_reopen_and_snooze(ws: Workspace, clock: FixedClock) -> None:
    task = svc.add_task(ws, "x", due=TODAY)
    svc.complete_task(ws, task.id or 0)
    reopened = svc.reopen_task(ws, task.id or 0, "Doing")
    assert reopened.completed is None and reopened.column == "Doing"
    with pytest.raises(InputError):
        svc.snooze_task(ws, task.id or 0, TODAY)
    assert svc.snooze_task(ws, task.id or 0, TODAY + timedelta(days=1)).snoozed_until == TODAY + timedelta(
        days=1
    )


def test_find_task(ws: Workspace) -> None:
    svc.add_task(ws, "Invoice Acme")
    svc.add_task(ws, "Invoice Beta")
    assert svc.find_task(ws, "invoice b").title == "Invoice Beta"
    with pytest.raises(InputError, match="several"):
        svc.find_task(ws, "invoice")
    with pytest.raises(NotFoundError):
        svc.find_task(ws, "nothing")
    assert svc.find_task(ws, "#1").title == "Invoice Acme"


def test_quick_add_with_ambiguous_client(ws: Workspace) -> None:
    add_client(ws, "Acme One")
    add_client(ws, "Acme Two")
    with pytest.raises(InputError) as info:
        svc.quick_add(ws, "Call @acme")
    assert "Acme One" in str(info.value) and "Acme Two" in str(info.value)
    assert ws.all(Task) == []


def test_timer_one_at_a_time(ws: Workspace, clock: FixedClock) -> None:
    a = svc.add_task(ws, "a")
    b = svc.add_task(ws, "b")
    start_timer(ws, a.id or 0)
    clock.advance(minutes=25)
    started, stopped = start_timer(ws, b.id or 0)
    assert stopped is not None and stopped.minutes == 25 and stopped.task_id == a.id
    assert running_timer(ws) == started
    reopened = Workspace.open(ws.directory, clock)
    assert running_timer(reopened) == started
    clock.advance(minutes=5)
    _none, finished = toggle_timer(ws, b.id or 0)
    assert finished is not None and finished.minutes == 5
    assert stop_timer(ws) is None


def test_undo_of_delete_restores_task(ws: Workspace) -> None:
    task = svc.add_task(ws, "precious [draft] 🐙")
    svc.delete_task(ws, task.id or 0)
    assert ws.all(Task) == []
    assert ws.undo().startswith("delete")
    assert ws.get(Task, task.id or 0).title == "precious [draft] 🐙"


def test_no_time_yesterday_note_only_once_time_is_logged(ws: Workspace) -> None:
    from vatui.services.today.triage import triage

    assert "No time logged yesterday." not in triage(ws, TODAY).notes
    task = svc.add_task(ws, "Bookkeeping")
    from vatui.services.tasks.timer import add_time

    add_time(ws, task.id, 20, TODAY)  # started logging today: nothing to remind about yesterday
    assert "No time logged yesterday." not in triage(ws, TODAY).notes
    add_time(ws, task.id, 30, TODAY - timedelta(days=3))
    assert "No time logged yesterday." in triage(ws, TODAY).notes
    add_time(ws, task.id, 45, TODAY - timedelta(days=1))
    assert "No time logged yesterday." not in triage(ws, TODAY).notes


def test_edit_with_a_new_column_is_one_undoable_change(ws: Workspace) -> None:
    task = svc.add_task(ws, "Plan launch")
    edited = svc.edit_task(ws, task.id or 0, title="Plan the launch", column="doing")
    assert (edited.title, edited.column) == ("Plan the launch", "Doing")
    assert titles(ws, "Doing") == ["Plan the launch"]
    ws.undo()
    back = ws.get(Task, task.id or 0)
    assert (back.title, back.column) == ("Plan launch", "Inbox")


def test_edit_into_done_completes_and_recurs(ws: Workspace) -> None:
    task = svc.add_task(ws, "Weekly report", due=TODAY, recurrence="friday")
    done = svc.edit_task(ws, task.id or 0, priority="high", column="Done")
    assert done.completed is not None and done.priority == "high"
    following = [t for t in ws.all(Task) if not t.is_done]
    assert [t.due for t in following] == [date(2026, 12, 4)]
    reopened = svc.edit_task(ws, task.id or 0, column="Next")
    assert reopened.completed is None and reopened.column == "Next"


def test_edit_with_a_bad_column_saves_nothing(ws: Workspace) -> None:
    task = svc.add_task(ws, "Keep")
    with pytest.raises(InputError):
        svc.edit_task(ws, task.id or 0, title="Changed", column="Someday")
    assert ws.get(Task, task.id or 0).title == "Keep"


def test_stored_settings_without_columns_still_take_a_task(ws: Workspace) -> None:
    with ws.transaction("damage") as tx:
        settings = ws.settings().to_doc()
        if tx.get_doc("settings", 1) is None:
            tx.insert("settings", {**settings, "columns": []}, 1)
        else:
            tx.update("settings", 1, {"columns": []})
    task = svc.add_task(ws, "After the damage")
    assert task.column == "Inbox"
    assert svc.check_column(ws.settings(), "doi") == "Doing"
