"""Reading the ledger: invoices with their payments, live and archived, cheaply.

Reports read archived records too (``vatui.store.archive.all_docs``). Readers work on raw
documents and convert only what they need.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from vatui.domain.dates import clamp_moment
from vatui.domain.errors import InputError, NotFoundError
from vatui.domain.invoice_numbers import parse_number
from vatui.domain.ledger import Invoice, Payment
from vatui.domain.reports import Billed
from vatui.domain.tasks import counted_minutes
from vatui.i18n import _
from vatui.services.queries import archived_minutes, archived_of, invoice_docs, payment_docs, time_docs
from vatui.store.archive import all_docs as live_and_archived
from vatui.store.workspace import Tx, Workspace

Docs = Mapping[str, Mapping[str, Any]]


def all_docs(ws: Workspace, table: str) -> dict[str, Mapping[str, Any]]:
    """Live and archived documents of ``table`` by id string (live wins on a clash)."""
    return dict(live_and_archived(ws, table))


def payments_by_invoice(docs: Docs) -> dict[int, list[Payment]]:
    """Payments grouped by the invoice they pay."""
    out: dict[int, list[Payment]] = {}
    for key, doc in docs.items():
        out.setdefault(int(doc["invoice_id"]), []).append(Payment.from_doc(doc, int(key)))
    return out


def billed_from(invoices: Docs, payments: Docs, *, keep: Any = None) -> list[Billed]:
    """Invoices (optionally filtered on the raw doc by ``keep``) with their payments."""
    by_inv = payments_by_invoice(payments)
    out: list[Billed] = []
    for key, doc in invoices.items():
        if keep is not None and not keep(doc):
            continue
        out.append((Invoice.from_doc(doc, int(key)), by_inv.get(int(key), [])))
    return out


def billed(ws: Workspace, *, archived: bool = True, keep: Any = None) -> list[Billed]:
    """Every invoice with its payments (archived ones too unless ``archived=False``)."""
    if archived:
        return billed_from(all_docs(ws, "invoices"), all_docs(ws, "payments"), keep=keep)
    return billed_from(invoice_docs(ws), payment_docs(ws), keep=keep)


def tx_billed(tx: Tx, client_id: int) -> list[Billed]:
    """A client's live invoices with payments, read inside a transaction."""
    invoices = {k: d for k, d in invoice_docs(tx).items() if d.get("client_id") == client_id}
    ids = {int(k) for k in invoices}
    payments = {k: d for k, d in payment_docs(tx).items() if int(d["invoice_id"]) in ids}
    return billed_from(invoices, payments)


def invoice_payments(ws: Workspace | Tx, invoice_id: int) -> list[Payment]:
    """The payments on one invoice."""
    return [
        Payment.from_doc(d, int(k)) for k, d in payment_docs(ws).items() if int(d["invoice_id"]) == invoice_id
    ]


def find_invoice(ws: Workspace, ref: str | int) -> Invoice:
    """An invoice by number (``INV-2026-0007``, any case) or id (``#12``)."""
    text = str(ref).strip()
    from vatui.services.archived import refuse_archived_invoice

    if isinstance(ref, int) or (text.startswith("#") and text[1:].isascii() and text[1:].isdigit()):
        try:
            return ws.get(Invoice, int(text.lstrip("#")))
        except NotFoundError:
            refuse_archived_invoice(ws, f"#{text.lstrip('#')}")  # archived: read-only, says so
            raise
    if parse_number(text) is None:
        raise InputError(_("{ref!r} is not an invoice number (like INV-2026-0007, or #id)").format(ref=text))
    wanted = text.upper()
    for key, doc in invoice_docs(ws).items():
        if str(doc.get("number", "")).upper() == wanted:
            return Invoice.from_doc(doc, int(key))
    refuse_archived_invoice(ws, wanted)
    raise NotFoundError(_("no invoice {number}").format(number=wanted))


def numbered(tx: Tx, ws: Workspace, year: int) -> list[tuple[int, date, str]]:
    """(sequence, issue date, number) of every numbered invoice of ``year``, live (read in
    the transaction) and archived."""
    docs = {**all_docs(ws, "invoices"), **invoice_docs(tx)}
    out = []
    for doc in docs.values():
        parsed = parse_number(str(doc.get("number") or ""))
        if parsed is not None and parsed[0] == year:
            out.append((parsed[1], date.fromisoformat(str(doc["issue_date"])), str(doc["number"]).upper()))
    return out


def local_day(start_iso: str, tz: ZoneInfo) -> date:
    """The home-time day of a stored UTC moment."""
    return clamp_moment(datetime.fromisoformat(start_iso)).astimezone(tz).date()


def month_bounds(on: date, tz: ZoneInfo) -> tuple[str, str]:
    """ISO UTC strings bounding the home-time month of ``on`` (for raw string comparison)."""
    first = on.replace(day=1)
    nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    lo = datetime.combine(first, time(0), tzinfo=tz).astimezone(UTC).isoformat()
    hi = datetime.combine(nxt, time(0), tzinfo=tz).astimezone(UTC).isoformat()
    return lo, hi


def minutes_by_client(ws: Workspace) -> tuple[dict[int, int], dict[int, int]]:
    """(all minutes, billable minutes) logged per client, finished entries, live and archived
    (the archived ones from each year's sums when they can be trusted: ``archived_minutes``);
    both for every client with time (its billable minutes may be 0)."""
    every: dict[int, int] = {}
    billable: dict[int, int] = {}
    archived = archived_minutes(ws)
    sources = [time_docs(ws)] if archived is not None else [time_docs(ws), archived_of(ws, ("time",))["time"]]
    for docs in sources:  # disjoint: live ids left out
        for doc in docs.values():
            counted = counted_minutes(doc)
            if counted is not None:
                client, minutes, billed = counted
                every[client] = every.get(client, 0) + minutes
                billable[client] = billable.get(client, 0) + billed
    for client, (minutes, billed) in (archived or {}).items():
        every[client] = every.get(client, 0) + minutes
        billable[client] = billable.get(client, 0) + billed
    return every, billable
