"""Every client's reliability (the client list, the Clients pane's badges), read from the
stored invoices and payments without building most of them.

An issued invoice of the plain shape (``books.plain_total``: no tax line, no deposit or
credit applied, one currency) whose payments are all in its currency is judged from its
stored values: its total, what its payments applied in the order they pay it
(``books.plain_parts``), and the domain's rules (``reliability.paid_by``,
``issued_outcome``, ``assess``). A draft is skipped: ``reliability.outcome`` gives it no
outcome that counts (``other``). Any other invoice (void, or of another shape) is built
as a record and judged by ``reliability.outcome``. The figures are those of
``reliability.reliability`` over the records, invoice for invoice, in the same order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from vatui.domain.ledger import Invoice, Payment
from vatui.domain.reliability import InvoiceOutcome, Reliability, assess, issued_outcome, outcome, paid_by
from vatui.services.common import home_today
from vatui.services.ledger.books import plain_parts, plain_total
from vatui.services.queries import client_docs, invoice_docs, payment_docs
from vatui.store.workspace import Workspace

Stored = Sequence[tuple[str, Mapping[str, Any]]]
"""Stored documents with their id strings."""


def reliability_by_client(ws: Workspace, on: date | None = None) -> dict[int, Reliability]:
    """Every client's reliability as of ``on`` (today at home by default), from its live
    invoices and their payments."""
    day = on or home_today(ws)
    paid_with: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    for key, doc in payment_docs(ws).items():
        paid_with.setdefault(str(doc.get("invoice_id")), []).append((key, doc))
    outcomes: dict[int, list[InvoiceOutcome]] = {}
    for key, doc in invoice_docs(ws).items():
        status = doc.get("status", "draft")
        if status == "draft" or date.fromisoformat(doc["issue_date"]) > day:
            continue
        payments = paid_with.get(key, [])
        result = _plain_outcome(key, doc, status, payments, day) if status != "void" else None
        if result is None:
            records = [Payment.from_doc(d, int(k)) for k, d in payments]
            result = outcome(Invoice.from_doc(doc, int(key)), records, day)
        outcomes.setdefault(int(doc["client_id"]), []).append(result)
    out: dict[int, Reliability] = {}
    for key, doc in client_docs(ws).items():
        vetting = [str(v.get("key")) for v in doc.get("vetting", [])]
        out[int(key)] = assess(outcomes.get(int(key), []), vetting)
    return out


def _plain_outcome(
    key: str, doc: Mapping[str, Any], status: str, payments: Stored, on: date
) -> InvoiceOutcome | None:
    """How an issued invoice of the plain shape went as of ``on``; ``None`` for any other
    shape, or when a payment is in another currency (``outcome`` leaves those out)."""
    total = plain_total(doc)
    currency = doc["currency"]
    if total is None or any(d["amount"]["currency"] != currency for _k, d in payments):
        return None
    paid, paid_on = paid_by(total, plain_parts(total, payments) if payments else (), on)
    due = date.fromisoformat(doc["due_date"])
    reminders = len(doc.get("reminders", ()))
    return issued_outcome(int(key), doc["number"], currency, status, due, total, paid, paid_on, reminders, on)
