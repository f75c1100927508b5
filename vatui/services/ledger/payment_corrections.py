"""Correcting payments: list them, delete one with a reason kept on its invoice.

A deleted payment leaves the payments table; its invoice keeps it in
``removed_payments`` with when and why, and its status and amount due follow. A paid
invoice's payments are locked: deleting one needs ``reopen`` (the invoice becomes unpaid
again). A payment whose overpayment credit (or deposit) was already used on another
invoice cannot be deleted until that invoice is voided. Archived payments are read-only.
"""

from __future__ import annotations

from dataclasses import dataclass

from vatui.domain.errors import InputError, NotFoundError, RuleError
from vatui.domain.invoicing import amount_due, status_after
from vatui.domain.ledger import Invoice, Payment, PaymentRemoval
from vatui.domain.money import Money
from vatui.domain.reports import held
from vatui.domain.text import check_text
from vatui.i18n import _
from vatui.services.archived import archived_with_year, live_doc
from vatui.services.ledger.data import tx_billed
from vatui.services.queries import invoice_docs, payment_docs
from vatui.store.workspace import Workspace

MAX_REASON = 200
"""The longest reason accepted."""


@dataclass(frozen=True, slots=True)
class PaymentRow:
    """A payment with its invoice's number and status, and the archive year if archived."""

    payment: Payment
    number: str
    invoice_status: str
    archived: int | None = None


@dataclass(frozen=True, slots=True)
class PaymentDeletion:
    """What deleting a payment did."""

    payment: Payment
    invoice: Invoice
    """The invoice with its new status."""
    due: Money
    """What is due on it now."""


def check_reason(reason: str) -> str:
    """A reason: one line, not empty, of reasonable length."""
    value = check_text(reason, _("the reason"), MAX_REASON)
    if not value:
        raise InputError(_("say why the payment is deleted (--reason)"))
    return value


def list_payments(
    ws: Workspace, invoice_id: int | None = None, *, archived: bool = False
) -> list[PaymentRow]:
    """Payments, newest first; one invoice's, or all; archived ones too when asked."""
    invoices = {int(k): d for k, d in invoice_docs(ws).items()}
    rows: list[PaymentRow] = []
    sources: list[tuple[dict[str, dict[str, object]], int | None]] = [(dict(payment_docs(ws)), None)]
    if archived:
        old_invoices = archived_with_year(ws, "invoices")
        invoices.update({int(k): d for k, (_y, d) in old_invoices.items()})
        by_year: dict[int, dict[str, dict[str, object]]] = {}
        for key, (in_year, doc) in archived_with_year(ws, "payments").items():
            by_year.setdefault(in_year, {})[key] = doc
        sources += [(docs, y) for y, docs in by_year.items()]
    for docs, year in sources:
        for key, doc in docs.items():
            payment = Payment.from_doc(doc, int(key))
            if invoice_id is not None and payment.invoice_id != invoice_id:
                continue
            inv = invoices.get(payment.invoice_id, {})
            rows.append(
                PaymentRow(
                    payment,
                    str(inv.get("number", f"#{payment.invoice_id}")),
                    str(inv.get("status", "")),
                    year,
                )
            )
    return sorted(rows, key=lambda r: (r.payment.on, r.payment.id or 0), reverse=True)


def removed_payments(ws: Workspace, invoice_id: int | None = None) -> list[tuple[str, PaymentRemoval]]:
    """Deleted payments (invoice number, removal), newest deletion first."""
    out: list[tuple[str, PaymentRemoval]] = []
    for key, doc in invoice_docs(ws).items():
        if invoice_id is not None and int(key) != invoice_id:
            continue
        if doc.get("removed_payments"):
            invoice = Invoice.from_doc(doc, int(key))
            out += [(invoice.number, r) for r in invoice.removed_payments]
    return sorted(out, key=lambda r: r[1].removed, reverse=True)


def delete_payment(ws: Workspace, payment_id: int, reason: str, *, reopen: bool = False) -> PaymentDeletion:
    """Delete a payment, keeping it and ``reason`` on its invoice; the invoice's status follows."""
    why = check_reason(reason)
    with ws.transaction(_("delete payment #{id}").format(id=payment_id)) as tx:
        payment = Payment.from_doc(live_doc(ws, tx, "payments", payment_id), payment_id)
        doc = tx.get_doc("invoices", payment.invoice_id)
        if doc is None:
            raise NotFoundError(_("no invoice #{id}").format(id=payment.invoice_id))
        invoice = Invoice.from_doc(doc, payment.invoice_id)
        if invoice.status == "paid" and not reopen:
            raise RuleError(
                _(
                    "{number} is paid: its payments are locked. To correct one anyway, delete it "
                    "with --reopen ({number} becomes unpaid again; void it then if it was wrong)"
                ).format(number=invoice.label)
            )
        billed = tx_billed(tx, invoice.client_id)
        before = held(billed).get((invoice.client_id, invoice.currency))
        after_billed = [(i, [p for p in ps if p.id != payment_id]) for i, ps in billed]
        after = held(after_billed).get((invoice.client_id, invoice.currency))
        if (
            after is not None
            and before is not None
            and (
                (after.credit.minor < 0 and after.credit.minor < before.credit.minor)
                or (after.deposit.minor < 0 and after.deposit.minor < before.deposit.minor)
            )
        ):
            raise RuleError(
                _(
                    "the credit or deposit from payment #{id} was already used on another invoice: "
                    "void that invoice first"
                ).format(id=payment_id)
            )
        remaining = next(ps for i, ps in after_billed if i.id == invoice.id)
        tx.remove("payments", payment_id)
        removal = PaymentRemoval(
            payment_id=payment_id,
            on=payment.on,
            amount=payment.amount,
            method=payment.method,
            reference=payment.reference,
            removed=ws.clock.now(),
            reason=why,
        )
        changed = invoice.with_(
            status=status_after(invoice, remaining), removed_payments=(*invoice.removed_payments, removal)
        )
        tx.update(
            "invoices",
            payment.invoice_id,
            {"status": changed.status, "removed_payments": [r.to_doc() for r in changed.removed_payments]},
        )
        due = Money.zero(invoice.currency) if changed.status == "void" else amount_due(changed, remaining)
        return PaymentDeletion(payment, changed, due)
