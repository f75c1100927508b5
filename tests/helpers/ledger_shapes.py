"""A workspace with invoices of every shape the listings' fast paths must get right, and the
listings computed the slow way (every invoice built as a record and read by the domain's
rules), to compare the fast paths with.

The shapes: tax lines (added and withheld), a deposit held and applied, client credit from
an overpayment applied to the next invoice, a discount, odd quantities, partial payments,
a payment dated after today, invoices voided before and after they fell due (a correction,
a write-off), a draft voided and one left as a draft, collection reminders, a second
currency, a payment in another currency than its invoice, the older stored shape
(``tax_percent``), an invoice marked paid with no payment on record, a client with no
invoice, and three years of demo history archived as after the first open.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from vatui.domain.clock import FixedClock
from vatui.domain.invoicing import amount_due, display_status, totals
from vatui.domain.ledger import Invoice, Payment, TaxLine
from vatui.domain.money import Money
from vatui.domain.reliability import Reliability, reliability
from vatui.services.clients.manage import add_client
from vatui.services.ledger.collect import mark_reminder_sent as mark_sent
from vatui.services.ledger.invoice_list import InvoiceRow
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice, void_invoice
from vatui.services.ledger.payments import record_payment
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import add_time
from vatui.store.archive import archive_old, archive_path, archive_years, read_year
from vatui.store.workspace import Workspace

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
"""The workspace's clock."""
DAYS = (
    date(2026, 11, 27),
    date(2026, 11, 1),
    date(2026, 6, 15),
    date(2025, 12, 31),
    date(2025, 3, 1),
    date(2024, 1, 10),
)
"""The days the listings are judged on: today, and days in the past (some before most of
the history, one before the archived years end)."""


def _money(minor: int, currency: str = "EUR") -> Money:
    return Money(minor, currency)


def _sent(ws: Workspace, client_id: int, minor: int, on: date, currency: str = "EUR", **kw: Any) -> Invoice:
    inv = new_invoice(ws, client_id, items=[ItemSpec("Work", "1", _money(minor, currency))], on=on, **kw)
    return send_invoice(ws, inv.id or 0, on)


