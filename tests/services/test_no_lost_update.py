"""No lost update: a change made on top of another session's change keeps both.

Each test lets a second session commit a change between what the service (or the
command) read and its transaction (``tests/helpers/interleave.py``), then checks that both
changes are in the store: every change is computed from the record read inside the lock.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.helpers.interleave import before_next_transaction
from vatui.cli.main import main
from vatui.domain.changes import ClientChanges
from vatui.domain.clients import Client
from vatui.domain.clock import FixedClock, SystemClock
from vatui.domain.errors import RuleError, VatuiError
from vatui.domain.ledger import Expense, Invoice
from vatui.domain.money import Money
from vatui.domain.tasks import Task, TimeEntry
from vatui.services.clients import manage as svc
from vatui.services.ledger.expenses import add_expense, delete_expense
from vatui.services.ledger.invoices import new_invoice
from vatui.services.settings.theme import set_setting, set_theme
from vatui.services.tasks import manage as task_svc
from vatui.services.tasks.timer import add_time, toggle_timer
from vatui.store.workspace import Workspace


@pytest.fixture
def acme(ws: Workspace) -> int:
    return svc.add_client(ws, "Acme", tags=("start",), hourly_rate=Money(1000, "USD")).id or 0


def vatui(monkeypatch: pytest.MonkeyPatch, clock: FixedClock, *args: str) -> int:
    monkeypatch.setattr(SystemClock, "now", lambda self: clock.now())
    try:
        main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_a_note_added_on_top_of_another_sessions_note_keeps_both(
    ws: Workspace,
    acme: int,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before_next_transaction(monkeypatch, data_dir, clock, lambda other: svc.add_note(other, acme, "theirs"))
    svc.add_note(ws, acme, "mine")
    assert [n.text for n in ws.get(Client, acme).notes] == ["theirs", "mine"]


def test_client_edit_adds_notes_and_tags_to_what_is_there_when_it_saves(
    ws: Workspace,
    acme: int,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def theirs(other: Workspace) -> None:
        svc.add_note(other, acme, "theirs")
        svc.edit_client(other, acme, tags=("start", "theirs"), terms_days=30)

    before_next_transaction(monkeypatch, data_dir, clock, theirs)
    assert (
        vatui(
            monkeypatch,
            clock,
            "client",
            "edit",
            "Acme",
            "--note",
            "mine",
            "--tag",
            "mine",
            "--untag",
            "start",
            "--rate",
            "99",
        )
        == 0
    )
    client = ws.get(Client, acme)
    assert [n.text for n in client.notes] == ["theirs", "mine"]
    assert client.tags == ("theirs", "mine")
    assert client.terms_days == 30 and client.hourly_rate == Money(9900, "USD")


def test_people_and_channels_merge_with_a_concurrent_change(
    ws: Workspace,
    acme: int,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def theirs(other: Workspace) -> None:
        svc.edit_client(
            other,
            acme,
            people=(svc.parse_person("Bob|billing"),),
            channels=(svc.parse_channel("slack:#acme"),),
        )

    before_next_transaction(monkeypatch, data_dir, clock, theirs)
    assert (
        vatui(
            monkeypatch,
            clock,
            "client",
            "edit",
            "Acme",
            "--person",
            "Ann|owner",
            "--channel",
            "whatsapp:+1555",
        )
        == 0
    )
    client = ws.get(Client, acme)
    assert [p.name for p in client.people] == ["Bob", "Ann"]
    assert [c.kind for c in client.channels] == ["slack", "whatsapp"]


def test_the_merged_client_is_checked_inside_the_lock(
    ws: Workspace,
    acme: int,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A rate typed in USD on a client another session just moved to EUR is refused, not mixed."""
    before_next_transaction(
        monkeypatch,
        data_dir,
        clock,
        lambda other: svc.edit_client(other, acme, currency="EUR", hourly_rate=None),
    )
    with pytest.raises(VatuiError, match="billed in EUR"):
        svc.edit_client(ws, acme, hourly_rate=Money(5000, "USD"))
    assert ws.get(Client, acme).currency == "EUR"


def test_a_change_that_changes_nothing_writes_nothing(ws: Workspace, acme: int) -> None:
    label = ws.undo_label()
    same = svc.change_client(ws, acme, ClientChanges(tags_added=("start",)))
    assert same == ws.get(Client, acme)
    assert ws.undo_label() == label


