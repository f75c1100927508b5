"""The hledger export, checked by the real hledger: valid, and its balances equal vatui's reports.

hledger must be installed (``make test-deps`` installs Debian's package): these tests fail,
never skip, without it.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from vatui.domain.clock import FixedClock
from vatui.domain.ledger import legacy_taxes
from vatui.domain.money import Money
from vatui.domain.reports import held
from vatui.services.clients.manage import add_client
from vatui.services.common import client_names
from vatui.services.exchange.hledger import account_part, description, export_journal
from vatui.services.ledger.data import billed
from vatui.services.ledger.expenses import add_expense
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.ledger.payments import record_payment
from vatui.services.ledger.reports import aging_report, pnl_report
from vatui.store.workspace import Workspace

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def hledger(journal: Path, *args: str) -> str:
    exe = shutil.which("hledger")
    assert exe is not None, "hledger is not installed: run `make test-deps` (apt-get install hledger)"
    done = subprocess.run([exe, "-f", str(journal), *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def parse_amounts(cell: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in cell.split(", "):
        part = part.strip()
        if not part or part == "0":
            continue
        number, cur = part.rsplit(" ", 1)
        out[cur] = Money.from_decimal(Decimal(number), cur).minor
    return out


def balances(journal: Path, query: str, *extra: str) -> dict[tuple[str, str], int]:
    """(account, currency) → minor units, as hledger computes them."""
    text = hledger(journal, "bal", query, "--flat", "-N", "-O", "csv", *extra)
    out = {}
    for row in list(csv.reader(io.StringIO(text)))[1:]:
        for cur, minor in parse_amounts(row[1]).items():
            if minor:
                out[(row[0], cur)] = minor
    return out


def monthly(journal: Path, query: str) -> dict[tuple[str, str], int]:
    """(YYYY-MM, currency) → total minor units of accounts matching ``query`` per month."""
    text = hledger(journal, "bal", query, "-M", "-N", "-O", "csv", "--depth", "1")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return {}
    header = rows[0]
    out: dict[tuple[str, str], int] = {}
    for row in rows[1:]:
        for month, cell in zip(header[1:], row[1:], strict=True):
            for cur, minor in parse_amounts(cell).items():
                if minor:
                    key = (month[:7], cur)
                    out[key] = out.get(key, 0) + minor
    return out


def assert_books_agree(ws: Workspace, tmp: Path, as_of: list[date]) -> Path:
    journal = tmp / "books.journal"
    journal.write_text(export_journal(ws), encoding="utf-8")
    hledger(journal, "check", "accounts", "commodities", "ordereddates")
    names = client_names(ws)
    acct = {cid: account_part(name, cid) for cid, name in names.items()}
    for day in as_of:
        want = {
            (f"assets:receivable:{acct[r.client_id]}", r.currency): r.total.minor
            for r in aging_report(ws, day)
        }
        got = balances(journal, "^assets:receivable", "-e", (day + timedelta(days=1)).isoformat())
        assert got == want, f"A/R differs as of {day}"
    pnl = pnl_report(ws)
    income = {(r.month, r.currency): r.income.minor for r in pnl if r.income.minor}
    assert {k: -v for k, v in monthly(journal, "^income").items()} == income
    spent = {(r.month, r.currency): r.expenses.minor for r in pnl if r.expenses.minor}
    assert monthly(journal, "^expenses") == spent
    hold = held(billed(ws, keep=lambda d: d.get("status") not in ("draft", "void")))
    want_dep = {
        (f"liabilities:deposits:{acct[c]}", cur): -h.deposit.minor
        for (c, cur), h in hold.items()
        if h.deposit.minor
    }
    want_cred = {
        (f"liabilities:credit:{acct[c]}", cur): -h.credit.minor
        for (c, cur), h in hold.items()
        if h.credit.minor
    }
    assert balances(journal, "^liabilities:deposits") == want_dep
    assert balances(journal, "^liabilities:credit") == want_cred
    return journal


@pytest.fixture
def demo_ws(data_dir: Path) -> Iterator[Workspace]:
    ws = Workspace.open(data_dir, FixedClock(NOW))
    yield ws
    ws.close()


def test_small_demo_books_agree_with_hledger(demo_ws: Workspace, tmp_path: Path) -> None:
    from vatui.demo.workspace import generate

    generate(demo_ws, clients=5, seed=7)
    assert len(demo_ws.docs("invoices")) > 5
    journal = assert_books_agree(
        demo_ws, tmp_path, [date(2026, 11, 27), date(2026, 9, 30), date(2026, 6, 15)]
    )
    assert "(assets:receivable:" in journal.read_text()


@pytest.mark.slow
def test_large_demo_books_agree_with_hledger(demo_ws: Workspace, tmp_path: Path) -> None:
    from vatui.demo.workspace import generate

    generate(demo_ws, clients=40, seed=7)
    assert len(demo_ws.docs("invoices")) > 500
    assert_books_agree(demo_ws, tmp_path, [date(2026, 11, 27), date(2026, 8, 31)])


NASTY = [
    "Two  spaces  Ltd",
    "semi;colon ; comment",
    "[Brackets] & co",
    "(parens) inc",
    "a:b:c",
    "#hash tag",
    "Café Ünïcode",
    "emoji 🎉 party",
    "  lead and trail  ",
    "日本の会社",
    "pipe | payee",
    "---",
    "🎉",
    "[@click=app.quit]x",
    "{number} {0}",
]


def test_nasty_client_names_give_valid_books_that_agree(demo_ws: Workspace, tmp_path: Path) -> None:
    ws = demo_ws
    currencies = ["EUR", "JPY", "KWD", "USD"]
    for n, name in enumerate(NASTY):
        cur = currencies[n % len(currencies)]
        c = add_client(ws, name, currency=cur, terms_days=10, deposit_percent=20 if n % 5 == 0 else 0)
        cid = c.id or 0
        unit = Money.from_decimal("123.457" if cur == "KWD" else "1234" if cur == "JPY" else "99.99", cur)
        base = date(2026, 8, 1) + timedelta(days=5 * n)  # issue dates rise: numbers follow them
        if n % 5 == 0:
            dep = new_invoice(
                ws, cid, kind="deposit", items=[ItemSpec("Deposit; (20 %)", "1", unit)], on=base
            )
            send_invoice(ws, dep.id or 0, base)
            record_payment(ws, dep.id or 0, unit, base + timedelta(days=1))
        for k in range(3):
            issue = base + timedelta(days=1 + k)
            inv = new_invoice(
                ws,
                cid,
                items=[ItemSpec(f"Work | {name} ;x", "3.5", unit)],
                on=issue,
                taxes=legacy_taxes(["0", "20", "7.7"][k]),
                discount=Money(7, cur) if k == 1 else None,
            )
            send_invoice(ws, inv.id or 0, issue + timedelta(days=1))
            if k == 0:  # overpaid: the excess is credit for the next one
                record_payment(ws, inv.id or 0, unit.times(4), issue + timedelta(days=20), method="a;b")
            elif k == 1:
                record_payment(ws, inv.id or 0, unit, issue + timedelta(days=40))
        add_expense(
            ws,
            Money.from_decimal("12.5" if cur != "JPY" else "1250", cur),
            category="software",
            vendor=f"{name}; vendor",
            note="line break | pipe",
            on=date(2026, 9, 1 + n),
        )
    journal = assert_books_agree(ws, tmp_path, [date(2026, 11, 27), date(2026, 9, 15), date(2026, 8, 20)])
    text = journal.read_text()
    assert "  Ltd" not in text.replace("    ", "\t")  # no double space inside a name or description
    accounts = hledger(journal, "accounts").splitlines()
    assert len([a for a in accounts if a.startswith("assets:receivable:")]) == len(NASTY)


def test_account_part_is_safe_and_unique_by_id() -> None:
    names = ["A B", "A-B", "A  B", "A:B", "A;B", " A B ", "", "🎉", "x" * 500, "é", "e"]
    parts = [account_part(n, i + 1) for i, n in enumerate(names)]
    assert len(set(parts)) == len(parts)
    for part in parts:
        assert part and "  " not in part and not any(ch in part for ch in ":;()[]# \t\n")
        assert part.rsplit("-", 1)[1].isdigit()
    assert account_part("Café", 3) == "Cafe-3"
    assert account_part("🎉", 9) == "client-9"
    assert description("a;b|c\nd\x1b[31m").count(";") == 0
    assert "\n" not in description("a\nb") and "|" not in description("a|b")
