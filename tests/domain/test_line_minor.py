"""``line_minor``: a line's amount from its plain values, the rule ``line_amount`` prints."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from vatui.domain.invoicing import applied_parts, line_amount, line_minor
from vatui.domain.ledger import LineItem
from vatui.domain.money import Money


def half_up(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


@given(st.integers(-(10**9), 10**9), st.integers(0, 100_000))
def test_billed_time_is_unit_times_minutes_over_sixty_rounded_half_up(unit: int, minutes: int) -> None:
    assert line_minor(unit, "0", minutes) == half_up(Decimal(unit) * minutes / 60)


@given(st.integers(-(10**9), 10**9), st.decimals("0.001", "10000", places=3))
def test_a_quantity_line_is_unit_times_quantity_rounded_half_up(unit: int, quantity: Decimal) -> None:
    assert line_minor(unit, str(quantity), None) == half_up(Decimal(unit) * quantity)
    item = LineItem(description="x", quantity=str(quantity), unit_price=Money(unit, "EUR"))
    assert line_amount(item) == Money(line_minor(unit, str(quantity), None), "EUR")


def test_payments_pay_what_is_due_and_no_more() -> None:
    assert applied_parts(10000, [3000, 3000, 6000, 500]) == [3000, 3000, 4000, 0]
    assert applied_parts(10000, []) == []
    assert applied_parts(-5, [100]) == [0]