def test_task_edit_tags_merge_and_fields_do_not_clobber(
    ws: Workspace,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    task = task_svc.add_task(ws, "Plan", tags=("start",))

    def theirs(other: Workspace) -> None:
        task_svc.edit_task(other, task.id or 0, tags=("start", "theirs"), due=date(2026, 12, 1))

    before_next_transaction(monkeypatch, data_dir, clock, theirs)
    assert vatui(monkeypatch, clock, "task", "edit", str(task.id), "--tag", "mine", "--priority", "high") == 0
    saved = ws.get(Task, task.id or 0)
    assert saved.tags == ("start", "theirs", "mine")
    assert saved.due == date(2026, 12, 1) and saved.priority == "high"


def test_moving_to_done_decides_on_the_task_as_it_is_now(
    ws: Workspace,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read as done, reopened by another session meanwhile: moving it to Done completes it again."""
    task = task_svc.add_task(ws, "Plan")
    task_svc.complete_task(ws, task.id or 0)
    before_next_transaction(
        monkeypatch, data_dir, clock, lambda other: task_svc.reopen_task(other, task.id or 0)
    )
    task_svc.move_task(ws, task.id or 0, "Done")
    saved = ws.get(Task, task.id or 0)
    assert saved.column == "Done" and saved.is_done


def test_reopening_a_task_another_session_reopened_leaves_it_where_they_put_it(
    ws: Workspace,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    task = task_svc.add_task(ws, "Plan")
    task_svc.complete_task(ws, task.id or 0)
    before_next_transaction(
        monkeypatch, data_dir, clock, lambda other: task_svc.reopen_task(other, task.id or 0, "Doing")
    )
    task_svc.reopen_task(ws, task.id or 0)
    saved = ws.get(Task, task.id or 0)
    assert saved.column == "Doing" and not saved.is_done


def test_shifting_a_card_moves_it_from_the_column_it_is_in_now(
    ws: Workspace,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    task = task_svc.add_task(ws, "Plan", column="Inbox")
    before_next_transaction(
        monkeypatch, data_dir, clock, lambda other: task_svc.move_task(other, task.id or 0, "Doing")
    )
    task_svc.shift_column(ws, task.id or 0, +1)
    assert ws.get(Task, task.id or 0).column == "Waiting"


def test_two_timer_toggles_on_one_task_start_then_stop(
    ws: Workspace,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    task = task_svc.add_task(ws, "Plan")
    before_next_transaction(monkeypatch, data_dir, clock, lambda other: toggle_timer(other, task.id or 0))
    started, stopped = toggle_timer(ws, task.id or 0)
    entries = ws.all(TimeEntry)
    assert started is None and stopped is not None
    assert len(entries) == 1 and not entries[0].running


def test_set_theme_writes_the_choice_over_another_sessions_meanwhile(
    ws: Workspace,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The choice is written on the settings as they are inside the lock."""
    assert ws.settings().theme == "textual-dark"
    before_next_transaction(monkeypatch, data_dir, clock, lambda other: set_theme(other, "nord"))
    set_theme(ws, "textual-dark")
    assert ws.settings().theme == "textual-dark"


def test_set_setting_keeps_another_sessions_setting(
    ws: Workspace,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before_next_transaction(
        monkeypatch, data_dir, clock, lambda other: set_setting(other, "workspace_name", "Theirs")
    )
    set_setting(ws, "theme", "nord")
    settings = ws.settings()
    assert settings.theme == "nord" and settings.workspace_name == "Theirs"
    with pytest.raises(VatuiError):
        set_setting(ws, "no_such_setting", 1)


def test_an_expense_billed_meanwhile_is_not_deleted(
    ws: Workspace,
    acme: int,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expense = add_expense(ws, Money(2000, "USD"), category="software", client_id=acme, on=date(2026, 11, 20))
    before_next_transaction(
        monkeypatch,
        data_dir,
        clock,
        lambda other: new_invoice(other, acme, unbilled=True, on=date(2026, 11, 27)),
    )
    with pytest.raises(RuleError, match="on an invoice"):
        delete_expense(ws, expense.id or 0)
    assert ws.get(Expense, expense.id or 0).invoice_id is not None


def test_a_draft_is_not_made_in_a_currency_the_client_left_meanwhile(
    ws: Workspace,
    acme: int,
    data_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_time(ws, None, 120, date(2026, 11, 26), client_id=acme)
    before_next_transaction(
        monkeypatch,
        data_dir,
        clock,
        lambda other: svc.edit_client(other, acme, currency="EUR", hourly_rate=Money(4000, "EUR")),
    )
    with pytest.raises(RuleError, match="changed while"):
        new_invoice(ws, acme, unbilled=True, on=date(2026, 11, 27))
    assert ws.all(Invoice) == []
    invoice = new_invoice(ws, acme, unbilled=True, on=date(2026, 11, 27))
    assert invoice.currency == "EUR" and all(i.unit_price.currency == "EUR" for i in invoice.items)
