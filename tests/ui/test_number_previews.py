"""Issue 9, item 4 in the app: a COP workspace writing ``1.234,56``: the payment form reads
``1.234.567,50`` and previews what it read, in the currency, before saving; so do the
expense form and the client rate."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Static

from tests.helpers.pilot import Ready, screen_text
from vatui.domain.ledger import Invoice, Payment
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.settings.edit import set_from_text
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.payment import PaymentModal
from vatui.ui.screens.ledger import LedgerScreen


def _cop_invoice(ws: Workspace) -> int:
    set_from_text(ws, "number_format", "1.234,56")
    client = add_client(ws, "Cliente", currency="COP")
    inv = new_invoice(
        ws, client.id or 0, items=[ItemSpec("Soporte", "1", Money(200000000, "COP"))], on=date(2026, 11, 1)
    )
    send_invoice(ws, inv.id or 0, date(2026, 11, 1))
    return inv.id or 0


async def test_the_payment_form_previews_what_it_read_in_the_workspace_format(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    inv = _cop_invoice(ws)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, LedgerScreen)
        app.screen.focus_record("invoice", inv)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PaymentModal)
        assert app.screen.query_one("#payment-amount", Input).value == "2000000,00"
        app.screen.query_one("#payment-amount", Input).value = "1.234.567,50"
        await pilot.pause()
        status = str(app.screen.query_one("#payment-status", Static).render())
        assert "→ COP 1.234.567,50 on 2026-11-27" in status, status
        assert "COP 2.000.000 due" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PaymentModal)
    ws.refresh()
    payment = Payment.from_doc(next(iter(ws.docs("payments").values())), 1)
    assert payment.amount == Money(123456750, "COP")
    assert ws.get(Invoice, inv).status == "partial"


async def test_the_expense_and_client_rate_previews_show_what_was_read(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    from datetime import UTC, datetime

    from vatui.domain.numbers import SPACE
    from vatui.ui.modals.client_form import ClientFormModal
    from vatui.ui.modals.expense_form import ExpenseFormModal

    async with app.run_test() as pilot:
        await ready(pilot)
        app.push_screen(ExpenseFormModal("COP", date(2026, 11, 27), SPACE))
        await pilot.pause()
        app.screen.query_one("#expense-amount", Input).value = "1\u00a0234\u00a0567,50"
        await pilot.pause()
        status = str(app.screen.query_one("#expense-status", Static).render())
        assert "→ COP 1 234 567,50 · 2026-11-27" in status, status
        app.pop_screen()
        await pilot.pause()
        now = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
        app.push_screen(
            ClientFormModal(
                None, today=date(2026, 11, 27), now=now, default_currency="COP", decimal_comma=SPACE
            )
        )
        await pilot.pause()
        app.screen.query_one("#client-rate", Input).value = "85 000"
        await pilot.pause()
        hint = str(app.screen.query_one("#client-rate-hint", Static).render())
        assert "→ COP 85 000" in hint, hint


async def test_the_task_form_reads_the_estimate_with_a_decimal_comma(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    from vatui.ui.modals.task_form import TaskFormModal

    set_from_text(ws, "number_format", "1.234,56")
    async with app.run_test() as pilot:
        await ready(pilot)
        app.push_screen(TaskFormModal(None, [], ("Inbox", "Done"), date(2026, 11, 27)))
        await pilot.pause()
        app.screen.query_one("#form-estimate", Input).value = "1,5h"
        await pilot.pause()
        hint = app.screen.query_one("#form-estimate-hint", Static)
        assert str(hint.render()) == "1h30m" and not hint.has_class("-error")
