"""A/R aging, cash-basis P&L, revenue by client and money held, from plain records."""

from __future__ import annotations

from datetime import date

from vatui.domain.ledger import Expense, Invoice, LineItem, Payment, legacy_taxes
from vatui.domain.money import Money
from vatui.domain.reports import aging, aging_totals, by_client, held, hourly_rate, pnl


def m(minor: int, cur: str = "EUR") -> Money:
    return Money(minor, cur)


def inv(
    iid: int,
    client: int,
    minor: int,
    *,
    cur: str = "EUR",
    issue: date = date(2026, 9, 1),
    due: date = date(2026, 9, 15),
    status: str = "sent",
    kind: str = "standard",
    tax: str = "0",
    **kw: object,
) -> Invoice:
    return Invoice(
        id=iid,
        number=f"INV-2026-{iid:04d}",
        client_id=client,
        kind=kind,
        issue_date=issue,
        due_date=due,
        currency=cur,
        items=(LineItem(description="w", unit_price=m(minor, cur)),),
        taxes=legacy_taxes(tax),
        status=status,
        **kw,
    )


def p(iid: int, minor: int, on: date, cur: str = "EUR", pid: int = 0) -> Payment:
    return Payment(id=pid or iid * 100, invoice_id=iid, on=on, amount=m(minor, cur))


NAMES = {1: "Acme", 2: "Beta"}


def test_aging_per_client_and_currency_as_of_a_date() -> None:
    billed = [
        (inv(1, 1, 10000), [p(1, 4000, date(2026, 9, 20))]),
        (inv(2, 1, 5000, cur="USD", due=date(2026, 11, 30)), []),
        (inv(3, 2, 7000, due=date(2026, 6, 1)), []),
        (inv(4, 2, 9999, status="draft"), []),
        (inv(5, 2, 9999, status="void"), []),
        (inv(6, 1, 3000, issue=date(2026, 12, 1), due=date(2026, 12, 15)), []),
    ]
    rows = aging(billed, NAMES, date(2026, 10, 1))
    got = {(r.client, r.currency): {b: v.minor for b, v in r.buckets.items() if v.minor} for r in rows}
    assert got == {
        ("Acme", "EUR"): {"1-30": 6000},
        ("Acme", "USD"): {"current": 5000},
        ("Beta", "EUR"): {"90+": 7000},
    }
    # before the payment, the whole invoice was outstanding
    early = aging(billed, NAMES, date(2026, 9, 16))
    assert next(r for r in early if r.client == "Acme" and r.currency == "EUR").total == m(10000)
    totals = aging_totals(rows)
    assert totals["EUR"]["total"] == m(13000)
    assert totals["USD"]["current"] == m(5000, "USD")


def test_pnl_is_cash_basis_net_of_tax_and_deposits_are_not_income() -> None:
    billed = [
        (inv(1, 1, 10000, tax="20"), [p(1, 6000, date(2026, 9, 20)), p(1, 6000, date(2026, 10, 2))]),
        (inv(2, 1, 5000, kind="deposit"), [p(2, 5000, date(2026, 9, 3))]),
        (
            inv(3, 1, 8000, sent_on=date(2026, 10, 5), deposit_applied=m(5000)),
            [p(3, 3000, date(2026, 10, 9))],
        ),
        (inv(4, 2, 1000), [p(4, 1500, date(2026, 10, 9))]),  # 500 more than due: credit, not income
    ]
    expenses = [
        Expense(id=1, on=date(2026, 9, 5), amount=m(1200), category="software"),
        Expense(id=2, on=date(2026, 9, 5), amount=m(999), category="software", recurrence="monthly"),
    ]
    rows = {(r.month, r.currency): r for r in pnl(billed, expenses)}
    # Sep: 6000 of a 12000 invoice with 2000 tax → tax part 1000, income 5000
    assert rows[("2026-09", "EUR")].income == m(5000)
    assert rows[("2026-09", "EUR")].expenses == m(1200)
    assert rows[("2026-09", "EUR")].net == m(3800)
    # Oct: 5000 (rest of inv 1) + 5000 deposit applied + 3000 + 1000 (inv 4, without the excess)
    assert rows[("2026-10", "EUR")].income == m(14000)
    h = held(billed)
    assert h[(1, "EUR")].deposit == m(0)
    assert h[(2, "EUR")].credit == m(500)


def test_revenue_hours_and_effective_rate_by_client() -> None:
    billed = [(inv(1, 1, 10000), [p(1, 10000, date(2026, 9, 20))])]
    rows = by_client(billed, NAMES, {1: "EUR", 2: "EUR"}, {1: 240, 2: 60}, {1: 200, 2: 60}, date(2026, 10, 1))
    acme = next(r for r in rows if r.client_id == 1)
    assert (acme.revenue, acme.invoiced, acme.outstanding, acme.minutes) == (m(10000), m(10000), m(0), 240)
    assert acme.effective_rate == m(2500)
    beta = next(r for r in rows if r.client_id == 2)
    assert beta.revenue == m(0) and beta.effective_rate == m(0)


def test_hourly_rate_rounds_half_away_from_zero_exactly() -> None:
    """Revenue per hour in whole minor units, from the exact fraction (never a rounded
    60/minutes): 0.07 over 56 minutes is 0.075 an hour, so 0.08."""
    assert hourly_rate(m(7), 56) == m(8)
    assert hourly_rate(m(-7), 56) == m(-8)
    assert hourly_rate(m(10000), 240) == m(2500)
    assert hourly_rate(m(500), 0) is None
