"""The Ledger pane's actions: invoice time, send, void, payment, reminder, expense, open.

Each action gathers input with a modal (which saves nothing) and then calls a service
through ``app.run_service``, which reports a ``VatuiError`` and reloads the pane.
``ReminderFlow`` also serves Today's ``r`` when the Ledger pane is not even mounted.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from vatui.domain.fold import sort_key
from vatui.domain.text import one_line
from vatui.i18n import _

if TYPE_CHECKING:
    from vatui.ui.app import VatuiApp
    from vatui.ui.modals.expense_form import ExpenseInput
    from vatui.ui.modals.payment import PaymentInput
    from vatui.ui.modals.text_view import TextViewResult


def _today(app: VatuiApp) -> date:
    from vatui.services.common import home_today

    return home_today(app.ws)


def remind(app: VatuiApp, invoice_id: int) -> None:
    """Draft the due reminder of an invoice, show it, log it when marked sent."""
    from vatui.services.ledger_collect import draft_reminder
    from vatui.ui.modals.text_view import TextViewModal

    day = _today(app)
    try:
        draft = draft_reminder(app.ws, invoice_id, day)
    except Exception as exc:  # a VatuiError: say why, nothing else
        from vatui.domain.errors import VatuiError

        if not isinstance(exc, VatuiError):
            raise
        app.inform(str(exc), error=True)
        return
    title = _("Reminder {number} — step {name}").format(number=draft.invoice.label, name=draft.name)

    def done(result: TextViewResult) -> None:
        if result != "sent":
            return
        from vatui.services.ledger_collect import mark_reminder_sent

        if app.run_service(mark_reminder_sent, app.ws, invoice_id, draft.step, day) is not None:
            app.inform(
                _("Logged step “{name}” for {number}.").format(name=draft.name, number=draft.invoice.label)
            )
            if draft.final:
                app.inform(
                    _("The client is on hold until {number} is paid.").format(number=draft.invoice.label)
                )

    app.push_screen(TextViewModal(title, draft.text), done)


def open_invoice(app: VatuiApp, invoice_id: int) -> None:
    """Show the invoice document; "mark sent" on a draft sends it."""
    from vatui.domain.ledger import Invoice
    from vatui.services.ledger_docs import render
    from vatui.ui.modals.text_view import TextViewModal

    invoice = app.ws.get(Invoice, invoice_id)

    def done(result: TextViewResult) -> None:
        if result == "sent" and invoice.status == "draft":
            send(app, invoice_id)

    app.push_screen(
        TextViewModal(_("Invoice {number}").format(number=invoice.label), render(app.ws, invoice_id, "txt")),
        done,
    )


def send(app: VatuiApp, invoice_id: int) -> None:
    """Mark a draft sent today."""
    from vatui.services.ledger import send_invoice

    sent = app.run_service(send_invoice, app.ws, invoice_id, _today(app))
    if sent is not None:
        app.inform(_("Sent {number}; due {due}.").format(number=sent.label, due=sent.due_date.isoformat()))


def void(app: VatuiApp, invoice_id: int) -> None:
    """Void an invoice after asking."""
    from vatui.domain.ledger import Invoice
    from vatui.ui.modals.confirm import ConfirmModal

    invoice = app.ws.get(Invoice, invoice_id)

    def answered(yes: bool | None) -> None:
        if yes:
            from vatui.services.ledger import void_invoice

            if app.run_service(void_invoice, app.ws, invoice_id, _today(app)) is not None:
                app.inform(_("Voided {number}; its time is unbilled again.").format(number=invoice.label))

    app.push_screen(
        ConfirmModal(
            _("Void {number}? It keeps its number.").format(number=invoice.label),
            yes=_("Void"),
            no=_("Keep"),
        ),
        answered,
    )


def payment(app: VatuiApp, invoice_id: int) -> None:
    """Ask for a payment on an invoice and record it."""
    from vatui.domain.ledger import Invoice
    from vatui.services.ledger_data import invoice_payments
    from vatui.ui.modals.payment import PaymentModal

    invoice = app.ws.get(Invoice, invoice_id)
    if invoice.status not in ("sent", "partial"):
        app.inform(
            _("{number} is {status}: it takes no payment.").format(
                number=invoice.label, status=_(invoice.status)
            ),
            error=True,
        )
        return
    from vatui.domain.invoicing import amount_due

    due = amount_due(invoice, invoice_payments(app.ws, invoice_id))

    def done(got: PaymentInput | None) -> None:
        if got is None:
            return
        from vatui.services.ledger_payments import record_payment

        result = app.run_service(record_payment, app.ws, invoice_id, got.amount, got.on, method=got.method)
        if result is not None:
            app.inform(
                _("Recorded {amount} on {number}: {status}.").format(
                    amount=got.amount.format(), number=invoice.label, status=_(result.invoice.status)
                )
            )

    title = _("Payment on {number}").format(number=invoice.label)
    app.push_screen(PaymentModal(title, due, _today(app), app.ws.settings().numbers), done)


def expense(app: VatuiApp) -> None:
    """Ask for an expense and add it."""
    from vatui.ui.modals.expense_form import ExpenseFormModal

    settings = app.ws.settings()

    def done(got: ExpenseInput | None) -> None:
        if got is None:
            return
        from vatui.services.ledger_expenses import add_expense

        added = app.run_service(
            add_expense,
            app.ws,
            got.amount,
            category=got.category,
            on=got.on,
            vendor=got.vendor,
            note=got.note,
            every=got.every,
        )
        if added is not None:
            app.inform(_("Added expense {amount}.").format(amount=got.amount.format()))

    app.push_screen(ExpenseFormModal(settings.default_currency, _today(app), settings.numbers), done)


def invoice_time(app: VatuiApp, preselect: int | None = None) -> None:
    """Pick a client and invoice its unbilled time (a draft)."""
    from vatui.services.common import client_refs
    from vatui.services.timer import unbilled
    from vatui.ui.modals.invoice_client import InvoiceClientModal

    minutes: dict[int, int] = {}
    for entry in unbilled(app.ws):
        if entry.client_id is not None:
            minutes[entry.client_id] = minutes.get(entry.client_id, 0) + entry.minutes
    clients = sorted(
        ((cid, name, minutes.get(cid, 0)) for cid, name in client_refs(app.ws)),
        key=lambda c: (c[2] == 0, sort_key(c[1])),
    )

    def picked(client_id: int | None) -> None:
        if client_id is None:
            return
        from vatui.services.ledger import new_invoice

        created = app.run_service(new_invoice, app.ws, client_id, unbilled=True, on=_today(app))
        if created is not None:
            app.inform(_("Created {number}: enter shows it, s sends it.").format(number=created.label))
            focus = getattr(app.active_pane(), "focus_record", None)
            if callable(focus):
                focus("invoice", created.id)

    app.push_screen(InvoiceClientModal(clients), picked)


def describe(number: str, client: str) -> str:
    """``INV-2026-0001 (Acme)`` for messages."""
    return f"{number} ({one_line(client, 30)})"