def every_shape(ws: Workspace) -> None:
    """Add the unusual shapes to a workspace (its clock at ``NOW``), oldest first (numbers
    follow issue dates), then archive what the first open would."""
    iva = TaxLine(name="IVA", rate="21")
    irpf = TaxLine(name="IRPF", kind="withheld", rate="15")
    es = add_client(ws, "Estudio Ñ", currency="EUR", default_taxes=(iva, irpf), terms_days=10).id or 0
    plain = add_client(ws, "Plain Co", currency="EUR", terms_days=7, hourly_rate=_money(4550)).id or 0
    usd = add_client(ws, "Dollar Inc", currency="USD", terms_days=30).id or 0
    add_client(ws, "Nothing Yet", currency="EUR")
    old = _sent(ws, usd, 20000, date(2024, 3, 1), "USD")  # archived: paid on time
    record_payment(ws, old.id or 0, _money(20000, "USD"), date(2024, 3, 20))
    twice = _sent(ws, plain, 15000, date(2024, 6, 1))  # archived: paid late, in two
    record_payment(ws, twice.id or 0, _money(5000), date(2024, 6, 20))
    record_payment(ws, twice.id or 0, _money(10000), date(2024, 8, 2))
    taxed_old = _sent(ws, es, 40000, date(2025, 9, 1))  # archived with its tax lines
    record_payment(ws, taxed_old.id or 0, _money(42400), date(2025, 9, 30))
    ahead = _sent(ws, plain, 9000, date(2025, 11, 15))  # archived, paid by a payment dated ahead
    record_payment(ws, ahead.id or 0, _money(4000), date(2025, 12, 1))
    record_payment(ws, ahead.id or 0, _money(5000), date(2027, 1, 10))
    late = _sent(ws, usd, 30000, date(2026, 3, 1), "USD")
    record_payment(ws, late.id or 0, _money(10000, "USD"), date(2026, 4, 15))
    record_payment(ws, late.id or 0, _money(25000, "USD"), date(2026, 5, 15))  # over: credit
    legacy = _sent(ws, plain, 11111, date(2026, 5, 5))
    on_time = _sent(ws, usd, 50000, date(2026, 6, 1), "USD")
    record_payment(ws, on_time.id or 0, _money(50000, "USD"), date(2026, 6, 20))
    marked = _sent(ws, usd, 6000, date(2026, 7, 1), "USD")
    _sent(ws, usd, 45000, date(2026, 8, 1), "USD")  # overdue, never paid
    gone = _sent(ws, plain, 2500, date(2026, 9, 1))  # chased, then written off
    mark_sent(ws, gone.id or 0, 0, date(2026, 9, 15))
    void_invoice(ws, gone.id or 0, date(2026, 10, 15))
    dropped = new_invoice(ws, usd, items=[ItemSpec("Dropped", "1", _money(100, "USD"))], on=date(2026, 9, 9))
    void_invoice(ws, dropped.id or 0, date(2026, 9, 10))
    chased = _sent(ws, plain, 4000, date(2026, 10, 1))  # partly paid, chased, still overdue
    record_payment(ws, chased.id or 0, _money(1000), date(2026, 10, 20))
    mark_sent(ws, chased.id or 0, 0, date(2026, 10, 12))
    mark_sent(ws, chased.id or 0, 1, date(2026, 10, 30))
    odd = new_invoice(
        ws, plain, items=[ItemSpec("Odd", "3.333", _money(3333))], on=date(2026, 10, 24), discount=_money(7)
    )
    send_invoice(ws, odd.id or 0, date(2026, 10, 24))
    record_payment(ws, odd.id or 0, _money(20000), date(2026, 11, 5))  # late, and over: credit
    mistake = _sent(ws, usd, 7000, date(2026, 11, 2), "USD")  # voided before it fell due
    void_invoice(ws, mistake.id or 0, date(2026, 11, 3))
    taxed = _sent(ws, es, 100000, date(2026, 11, 3))
    record_payment(ws, taxed.id or 0, _money(33333), date(2026, 11, 24))
    later = _sent(ws, plain, 10000, date(2026, 11, 6))  # the credit pays part of it
    record_payment(ws, later.id or 0, _money(1500), date(2027, 1, 15))  # dated after today
    deposit = new_invoice(
        ws, es, kind="deposit", items=[ItemSpec("Deposit", "1", _money(9000))], on=date(2026, 11, 10)
    )
    send_invoice(ws, deposit.id or 0, date(2026, 11, 10))
    record_payment(ws, deposit.id or 0, _money(9000), date(2026, 11, 11))
    odd_currency = _sent(ws, plain, 8000, date(2026, 11, 12))
    _sent(ws, es, 12000, date(2026, 11, 20))  # the deposit is applied to it
    task = add_task(ws, "Billed by the minute", client_id=plain)
    add_time(ws, task.id, 97, date(2026, 11, 18))
    add_time(ws, task.id, 13, date(2026, 11, 19))
    timed = new_invoice(ws, plain, unbilled=True, on=date(2026, 11, 21))
    send_invoice(ws, timed.id or 0, date(2026, 11, 21))
    new_invoice(ws, usd, items=[ItemSpec("Not yet", "2.5", _money(3000, "USD"))], on=date(2026, 11, 26))
    with ws.transaction(None) as tx:  # shapes only a hand edit or an old file gives
        tx.insert(
            "payments",
            {"invoice_id": odd_currency.id, "on": "2026-11-13", "amount": {"minor": 500, "currency": "USD"}},
        )
        tx.update("invoices", marked.id or 0, {"status": "paid"})
        doc = {k: v for k, v in legacy.to_doc().items() if k != "taxes"}
        tx.insert("invoices", {**doc, "number": "INV-2026-0999", "tax_percent": "10"})
    archive_old(ws, NOW.date())


def make_books(directory: Any, demo_clients: int = 0) -> Workspace:
    """A workspace in ``directory`` with every shape, archived as after its first open;
    with ``demo_clients``, the demo business of that many clients (three years of history)
    instead (plus a client with no invoice)."""
    from vatui.demo.workspace import generate

    ws = Workspace.open(directory, FixedClock(NOW))
    if demo_clients:
        generate(ws, clients=demo_clients, seed=7)
        add_client(ws, "Nothing Yet", currency="EUR")
        archive_old(ws, NOW.date())
    else:
        every_shape(ws)
    return ws


# the listings the slow way --------------------------------------------------------------


