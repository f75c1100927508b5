"""Tax lines in the books: added tax to liabilities:tax:<name>, withheld tax to
assets:tax withheld:<name>, A/R cleared at the amount due; hledger check passes and its
balances equal vatui's reports to the cent.

Runs the real hledger (tests/helpers/hledger.py): fails, never skips, without it.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from tests.helpers.hledger import run_hledger
from vatui.domain.clock import FixedClock
from vatui.domain.invoicing import settlements, totals
from vatui.domain.ledger import TaxLine
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.exchange.hledger import export_journal
from vatui.services.ledger.data import billed
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.ledger.payments import record_payment
from vatui.services.ledger.reports import aging_report, pnl_report
from vatui.store.workspace import Workspace

IVA = TaxLine(name="IVA", rate="21")
IRPF = TaxLine(name="IRPF", kind="withheld", rate="15")


def balances(journal: Path, query: str, *extra: str, cur: str | None = None) -> dict[str, int]:
    """account → minor units (one currency per account, or only ``cur``)."""
    text = run_hledger(journal, "bal", query, "--flat", "-N", "-O", "csv", *extra)
    out: dict[str, int] = {}
    for row in list(csv.reader(io.StringIO(text)))[1:]:
        for part in row[1].split(", "):
            if part.strip() and part.strip() != "0":
                number, code = part.strip().rsplit(" ", 1)
                if cur is None or code == cur:
                    out[row[0]] = Money.from_decimal(Decimal(number), code).minor
    return out


def test_withheld_and_added_lines_are_booked_apart_and_agree_with_the_reports(
    data_dir: Path, tmp_path: Path
) -> None:
    ws = Workspace.open(data_dir, FixedClock(datetime(2026, 12, 10, 9, 0, tzinfo=UTC)))
    try:
        es = add_client(ws, "Estudio Ñ", currency="EUR", default_taxes=(IVA, IRPF))
        jp = add_client(ws, "日本", currency="JPY")
        eur = lambda minor: Money(minor, "EUR")  # noqa: E731
        a = new_invoice(ws, es.id or 0, items=[ItemSpec("Work", "1", eur(100000))], on=date(2026, 10, 1))
        send_invoice(ws, a.id or 0, date(2026, 10, 1))
        record_payment(ws, a.id or 0, eur(33333), date(2026, 10, 15))  # an odd part first
        record_payment(ws, a.id or 0, eur(72667), date(2026, 11, 2))  # the rest: 1,060.00 in all
        b = new_invoice(
            ws, es.id or 0, items=[ItemSpec("Odd", "3", eur(3333))], on=date(2026, 11, 3), discount=eur(1)
        )
        send_invoice(ws, b.id or 0, date(2026, 11, 3))
        record_payment(ws, b.id or 0, eur(5000), date(2026, 11, 20))  # partly paid
        c = new_invoice(
            ws,
            jp.id or 0,
            items=[ItemSpec("Work", "1", Money(10001, "JPY"))],
            on=date(2026, 11, 5),
            taxes=[TaxLine(rate="10"), TaxLine(name="源泉", kind="withheld", rate="10.21")],
        )
        send_invoice(ws, c.id or 0, date(2026, 11, 5))
        record_payment(ws, c.id or 0, Money(10000, "JPY"), date(2026, 11, 30))  # more than due: credit
        assert totals(a).total == eur(106000)

        journal = tmp_path / "books.journal"
        journal.write_text(export_journal(ws), encoding="utf-8")
        run_hledger(journal, "check", "accounts", "commodities", "ordereddates")
        text = journal.read_text()
        assert "liabilities:tax:IVA" in text and "assets:tax withheld:IRPF" in text

        # what vatui's settlements say each tax account holds
        want: dict[str, int] = {}
        for invoice, payments in billed(ws):
            for s in settlements(invoice, payments):
                for part in s.taxes:
                    root = "assets:tax withheld" if part.line.withheld else "liabilities:tax"
                    account = f"{root}:{part.line.name}" if part.line.name else root
                    sign = 1 if part.line.withheld else -1
                    want[account] = want.get(account, 0) + sign * part.amount.minor
        got = balances(journal, "^(liabilities:tax|assets:tax withheld)")
        assert got == {k: v for k, v in want.items() if v}
        # the whole of invoice a: 210.00 IVA owed, 150.00 withheld, 1,000.00 income
        a_parts = settlements(*next((i, p) for i, p in billed(ws) if i.id == a.id))
        assert sum(s.net.minor for s in a_parts) == 100000
        assert sum(s.withheld.minor for s in a_parts) == 15000

        # the P&L's income (the base) and withheld, month by month, equal hledger's
        pnl = pnl_report(ws)
        for row in pnl:
            end = date(int(row.month[:4]) + (row.month[5:] == "12"), int(row.month[5:]) % 12 + 1, 1)
            start = f"{row.month}-01"
            span = ("-b", start, "-e", end.isoformat())
            income = balances(journal, "^income", *span, cur=row.currency)
            held = balances(journal, "^assets:tax withheld", *span, cur=row.currency)
            assert -sum(income.values()) == row.income.minor, row
            assert sum(held.values()) == row.withheld.minor, row
        # A/R clears at the amount due
        ar = balances(journal, "^assets:receivable")
        assert sorted(ar.values()) == sorted(r.total.minor for r in aging_report(ws, date(2026, 12, 10)))
    finally:
        ws.close()
