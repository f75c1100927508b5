"""Every record can be corrected: time entries, payments, contacts, client notes, checklists,
follow-ups; billed time and paid invoices locked; archived records read-only; undo covers each."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.helpers.ledger import client, eur, sent_invoice, work
from vatui.domain.clients import Client, Contact
from vatui.domain.errors import InputError, NotFoundError, RuleError
from vatui.domain.ledger import Invoice, Payment
from vatui.domain.tasks import Task, TimeEntry
from vatui.services.clients import contact_edits
from vatui.services.clients import notes as client_notes
from vatui.services.clients.contacts import log_contact
from vatui.services.clients.manage import add_client, edit_client, make_note
from vatui.services.ledger import payment_corrections
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice, void_invoice
from vatui.services.ledger.payments import record_payment
from vatui.services.tasks import checklist as task_checklist
from vatui.services.tasks import time_entries
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import add_time, start_timer
from vatui.store.archive import archive_old
from vatui.store.workspace import Workspace

DAY = date(2026, 11, 20)


def _entry(ws: Workspace) -> TimeEntry:
    task = add_task(ws, "Inbox zero")
    return add_time(ws, task.id, 15, DAY, note="stray")


# time entries ------------------------------------------------------------------------------


def test_edit_a_time_entry_duration_day_note_billable_and_undo(ws: Workspace) -> None:
    entry = _entry(ws)
    edited = time_entries.edit_time_entry(
        ws, entry.id or 0, minutes=45, on=date(2026, 11, 18), note=" real work ", billable=False
    )
    assert (edited.minutes, edited.note, edited.billable) == (45, "real work", False)
    assert edited.start.date() == date(2026, 11, 18)
    assert (edited.end - edited.start).total_seconds() == 45 * 60  # type: ignore[operator]
    assert ws.get(TimeEntry, entry.id or 0) == edited
    assert ws.undo_label() == f"edit time entry #{entry.id}"
    ws.undo()
    assert ws.get(TimeEntry, entry.id or 0) == entry


def test_delete_a_time_entry_and_undo(ws: Workspace) -> None:
    entry = _entry(ws)
    time_entries.delete_time_entry(ws, entry.id or 0)
    assert ws.all(TimeEntry) == []
    ws.undo()
    assert ws.all(TimeEntry) == [entry]


def test_a_stray_running_timer_can_be_deleted_but_not_resized(ws: Workspace) -> None:
    task = add_task(ws, "Oops")
    started, _stopped = start_timer(ws, task.id or 0)
    with pytest.raises(RuleError, match="running"):
        time_entries.edit_time_entry(ws, started.id or 0, minutes=10)
    time_entries.delete_time_entry(ws, started.id or 0)
    assert ws.all(TimeEntry) == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"minutes": 0},
        {"minutes": 24 * 60 + 1},
        {"on": date(2026, 11, 28)},
        {"note": "x" * 501},
        {"note": "two\nlines"},
        {},
    ],
)
def test_bad_time_edits_save_nothing(ws: Workspace, kwargs: dict[str, object]) -> None:
    entry = _entry(ws)
    with pytest.raises(InputError):
        time_entries.edit_time_entry(ws, entry.id or 0, **kwargs)  # type: ignore[arg-type]
    assert ws.get(TimeEntry, entry.id or 0) == entry


def test_billed_time_is_locked_until_the_invoice_is_voided(ws: Workspace) -> None:
    c = client(ws)
    work(ws, c, "Admin", 60)
    inv = new_invoice(ws, c.id or 0, unbilled=True, on=date(2026, 11, 27))
    entry = ws.all(TimeEntry)[0]
    for change in (
        lambda: time_entries.edit_time_entry(ws, entry.id or 0, minutes=30),
        lambda: time_entries.delete_time_entry(ws, entry.id or 0),
    ):
        with pytest.raises(RuleError, match=f"billed on #{inv.id}: void the invoice first"):  # a draft
            change()
    assert ws.get(TimeEntry, entry.id or 0) == entry
    void_invoice(ws, inv.id or 0)
    assert time_entries.edit_time_entry(ws, entry.id or 0, minutes=30).minutes == 30


def test_a_missing_entry_is_not_found(ws: Workspace) -> None:
    with pytest.raises(NotFoundError):
        time_entries.delete_time_entry(ws, 99)


# payments ----------------------------------------------------------------------------------


def test_delete_a_payment_keeps_the_reason_and_recomputes_the_invoice(ws: Workspace) -> None:
    c = client(ws)
    inv = sent_invoice(ws, c, 10000)
    pay = record_payment(ws, inv.id or 0, eur(4000), date(2026, 11, 20)).payment
    assert ws.get(Invoice, inv.id or 0).status == "partial"
    done = payment_corrections.delete_payment(ws, pay.id or 0, " typed on the wrong invoice ")
    assert done.invoice.status == "sent" and done.due == eur(10000)
    stored = ws.get(Invoice, inv.id or 0)
    assert stored.status == "sent" and ws.all(Payment) == []
    [removal] = stored.removed_payments
    assert (removal.payment_id, removal.amount, removal.reason) == (
        pay.id,
        eur(4000),
        "typed on the wrong invoice",
    )
    assert removal.removed == ws.clock.now()
    assert payment_corrections.removed_payments(ws) == [(inv.number, removal)]
    assert ws.undo_label() == f"delete payment #{pay.id}"
    ws.undo()
    assert ws.get(Invoice, inv.id or 0).status == "partial" and ws.all(Payment) == [pay]
    assert ws.get(Invoice, inv.id or 0).removed_payments == ()


def test_a_payment_needs_a_reason(ws: Workspace) -> None:
    c = client(ws)
    inv = sent_invoice(ws, c, 10000)
    pay = record_payment(ws, inv.id or 0, eur(4000), date(2026, 11, 20)).payment
    for reason in ("", "   ", "x" * 201):
        with pytest.raises(InputError):
            payment_corrections.delete_payment(ws, pay.id or 0, reason)
    assert ws.all(Payment) == [pay]


def test_a_paid_invoices_payments_are_locked_unless_reopened(ws: Workspace) -> None:
    c = client(ws)
    inv = sent_invoice(ws, c, 10000)
    pay = record_payment(ws, inv.id or 0, eur(100000), date(2026, 11, 20)).payment  # typo: 1000.00
    with pytest.raises(RuleError, match=f"{inv.number} is paid: its payments are locked.*--reopen"):
        payment_corrections.delete_payment(ws, pay.id or 0, "typo")
    assert ws.all(Payment) == [pay]
    done = payment_corrections.delete_payment(ws, pay.id or 0, "typo", reopen=True)
    assert done.invoice.status == "sent" and done.due == eur(10000)
    # voidable now that it has no payment
    assert void_invoice(ws, inv.id or 0).status == "void"


def test_a_payment_whose_credit_was_used_cannot_be_deleted(ws: Workspace) -> None:
    c = client(ws)
    first = sent_invoice(ws, c, 10000)
    pay = record_payment(ws, first.id or 0, eur(15000), date(2026, 11, 20)).payment  # 50.00 credit
    other = new_invoice(ws, c.id or 0, items=[ItemSpec("More", "1", eur(3000))], on=date(2026, 11, 27))
    other = send_invoice(ws, other.id or 0, date(2026, 11, 27))
    assert other.credit_applied == eur(3000)
    with pytest.raises(RuleError, match="void that invoice first"):
        payment_corrections.delete_payment(ws, pay.id or 0, "wrong", reopen=True)
    assert ws.all(Payment) == [pay]


def test_list_payments(ws: Workspace) -> None:
    c = client(ws)
    a = sent_invoice(ws, c, 10000)
    b = sent_invoice(ws, c, 20000)
    p1 = record_payment(ws, a.id or 0, eur(100), date(2026, 11, 20)).payment
    p2 = record_payment(ws, b.id or 0, eur(200), date(2026, 11, 21)).payment
    assert [r.payment for r in payment_corrections.list_payments(ws)] == [p2, p1]
    assert [(r.payment, r.number) for r in payment_corrections.list_payments(ws, a.id)] == [(p1, a.number)]


# contacts ----------------------------------------------------------------------------------


def test_edit_and_delete_a_contact_with_undo(ws: Workspace) -> None:
    acme = add_client(ws, "Acme").id or 0
    contact = log_contact(ws, acme, channel="email", summary="sent brief", follow_up=date(2026, 12, 1))
    edited = contact_edits.edit_contact(
        ws, contact.id or 0, summary="called", channel="phone", direction="in", follow_up=date(2026, 12, 4)
    )
    assert (edited.summary, edited.channel, edited.direction, edited.follow_up) == (
        "called",
        "phone",
        "in",
        date(2026, 12, 4),
    )
    cleared = contact_edits.edit_contact(ws, contact.id or 0, clear_follow_up=True)
    assert cleared.follow_up is None
    ws.undo()
    assert ws.get(Contact, contact.id or 0) == edited
    contact_edits.delete_contact(ws, contact.id or 0)
    assert ws.all(Contact) == []
    assert ws.undo() == f"delete contact #{contact.id}"
    assert ws.get(Contact, contact.id or 0) == edited


@pytest.mark.parametrize(
    "kwargs",
    [
        {"summary": " "},
        {"channel": "pigeon"},
        {"direction": "up"},
        {"on": date(2026, 11, 28)},
        {"follow_up": date(2026, 11, 1)},
        {},
        {"follow_up": date(2026, 12, 9), "clear_follow_up": True},
    ],
)
def test_bad_contact_edits_save_nothing(ws: Workspace, kwargs: dict[str, object]) -> None:
    acme = add_client(ws, "Acme").id or 0
    contact = log_contact(ws, acme, channel="email", summary="sent brief")
    with pytest.raises(InputError):
        contact_edits.edit_contact(ws, contact.id or 0, **kwargs)  # type: ignore[arg-type]
    assert ws.get(Contact, contact.id or 0) == contact


# client notes ------------------------------------------------------------------------------


def _noted(ws: Workspace) -> int:
    acme = add_client(ws, "Acme").id or 0
    notes = (make_note(ws, "likes mornings"), make_note(ws, "pays late", confidential=True))
    edit_client(ws, acme, notes=notes)
    return acme


def test_edit_and_delete_notes_confidential_included(ws: Workspace) -> None:
    acme = _noted(ws)
    assert [n for n, _note in client_notes.list_notes(ws, acme, confidential=False)] == [1]
    before = ws.get(Client, acme)
    edited = client_notes.edit_note(ws, acme, 2, text="pays on the 5th", confidential=False)
    assert (edited.text, edited.confidential, edited.created) == (
        "pays on the 5th",
        False,
        before.notes[1].created,
    )
    gone = client_notes.delete_note(ws, acme, 1)
    assert gone.text == "likes mornings"
    assert [n.text for n in ws.get(Client, acme).notes] == ["pays on the 5th"]
    ws.undo()
    ws.undo()
    assert ws.get(Client, acme).notes == before.notes


def test_a_note_changed_elsewhere_is_not_overwritten(ws: Workspace) -> None:
    acme = _noted(ws)
    shown = client_notes.list_notes(ws, acme)[0][1]
    client_notes.delete_note(ws, acme, 1)  # another session
    with pytest.raises(RuleError, match="another session"):
        client_notes.edit_note(ws, acme, 1, text="x", expect=shown)
    with pytest.raises(NotFoundError):
        client_notes.delete_note(ws, acme, 5)
    with pytest.raises(InputError):
        client_notes.edit_note(ws, acme, 1, text="  ")


def test_a_note_edit_keeps_a_concurrent_tag(ws: Workspace) -> None:
    acme = _noted(ws)
    edit_client(ws, acme, tags=("vip",))
    client_notes.edit_note(ws, acme, 1, text="likes afternoons")
    assert ws.get(Client, acme).tags == ("vip",)


# checklists and follow-ups -----------------------------------------------------------------


def test_checklist_add_tick_untick_remove_with_undo(ws: Workspace) -> None:
    task = add_task(ws, "Launch")
    task_checklist.add_checklist_item(ws, task.id or 0, "write copy")
    task_checklist.add_checklist_item(ws, task.id or 0, "schedule")
    ticked = task_checklist.tick_checklist_item(ws, task.id or 0, 2)
    assert [(i.text, i.done) for i in ticked.checklist] == [("write copy", False), ("schedule", True)]
    assert not task_checklist.tick_checklist_item(ws, task.id or 0, 2, done=False).checklist[1].done
    removed = task_checklist.remove_checklist_item(ws, task.id or 0, 1)
    assert [i.text for i in removed.checklist] == ["schedule"]
    ws.undo()
    assert len(ws.get(Task, task.id or 0).checklist) == 2
    for bad in (
        lambda: task_checklist.tick_checklist_item(ws, task.id or 0, 3),
        lambda: task_checklist.remove_checklist_item(ws, task.id or 0, 0),
    ):
        with pytest.raises(NotFoundError):
            bad()
    for text in ("", "a\nb", "x" * (task_checklist.MAX_ITEM + 1)):
        with pytest.raises(InputError):
            task_checklist.add_checklist_item(ws, task.id or 0, text)


def test_follow_up_set_and_cleared(ws: Workspace) -> None:
    task = add_task(ws, "Waiting on logo")
    assert task_checklist.set_follow_up(ws, task.id or 0, date(2026, 12, 2)).follow_up == date(2026, 12, 2)
    assert task_checklist.set_follow_up(ws, task.id or 0, None).follow_up is None
    ws.undo()
    assert ws.get(Task, task.id or 0).follow_up == date(2026, 12, 2)


# archived records ---------------------------------------------------------------------------


def test_archived_records_are_read_only(ws: Workspace) -> None:
    with ws.transaction("seed") as tx:
        entry = tx.add(TimeEntry(client_id=1, start=datetime(2025, 3, 1, 9, tzinfo=UTC), minutes=60))
        inv = tx.add(
            Invoice(
                number="INV-2025-0001",
                client_id=1,
                issue_date=date(2025, 3, 31),
                due_date=date(2025, 4, 30),
                currency="EUR",
                status="paid",
            )
        )
        tx.save(entry.with_(invoice_id=inv.id))
        pay = tx.add(Payment(invoice_id=inv.id or 0, on=date(2025, 4, 10), amount=eur(100)))
        done = tx.add(
            Task(
                title="old",
                created=datetime(2025, 1, 1, tzinfo=UTC),
                updated=datetime(2025, 1, 1, tzinfo=UTC),
                completed=datetime(2025, 2, 1, tzinfo=UTC),
            )
        )
    archive_old(ws, date(2026, 11, 27))
    with pytest.raises(RuleError, match="archived in 2025: archived records are read-only"):
        time_entries.delete_time_entry(ws, entry.id or 0)
    with pytest.raises(RuleError, match="archived in 2025"):
        payment_corrections.delete_payment(ws, pay.id or 0, "x", reopen=True)
    with pytest.raises(RuleError, match="archived in 2025"):
        task_checklist.add_checklist_item(ws, done.id or 0, "x")
    from vatui.services.archived import check_live, live_doc
    from vatui.services.ledger.data import find_invoice
    from vatui.services.ledger.invoices import void_invoice

    for refuse in (
        lambda: check_live(ws, "invoices", inv.id or 0),
        lambda: live_doc(ws, ws, "invoices", inv.id or 0),
        lambda: void_invoice(ws, find_invoice(ws, "INV-2025-0001").id or 0),
    ):
        with pytest.raises(
            RuleError, match=r"^INV-2025-0001 is archived in 2025: archived records are read-only$"
        ):
            refuse()
    rows = payment_corrections.list_payments(ws, archived=True)
    assert [(r.payment.id, r.number, r.archived) for r in rows] == [(pay.id, "INV-2025-0001", 2025)]
    assert payment_corrections.list_payments(ws) == []


# hostile text -------------------------------------------------------------------------------


@pytest.mark.parametrize("evil", ["\x1b]52;c;aGk=\x07", "a\x1b[2Jb", "bell\x07", "\x9b31m", "del\x7f"])
def test_control_characters_are_refused_in_every_correction(ws: Workspace, evil: str) -> None:
    entry = _entry(ws)
    c = client(ws, "Billed Co")
    inv = sent_invoice(ws, c, 10000)
    pay = record_payment(ws, inv.id or 0, eur(100), date(2026, 11, 20)).payment
    acme = _noted(ws)
    contact = log_contact(ws, acme, channel="email", summary="brief")
    task = add_task(ws, "Launch")
    before = ws.undo_label()
    for change in (
        lambda: time_entries.edit_time_entry(ws, entry.id or 0, note=evil),
        lambda: payment_corrections.delete_payment(ws, pay.id or 0, evil),
        lambda: client_notes.edit_note(ws, acme, 1, text=evil),
        lambda: contact_edits.edit_contact(ws, contact.id or 0, summary=evil),
        lambda: task_checklist.add_checklist_item(ws, task.id or 0, evil),
    ):
        with pytest.raises(InputError, match="control character"):
            change()
    assert ws.undo_label() == before


def test_a_multi_line_note_keeps_its_lines(ws: Workspace) -> None:
    acme = _noted(ws)
    assert (
        client_notes.edit_note(ws, acme, 1, text="line one\nline two\tend").text == "line one\nline two\tend"
    )
