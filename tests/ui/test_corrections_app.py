"""Correcting records in the app (Pilot, 80×24): a stray time entry deleted and another
edited from the Board, a payment deleted with a reason from the Ledger, a checklist ticked,
a contact and a confidential note corrected from Clients; refusals shown, nothing saved."""

from __future__ import annotations

from datetime import date

from tests.helpers.board import open_board, sample_board
from tests.helpers.pilot import Ready, screen_text
from vatui.domain.clients import Client, Contact
from vatui.domain.ledger import Invoice, Payment
from vatui.domain.money import Money
from vatui.domain.tasks import Task, TimeEntry
from vatui.services.clients.contacts import log_contact
from vatui.services.clients.manage import add_client, edit_client, make_note
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.ledger.payments import record_payment
from vatui.services.tasks.checklist import add_checklist_item
from vatui.services.tasks.timer import add_time
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.confirm import ConfirmModal
from vatui.ui.modals.record_list import RecordListModal
from vatui.ui.modals.text_prompt import TextPromptModal
from vatui.ui.modals.time_entry_form import TimeEntryFormModal
from vatui.ui.screens.ledger import LedgerScreen
from vatui.ui.widgets.ledger_list import LedgerList


async def test_board_T_edits_and_deletes_time_entries(app: VatuiApp, ws: Workspace) -> None:
    ids = sample_board(ws)
    card = ids["Draft newsletter"]
    stray = add_time(ws, card, 15, date(2026, 11, 26), note="stray tap")
    real = add_time(ws, card, 30, date(2026, 11, 25))
    async with app.run_test() as pilot:
        board = await open_board(pilot)
        assert board.selected_task is not None and board.selected_task.id == card
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, RecordListModal)
        assert "stray tap" in screen_text(app)
        await pilot.press("x")  # the first row: the oldest entry (real, 25 Nov)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RecordListModal)
        await pilot.press("j", "x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [e.id for e in ws.all(TimeEntry)] == [real.id]
        assert isinstance(app.screen, RecordListModal)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TimeEntryFormModal)
        await pilot.press("ctrl+u", *"1h15m", "tab", "tab", *"design", "ctrl+s")
        await pilot.pause()
        edited = ws.get(TimeEntry, real.id or 0)
        assert edited.minutes == 75 and edited.note == "design"
        assert edited.start.date() == date(2026, 11, 25)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("u")  # undo the edit
        await pilot.pause()
        assert ws.get(TimeEntry, real.id or 0) == real
        assert stray.id not in {e.id for e in ws.all(TimeEntry)}


async def test_board_C_ticks_and_adds_checklist_lines(app: VatuiApp, ws: Workspace) -> None:
    ids = sample_board(ws)
    card = ids["Draft newsletter"]
    add_checklist_item(ws, card, "write copy")
    async with app.run_test() as pilot:
        await open_board(pilot)
        await pilot.press("C")
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert ws.get(Task, card).checklist[0].done
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptModal)
        await pilot.press("enter")  # empty: refused inline, the prompt stays
        await pilot.pause()
        assert isinstance(app.screen, TextPromptModal)
        await pilot.press(*"schedule", "enter")
        await pilot.pause()
        assert [i.text for i in ws.get(Task, card).checklist] == ["write copy", "schedule"]
        assert isinstance(app.screen, RecordListModal)


async def test_ledger_x_on_payments_deletes_with_a_reason(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    acme = add_client(ws, "Acme", currency="EUR")
    inv = new_invoice(
        ws, acme.id or 0, items=[ItemSpec("Setup", "1", Money(10000, "EUR"))], on=date(2026, 11, 1)
    )
    send_invoice(ws, inv.id or 0, date(2026, 11, 1))
    pay = record_payment(ws, inv.id or 0, Money(4000, "EUR"), date(2026, 11, 20)).payment
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LedgerScreen)
        await pilot.press("]", "]")
        await pilot.pause()
        assert screen.query_one("#ledger-payments", LedgerList).selected_id == f"payment:{pay.id}"
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptModal)
        await pilot.press("enter")  # no reason: refused inline
        await pilot.pause()
        assert isinstance(app.screen, TextPromptModal) and ws.all(Payment) == [pay]
        await pilot.press(*"wrong client", "enter")
        await pilot.pause()
        assert ws.all(Payment) == []
        stored = ws.get(Invoice, inv.id or 0)
        assert stored.status == "sent" and stored.removed_payments[0].reason == "wrong client"
        assert ws.get(Invoice, inv.id or 0).status == "sent"


async def test_clients_L_edits_a_contact_and_N_a_confidential_note(
    app: VatuiApp,
    ws: Workspace,
    ready: Ready,
) -> None:
    acme = add_client(ws, "Acme").id or 0
    contact = log_contact(ws, acme, channel="email", summary="sent brief")
    edit_client(ws, acme, notes=(make_note(ws, "pays late", confidential=True),))
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("3")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, RecordListModal)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+u", *"called instead", "ctrl+s")
        await pilot.pause()
        assert ws.get(Contact, contact.id or 0).summary == "called instead"
        assert ws.get(Contact, contact.id or 0).at == contact.at  # the day was not touched
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        assert "pays late" not in screen_text(app)  # masked until revealed
        await pilot.press("e")  # refused while masked
        await pilot.pause()
        assert isinstance(app.screen, RecordListModal)
        await pilot.press("escape", "v", "N")
        await pilot.pause()
        assert "pays late" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptModal)
        await pilot.press("ctrl+a", "ctrl+k", *"pays on the 5th", "ctrl+s")  # a text area
        await pilot.pause()
        note = ws.get(Client, acme).notes[0]
        assert note.text == "pays on the 5th" and note.confidential
        await pilot.press("x")
        await pilot.pause()
        assert ws.get(Client, acme).notes == ()


async def test_ledger_x_on_a_paid_invoices_payment_asks_first(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    acme = add_client(ws, "Acme", currency="EUR")
    inv = new_invoice(
        ws, acme.id or 0, items=[ItemSpec("Setup", "1", Money(10000, "EUR"))], on=date(2026, 11, 1)
    )
    send_invoice(ws, inv.id or 0, date(2026, 11, 1))
    pay = record_payment(ws, inv.id or 0, Money(10000, "EUR"), date(2026, 11, 20)).payment
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("4", "]", "]")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert "is paid: its payments are locked" in screen_text(app)
        await pilot.press("n")  # kept: nothing changes
        await pilot.pause()
        assert ws.all(Payment) == [pay] and ws.get(Invoice, inv.id or 0).status == "paid"
        await pilot.press("x", "y")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptModal)
        await pilot.press(*"bounced", "enter")
        await pilot.pause()
        assert ws.all(Payment) == [] and ws.get(Invoice, inv.id or 0).status == "sent"
