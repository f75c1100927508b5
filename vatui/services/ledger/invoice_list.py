"""The invoice list (``vatui invoice list``, its ``--json`` and ``--archived``): which
invoices are listed, in which order, with what is still due on each and the status shown.
One flow, ``listed_rows``, works that out for the live invoices (``invoice_rows``) and the
archived ones (``archived_invoice_rows``); ``--json`` prints the same rows, with each listed
invoice built as a record for the fields it prints (``invoice_records``).

A row needs, of an invoice, its label, client, dates, tax lines, the status shown and what
is still due. Every invoice is read from its document without building most of them: a void
one is due nothing, an issued one what its summary still owes (``Settled.outstanding``:
``invoicing.amount_due``, from ``books.summaries``, which reads the plain shape without
records), a draft its total (``books.plain_total``; a draft of another shape is built as a
record for ``totals``), and the status shown follows ``invoicing.shown_status``. Tax lines
are read from a record only for an invoice that has some (or the older ``tax_percent`` shape).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from vatui.domain.invoicing import shown_status, totals
from vatui.domain.ledger import Invoice, TaxLine, invoice_label
from vatui.domain.money import Money
from vatui.services.archived import archived_with_year
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
    """What is still due on it (``invoicing.amount_due``; a draft's total, nothing on a void one)."""
    shown: str
    """The status shown: the stored one, or ``overdue``."""
    archived: int | None = None
    """The year whose archive holds it (``--archived``); ``None`` for a live invoice."""


def invoice_rows(
    ws: Workspace, *, client_id: int | None = None, status: str | None = None, on: date | None = None
) -> list[InvoiceRow]:
    """The live invoices listed (``listed_rows``): newest first; ``status`` may also be
    ``overdue`` or ``open``."""
    owed = {s.invoice_id: s.outstanding() for s in summaries(ws, archived=False, client_id=client_id)}
    return listed_rows(invoice_docs(ws), owed, on or home_today(ws), client_id=client_id, status=status)


def archived_invoice_rows(
    ws: Workspace, *, client_id: int | None = None, status: str | None = None, on: date | None = None
) -> list[InvoiceRow]:
    """The archived invoices listed (``--archived``; ``listed_rows`` on the archived
    documents, each row with its archive year), newest first: what is due on each from its
    summary with every payment counted, live and archived (``books.summaries``)."""
    archived = archived_with_year(ws, "invoices")
    docs = {key: doc for key, (_year, doc) in archived.items()}
    years = {key: year for key, (year, _doc) in archived.items()}
    owed = {s.invoice_id: s.outstanding() for s in summaries(ws, client_id=client_id, live=False)}
    day = on or home_today(ws)
    return listed_rows(docs, owed, day, client_id=client_id, status=status, years=years)


def invoice_records(ws: Workspace, rows: list[InvoiceRow]) -> list[Invoice]:
    """The invoice of each row built as a record, live or archived (what ``--json`` prints)."""
    live = invoice_docs(ws)
    old = archived_with_year(ws, "invoices") if any(r.archived is not None for r in rows) else {}
    return [
        Invoice.from_doc(
            live[str(row.invoice_id)] if row.archived is None else old[str(row.invoice_id)][1], row.invoice_id
        )
        for row in rows
    ]


def listed_rows(
    docs: Mapping[str, Mapping[str, Any]],
    owed: Mapping[int | None, int],
    day: date,
    *,
    client_id: int | None = None,
    status: str | None = None,
    years: Mapping[str, int] | None = None,
) -> list[InvoiceRow]:
    """The rows of the invoice documents ``docs`` (by id string) that are listed: only the
    client's with ``client_id``, only those of ``status`` (stored or shown; ``open``: sent or
    partial), newest first (issue date, then number). What is due: nothing on a void one, the
    total of a draft, ``owed`` (minor units by id: ``Settled.outstanding``) on an issued one;
    the status shown on ``day`` by ``invoicing.shown_status``; the archive year from ``years``
    (archived documents)."""
    rows = []
    for key, doc in docs.items():
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
                None if years is None else years[key],
            )
        )
    return sorted(rows, key=lambda r: (r.issue_date, r.number), reverse=True)
