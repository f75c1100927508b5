"""The money reports read plain invoices straight from their documents: same figures as the full rules.

``vatui.services.ledger.books`` summarises an invoice of the plain shape (no tax line, no
deposit or credit applied) without building it; every other shape goes through the
records. Each report here is compared with the reference: every issued invoice built as
a record with its payments and read by the domain's rules (``reports.aging``, ``pnl``,
``by_client`` on ``billed``), live and archived, on several days.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from vatui.domain import reports
from vatui.domain.clock import FixedClock
from vatui.domain.invoicing import totals
from vatui.domain.ledger import Expense, Invoice, TaxLine
from vatui.domain.money import Money
from vatui.services import queries
from vatui.services.clients.manage import add_client
from vatui.services.common import client_names
from vatui.services.ledger.books import plain_total, summaries
from vatui.services.ledger.data import all_docs, billed, minutes_by_client
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.ledger.payments import record_payment
from vatui.services.ledger.reports import aging_report, clients_report, pnl_report
from vatui.store.archive import archive_old
from vatui.store.workspace import Workspace

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
DAYS = [date(2026, 11, 27), date(2026, 6, 15), date(2025, 12, 31), date(2025, 3, 1), date(2024, 1, 10)]


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def _issued(doc: dict[str, Any]) -> bool:
    return doc.get("status") not in ("draft", "void")


def _every_shape(ws: Workspace) -> None:
    """Invoices of every shape the fast path must leave to the full rules, or get right."""
    iva = TaxLine(name="IVA", rate="21")
    irpf = TaxLine(name="IRPF", kind="withheld", rate="15")
    es = add_client(ws, "Estudio Ñ", currency="EUR", default_taxes=(iva, irpf)).id or 0
    plain = add_client(ws, "Plain Co", currency="EUR").id or 0
    taxed = new_invoice(ws, es, items=[ItemSpec("Work", "1", eur(100000))], on=date(2026, 11, 23))
    send_invoice(ws, taxed.id or 0, date(2026, 11, 23))
    record_payment(ws, taxed.id or 0, eur(33333), date(2026, 11, 24))
    # a discount, an odd quantity, an overpayment (the client's credit), then a payment
    # dated after today (a year ahead is allowed) on another
    odd = new_invoice(
        ws, plain, items=[ItemSpec("Odd", "3.333", eur(3333))], on=date(2026, 11, 24), discount=eur(7)
    )
    send_invoice(ws, odd.id or 0, date(2026, 11, 24))
    record_payment(ws, odd.id or 0, eur(20000), date(2026, 11, 25))
    later = new_invoice(ws, plain, items=[ItemSpec("Later", "2", eur(5000))], on=date(2026, 11, 25))
    send_invoice(ws, later.id or 0, date(2026, 11, 25))  # the credit pays part of it
    record_payment(ws, later.id or 0, eur(1500), date(2027, 1, 15))
    deposit = new_invoice(
        ws, es, kind="deposit", items=[ItemSpec("Deposit", "1", eur(9000))], on=date(2026, 11, 26)
    )
    send_invoice(ws, deposit.id or 0, date(2026, 11, 26))
    record_payment(ws, deposit.id or 0, eur(9000), date(2026, 11, 26))
    applied = new_invoice(
        ws, es, items=[ItemSpec("After the deposit", "1", eur(12000))], on=date(2026, 11, 27)
    )
    send_invoice(ws, applied.id or 0, date(2026, 11, 27))


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A demo with three years of history, archived as after its first open, with invoices
    of every shape (made once: the tests only read it)."""
    from vatui.demo.workspace import generate

    ws = Workspace.open(tmp_path_factory.mktemp("books"), FixedClock(NOW))
    generate(ws, clients=11, seed=7)  # three years of history (LONG_HISTORY_FROM)
    _every_shape(ws)
    archive_old(ws, NOW.date())
    assert any(d.get("taxes") for d in ws.docs("invoices").values())
    assert all_docs(ws, "invoices").keys() - ws.docs("invoices").keys(), "nothing was archived"
    yield ws
    ws.close()


def _reference(ws: Workspace) -> list[reports.Billed]:
    return billed(ws, keep=_issued)


def test_plain_totals_are_the_invoices_totals_and_other_shapes_are_left_to_the_rules(
    books: Workspace,
) -> None:
    plain = 0
    for key, doc in all_docs(books, "invoices").items():
        total = plain_total(doc)
        invoice = Invoice.from_doc(doc, int(key))
        if total is None:
            assert invoice.taxes or invoice.deposit_applied or invoice.credit_applied, key
        else:
            plain += 1
            assert total == totals(invoice).total.minor, key
    assert plain > 20


def test_every_summary_equals_the_full_rules(books: Workspace) -> None:
    want = sorted(reports.summarise(_reference(books)), key=repr)
    assert sorted(summaries(books), key=repr) == want


@pytest.mark.parametrize("day", DAYS)
def test_aging_is_the_full_rules_aging(books: Workspace, day: date) -> None:
    want = reports.aging(_reference(books), client_names(books), day)
    assert aging_report(books, day) == want
    if day == DAYS[0]:
        assert any(r.client == "Plain Co" for r in want)  # paid after today: still owed today


def test_pnl_is_the_full_rules_pnl(books: Workspace) -> None:
    expenses = [Expense.from_doc(d, int(k)) for k, d in books.docs("expenses").items()]
    want = reports.pnl(_reference(books), expenses)
    assert pnl_report(books) == want
    assert pnl_report(books, date(2025, 1, 1), date(2026, 6, 30)) == reports.pnl(
        _reference(books), expenses, date(2025, 1, 1), date(2026, 6, 30)
    )
    assert any(r.withheld.minor for r in want)


@pytest.mark.parametrize("day", DAYS[:3])
def test_clients_report_is_the_full_rules_report(books: Workspace, day: date) -> None:
    currency_of = {int(k): str(d.get("currency", "USD")) for k, d in books.docs("clients").items()}
    every, billable = minutes_by_client(books)
    want = reports.by_client(_reference(books), client_names(books), currency_of, every, billable, day)
    assert clients_report(books, day) == want


def test_aging_as_of_a_past_day_reads_no_archive_of_a_later_year(
    books: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    original = queries.read_year

    def spy(path: Path, tables: tuple[str, ...] | None = None) -> Any:
        read.append(path.stem)
        return original(path, tables)

    monkeypatch.setattr(queries, "read_year", spy)
    aging_report(books, date(2024, 12, 31))
    assert read and max(read) <= "2024"
    read.clear()
    aging_report(books, NOW.date())
    assert "2025" in read


def test_what_each_invoice_owes_is_its_amount_due(books: Workspace) -> None:
    from vatui.domain.invoicing import amount_due

    owed = {s.invoice_id: s.outstanding() for s in summaries(books)}
    for invoice, payments in _reference(books):
        assert owed[invoice.id] == amount_due(invoice, payments).minor, invoice.label
    assert any(owed.values())
