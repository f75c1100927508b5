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

from collections.abc import Mapping
from datetime import date
from typing import Any

from vatui.domain.invoicing import plain_parts, plain_total
from vatui.domain.settled import Settled, plain_settled, settled_doc
from vatui.services.queries import archived_invoices, archived_of, expense_docs, invoice_docs, payment_docs
from vatui.store.workspace import Workspace

_NOT_ISSUED = ("draft", "void")


def summaries(
    ws: Workspace,
    *,
    archived: bool = True,
    until: date | None = None,
    client_id: int | None = None,
    owed_on: date | None = None,
    live: bool = True,
) -> list[Settled]:
    """Every issued invoice (not a draft, not void) as the reports read it; only the
    client's with ``client_id``; only the archived ones with ``live=False`` (their payments
    still count wherever they are). With ``owed_on`` (aging as of that day), an archived
    invoice whose head says it was paid in full by then is left out: it owes nothing that
    day whatever else was paid (more payments only add), and nothing else reads it."""
    rows: dict[str, tuple[Mapping[str, Any], int | None]] = {}
    until_year = None if until is None else until.year
    if archived:  # archived first (``archived_invoices`` leaves out live ids)
        day = None if owed_on is None else owed_on.isoformat()
        for key, (doc, is_head) in archived_invoices(ws, until_year=until_year).items():
            if not _counts(doc, client_id):
                continue
            if not is_head:
                rows[key] = (doc, plain_total(doc))
            elif day is None or doc["settled_on"] is None or doc["settled_on"] > day:
                total = doc["total"]  # ``None``: another shape, its document kept in the head
                rows[key] = (doc, total) if total is not None else (doc["invoice"], None)
    payment_tables = [payment_docs(ws)]
    if archived:  # all of them: a live invoice can have one only in the archive (a restore)
        payment_tables.insert(0, archived_of(ws, ("payments",), until_year=until_year)["payments"])
    for key, doc in invoice_docs(ws).items() if live else ():
        if _counts(doc, client_id):
            rows[key] = (doc, plain_total(doc))
    paid: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    for payments in payment_tables:
        for key, doc in payments.items():
            invoice_key = str(doc["invoice_id"])
            if invoice_key in rows:
                mine = paid.get(invoice_key)
                if mine is None:
                    paid[invoice_key] = [(key, doc)]
                else:
                    mine.append((key, doc))
    out = []
    for key, (doc, total) in rows.items():
        mine = paid.get(key, [])
        if total is None:  # another shape: built as records, read by the full rules
            out.append(settled_doc(key, doc, mine))
        else:
            out.append(plain_settled(key, doc, total, mine))
    return out


def _counts(doc: Mapping[str, Any], client_id: int | None) -> bool:
    """Whether an invoice (or its head) is issued, and the client's when one is asked for."""
    return doc.get("status") not in _NOT_ISSUED and (client_id is None or doc.get("client_id") == client_id)


def spent(ws: Workspace) -> list[tuple[date, str, int]]:
    """(on, currency, minor units) of every expense that counts (not a recurring template:
    ``reports.counted_expense``)."""
    return [
        (date.fromisoformat(d["on"]), str(d["amount"]["currency"]), int(d["amount"]["minor"]))
        for d in expense_docs(ws).values()
        if d.get("recurrence") is None
    ]


__all__ = ["plain_parts", "plain_total", "spent", "summaries"]
