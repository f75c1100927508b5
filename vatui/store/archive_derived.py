"""What a year file of the archive derives from its records when it is written, for the
reports: read instead of the records, so a report over years of history does not parse and
walk every archived invoice and time entry.

- ``invoice_heads`` (``HEADS``): per archived invoice what the money reports need of it
  (``invoice_head``);
- ``client_minutes`` (``MINUTES``): per client, the minutes of the year's time entries that
  count toward its hours (``tasks.counted_minutes``), and the ids of those entries (a reader
  whose live file still holds one of them, after a run interrupted between its two steps,
  reads the entries themselves: the live copy wins).
- ``client_money`` (``MONEY``): per client and currency, the clients report's money of the
  year's issued invoices paid by the year's payments (``reports.money_by_client``, every
  settlement counted), the last day it counts, and the ids of the invoices and payments
  summed (a reader that finds one of them live, or a payment elsewhere of one of these
  invoices, or asks about a day before the last, reads the records themselves).

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
MONEY = "client_money"
"""The table of a year's money per client and currency."""
DERIVED = (HEADS, MINUTES, MONEY)
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
    money = client_money(tables)
    if money is not None:
        out[MONEY] = money
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


def client_money(tables: Year) -> Docs | None:
    """Per client (id string) and currency: the ``revenue``, ``invoiced`` and ``owed`` of the
    year's issued invoices (not drafts, not void) as the clients report counts them once
    every settlement counts (``reports.money_by_client``), each paid by the year's payments
    of it; the ``last`` day any of them counts (its issue date, a settlement's day: the
    sums hold as of that day and every day after); the ``ids`` of the invoices and the
    ``paid`` ids of their payments. ``None`` when a payment of the year is of an invoice not
    summed here (elsewhere, or not issued), or an invoice's client is not a plain id number,
    or one cannot be read (a document edited by hand into another shape): the year is then
    read by its records."""
    from vatui.domain.reports import money_by_client
    from vatui.domain.settled import Settled, settled_doc

    invoices = {
        k: d for k, d in tables.get("invoices", {}).items() if d.get("status") not in ("draft", "void")
    }
    paid: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for key, doc in tables.get("payments", {}).items():
        paid.setdefault(str(doc.get("invoice_id")), []).append((key, doc))
    if not paid.keys() <= invoices.keys():
        return None
    rows: dict[tuple[int, str], tuple[list[Settled], list[int], list[int]]] = {}
    try:
        for key, doc in invoices.items():
            mine = paid.get(key, [])
            one = settled_doc(key, doc, mine)
            client = one.client_id
            if not isinstance(client, int) or isinstance(client, bool) or client < 0:
                return None
            listed, ids, payments = rows.setdefault((client, str(one.currency)), ([], [], []))
            listed.append(one)
            ids.append(int(key))
            payments.extend(int(k) for k, _d in mine)
        out: Docs = {}
        for (client, currency), (listed, ids, payments) in sorted(rows.items()):
            (revenue, invoiced, owed) = money_by_client(listed)[(client, currency)]
            days = [day for one in listed for day in (one.issue_date, *(part[0] for part in one.parts))]
            out.setdefault(str(client), {})[currency] = {
                "revenue": revenue,
                "invoiced": invoiced,
                "owed": owed,
                "last": max(days).isoformat(),
                "ids": sorted(ids),
                "paid": sorted(payments),
            }
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
