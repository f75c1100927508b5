"""parse_amount: exact, one format at a time, refusing rather than guessing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatui.domain.amounts import MAX_WHOLE_DIGITS, parse_amount
from vatui.domain.errors import InputError, ParseError
from vatui.domain.money import Money, decimals_of


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [
        ("1234.5", "EUR", Money(123450, "EUR")),
        ("1,234.50", "EUR", Money(123450, "EUR")),
        ("1,234,567.89", "USD", Money(123456789, "USD")),
        ("1,234", "EUR", Money(123400, "EUR")),
        ("0", "EUR", Money(0, "EUR")),
        (".5", "EUR", Money(50, "EUR")),
        ("12.500", "EUR", Money(1250, "EUR")),  # trailing zeros are exact, not extra decimals
        ("  12  ", "EUR", Money(1200, "EUR")),
        ("500", "JPY", Money(500, "JPY")),
        ("12.0", "JPY", Money(12, "JPY")),
        ("1.234", "KWD", Money(1234, "KWD")),
        # a marker wins over the currency argument
        ("$12", "EUR", Money(1200, "USD")),
        ("$ 12", "EUR", Money(1200, "USD")),
        ("12€", "USD", Money(1200, "EUR")),
        ("€ 12.5", "USD", Money(1250, "EUR")),
        ("£3", "EUR", Money(300, "GBP")),
        ("¥500", "EUR", Money(500, "JPY")),
        ("US$5", "EUR", Money(500, "USD")),
        ("mx$5", "EUR", Money(500, "MXN")),
        ("EUR 12", "USD", Money(1200, "EUR")),
        ("EUR12", "USD", Money(1200, "EUR")),
        ("12 EUR", "USD", Money(1200, "EUR")),
        ("12 usd", "EUR", Money(1200, "USD")),
        ("CHF 7.05", "EUR", Money(705, "CHF")),
        ("$12 USD", "EUR", Money(1200, "USD")),
    ],
)
def test_parse_amount_accepts(text: str, currency: str, expected: Money) -> None:
    assert parse_amount(text, currency) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,5", Money(1250, "EUR")),
        ("12.345,67", Money(1234567, "EUR")),
        ("1.234.567,8", Money(123456780, "EUR")),
        ("12.345", Money(1234500, "EUR")),
        ("€ 0,99", Money(99, "EUR")),
        ("12", Money(1200, "EUR")),
    ],
)
def test_parse_amount_with_decimal_comma(text: str, expected: Money) -> None:
    assert parse_amount(text, "EUR", decimal_comma=True) == expected


def test_negative_only_when_allowed() -> None:
    with pytest.raises(ParseError, match="negative"):
        parse_amount("-5", "EUR")
    assert parse_amount("-5", "EUR", allow_negative=True) == Money(-500, "EUR")
    assert parse_amount("-$5", "EUR", allow_negative=True) == Money(-500, "USD")
    assert parse_amount("$-5", "EUR", allow_negative=True) == Money(-500, "USD")
    assert parse_amount("\u22125", "EUR", allow_negative=True) == Money(-500, "EUR")
    assert parse_amount("-0", "EUR") == Money(0, "EUR")


@pytest.mark.parametrize(
    ("text", "currency", "decimal_comma", "fragment"),
    [
        ("12,5", "EUR", False, "1,234.56"),
        ("1.234,56", "EUR", False, "a point before the decimals"),
        ("1,23,4", "EUR", False, "1,234.56"),
        ("1,2345", "EUR", False, "1,234.56"),
        ("12.", "EUR", False, "1,234.56"),
        ("12.5", "EUR", True, "1.234,56"),
        ("1,234.56", "EUR", True, "a comma before the decimals"),
        ("12.5", "JPY", False, "JPY has no decimals"),
        ("12.345", "EUR", False, "EUR has only 2 decimals"),
        ("1.2345", "KWD", False, "KWD has only 3 decimals"),
        ("abc", "EUR", False, "not an amount"),
        ("", "EUR", False, "no amount"),
        ("1e5", "EUR", False, "not an amount"),
        ("nan", "EUR", False, "not an amount"),
        ("inf", "EUR", False, "not an amount"),
        ("Infinity", "EUR", False, "not an amount"),
        ("0x10", "EUR", False, "not an amount"),
        ("12 abc", "EUR", False, "not a currency code"),
        ("$12 EUR", "EUR", False, "two currencies"),
        ("--5", "EUR", False, "two minus signs"),
        ("1" * (MAX_WHOLE_DIGITS + 1), "EUR", False, "too large"),
        ("1 234", "EUR", False, "not an amount"),
    ],
)
def test_parse_amount_refuses(text: str, currency: str, decimal_comma: bool, fragment: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_amount(text, currency, decimal_comma)
    assert fragment in str(err.value)


def test_a_bad_default_currency_is_an_input_error() -> None:
    with pytest.raises(InputError):
        parse_amount("12", "euro")


CURRENCIES = ["EUR", "JPY", "KWD", "USD", "CLP"]


@st.composite
def money(draw: st.DrawFn) -> Money:
    currency = draw(st.sampled_from(CURRENCIES))
    bound = 10 ** (MAX_WHOLE_DIGITS + decimals_of(currency)) - 1
    return Money(draw(st.integers(min_value=-bound, max_value=bound)), currency)


@given(m=money())
def test_amount_str_round_trips(m: Money) -> None:
    assert parse_amount(m.amount_str(), m.currency, allow_negative=True) == m


@given(m=money())
def test_amount_str_round_trips_with_decimal_comma(m: Money) -> None:
    text = m.amount_str().replace(".", ",")
    assert parse_amount(text, m.currency, decimal_comma=True, allow_negative=True) == m


@given(m=money(), other=st.sampled_from(CURRENCIES))
def test_formatted_money_round_trips_whatever_the_default(m: Money, other: str) -> None:
    # "EUR 1,234.50": the code in the text wins over the default currency
    assert parse_amount(m.format(), other, allow_negative=True) == m


@given(m=money())
def test_grouped_decimal_comma_round_trips(m: Money) -> None:
    swapped = m.format().translate(str.maketrans(",.", ".,"))
    assert parse_amount(swapped, "USD", decimal_comma=True, allow_negative=True) == m


pieces = st.sampled_from(
    ["1", "23", "456", ",", ".", "-", "$", "€", "EUR", "usd", "abc", " ", "e", "nan", "\u0663", "US$"]
)


@given(
    text=st.one_of(st.text(), st.lists(pieces, max_size=8).map("".join)),
    currency=st.sampled_from(CURRENCIES),
    decimal_comma=st.booleans(),
    allow_negative=st.booleans(),
)
def test_any_text_gives_money_or_a_parse_error(
    text: str, currency: str, decimal_comma: bool, allow_negative: bool
) -> None:
    try:
        result = parse_amount(text, currency, decimal_comma, allow_negative=allow_negative)
    except ParseError as exc:
        assert str(exc)
    else:
        assert isinstance(result.minor, int)
        assert allow_negative or result.minor >= 0
