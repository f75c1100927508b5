"""A client credit is booked when it is applied, never before it existed: cash P&L and hledger agree.

Runs the real hledger (tests/helpers/hledger.py): fails, never skips, without it.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from tests.helpers.hledger import run_hledger, running_balances
from vatui.domain.clock import FixedClock
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.exchange.hledger import export_journal
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.ledger.payments import record_payment
from vatui.services.ledger.reports import pnl_report
from vatui.store.workspace import Workspace


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def monthly_income(journal: Path) -> dict[tuple[str, str], int]:
    text = run_hledger(journal, "bal", "^income", "-M", "-N", "-O", "csv", "--depth", "1")
    rows = list(csv.reader(io.StringIO(text)))
    out: dict[tuple[str, str], int] = {}
    for row in rows[1:]:
        for month, cell in zip(rows[0][1:], row[1:], strict=True):
            for part in cell.split(", "):
                if part.strip() and part.strip() != "0":
                    number, cur = part.strip().rsplit(" ", 1)
                    key = (month[:7], cur)
                    out[key] = out.get(key, 0) - Money.from_decimal(Decimal(number), cur).minor
    return {k: v for k, v in out.items() if v}


def check_books(ws: Workspace, tmp: Path) -> Path:
    journal = tmp / "books.journal"
    journal.write_text(export_journal(ws), encoding="utf-8")
    run_hledger(journal, "check", "accounts", "commodities", "ordereddates")
    for account, steps in running_balances(journal, "^liabilities:credit").items():
        assert all(total <= 0 for _day, total in steps), f"{account} goes negative: {steps}"
    for account, steps in running_balances(journal, "^liabilities:deposits").items():
        assert all(total <= 0 for _day, total in steps), f"{account} goes negative: {steps}"
    want = {(r.month, r.currency): r.income.minor for r in pnl_report(ws) if r.income.minor}
    assert monthly_income(journal) == want
    return journal


def test_a_late_credit_on_a_back_dated_invoice_keeps_october_and_the_credit_account(
    data_dir: Path, tmp_path: Path
) -> None:
    ws = Workspace.open(data_dir, FixedClock(datetime(2026, 12, 10, 9, 0, tzinfo=UTC)))
    try:
        c = add_client(ws, "Acme", currency="EUR", terms_days=14)
        cid = c.id or 0
        # last November's invoice, paid late (numbers follow dates within a year: October 2026 is free)
        nov = new_invoice(ws, cid, items=[ItemSpec("November", "1", eur(10000))], on=date(2025, 11, 20))
        send_invoice(ws, nov.id or 0, date(2025, 11, 20))
        record_payment(ws, nov.id or 0, eur(15000), date(2026, 12, 5))  # 50.00 credit from 5 Dec
        october = new_invoice(ws, cid, items=[ItemSpec("October", "1", eur(4000))], on=date(2026, 10, 15))
        send_invoice(ws, october.id or 0, date(2026, 10, 15))  # back-dated, paid by credit
        assert [r.month for r in pnl_report(ws)] == ["2026-12"]
        check_books(ws, tmp_path)
    finally:
        ws.close()


def test_demo_books_never_hold_a_negative_credit_or_deposit(data_dir: Path, tmp_path: Path) -> None:
    from vatui.demo.workspace import generate

    ws = Workspace.open(data_dir, FixedClock(datetime(2026, 11, 27, 9, 30, tzinfo=UTC)))
    try:
        generate(ws, clients=6, seed=11)
        check_books(ws, tmp_path)
    finally:
        ws.close()


def test_credit_partly_held_since_march_and_topped_up_in_november(data_dir: Path, tmp_path: Path) -> None:
    ws = Workspace.open(data_dir, FixedClock(datetime(2026, 11, 27, 9, 30, tzinfo=UTC)))
    try:
        c = add_client(ws, "Acme", currency="EUR", terms_days=14)
        cid = c.id or 0

        def invoice(label: str, minor: int, day: date) -> int:
            inv = new_invoice(ws, cid, items=[ItemSpec(label, "1", eur(minor))], on=day)
            send_invoice(ws, inv.id or 0, day)
            return inv.id or 0

        january = invoice("January", 1000, date(2026, 1, 5))
        march = invoice("March", 10000, date(2026, 3, 1))
        record_payment(ws, march, eur(15000), date(2026, 3, 10))
        record_payment(ws, january, eur(2000), date(2026, 11, 20))
        invoice("October", 4000, date(2026, 10, 15))
        invoice("Also October", 3000, date(2026, 10, 20))
        months = {r.month: r.income.minor for r in pnl_report(ws)}
        assert months == {"2026-03": 10000, "2026-10": 4000, "2026-11": 1000 + 2000}
        check_books(ws, tmp_path)
    finally:
        ws.close()
