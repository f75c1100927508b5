"""Invoice rules: numbers, rounding, totals, settlements, status, aging and late fees."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatui.domain.errors import InputError
from vatui.domain.invoice_numbers import format_number, next_number, order_conflict, parse_number
from vatui.domain.invoicing import (
    aging_bucket,
    amount_due,
    check_quantity,
    check_tax_percent,
    display_status,
    hours_text,
    late_fee,
    line_amount,
    round_minutes,
    settlements,
    status_after,
    totals,
)
from vatui.domain.ledger import Invoice, LineItem, Payment, legacy_taxes
from vatui.domain.money import Money

D = date(2026, 11, 1)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def invoice(
    *items: LineItem, tax: str = "0", discount: Money | None = None, status: str = "sent", **kw: object
) -> Invoice:
    return Invoice(
        id=1,
        number="INV-2026-0001",
        client_id=1,
        issue_date=D,
        due_date=date(2026, 11, 15),
        currency="EUR",
        items=items,
        taxes=legacy_taxes(tax),
        discount=discount,
        status=status,
        **kw,
    )


def pay(minor: int, on: date = date(2026, 11, 10), pid: int = 1) -> Payment:
    return Payment(id=pid, invoice_id=1, on=on, amount=eur(minor))


def test_numbers_format_parse_and_next_is_gapless_per_year() -> None:
    assert format_number(2026, 7) == "INV-2026-0007"
    assert format_number(2026, 12345) == "INV-2026-12345"
    assert parse_number("inv-2026-0007") == (2026, 7)
    assert parse_number("INV-26-7") is None
    assert parse_number("hello") is None
    used = ["INV-2026-0001", "INV-2026-0002", "INV-2025-0009"]
    assert next_number(used, 2026) == "INV-2026-0003"
    assert next_number(used, 2025) == "INV-2025-0010"
    assert next_number(used, 2027) == "INV-2027-0001"


def test_minutes_round_up_per_step() -> None:
    assert round_minutes(61, 15) == 75
    assert round_minutes(60, 15) == 60
    assert round_minutes(1, 15) == 15
    assert round_minutes(61, 0) == 61
    assert hours_text(90) == "1.5"
    assert hours_text(120) == "2"
    assert hours_text(20) == "0.33"


def test_time_line_is_exact_from_minutes_half_up() -> None:
    # 20 minutes at 50.00/h = 16.666… → 16.67; 1 minute at 0.30/h = 0.005 → 0.01 (half up)
    assert line_amount(LineItem(description="x", quantity="0.33", unit_price=eur(5000), minutes=20)) == eur(
        1667
    )
    assert line_amount(LineItem(description="x", quantity="0.02", unit_price=eur(30), minutes=1)) == eur(1)
    assert line_amount(LineItem(description="x", quantity="1.5", unit_price=eur(3333))) == eur(5000)  # 49.995


def test_tax_is_rounded_once_per_invoice_half_up() -> None:
    # three lines of 0.10 with 5 % tax: per-line tax would be 3 × 0.005 → 0.03 (or 0.00); once: 0.015 → 0.02
    lines = [LineItem(description=f"l{i}", unit_price=eur(10)) for i in range(3)]
    t = totals(invoice(*lines, tax="5"))
    assert (t.subtotal, t.added, t.total) == (eur(30), eur(2), eur(32))


def test_discount_comes_off_before_tax() -> None:
    t = totals(
        invoice(LineItem(description="a", quantity="2", unit_price=eur(10000)), tax="20", discount=eur(5000))
    )
    assert (t.subtotal, t.discount, t.added, t.total) == (eur(20000), eur(5000), eur(3000), eur(18000))


def test_partial_payments_then_paid_and_overpayment_is_excess() -> None:
    inv = invoice(LineItem(description="a", unit_price=eur(10000)))
    assert status_after(inv, []) == "sent"
    assert status_after(inv, [pay(4000)]) == "partial"
    assert amount_due(inv, [pay(4000)]) == eur(6000)
    over = [pay(4000), pay(9000, date(2026, 11, 20), 2)]
    assert status_after(inv, over) == "paid"
    parts = settlements(inv, over)
    assert [s.applied for s in parts] == [eur(4000), eur(6000)]
    assert parts[1].excess == eur(3000)
    assert amount_due(inv, over, on=date(2026, 11, 12)) == eur(6000)


def test_credit_and_deposit_applied_settle_first_on_the_day_sent() -> None:
    inv = invoice(
        LineItem(description="a", unit_price=eur(10000)),
        sent_on=date(2026, 11, 3),
        deposit_applied=eur(3000),
        credit_applied=eur(1000),
    )
    parts = settlements(inv, [pay(6000)])
    assert [(s.source, s.on, s.applied) for s in parts] == [
        ("deposit", date(2026, 11, 3), eur(3000)),
        ("credit", date(2026, 11, 3), eur(1000)),
        ("payment", date(2026, 11, 10), eur(6000)),
    ]
    assert amount_due(inv, [pay(6000)]) == eur(0)


@given(
    st.lists(st.integers(min_value=1, max_value=50_000), min_size=1, max_size=8),
    st.integers(min_value=1, max_value=500_000),
    st.sampled_from(["0", "5", "7.7", "19", "20", "21"]),
)
def test_tax_parts_of_settlements_always_add_up_to_the_tax(amounts: list[int], price: int, tax: str) -> None:
    inv = invoice(LineItem(description="a", unit_price=eur(price)), tax=tax)
    t = totals(inv)
    pays = [pay(a, date(2026, 11, 2 + i), i + 1) for i, a in enumerate(amounts)]
    parts = settlements(inv, pays, t)
    paid = sum(s.applied.minor for s in parts)
    assert paid == min(sum(amounts), t.total.minor)
    assert sum(s.excess.minor for s in parts) == max(sum(amounts) - t.total.minor, 0)
    if paid == t.total.minor:
        assert sum(s.added.minor for s in parts) == t.added.minor
    assert all(s.added.minor >= 0 and s.net.minor >= 0 for s in parts)


def test_aging_buckets_edges() -> None:
    due = date(2026, 11, 1)
    assert aging_bucket(due, due) == "current"
    assert aging_bucket(due, date(2026, 10, 1)) == "current"
    assert aging_bucket(due, date(2026, 11, 2)) == "1-30"
    assert aging_bucket(due, date(2026, 12, 1)) == "1-30"
    assert aging_bucket(due, date(2026, 12, 2)) == "31-60"
    assert aging_bucket(due, date(2026, 12, 31)) == "31-60"
    assert aging_bucket(due, date(2027, 1, 1)) == "61-90"
    assert aging_bucket(due, date(2027, 1, 30)) == "61-90"
    assert aging_bucket(due, date(2027, 1, 31)) == "90+"


def test_overdue_is_derived() -> None:
    inv = invoice(LineItem(description="a", unit_price=eur(100)))
    assert display_status(inv, eur(100), date(2026, 11, 15)) == "sent"
    assert display_status(inv, eur(100), date(2026, 11, 16)) == "overdue"
    assert display_status(inv.with_(status="paid"), eur(0), date(2026, 12, 16)) == "paid"
    assert display_status(inv.with_(status="draft"), eur(100), date(2026, 12, 16)) == "draft"


def test_late_fee_only_after_the_grace_and_never_zero() -> None:
    due = date(2026, 11, 1)
    assert late_fee(eur(10000), due, date(2026, 11, 8), "2", 7) is None
    assert late_fee(eur(10000), due, date(2026, 11, 9), "2", 7) == eur(200)
    assert late_fee(eur(10000), due, date(2026, 12, 9), None, 7) is None
    assert late_fee(eur(0), due, date(2026, 12, 9), "2", 7) is None
    assert late_fee(eur(1), due, date(2026, 12, 9), "2", 7) is None


@pytest.mark.parametrize("bad", ["0", "-1", "abc", "nan", "inf", "1e99", "0.0000001", ""])
def test_bad_quantities_are_refused(bad: str) -> None:
    with pytest.raises(InputError):
        check_quantity(bad)


def test_quantities_and_tax_rates_are_canonical() -> None:
    assert check_quantity("1.50") == "1.5"
    assert check_quantity("2") == "2"
    assert check_tax_percent("20%") == "20"
    assert check_tax_percent("7.50") == "7.5"
    for bad in ("-1", "101", "x", "nan"):
        with pytest.raises(InputError):
            check_tax_percent(bad)


def test_numbers_follow_issue_dates() -> None:
    year = [(1, date(2026, 3, 1), "INV-2026-0001"), (2, date(2026, 3, 10), "INV-2026-0002")]
    assert order_conflict(3, date(2026, 3, 10), year) is None  # the same day is in order
    assert order_conflict(3, date(2026, 3, 9), year) == ("INV-2026-0002", date(2026, 3, 10))
    assert order_conflict(3, date(2026, 2, 1), year) == ("INV-2026-0002", date(2026, 3, 10))  # the latest
    # a number kept by an old draft sits between: no lower one later, no higher one earlier
    assert order_conflict(2, date(2026, 3, 5), [year[0], (3, date(2026, 3, 4), "INV-2026-0003")]) == (
        "INV-2026-0003",
        date(2026, 3, 4),
    )
    assert order_conflict(1, date(2026, 1, 1), []) is None
