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
- ``month_income`` (``MONTHS``): per month and currency, the profit and loss's income of
  the same invoices (``reports.income_of``), trusted with ``client_money``'s checks.

These tables are not records: ``archive.read_year`` hands them out only when asked for by
name, and only from a file read lazily (byte for byte what vatui wrote); a file parsed whole
(older, edited by hand) has them dropped, and readers read its records. A table that cannot
be made (a document edited by hand into another shape) is left out, with the same effect.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from vatui.domain.errors import VatuiError
from vatui.domain.invoicing import paid_in_full_on, plain_parts, plain_total
from vatui.domain.tasks import counted_minutes

if TYPE_CHECKING:
    from vatui.domain.settled import Settled

Docs = dict[str, dict[str, Any]]
Year = dict[str, Docs]

HEADS = "invoice_heads"
"""The table of a year's invoice heads."""
MINUTES = "client_minutes"
"""The table of a year's minutes per client."""
MONEY = "client_money"
"""The table of a year's money per client and currency."""
MONTHS = "month_income"
"""The table of a year's income per month and currency."""
DERIVED = (HEADS, MINUTES, MONEY, MONTHS)
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
    year = year_settled(tables)
    if year is not None:
        out[MONEY] = client_money(tables, year) or {}
        out[MONTHS] = month_income(tables, year) or {}
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


YearSettled = list[tuple[int, "Settled", list[int]]]
"""A year's issued invoices as the reports read them, each with its id and its payments' ids."""


def year_settled(tables: Year) -> YearSettled | None:
    """The year's issued invoices (not drafts, not void) as the reports read them
    (``settled.settled_doc``), each paid by the year's payments of it; ``None`` when a
    payment of the year is of an invoice not here (elsewhere, or not issued), an invoice's
    client is not a plain id number, or one cannot be read (a document edited by hand into
    another shape): the year's sums are then not made, and the year is read by its records."""
    from vatui.domain.settled import settled_doc

    invoices = {
        k: d for k, d in tables.get("invoices", {}).items() if d.get("status") not in ("draft", "void")
    }
    paid: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for key, doc in tables.get("payments", {}).items():
        paid.setdefault(str(doc.get("invoice_id")), []).append((key, doc))
    if not paid.keys() <= invoices.keys():
        return None
    out: YearSettled = []
    try:
        for key, doc in invoices.items():
            mine = paid.get(key, [])
            one = settled_doc(key, doc, mine)
            client = one.client_id
            if not isinstance(client, int) or isinstance(client, bool) or client < 0:
                return None
            if not isinstance(one.currency, str):
                return None
            out.append((int(key), one, [int(k) for k, _d in mine]))
    except _UNMADE:
        return None
    return out


def client_money(tables: Year, year: YearSettled | None = None) -> Docs | None:
    """Per client (id string) and currency: the ``revenue``, ``invoiced`` and ``owed`` of the
    year's issued invoices (``year_settled``, made here unless given) as the clients report
    counts them once every settlement counts (``reports.money_by_client``); the ``last``
    day any of them counts (its issue date, a settlement's day: the sums hold as of that
    day and every day after); the ``ids`` of the invoices and the ``paid`` ids of their
    payments. ``None`` when ``year_settled`` is."""
    from vatui.domain.reports import money_by_client

    year = year_settled(tables) if year is None else year
    if year is None:
        return None
    rows: dict[tuple[int, str], tuple[list[Settled], list[int], list[int]]] = {}
    for key, one, payments in year:
        listed, ids, paid = rows.setdefault((one.client_id, one.currency), ([], [], []))
        listed.append(one)
        ids.append(key)
        paid.extend(payments)
    out: Docs = {}
    for (client, currency), (listed, ids, paid) in sorted(rows.items()):
        (revenue, invoiced, owed) = money_by_client(listed)[(client, currency)]
        days = [day for one in listed for day in (one.issue_date, *(part[0] for part in one.parts))]
        out.setdefault(str(client), {})[currency] = {
            "revenue": revenue,
            "invoiced": invoiced,
            "owed": owed,
            "last": max(days).isoformat(),
            "ids": sorted(ids),
            "paid": sorted(paid),
        }
    return out


def month_income(tables: Year, year: YearSettled | None = None) -> Docs | None:
    """Per month (``YYYYMM``: a table's keys are numbers) and currency: the ``net`` income and
    what was ``withheld`` of it, of every settlement of the year's issued invoices
    (``year_settled``) as the profit and loss counts them (``reports.income_of``), whenever
    it fell. Trusted only with the year's ``client_money``, whose ids and last day it shares.
    ``None`` when ``year_settled`` is."""
    from vatui.domain.reports import income_of

    year = year_settled(tables) if year is None else year
    if year is None:
        return None
    out: Docs = {}
    for on, _client, currency, net, withheld in income_of(one for _key, one, _paid in year):
        sums = out.setdefault(f"{on.year:04d}{on.month:02d}", {}).setdefault(
            currency, {"net": 0, "withheld": 0}
        )
        sums["net"] += net
        sums["withheld"] += withheld
    return {month: out[month] for month in sorted(out)}


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