def full_reliability_by_client(ws: Workspace, on: date) -> dict[int, Reliability]:
    """Every client's reliability with every live invoice built as a record (as before)."""
    by_client: dict[int, list[Invoice]] = {}
    client_of: dict[int, int] = {}
    for key, doc in ws.docs("invoices").items():
        inv = Invoice.from_doc(doc, int(key))
        by_client.setdefault(inv.client_id, []).append(inv)
        client_of[int(key)] = inv.client_id
    pays: dict[int, list[Payment]] = {}
    for key, doc in ws.docs("payments").items():
        cid = client_of.get(int(doc.get("invoice_id", -1)))
        if cid is not None:
            pays.setdefault(cid, []).append(Payment.from_doc(doc, int(key)))
    out = {}
    for key, doc in ws.docs("clients").items():
        vetting = [str(v.get("key")) for v in doc.get("vetting", [])]
        out[int(key)] = reliability(
            by_client.get(int(key), []), pays.get(int(key), []), on, vetting_done=vetting
        )
    return out


def full_invoice_rows(
    ws: Workspace, on: date, client_id: int | None = None, status: str | None = None
) -> list[tuple[Invoice, Money, str]]:
    """(invoice, amount due, shown status) of the live invoices ``vatui invoice list`` shows,
    with every live invoice built as a record and its amount due by ``invoicing.amount_due``
    (as the list was read before its rows came from the stored documents)."""
    payments: dict[int, list[Payment]] = {}
    for key, doc in ws.docs("payments").items():
        payments.setdefault(int(doc["invoice_id"]), []).append(Payment.from_doc(doc, int(key)))
    rows = []
    for key, doc in ws.docs("invoices").items():
        invoice = Invoice.from_doc(doc, int(key))
        if client_id and invoice.client_id != client_id:
            continue
        if invoice.status == "void":
            due = Money.zero(invoice.currency)
        elif invoice.status == "draft":
            due = totals(invoice).total
        else:
            due = amount_due(invoice, payments.get(invoice.id or 0, []))
        shown = display_status(invoice, due, on)
        if status == "open" and invoice.status not in ("sent", "partial"):
            continue
        if status not in (None, "open") and shown != status and invoice.status != status:
            continue
        rows.append((invoice, due, shown))
    return sorted(rows, key=lambda r: (r[0].issue_date, r[0].number), reverse=True)


def full_archived_rows(
    ws: Workspace, client_id: int | None = None, status: str | None = None
) -> list[tuple[Invoice, Money, str, int]]:
    """(invoice, amount due, status, archive year) of the archived invoices ``--archived``
    lists, each built as a record and its amount due by ``invoicing.amount_due`` with every
    payment, live and archived: the status shown is the stored one (an archived invoice is
    paid or void)."""
    live = ws.docs("invoices")
    payments: dict[int, list[Payment]] = {}
    archived: dict[str, tuple[int, dict[str, Any]]] = {}
    for year in archive_years(ws.directory):
        tables = read_year(archive_path(ws.directory, year), ("invoices", "payments"))
        for key, doc in tables.get("payments", {}).items():
            if key not in ws.docs("payments"):
                payments.setdefault(int(doc["invoice_id"]), []).append(Payment.from_doc(doc, int(key)))
        archived.update({k: (year, d) for k, d in tables.get("invoices", {}).items() if k not in live})
    for key, doc in ws.docs("payments").items():
        payments.setdefault(int(doc["invoice_id"]), []).append(Payment.from_doc(doc, int(key)))
    rows = []
    for key, (year, doc) in archived.items():
        invoice = Invoice.from_doc(doc, int(key))
        if client_id is not None and invoice.client_id != client_id:
            continue
        if status is not None and invoice.status != status:
            continue
        rows.append((invoice, amount_due(invoice, payments.get(invoice.id or 0, [])), invoice.status, year))
    return sorted(rows, key=lambda r: (r[0].issue_date, r[0].number), reverse=True)


def row_of(invoice: Invoice, due: Money, shown: str, archived: int | None = None) -> InvoiceRow:
    """The list's row of an invoice record, its amount due and shown status worked out (and
    its archive year)."""
    return InvoiceRow(
        invoice.id or 0,
        invoice.number,
        invoice.label,
        invoice.client_id,
        invoice.issue_date,
        invoice.due_date,
        invoice.taxes,
        due,
        shown,
        archived,
    )
