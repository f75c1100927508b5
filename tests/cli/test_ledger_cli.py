"""The ledger on the command line: the issue's "done when" as a script, JSON shapes, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli_inprocess import Vatui


def setup_client(vatui: Vatui) -> None:
    assert (
        vatui("client", "add", "Acme [/] Ltd", "--currency", "EUR", "--rate", "50", "--terms", "14").code == 0
    )
    assert vatui("add", "Newsletter @acme").code == 0
    assert vatui("time", "add", "1", "1h10m", "--on", "2026-11-20").code == 0


def test_invoice_send_pay_overdue_remind_aging(vatui: Vatui) -> None:
    setup_client(vatui)
    r = vatui("invoice", "new", "acme", "--unbilled", "--json")
    assert r.code == 0, r.err
    inv = r.json()
    assert inv["number"] == "" and inv["status"] == "draft"  # numbered when sent
    assert inv["total"] == {"amount": "62.50", "currency": "EUR"}  # 70 min → 75 at 50.00/h
    assert inv["items"][0]["minutes"] == 75
    assert vatui("invoice", "send", "#1").code == 0
    r = vatui("pay", "INV-2026-0001", "20", "--method", "bank", "--json")
    assert r.code == 0 and r.json()["invoice_status"] == "partial"
    assert r.json()["amount_due"] == {"amount": "42.50", "currency": "EUR"}
    rows = vatui("invoice", "list", "--on", "2026-12-20", "--json").json()["invoices"]
    assert rows[0]["overdue"] is True and rows[0]["days_overdue"] == 9
    assert "overdue" in vatui("invoice", "list", "--on", "2026-12-20").out
    today = vatui("today", "--on", "2026-12-20", "--json").json()
    reminders = next(s for s in today["sections"] if s["key"] == "reminders")
    assert reminders["items"][0]["title"] == "INV-2026-0001"
    r = vatui("remind", "INV-2026-0001", "--on", "2026-12-20", "--dry-run")
    assert r.code == 0 and "9 days overdue" in r.out and "logged" not in r.out
    r = vatui("remind", "INV-2026-0001", "--on", "2026-12-20")
    assert r.code == 0 and "Acme [/] Ltd" in r.out and "logged step" in r.out
    again = vatui("remind", "INV-2026-0001", "--on", "2026-12-20")
    assert again.code == 1 and "already sent" in again.err
    aging = vatui("report", "aging", "--on", "2026-12-20", "--json").json()
    assert aging["rows"][0]["buckets"]["1-30"] == {"amount": "42.50", "currency": "EUR"}
    assert aging["totals"]["EUR"]["total"] == {"amount": "42.50", "currency": "EUR"}
    assert "42.50" in vatui("report", "aging", "--on", "2026-12-20").out
    pnl = vatui("report", "pnl", "--json").json()
    assert pnl["months"] == [
        {
            "month": "2026-11",
            "currency": "EUR",
            "income": {"amount": "20.00", "currency": "EUR"},
            "expenses": {"amount": "0.00", "currency": "EUR"},
            "net": {"amount": "20.00", "currency": "EUR"},
            "withheld": {"amount": "0.00", "currency": "EUR"},
        }
    ]
    clients = vatui("report", "clients", "--json").json()["rows"]
    assert clients[0]["minutes"] == 70 and clients[0]["effective_rate"] == {
        "amount": "17.14",
        "currency": "EUR",
    }


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("pay", "INV-2026-0009", "10"), "no invoice"),
        (("pay", "INV-2026-0001", "10.001"), "decimals"),
        (("pay", "INV-2026-0001", "ten"), "not an amount"),
        (("pay", "INV-2026-0001", "--", "-5"), "negative"),
        (("pay", "INV-2026-0001", "10 USD"), "EUR"),
        (("pay", "#2", "10"), "draft"),
        (("invoice", "send", "nope"), "not an invoice number"),
        (("invoice", "new", "acme", "--item", "x", "0", "5"), "quantity"),
        (("invoice", "new", "acme", "--item", "x", "1", "5", "--tax", "200"), "tax"),
        (("invoice", "new", "nobody"), "no client"),
        (("expense", "add", "12", "--category", "yachts"), "category"),
        (("expense", "add", "12.345", "--category", "software", "--currency", "EUR"), "decimals"),
    ],
)
def test_bad_input_exits_1_with_one_line_and_saves_nothing(
    vatui: Vatui, args: tuple[str, ...], reason: str
) -> None:
    setup_client(vatui)
    assert vatui("invoice", "new", "acme", "--item", "Setup", "1", "100").code == 0
    assert vatui("invoice", "send", "#1").code == 0
    assert vatui("invoice", "new", "acme", "--item", "More", "1", "100").code == 0
    before = vatui("export", "json").out
    r = vatui(*args)
    assert r.code == 1, (r.out, r.err)
    assert reason in r.err and r.err.count("\n") == 1
    assert vatui("export", "json").out == before


def test_void_paying_void_and_documents(vatui: Vatui, tmp_path: Path) -> None:
    setup_client(vatui)
    assert vatui("invoice", "new", "acme", "--item", "Setup <b>", "2", "100", "--tax", "20").code == 0
    assert vatui("invoice", "send", "#1").code == 0
    html = tmp_path / "inv.html"
    assert vatui("invoice", "show", "INV-2026-0001", "--format", "html", "-o", str(html)).code == 0
    page = html.read_text()
    assert "Setup &lt;b&gt;" in page and "€240.00" in page and "Acme [/] Ltd" in page
    md = vatui("invoice", "show", "INV-2026-0001", "--format", "md").out
    assert "Acme \\[/\\] Ltd" in md and "| Total | €240.00 |" in md
    assert "Amount due" in vatui("invoice", "show", "INV-2026-0001").out
    assert vatui("invoice", "void", "INV-2026-0001").code == 0
    r = vatui("pay", "INV-2026-0001", "10")
    assert r.code == 1 and "void" in r.err
    assert (
        vatui("invoice", "list", "--status", "void", "--json").json()["invoices"][0]["number"]
        == "INV-2026-0001"
    )
    again = vatui("invoice", "new", "acme", "--json").json()
    assert vatui("invoice", "send", f"#{again['id']}", "--json").json()["number"] == "INV-2026-0002"


def test_expenses_and_exports(vatui: Vatui, tmp_path: Path) -> None:
    setup_client(vatui)
    r = vatui(
        "expense",
        "add",
        "12.50",
        "--category",
        "software",
        "--vendor",
        "=cmd|' /C calc'!A0",
        "--on",
        "2026-09-30",
        "--every",
        "monthly",
        "--currency",
        "EUR",
        "--json",
    )
    assert r.code == 0 and r.json()["recurrence"] == "monthly"
    listed = vatui("expense", "list", "--json").json()["expenses"]
    assert [e["date"] for e in listed] == ["2026-10-30", "2026-09-30"]
    assert len(vatui("expense", "list", "--recurring", "--json").json()["expenses"]) == 1
    journal = tmp_path / "books.journal"
    assert vatui("export", "hledger", "-o", str(journal)).code == 0
    assert "expenses:software" in journal.read_text()
    assert vatui("export", "csv", str(tmp_path / "csv")).code == 0
    expenses_csv = (tmp_path / "csv" / "expenses.csv").read_text()
    assert "'=cmd" in expenses_csv
    assert {p.name for p in (tmp_path / "csv").iterdir()} == {
        "invoices.csv",
        "invoice_lines.csv",
        "payments.csv",
        "expenses.csv",
        "expense_templates.csv",
        "time.csv",
        "clients.csv",
    }
