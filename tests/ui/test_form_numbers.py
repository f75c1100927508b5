"""Whole numbers typed in the client form (terms, deposit, grace, cadence): ASCII digits
only; a superscript two used to pass ``str.isdigit`` and then crash ``int()``."""

from __future__ import annotations

import pytest

from vatui.domain.errors import InputError
from vatui.ui.modals.client_form import _whole


@pytest.mark.parametrize("text", ["²", "٣", "1e2", "-1", "1.5", "１２"])
def test_only_ascii_whole_numbers(text: str) -> None:
    with pytest.raises(InputError, match="whole number"):
        _whole(text, 0, 3650, "terms")


def test_whole_numbers_in_range() -> None:
    assert _whole(" 14 ", 0, 3650, "terms") == 14
    assert _whole("30 %", 0, 100, "the deposit") == 30
    assert _whole("", 0, 100, "the deposit") is None
    with pytest.raises(InputError, match="between"):
        _whole("101", 0, 100, "the deposit")


def test_the_payment_form_reads_amounts_and_dates_through_the_one_parser() -> None:
    from datetime import date

    from vatui.domain.errors import VatuiError
    from vatui.domain.money import Money
    from vatui.ui.modals.payment import check

    today = date(2026, 11, 27)
    with pytest.raises(VatuiError, match=r"could be 750\.00 or 750000"):
        check("750.000", "today", "USD", today, False)
    with pytest.raises(VatuiError, match="more than a year ahead"):
        check("10", "+2y", "USD", today, False)
    with pytest.raises(VatuiError, match="out of range"):
        check("10", "9999-12-17", "USD", today, False)
    assert check("750.000", "today", "COP", today, True) == (Money(75000000, "COP"), today)


def test_forms_prefill_amounts_the_way_they_parse_back() -> None:
    from vatui.domain.amounts import amount_input, parse_amount
    from vatui.domain.money import Money

    for money in (Money(8500, "USD"), Money(1500, "BHD"), Money(1500, "JPY"), Money(75000000, "COP")):
        for comma in (False, True):
            assert parse_amount(amount_input(money, comma), money.currency, comma) == money
    assert amount_input(Money(8550, "EUR"), True) == "85,50"
