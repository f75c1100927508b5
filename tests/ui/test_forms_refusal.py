"""A refused save keeps the form open with what was typed; typed input is never dropped silently.

Issue 8, item 7: the payment form closed on a refusal and the typed payment was lost.
Every form (``vatui.ui.modals.form.FormModal``) now runs the screen's save while it is
still open, shows the refusal inline, and asks before ``escape``/``ctrl+q`` discard input.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.helpers.pilot import Ready, Seed, screen_text
from vatui.domain.ledger import Invoice
from vatui.domain.money import Money
from vatui.domain.tasks import Task
from vatui.services.clients.manage import add_client
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice, void_invoice
from vatui.services.tasks.manage import delete_task
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.client_form import ClientFormModal
from vatui.ui.modals.confirm import ConfirmModal
from vatui.ui.modals.contact_form import ContactFormModal
from vatui.ui.modals.expense_form import ExpenseFormModal
from vatui.ui.modals.payment import PaymentInput, PaymentModal
from vatui.ui.modals.quick_add import QuickAddModal
from vatui.ui.modals.task_form import TaskFormModal
from vatui.ui.screens.ledger import LedgerScreen


def _sent_invoice(ws: Workspace) -> int:
    client = add_client(ws, "Acme", currency="EUR")
    inv = new_invoice(
        ws, client.id or 0, items=[ItemSpec("Setup", "1", Money(10000, "EUR"))], on=date(2026, 11, 1)
    )
    send_invoice(ws, inv.id or 0, date(2026, 11, 1))
    return inv.id or 0


def _value(app: VatuiApp, selector: str) -> str:
    return app.screen.query_one(selector, Input).value


async def _open_payment(app: VatuiApp, pilot, ready: Ready, inv: int) -> None:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("4")
    await pilot.pause()
    assert isinstance(app.screen, LedgerScreen)
    app.screen.focus_record("invoice", inv)
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(app.screen, PaymentModal)


async def test_a_refused_payment_keeps_the_form_and_what_was_typed(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    inv = _sent_invoice(ws)
    async with app.run_test() as pilot:
        await _open_payment(app, pilot, ready, inv)
        app.screen.query_one("#payment-amount", Input).value = "40"
        app.screen.query_one("#payment-method", Input).value = "wire " * 20  # over 60 characters
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PaymentModal), "the refusal closed the form"
        assert "too long" in screen_text(app)
        assert _value(app, "#payment-amount") == "40"
        app.screen.query_one("#payment-method", Input).value = "wire"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PaymentModal)
    ws.refresh()
    assert ws.get(Invoice, inv).status == "partial"
    assert len(ws.docs("payments")) == 1


async def test_a_payment_refused_because_another_session_voided_the_invoice(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    inv = _sent_invoice(ws)
    async with app.run_test() as pilot:
        await _open_payment(app, pilot, ready, inv)
        app.screen.query_one("#payment-amount", Input).value = "25"
        await pilot.pause()
        void_invoice(ws, inv, date(2026, 11, 27))  # meanwhile, from the command line
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PaymentModal)
        assert _value(app, "#payment-amount") == "25"
        assert "✗" in screen_text(app)
        await pilot.press("escape")  # typed input: asks before throwing it away
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert "Discard what you typed?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, LedgerScreen)
    ws.refresh()
    assert ws.docs("payments") == {}


async def test_quick_add_refused_on_a_damaged_workspace_keeps_the_text(
    app: VatuiApp, seeded: Seed, ready: Ready, data_dir
) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("a", *"Call the bank")
        await pilot.pause()
        (data_dir / "workspace.json").write_bytes(b"SECRET first bytes, not JSON")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuickAddModal)
        assert _value(app, "#quick-add-input") == "Call the bank"
        assert "refusing to open" in screen_text(app)
        assert "SECRET" not in screen_text(app)
        await pilot.press("ctrl+q")  # quitting asks too
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuickAddModal) and app.is_running
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    assert app.return_code in (0, None)


async def test_a_task_edit_refused_because_the_task_is_gone(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        from vatui.ui.flows.tasks import edit_by_id

        edit_by_id(app, seeded.flights)  # Today's enter on that task
        await pilot.pause()
        assert isinstance(app.screen, TaskFormModal)
        await pilot.press("end", *" and hotel")
        delete_task(ws, seeded.flights)  # meanwhile, from the command line
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TaskFormModal)
        assert _value(app, "#form-title") == "Book flights and hotel"
        assert "✗" in screen_text(app)
    assert seeded.flights not in {t.id for t in ws.all(Task)}


async def test_quit_without_typed_input_does_not_ask(app: VatuiApp, seeded: Seed, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, QuickAddModal)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_enter_twice_saves_once(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    inv = _sent_invoice(ws)
    async with app.run_test() as pilot:
        await _open_payment(app, pilot, ready, inv)
        form = app.screen
        assert isinstance(form, PaymentModal)
        typed = PaymentInput(Money(1000, "EUR"), date(2026, 11, 27), "wire")
        form.submit(typed)
        form.submit(typed)  # a second enter before the form has closed
        await pilot.pause()
    ws.refresh()
    assert len(ws.docs("payments")) == 1


async def test_a_save_that_asks_something_closes_the_form_once_answered(
    app: VatuiApp, seeded: Seed, ready: Ready
) -> None:
    answers: list[bool] = []

    def save(text: str | None) -> None:  # a save that asks first (as a conflict check may)
        app.push_screen(ConfirmModal("Sure?"), answers.append)

    async with app.run_test() as pilot:
        await ready(pilot)
        form = QuickAddModal([], ("Inbox",), date(2026, 11, 27))
        app.push_screen(form, save)
        await pilot.pause()
        await pilot.press(*"Call the bank", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert answers == [True]
        assert form not in app.screen_stack and not isinstance(app.screen, QuickAddModal)


@pytest.mark.parametrize(
    ("pane", "key", "form", "field", "typed", "save"),
    [
        ("3", "n", ClientFormModal, "#client-name", "Zed Studio", "ctrl+s"),
        ("3", "c", ContactFormModal, "#contact-summary", "Sent the brief", "ctrl+s"),
        ("4", "e", ExpenseFormModal, "#expense-amount", "12", "enter"),
        ("2", "n", TaskFormModal, "#form-title", "Call the bank", "ctrl+s"),
    ],
)
async def test_every_form_keeps_what_was_typed_when_the_save_is_refused(
    app: VatuiApp,
    seeded: Seed,
    ready: Ready,
    data_dir: Path,
    pane: str,
    key: str,
    form: type,
    field: str,
    typed: str,
    save: str,
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press(pane)
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, form)
        app.screen.query_one(field, Input).focus()
        await pilot.press(*typed)
        await pilot.pause()
        (data_dir / "workspace.json").write_bytes(b"not a workspace")  # the save will be refused
        await pilot.press(save)
        await pilot.pause()
        assert isinstance(app.screen, form), "the refusal closed the form"
        assert typed in _value(app, field)
        assert "refusing to open" in screen_text(app)
    assert (data_dir / "workspace.json").read_bytes() == b"not a workspace"
