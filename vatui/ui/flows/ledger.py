"""The ledger flows: remind, send, void, pay, add an expense, open an invoice's document.

Each flow gathers input with a modal (which saves nothing) and then calls a service
through ``app.run_service``, which reports a ``VatuiError`` and reloads the pane. The
Ledger's keys and Today's ``r`` (``remind_about``) call the same flow; none needs the
Ledger pane to be mounted.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from vatui.domain.text import one_line
from vatui.i18n import _

if TYPE_CHECKING:
    from pathlib import Path

    from vatui.ui.modals.expense_form import ExpenseInput
    from vatui.ui.modals.mail_view import MailActions
    from vatui.ui.modals.payment import PaymentInput
    from vatui.ui.modals.text_view import TextViewResult
    from vatui.ui.pane import PaneHost


def _today(app: PaneHost) -> date:
    return app.session.today()


def remind(app: PaneHost, invoice_id: int) -> None:
    """Draft the due reminder of an invoice, show it, log it when marked sent."""
    from vatui.services.ledger.collect import draft_reminder
    from vatui.ui.flows.saving import file_saver
    from vatui.ui.modals.mail_view import MailTextViewModal

    day = _today(app)
    try:
        draft = app.session.run(draft_reminder, invoice_id, day)
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
        from vatui.services.ledger.collect import mark_reminder_sent

        if app.run_service(mark_reminder_sent, invoice_id, draft.step, day) is not None:
            app.inform(
                _("Logged step “{name}” for {number}.").format(name=draft.name, number=draft.invoice.label)
            )
            if draft.final:
                app.inform(
                    _("The client is on hold until {number} is paid.").format(number=draft.invoice.label)
                )

    app.push_screen(
        MailTextViewModal(
            title, draft.text, mail_actions(app, invoice_id, draft.text), saver=file_saver(app)
        ),
        done,
    )


def remind_about(app: PaneHost, kind: str, ref: int | None) -> None:
    """``r`` on a line about a record (Today): an invoice's reminder, else say why not."""
    if kind == "invoice" and ref is not None:
        remind(app, ref)
    else:
        app.inform(_("Reminders are sent for invoices; this line is about a {kind}.").format(kind=kind))


def mail_actions(app: PaneHost, invoice_id: int, reminder: str | None = None) -> MailActions:
    """The e-mail keys of a viewer: the invoice's e-mail, or a reminder's (``reminder``: its text)."""
    from vatui.services.documents import mail
    from vatui.ui.modals.mail_view import MailActions

    day = _today(app)
    if reminder is None:
        draft = app.session.run(mail.invoice_mail, invoice_id, day)
    else:
        draft = app.session.run(mail.reminder_mail, invoice_id, reminder, day)

    def write(path: Path) -> object:
        attachments = [app.session.run(mail.invoice_attachment, invoice_id)]
        return app.session.run(mail.write_eml, path, draft, attachments)

    whatsapp = draft.client.preferred_channel == "whatsapp"
    return MailActions(
        body=draft.body,
        default_path=f"~/{draft.invoice.number}.eml",
        link=lambda: mail.share_link(draft),
        link_kind="WhatsApp" if whatsapp else "mailto",
        write=write,
    )


def open_invoice(app: PaneHost, invoice_id: int) -> None:
    """Show the invoice document; "mark sent" on a draft sends it; "save" writes it as PDF
    (``~/INV-2026-0007.pdf``), HTML, Markdown or text by the file's extension."""
    from functools import partial

    from vatui.services.documents.files import documents_of
    from vatui.services.documents.invoice import gather, render_doc
    from vatui.ui.flows.saving import file_saver
    from vatui.ui.modals.mail_view import MailTextViewModal

    invoice = app.session.invoice(invoice_id)
    doc = app.session.run(gather, invoice_id)
    documents = documents_of(doc)

    def done(result: TextViewResult) -> None:
        if result == "sent" and invoice.status == "draft":
            send(app, invoice_id)

    app.push_screen(
        MailTextViewModal(
            _("Invoice {number}").format(number=invoice.label),
            documents("txt").payload.decode("utf-8"),
            mail_actions(app, invoice_id),
            saver=file_saver(app, documents),
            save_name=f"~/{invoice.file_stem}.pdf",
            reflow=partial(render_doc, doc, "txt"),
        ),
        done,
    )


def send(app: PaneHost, invoice_id: int) -> None:
    """Mark a draft sent today."""
    from vatui.services.ledger.invoices import send_invoice

    sent = app.run_service(send_invoice, invoice_id, _today(app))
    if sent is not None:
        app.inform(_("Sent {number}; due {due}.").format(number=sent.label, due=sent.due_date.isoformat()))


def void(app: PaneHost, invoice_id: int) -> None:
    """Void an invoice after asking."""
    from vatui.ui.modals.confirm import ConfirmModal

    invoice = app.session.invoice(invoice_id)

    def answered(yes: bool | None) -> None:
        if yes:
            from vatui.services.ledger.invoices import void_invoice

            if app.run_service(void_invoice, invoice_id, _today(app)) is not None:
                app.inform(_("Voided {number}; its time is unbilled again.").format(number=invoice.label))

    app.push_screen(
        ConfirmModal(
            _("Void {number}? It keeps its number.").format(number=invoice.label),
            yes=_("Void"),
            no=_("Keep"),
        ),
        answered,
    )


def payment(app: PaneHost, invoice_id: int) -> None:
    """Ask for a payment on an invoice and record it."""
    from vatui.services.ledger.data import invoice_payments
    from vatui.ui.modals.payment import PaymentModal

    invoice = app.session.invoice(invoice_id)
    if invoice.status not in ("sent", "partial"):
        app.inform(
            _("{number} is {status}: it takes no payment.").format(
                number=invoice.label, status=_(invoice.status)
            ),
            error=True,
        )
        return
    from vatui.domain.invoicing import amount_due

    due = amount_due(invoice, app.session.run(invoice_payments, invoice_id))

    def done(got: PaymentInput | None) -> None:
        if got is None:
            return
        from vatui.services.ledger.payments import record_payment

        result = app.run_service(record_payment, invoice_id, got.amount, got.on, method=got.method)
        if result is not None:
            app.inform(
                _("Recorded {amount} on {number}: {status}.").format(
                    amount=got.amount.format(), number=invoice.label, status=_(result.invoice.status)
                )
            )

    title = _("Payment on {number}").format(number=invoice.label)
    app.push_screen(PaymentModal(title, due, _today(app), app.session.settings().numbers), done)


def expense(app: PaneHost) -> None:
    """Ask for an expense and add it."""
    from vatui.ui.modals.expense_form import ExpenseFormModal

    settings = app.session.settings()

    def done(got: ExpenseInput | None) -> None:
        if got is None:
            return
        from vatui.services.ledger.expenses import add_expense

        added = app.run_service(
            add_expense,
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


def describe(number: str, client: str) -> str:
    """``INV-2026-0001 (Acme)`` for messages."""
    return f"{number} ({one_line(client, 30)})"
