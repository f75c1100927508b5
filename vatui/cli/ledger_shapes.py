"""The stable ``--json`` shapes of ledger records (documented in ``docs/ledger.md``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from vatui.domain.invoicing import days_overdue, display_status, line_amount, totals
from vatui.domain.ledger import Expense, Invoice, Payment
from vatui.domain.money import Money
from vatui.domain.settings import ProtocolStep
from vatui.domain.taxes import tax_label


def _m(money: Money | None) -> dict[str, str] | None:
    return money.to_json() if money is not None else None


def _d(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def invoice_json(
    invoice: Invoice, due: Money, names: dict[int, str], on: date, protocol: tuple[ProtocolStep, ...] = ()
) -> dict[str, Any]:
    """An invoice as JSON; ``due`` is what is still owed, ``on`` the day it is judged on."""
    t = totals(invoice)
    paid = (
        t.total.minor
        - due.minor
        - sum(m.minor for m in (invoice.deposit_applied, invoice.credit_applied) if m is not None)
    )
    status = display_status(invoice, due, on)
    return {
        "id": invoice.id,
        "number": invoice.number,
        "client": {"id": invoice.client_id, "name": names.get(invoice.client_id)},
        "kind": invoice.kind,
        "status": invoice.status,
        "overdue": status == "overdue",
        "issue_date": _d(invoice.issue_date),
        "due_date": _d(invoice.due_date),
        "sent_on": _d(invoice.sent_on),
        "voided_on": _d(invoice.voided_on),
        "currency": invoice.currency,
        "items": [
            {
                "description": i.description,
                "quantity": i.quantity,
                "unit_price": i.unit_price.to_json(),
                "amount": line_amount(i).to_json(),
                "minutes": i.minutes,
                "time_entry_ids": list(i.time_entry_ids),
                "expense_ids": list(i.expense_ids),
            }
            for i in invoice.items
        ],
        "subtotal": t.subtotal.to_json(),
        "discount": t.discount.to_json(),
        "taxes": [
            {
                "name": tax.line.name,
                "kind": tax.line.kind,
                "rate": tax.line.rate,
                "amount": tax.amount.to_json(),
                "label": tax_label(tax.line),
            }
            for tax in t.taxes
        ],
        "tax": t.added.to_json(),
        "withheld": t.withheld.to_json(),
        "total": t.total.to_json(),
        "deposit_applied": _m(invoice.deposit_applied),
        "credit_applied": _m(invoice.credit_applied),
        "applied_on": _d(invoice.applied_on),
        "paid": Money(
            max(paid, 0) if invoice.status not in ("draft", "void") else 0, invoice.currency
        ).to_json(),
        "amount_due": due.to_json(),
        "days_overdue": days_overdue(invoice.due_date, on) if status == "overdue" else 0,
        "reminders": [
            {
                "step": r.step + 1,
                "name": protocol[r.step].name if r.step < len(protocol) else None,
                "date": _d(r.on),
            }
            for r in invoice.reminders
        ],
        "reminders_snoozed_until": _d(invoice.reminders_snoozed_until),
        "promised_on": _d(invoice.promised_on),
        "recurring_id": invoice.recurring_id,
        "notes": invoice.notes,
    }


def payment_json(payment: Payment, number: str | None, credit: Money | None = None) -> dict[str, Any]:
    """A payment as JSON (``credit``: the part that became client credit, when known)."""
    out: dict[str, Any] = {
        "id": payment.id,
        "invoice": number,
        "date": _d(payment.on),
        "amount": payment.amount.to_json(),
        "method": payment.method,
        "reference": payment.reference,
    }
    if credit is not None:
        out["credit"] = credit.to_json()
    return out


def expense_json(expense: Expense, names: dict[int, str]) -> dict[str, Any]:
    """An expense as JSON."""
    return {
        "id": expense.id,
        "date": _d(expense.on),
        "amount": expense.amount.to_json(),
        "category": expense.category,
        "vendor": expense.vendor,
        "note": expense.note,
        "recurrence": expense.recurrence,
        "template_id": expense.template_id,
        "client": {"id": expense.client_id, "name": names.get(expense.client_id)}
        if expense.client_id is not None
        else None,
        "invoice_id": expense.invoice_id,
    }
