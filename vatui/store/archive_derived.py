"""What a year file of the archive derives from its records when it is written, for the
reports: read instead of the records, so a report over years of history does not parse and
walk every archived invoice and time entry.

- ``invoice_heads`` (``HEADS``): per archived invoice what the money reports need of it
  (``invoice_head``);
- ``client_minutes`` (``MINUTES``): per client, the minutes of the year's time entries that
  count toward its hours (``tasks.counted_minutes``), and the ids of those entries (a reader
  whose live file still holds one of them, after a run interrupted between its two steps,
  reads the entries themselves: the live copy wins).

These tables are not records: ``archive.read_year`` hands them out only when asked for by
name, and only from a file read lazily (byte for byte what vatui wrote); a file parsed whole
(older, edited by hand) has them dropped, and readers read its records. A table that cannot
be made (a document edited by hand into another shape) is left out, with the same effect.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from vatui.domain.errors import VatuiError
from vatui.domain.invoicing import paid_in_full_on, plain_parts, plain_total
from vatui.domain.tasks import counted_minutes

Docs = dict[str, dict[str, Any]]
Year = dict[str, Docs]

HEADS = "invoice_heads"
"""The table of a year's invoice heads."""
MINUTES = "client_minutes"
"""The table of a year's minutes per client."""
DERIVED = (HEADS, MINUTES)
"""Every derived table: never among a year's records."""

_UNMADE = (LookupError, TypeError, ValueError, AttributeError, ArithmeticError, VatuiError)
"""What a document edited by hand into another shape raises while a table is derived."""


def derived_tables(tables: Year) -> dict[str, Docs]:
    """The derived tables of a year's records (those that can be made)."""
    out: dict[str, Docs] = {}
    heads = invoice_heads(tables)
    if heads is not None:
        out[HEADS] = heads
    minutes = client_minutes(tables)
    if minutes is not None:
        out[MINUTES] = minutes
    return out


def client_minutes(tables: Year) -> Docs | None:
    """Per client (id string): ``every`` and ``billable`` minutes of the year's time entries
    (``counted_minutes``) and the ``ids`` of the entries counted; ``None`` when an entry's
    client is not a plain id number (the year is then read by its entries)."""
    out: Docs = {}
    try:
        for key, doc in tables.get("time", {}).items():
            counted = counted_minutes(doc)
            if counted is None:
                continue
            client, minutes, billable = counted
            if not isinstance(client, int) or isinstance(client, bool) or client < 0:
                return None
            row = out.setdefault(str(client), {"every": 0, "billable": 0, "ids": []})
            row["every"] += minutes
            row["billable"] += billable
            row["ids"].append(int(key))
    except _UNMADE:
        return None
    return out


def invoice_heads(tables: Year) -> Docs | None:
    """The heads of a year's invoices (``invoice_head``), each paid by the year's own
    payments; ``None`` when one cannot be made (a document edited by hand into another
    shape): the year is then written without heads and read by its invoices."""
    paid: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for key, doc in tables.get("payments", {}).items():
        paid.setdefault(str(doc.get("invoice_id")), []).append((key, doc))
    try:
        return {
            key: invoice_head(key, doc, paid.get(key, [])) for key, doc in tables.get("invoices", {}).items()
        }
    except _UNMADE:
        return None


def invoice_head(key: str, doc: dict[str, Any], payments: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """What the money reports need of an archived invoice: whose, its currency, kind,
    status, issue and due dates, its ``total`` by ``invoicing.plain_total`` (``null`` for
    another shape, which keeps its document in ``invoice`` for the full rules), and
    ``settled_on``: the day ``payments`` (by the rules that read it, ``plain_parts`` or
    ``settled``) had paid all of it (``invoicing.paid_in_full_on``), or ``null``."""
    total = plain_total(doc)
    head: dict[str, Any] = {
        "client_id": doc["client_id"],
        "currency": doc["currency"],
        "kind": doc.get("kind", "standard"),
        "status": doc.get("status"),
        "issue_date": date.fromisoformat(doc["issue_date"]).isoformat(),
        "due_date": date.fromisoformat(doc["due_date"]).isoformat(),
        "total": total,
    }
    if total is None:
        from vatui.domain.ledger import Invoice, Payment
        from vatui.domain.settled import settled

        full = settled(Invoice.from_doc(doc, int(key)), [Payment.from_doc(d, int(k)) for k, d in payments])
        done = paid_in_full_on(full.total, [(part[0], part[1]) for part in full.parts])
        head["invoice"] = doc
    else:
        done = paid_in_full_on(total, plain_parts(total, payments) if payments else [])
    head["settled_on"] = None if done is None else done.isoformat()
    return head
