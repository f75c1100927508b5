"""The one number parser: every format, one reading or a refusal naming both (issue 8)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatui.domain.amounts import amount_input, parse_amount
from vatui.domain.errors import ParseError
from vatui.domain.invoicing import check_quantity, check_tax_percent, read_quantity, read_tax_percent
from vatui.domain.money import Money, decimals_of
from vatui.domain.numbers import COMMA, FORMATS, POINT, SPACE, number_format, parse_decimal, write

HUNDRED = Decimal(100)


def test_number_format_of_the_setting() -> None:
    assert number_format(False) is POINT
    assert number_format(True) is COMMA
    assert number_format(SPACE) is SPACE
    assert [f.example for f in FORMATS] == ["1,234.56", "1.234,56", "1 234,56"]


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("7.5", POINT, "7.5"),
        ("7,5", COMMA, "7.5"),
        ("7,5", SPACE, "7.5"),
        ("12.50", POINT, "12.5"),
        ("1 234,5", SPACE, "1234.5"),
        ("0", POINT, "0"),
        ("+3", POINT, "3"),
        ("100", POINT, "100"),
    ],
)
def test_parse_decimal_reads_the_workspace_format(text: str, fmt: object, expected: str) -> None:
    assert parse_decimal(text, fmt, places=4, maximum=Decimal(10**6), what="x") == Decimal(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "fmt", "fragment"),
    [
        ("1e2", POINT, "not a number"),
        ("nan", POINT, "not a number"),
        ("inf", POINT, "not a number"),
        ("Infinity", COMMA, "not a number"),
        ("-5", POINT, "negative"),
        ("\u22125", POINT, "negative"),
        ("", POINT, "no number"),
        ("0x10", POINT, "not a number"),
        ("\u0663", POINT, "not a number"),
        ("7,5", POINT, "write 7.5"),
        ("7.5", COMMA, "write 7,5"),
        ("1.234,5", POINT, "not a number like 1,234.56"),
        ("12,5", POINT, "write 12.5"),
        ("1.500", COMMA, "too large"),
        ("1.23456", POINT, "more than 4 decimals"),
    ],
)
def test_parse_decimal_refuses(text: str, fmt: object, fragment: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_decimal(text, fmt, places=4, maximum=HUNDRED, what="a rate")  # type: ignore[arg-type]
    assert fragment in str(err.value)


def test_a_number_readable_two_ways_names_both() -> None:
    with pytest.raises(ParseError) as err:
        parse_decimal("1.500", POINT, places=6, maximum=Decimal(10**9), what="a quantity")
    assert "could be 1.5 or 1500" in str(err.value)
    with pytest.raises(ParseError) as err:
        parse_decimal("1.125", POINT, places=6, maximum=Decimal(10**9), what="a quantity")
    assert "1.1250" in str(err.value) and "1125" in str(err.value)
    assert parse_decimal("1.1250", POINT, places=6, maximum=Decimal(10**9), what="q") == Decimal("1.125")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("1e2", "not a number"),
        ("NaN", "not a number"),
        ("inf", "not a number"),
        ("-1", "negative"),
        ("100.5", "at most 100"),
        ("1E+2", "not a number"),
    ],
)
def test_tax_rates_are_plain_percentages(text: str, fragment: str) -> None:
    with pytest.raises(ParseError, match=fragment):
        read_tax_percent(text)


def test_tax_rates_and_quantities_in_each_format() -> None:
    assert read_tax_percent("21 %") == "21"
    assert read_tax_percent("7,5", True) == "7.5"
    assert read_tax_percent("12.500") == "12.5"  # 12500 % cannot be a tax rate
    assert read_quantity("1,5", True) == "1.5"
    with pytest.raises(ParseError, match="1500"):
        read_quantity("1.500")
    for bad in ("1e2", "NaN", "Infinity", "-1", " 1_0"):
        with pytest.raises(Exception, match="not a"):
            check_tax_percent(bad)
        with pytest.raises(Exception, match="not a"):
            check_quantity(bad)


money = st.builds(
    lambda minor, cur: Money(minor, cur),
    st.integers(min_value=-(10**17), max_value=10**17),
    st.sampled_from(["EUR", "JPY", "KWD", "BHD", "USD", "COP", "CLP"]),
)


@given(m=money, fmt=st.sampled_from(FORMATS))
def test_amount_input_parses_back_in_every_format(m: Money, fmt: object) -> None:
    bound = 10 ** (15 + decimals_of(m.currency))
    if abs(m.minor) >= bound:
        return
    assert parse_amount(amount_input(m, fmt), m.currency, fmt, allow_negative=True) == m  # type: ignore[arg-type]


@given(value=st.decimals(min_value=0, max_value=10**6, places=4), fmt=st.sampled_from(FORMATS))
def test_written_numbers_parse_back(value: Decimal, fmt: object) -> None:
    text = write(value, fmt)  # type: ignore[arg-type]
    assert parse_decimal(text, fmt, places=4, maximum=Decimal(10**6), what="x") == value  # type: ignore[arg-type]


def test_a_quantity_read_two_ways_is_shown_as_typed() -> None:
    from vatui.domain.invoicing import read_quantity

    with pytest.raises(ParseError) as err:
        read_quantity("1.333")
    assert str(err.value) == "'1.333' could be 1.333 or 1333: write 1.3330 or 1333"
