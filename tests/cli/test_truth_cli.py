"""Issue 8 item 5 on the command line: documents, cards, exports, reminders and the timer tell the truth."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.helpers.cli_inprocess import Vatui
from vatui.domain.clock import FixedClock


def acme(vatui: Vatui) -> None:
    assert vatui("client", "add", "Acme", "--currency", "EUR", "--rate", "50", "--terms", "14").code == 0


def test_invoice_documents_agree_with_json_on_what_was_paid(vatui: Vatui) -> None:
    acme(vatui)
    assert vatui("invoice", "new", "acme", "--item", "Setup", "1", "150", "--on", "2026-11-01").code == 0
    assert vatui("invoice", "send", "#1", "--on", "2026-11-01").code == 0
    assert vatui("pay", "INV-2026-0001", "100", "--on", "2026-11-02").code == 0
    assert vatui("pay", "INV-2026-0001", "100", "--on", "2026-11-03").code == 0
    paid = vatui("invoice", "show", "INV-2026-0001", "--json").json()["paid"]["amount"]
    assert paid == "150.00"
    for fmt in ("txt", "md", "html"):
        doc = vatui("invoice", "show", "INV-2026-0001", "--format", fmt).out
        assert f"-€{paid}" in doc and "-200.00" not in doc, fmt
        assert "held as your credit" in doc and "€50.00" in doc, fmt


def test_card_and_report_revenue_and_unpaid_is_not_paid_late(vatui: Vatui) -> None:
    acme(vatui)
    assert (
        vatui(
            "invoice", "new", "acme", "--item", "Work", "1", "125", "--tax", "20", "--on", "2026-10-01"
        ).code
        == 0
    )
    assert vatui("invoice", "send", "#1", "--on", "2026-10-01").code == 0
    assert vatui("pay", "INV-2026-0001", "150", "--on", "2026-10-05").code == 0
    assert vatui("invoice", "new", "acme", "--item", "More", "1", "80", "--on", "2026-10-20").code == 0
    assert vatui("invoice", "send", "#2", "--on", "2026-10-20").code == 0
    card = vatui("client", "show", "acme", "--json").json()
    report = vatui("report", "clients", "--json").json()["rows"][0]
    assert card["lifetime_revenue"] == [report["revenue"]] == [{"amount": "125.00", "currency": "EUR"}]
    reasons = card["reliability"]["reasons"]
    assert "1 of 2 invoices unpaid past their due date" in reasons
    assert not any(r.startswith("paid") and "late" in r for r in reasons), reasons


def test_csv_expenses_sum_to_the_pnl(vatui: Vatui, tmp_path: Path) -> None:
    assert (
        vatui(
            "expense",
            "add",
            "12.50",
            "--category",
            "software",
            "--on",
            "2026-09-30",
            "--every",
            "monthly",
            "--currency",
            "EUR",
        ).code
        == 0
    )
    assert vatui("export", "csv", str(tmp_path)).code == 0
    with (tmp_path / "expenses.csv").open() as f:
        total = sum(int(r["amount"].replace(".", "")) for r in csv.DictReader(f))
    pnl = vatui("report", "pnl", "--json").json()["months"]
    assert total == sum(int(m["expenses"]["amount"].replace(".", "")) for m in pnl) == 2500


def test_reminders_escalate_one_step_snooze_and_the_hold_shows(vatui: Vatui) -> None:
    acme(vatui)
    assert vatui("invoice", "new", "acme", "--item", "Old", "1", "100", "--on", "2026-08-01").code == 0
    assert vatui("invoice", "send", "#1", "--on", "2026-08-01").code == 0  # due 15 Aug
    first = vatui("remind", "INV-2026-0001", "--json").json()
    assert first["name"] == "firm" and first["pauses_work"] is False
    r = vatui("remind", "INV-2026-0001", "--snooze", "2026-12-10")
    assert r.code == 0 and "snoozed until 2026-12-10" in r.out
    assert vatui("remind", "INV-2026-0001", "--on", "2026-12-05").code == 1
    assert "snoozed" in vatui("remind", "INV-2026-0001", "--on", "2026-12-05").err
    bad = vatui("remind", "INV-2026-0001", "--snooze", "2026-11-01")
    assert bad.code == 1 and bad.err.count("\n") == 1
    final = vatui("remind", "INV-2026-0001", "--on", "2026-12-10", "--json").json()
    assert final["name"] == "final" and final["pauses_work"] is True
    today = vatui("today", "--on", "2026-12-11", "--json").json()
    items = next(s for s in today["sections"] if s["key"] == "reminders")["items"]
    assert items and "all reminders sent — client on hold" in items[0]["detail"]
    assert "all reminders sent — client on hold" in vatui("today", "--on", "2026-12-11").out
    assert "on hold: unpaid" in vatui("client", "show", "acme").out
    assert vatui("client", "show", "acme", "--json").json()["on_hold"] is True


def test_a_forgotten_timer_is_not_logged_whole(vatui: Vatui, clock: FixedClock) -> None:
    assert vatui("add", "Inbox").code == 0
    assert vatui("time", "start", "1").code == 0
    clock.advance(hours=100)
    r = vatui("time", "stop")
    assert r.code == 1 and "100 h" in r.err and "--duration" in r.err and r.err.count("\n") == 1
    assert vatui("time", "start", "1").code == 1
    assert vatui("time", "list", "--json").json()[0]["end"] is None
    assert vatui("time", "stop", "--keep").code == 1  # 100 h is more than an entry holds
    r = vatui("time", "stop", "--duration", "2h")
    assert r.code == 0 and "120 min" in r.out
    entries = vatui("time", "list", "--json").json()
    assert [e["minutes"] for e in entries] == [120]
