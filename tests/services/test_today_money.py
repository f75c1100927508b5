"""Today's money sections: reminders due, deposits blocking work, payments expected, retainer burn."""

from __future__ import annotations

from datetime import date

from tests.helpers.ledger import client, eur, sent_invoice, work
from vatui.services.ledger.payments import record_payment
from vatui.services.today.money import blocked_clients, on_hold_clients, sections
from vatui.services.today.triage import triage
from vatui.store.workspace import Workspace


def by_key(ws: Workspace, on: date) -> dict[str, list[tuple[str, int | None, str, str]]]:
    return {s.key: [(i.kind, i.ref, i.title, i.level) for i in s.items] for s in sections(ws, on)}


def test_sections_in_order_and_empty_when_nothing(ws: Workspace) -> None:
    assert [s.key for s in sections(ws, date(2026, 11, 27))] == [
        "reminders",
        "deposits",
        "payments_expected",
        "retainer_burn",
    ]
    assert all(not s.items and s.empty for s in sections(ws, date(2026, 11, 27)))


def test_reminder_due_and_payment_expected(ws: Workspace) -> None:
    c = client(ws)
    late = sent_invoice(ws, c, 10000)  # due 2026-11-15
    soon = sent_invoice(ws, c, 5000, on=date(2026, 11, 16))  # due 2026-11-30
    got = by_key(ws, date(2026, 11, 27))
    assert got["reminders"][0][:3] == ("invoice", late.id, "INV-2026-0001")
    assert got["reminders"][0][3] == "alert"
    assert ("invoice", soon.id, "INV-2026-0002", "normal") in got["payments_expected"]
    assert ("invoice", soon.id, "INV-2026-0002", "warn") in got["reminders"]  # friendly, 3 days before
    record_payment(ws, late.id or 0, eur(10000), date(2026, 11, 27))
    assert [r[1] for r in by_key(ws, date(2026, 11, 27))["reminders"]] == [soon.id]


def test_deposit_blocking_work_then_paid(ws: Workspace) -> None:
    c = client(ws, deposit_percent=50)
    assert by_key(ws, date(2026, 11, 27))["deposits"] == [("client", c.id, "Acme", "alert")]
    assert blocked_clients(ws) == {c.id}
    dep = sent_invoice(ws, c, 20000, kind="deposit")
    assert by_key(ws, date(2026, 11, 27))["deposits"] == [("invoice", dep.id, dep.number, "alert")]
    record_payment(ws, dep.id or 0, eur(20000), date(2026, 11, 20))
    assert by_key(ws, date(2026, 11, 27))["deposits"] == []
    assert blocked_clients(ws) == set() and on_hold_clients(ws) == set()


def test_retainer_burn_warns_at_80_and_alerts_at_100(ws: Workspace) -> None:
    warm = client(ws, "Warm", retainer_minutes=600, retainer_fee=eur(1))
    hot = client(ws, "Hot", retainer_minutes=600, retainer_fee=eur(1))
    cool = client(ws, "Cool", retainer_minutes=600, retainer_fee=eur(1))
    work(ws, warm, "a", 480, on=date(2026, 11, 3))
    work(ws, hot, "b", 400, 200, on=date(2026, 11, 4))
    work(ws, cool, "c", 470, on=date(2026, 11, 4))
    work(ws, cool, "d", 300, on=date(2026, 10, 30))  # last month does not count
    got = by_key(ws, date(2026, 11, 27))["retainer_burn"]
    assert got == [("client", hot.id, "Hot", "alert"), ("client", warm.id, "Warm", "warn")]


def test_triage_includes_the_money_sections(ws: Workspace) -> None:
    c = client(ws)
    sent_invoice(ws, c, 10000)
    keys = [s.key for s in triage(ws, date(2026, 11, 27)).sections]
    assert {"reminders", "deposits", "payments_expected", "retainer_burn"} <= set(keys)
