"""Payments (partial; an overpayment becomes the client's credit) and late fees."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vatui.domain.clients import Client
from vatui.domain.dates import derived_date
from vatui.domain.errors import InputError, RuleError
from vatui.domain.invoicing import amount_due, late_fee, settlements, status_after, totals
from vatui.domain.ledger import Invoice, LineItem, Payment, check_payment_amount, check_payment_day
from vatui.domain.money import Money
from vatui.domain.text import check_text
from vatui.i18n import _
from vatui.services.common import home_today
from vatui.services.ledger.data import invoice_payments
from vatui.services.queries import invoice_docs
from vatui.store.workspace import Workspace

MAX_METHOD = 60
MAX_REFERENCE = 120


@dataclass(frozen=True, slots=True)
class PaymentResult:
    """What recording a payment did."""

    payment: Payment
    """The payment stored."""
    invoice: Invoice
    """The invoice with its new status."""
    due: Money
    """What is still due on it."""
    credit: Money
    """The part beyond what was due: now the client's credit."""


def check_payment(invoice: Invoice, amount: Money, on: date) -> None:
    """Raise unless ``amount`` may be recorded on ``invoice`` on ``on``."""
    if invoice.status == "void":
        raise RuleError(_("{number} is void: it takes no payment").format(number=invoice.label))
    if invoice.status == "draft":
        raise RuleError(
            _("{number} is a draft: send it before recording a payment").format(number=invoice.label)
        )
    if invoice.status == "paid":
        raise RuleError(_("{number} is already paid").format(number=invoice.label))
    if amount.currency != invoice.currency:
        raise InputError(
            _("{number} is in {cur}, not {other}").format(
                number=invoice.label, cur=invoice.currency, other=amount.currency
            )
        )
    check_payment_amount(amount)
    if on < invoice.issue_date:
        raise InputError(
            _("a payment cannot be dated before the invoice ({d})").format(d=invoice.issue_date.isoformat())
        )


def record_payment(
    ws: Workspace,
    invoice_id: int,
    amount: Money,
    on: date | None = None,
    *,
    method: str = "",
    reference: str = "",
) -> PaymentResult:
    """Record money received on a sent invoice; the status follows (partial or paid)."""
    day = check_payment_day(on or home_today(ws), home_today(ws))
    method = check_text(method, _("the method"), MAX_METHOD)
    reference = check_text(reference, _("the reference"), MAX_REFERENCE)
    check_payment(ws.get(Invoice, invoice_id), amount, day)
    with ws.transaction(_("payment of {amount}").format(amount=amount.format())) as tx:
        invoice = tx.get(Invoice, invoice_id)
        check_payment(invoice, amount, day)
        payment = tx.add(
            Payment(invoice_id=invoice_id, on=day, amount=amount, method=method, reference=reference)
        )
        payments = [*invoice_payments(tx, invoice_id)]
        invoice = tx.save(invoice.with_(status=status_after(invoice, payments)))
        t = totals(invoice)
        excess = next(
            (s.excess for s in settlements(invoice, payments, t) if s.payment_id == payment.id),
            Money.zero(invoice.currency),
        )
        return PaymentResult(payment, invoice, amount_due(invoice, payments, t=t), excess)


# late fees --------------------------------------------------------------------------


def _fee_charged(ws: Workspace, invoice_id: int) -> bool:
    for doc in invoice_docs(ws).values():
        if doc.get("status") == "void":
            continue
        if any(item.get("late_fee_for") == invoice_id for item in doc.get("items", ())):
            return True
    return False


def propose_late_fee(ws: Workspace, invoice_id: int, on: date | None = None) -> Money | None:
    """The late fee the client's policy proposes on ``on``, or ``None``. Never adds anything."""
    invoice = ws.get(Invoice, invoice_id)
    if invoice.status not in ("sent", "partial") or invoice.kind == "deposit":
        return None
    if _fee_charged(ws, invoice_id):
        return None
    client = ws.get(Client, invoice.client_id)
    day = on or home_today(ws)
    due = amount_due(invoice, invoice_payments(ws, invoice_id))
    return late_fee(due, invoice.due_date, day, client.late_fee_percent, client.late_fee_grace_days)


def add_late_fee(ws: Workspace, invoice_id: int, on: date | None = None) -> Invoice:
    """Charge the proposed late fee: a new draft invoice with one line. Explicit, never automatic."""
    day = on or home_today(ws)
    fee = propose_late_fee(ws, invoice_id, day)
    invoice = ws.get(Invoice, invoice_id)
    if fee is None:
        raise RuleError(_("no late fee is due on {number}").format(number=invoice.label))
    client = ws.get(Client, invoice.client_id)
    with ws.transaction(_("late fee on {number}").format(number=invoice.label)) as tx:
        # the fee, the invoice and the client as they are now (a payment may have come in)
        fee = propose_late_fee(ws, invoice_id, day)
        invoice, client = tx.get(Invoice, invoice_id), tx.get(Client, invoice.client_id)
        if fee is None:
            raise RuleError(_("no late fee is due on {number}").format(number=invoice.label))
        if any(
            item.get("late_fee_for") == invoice_id
            for d in invoice_docs(tx).values()
            if d.get("status") != "void"
            for item in d.get("items", ())
        ):
            raise RuleError(_("a late fee on {number} was already charged").format(number=invoice.label))
        line = LineItem(
            description=_("Late fee on {number} (due {d})").format(
                number=invoice.label, d=invoice.due_date.isoformat()
            ),
            unit_price=fee,
            late_fee_for=invoice_id,
        )
        draft = Invoice(
            number="",  # numbered when sent
            client_id=client.id or 0,
            issue_date=day,
            due_date=derived_date(day, client.terms_days, _("the due date")),
            currency=invoice.currency,
            items=(line,),
        )
        return tx.add(draft)
