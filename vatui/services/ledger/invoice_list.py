"""The invoice list (``vatui invoice list``): one row per live invoice, read from the stored
documents without building most of them.

A row needs, of an invoice, its label, client, dates, tax lines, the status shown and what
is still due. Every invoice is read from its document: a void one is due nothing, an issued one what
its summary still owes (``Settled.outstanding``: ``invoicing.amount_due``, from
``books.summaries``, which reads the plain shape without records), a draft its total
(``books.plain_total``; a draft of another shape is built as a record for ``totals``), and
the status shown follows ``invoicing.shown_status``. Tax lines are read from a record only
for an invoice that has some (or the older ``tax_percent`` shape). The same rows as
``list_invoices``, in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vatui.domain.invoicing import shown_status, totals
from vatui.domain.ledger import Invoice, TaxLine, invoice_label
from vatui.domain.money import Money
from vatui.services.common import home_today
from vatui.services.ledger.books import plain_total, summaries
from vatui.services.queries import invoice_docs
from vatui.store.workspace import Workspace


@dataclass(frozen=True, slots=True)
class InvoiceRow:
    """One invoice as the list shows it."""

    invoice_id: int
    """The invoice."""
    number: str
    """Its number (empty for a draft)."""
    label: str
    """Its number, or ``draft #12`` (``Invoice.label``)."""
    client_id: int
    """Who is billed."""
    issue_date: date
    """When it was issued."""
    due_date: date
    """When it falls due."""
    taxes: tuple[TaxLine, ...]
    """Its tax lines."""
    due: Money
    """What is still due on it (``list_invoices``)."""
    shown: str
    """The status shown: the stored one, or ``overdue``."""

    @classmethod
    def of(cls, invoice: Invoice, due: Money, shown: str) -> InvoiceRow:
        """The row of an invoice record (its amount due and shown status worked out)."""
        return cls(
            invoice.id or 0,
            invoice.number,
            invoice.label,
            invoice.client_id,
            invoice.issue_date,
            invoice.due_date,
            invoice.taxes,
            due,
            shown,
        )


def invoice_rows(
    ws: Workspace, *, client_id: int | None = None, status: str | None = None, on: date | None = None
) -> list[InvoiceRow]:
    """``list_invoices`` as rows: newest first; ``status`` may also be ``overdue`` or ``open``."""
    day = on or home_today(ws)
    owed = {s.invoice_id: s.outstanding() for s in summaries(ws, archived=False, client_id=client_id)}
    rows = []
    for key, doc in invoice_docs(ws).items():
        if client_id and doc.get("client_id") != client_id:
            continue
        stored = doc.get("status", "draft")
        if status == "open" and stored not in ("sent", "partial"):
            continue
        record = None
        if stored == "void":
            due = 0
        elif stored == "draft":
            total = plain_total(doc)
            if total is None:
                record = Invoice.from_doc(doc, int(key))
                total = totals(record).total.minor
            due = total
        else:
            due = owed[int(key)]
        due_date = date.fromisoformat(doc["due_date"])
        shown = shown_status(stored, due, due_date, day)
        if status not in (None, "open") and shown != status and stored != status:
            continue
        if doc.get("taxes") == []:
            taxes: tuple[TaxLine, ...] = ()
        else:  # tax lines, or the older shape (``tax_percent``): read as the record reads them
            taxes = (record or Invoice.from_doc(doc, int(key))).taxes
        number = str(doc["number"])
        rows.append(
            InvoiceRow(
                int(key),
                number,
                invoice_label(number, int(key)),
                int(doc["client_id"]),
                date.fromisoformat(doc["issue_date"]),
                due_date,
                taxes,
                Money(due, str(doc["currency"])),
                shown,
            )
        )
    return sorted(rows, key=lambda r: (r.issue_date, r.number), reverse=True)
