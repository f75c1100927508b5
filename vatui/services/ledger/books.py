"""The money reports' reading of the ledger: every issued invoice as a ``Settled`` summary.

A report needs, of each invoice, whose it is, when it was issued and falls due, its total
and the dated parts of what paid it; of each expense, its date and amount. Most invoices
have the plain shape (no tax line, no deposit or client credit applied): their total is
the sum of their stored lines (``invoicing.line_minor``) less the discount, and their
payments pay them in date order (``invoicing.applied_parts``), so they are read straight
from the stored documents, without building an ``Invoice`` and its lines. Any other
invoice is built as a record and summarised by the full rules (``reports.settled``): the
same figures either way, at a fraction of the cost on a workspace with years of history.

Archived invoices and payments (``archive/YYYY.json``) count too; ``until`` leaves out the
archive files of years after it (nothing issued then was issued by ``until``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from vatui.domain.invoicing import applied_parts, line_minor
from vatui.domain.ledger import Invoice, Payment
from vatui.domain.settled import Settled, settled
from vatui.services.queries import archived_of, expense_docs, invoice_docs, payment_docs
from vatui.store.workspace import Workspace

_NOT_ISSUED = ("draft", "void")


def summaries(
    ws: Workspace, *, archived: bool = True, until: date | None = None, client_id: int | None = None
) -> list[Settled]:
    """Every issued invoice (not a draft, not void) as the reports read it; only the
    client's with ``client_id``."""
    invoice_tables, payment_tables = [invoice_docs(ws)], [payment_docs(ws)]
    if archived:  # archived first (``archived_of`` leaves out live ids)
        old = archived_of(ws, ("invoices", "payments"), until_year=None if until is None else until.year)
        invoice_tables.insert(0, old["invoices"])
        payment_tables.insert(0, old["payments"])
    issued = {
        key: doc
        for invoices in invoice_tables
        for key, doc in invoices.items()
        if doc.get("status") not in _NOT_ISSUED and (client_id is None or doc.get("client_id") == client_id)
    }
    paid: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    for payments in payment_tables:
        for key, doc in payments.items():
            invoice_key = str(doc["invoice_id"])
            if invoice_key in issued:
                paid.setdefault(invoice_key, []).append((key, doc))
    out = []
    for key, doc in issued.items():
        mine = paid.get(key, [])
        total = plain_total(doc)
        if total is None:
            payment_records = [Payment.from_doc(d, int(k)) for k, d in mine]
            out.append(settled(Invoice.from_doc(doc, int(key)), payment_records))
        else:
            out.append(_plain(key, doc, total, mine))
    return out


def plain_total(doc: Mapping[str, Any]) -> int | None:
    """The total of a stored invoice of the plain shape, minor units (``totals``: the sum
    of its lines less the discount); ``None`` for any other shape (tax lines, a deposit or
    credit applied, an amount in another currency), read by the full rules instead."""
    if doc.get("taxes") != []:  # a tax line, or the older shape (``tax_percent``)
        return None
    for applied in (doc.get("deposit_applied"), doc.get("credit_applied")):
        if applied is not None and applied["minor"]:
            return None
    currency = doc["currency"]
    total = 0
    for item in doc.get("items", ()):
        price = item["unit_price"]
        if price["currency"] != currency:
            return None
        total += line_minor(int(price["minor"]), item.get("quantity", "1"), item.get("minutes"))
    discount = doc.get("discount")
    if discount is not None:
        if discount["currency"] != currency:
            return None
        total -= int(discount["minor"])
    return total


def plain_parts(total: int, payments: Sequence[tuple[str, Mapping[str, Any]]]) -> list[tuple[date, int]]:
    """(day, minor units applied) of each stored payment ``(id, document)`` of a plain
    invoice of ``total``, in the order they pay it (``invoicing.settlements``: by date, then
    id; what a payment brings beyond what was due is not applied: ``applied_parts``)."""
    if len(payments) == 1:  # the usual case: paid at once
        only = payments[0][1]
        return [(date.fromisoformat(only["on"]), applied_parts(total, [int(only["amount"]["minor"])])[0])]
    dated = sorted((date.fromisoformat(d["on"]), int(k), int(d["amount"]["minor"])) for k, d in payments)
    applied = applied_parts(total, [amount for _on, _id, amount in dated])
    return [(on, part) for (on, _id, _amount), part in zip(dated, applied, strict=True)]


def _plain(
    key: str, doc: Mapping[str, Any], total: int, payments: list[tuple[str, Mapping[str, Any]]]
) -> Settled:
    """A plain invoice's summary: its payments pay it in date order (then by id)."""
    parts = tuple((on, part, part, 0) for on, part in plain_parts(total, payments)) if payments else ()
    return Settled(
        doc["client_id"],
        doc["currency"],
        doc.get("kind", "standard"),
        date.fromisoformat(doc["issue_date"]),
        date.fromisoformat(doc["due_date"]),
        total,
        parts,
        int(key),
    )


def spent(ws: Workspace) -> list[tuple[date, str, int]]:
    """(on, currency, minor units) of every expense that counts (not a recurring template:
    ``reports.counted_expense``)."""
    return [
        (date.fromisoformat(d["on"]), str(d["amount"]["currency"]), int(d["amount"]["minor"]))
        for d in expense_docs(ws).values()
        if d.get("recurrence") is None
    ]
