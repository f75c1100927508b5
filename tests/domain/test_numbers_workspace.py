"""Issue 9, items 4 and 5: numbers typed and money shown in the workspace's number format
(``1,234.56``, ``1.234,56``, ``1 234,56``), one parser, one money formatter."""

from __future__ import annotations

from datetime import date

import pytest

from vatui.domain.amounts import parse_amount
from vatui.domain.durations import parse_duration
from vatui.domain.errors import ParseError
from vatui.domain.invoicing import read_quantity, read_tax_percent
from vatui.domain.money import Money
from vatui.domain.money_display import display_format, format_money, set_display, shown_as
from vatui.domain.numbers import COMMA, POINT, SPACE, number_format
from vatui.domain.quickadd import parse_quick_add
from vatui.domain.settings import Settings
from vatui.i18n import _, language, language_of, set_language


def test_the_workspace_format_comes_from_number_format_else_decimal_comma() -> None:
    assert Settings().numbers == POINT
    assert Settings(decimal_comma=True).numbers == COMMA
    assert Settings(number_format="1.234,56").numbers == COMMA
    assert Settings(number_format="1 234,56", decimal_comma=True).numbers == SPACE
    assert Settings(number_format="1,234.56", decimal_comma=True).numbers == POINT
    assert number_format("1 234,56") == SPACE and number_format("") == POINT


def test_the_done_when_examples_in_cop_with_a_decimal_comma() -> None:
    assert parse_amount("1.234.567,50", "COP", COMMA) == Money(123456750, "COP")
    assert parse_amount("85.000", "COP", COMMA) == Money(8500000, "COP")
    assert parse_duration("1,5h", COMMA) == 90
    with pytest.raises(ParseError, match=r"could be 750\.00 or 750000"):
        parse_amount("750.000", "COP", POINT)


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_spaces_between_thousands_including_no_break_spaces(space: str) -> None:
    text = f"1{space}234{space}567,50"
    assert parse_amount(text, "COP", SPACE) == Money(123456750, "COP")
    assert parse_duration("1,5h", SPACE) == 90
    with pytest.raises(ParseError, match="1 234,56"):
        parse_amount("1.234,56", "EUR", SPACE)


def test_quantities_and_tax_rates_follow_the_format() -> None:
    assert read_quantity("1,5", COMMA) == read_quantity("1.5", POINT)
    assert read_tax_percent("19,5", SPACE) == read_tax_percent("19.5", POINT)


def test_quick_add_reads_the_estimate_in_the_workspace_format() -> None:
    today = date(2026, 11, 27)
    assert parse_quick_add("Informe ~1,5h", [], today, ["Inbox"], numbers=COMMA).estimate_minutes == 90
    assert parse_quick_add("Report ~1.5h", [], today, ["Inbox"]).estimate_minutes == 90
    with pytest.raises(ParseError, match=r"write 1\.5"):
        parse_quick_add("Report ~1,5h", [], today, ["Inbox"])


def test_money_is_shown_in_the_locales_pattern_with_the_workspaces_marks() -> None:
    cop = Money(123456750, "COP")
    assert cop.format() == "COP 1,234,567.50"  # English, USD at home: pesos by their code
    assert format_money(cop, COMMA) == "COP 1.234.567,50"
    assert format_money(cop, SPACE) == "COP 1 234 567,50"
    assert format_money(Money(-150000, "JPY"), COMMA) == "-¥150.000"
    assert format_money(Money(8500000, "COP"), COMMA, grouping=False) == "COP 85000"
    assert Money(123450, "USD").format() == "$1,234.50"
    assert Money(123450, "EUR").format() == "€1,234.50"
    assert Money(-95000, "MXN").format() == "-MX$950.00"
    for fmt in (POINT, COMMA, SPACE):  # what is shown reads back to itself
        assert parse_amount(format_money(cop, fmt), "USD", fmt) == cop


def test_a_bogota_va_reads_pesos_as_dollar_sign_and_dollars_as_us_dollar() -> None:
    set_language("es")
    set_display(COMMA, "COP")
    try:
        assert Money(8500000, "COP").format() == "$85.000"  # whole pesos: no ,00
        assert Money(123456750, "COP").format() == "$1.234.567,50"
        assert Money(120000, "USD").format() == "US$1.200,00"
        assert Money(30000, "EUR").format() == "EUR 300,00"  # how CLDR's es_CO writes euros
        assert parse_amount("$85.000", "USD", COMMA) == Money(8500000, "COP")  # $ is the peso here
        assert parse_amount("US$1.200", "COP", COMMA) == Money(120000, "USD")
        assert parse_amount("€300", "COP", COMMA) == Money(30000, "EUR")
    finally:
        set_display(POINT, "USD")
        set_language("en")
    assert parse_amount("$12", "COP") == Money(1200, "USD")  # in English, $ is the dollar


def test_a_madrid_va_reads_euros_after_the_amount() -> None:
    set_language("es")
    set_display(COMMA, "EUR")
    try:
        assert Money(123450, "EUR").format() == "1.234,50 €"
        assert Money(-123450, "EUR").format() == "-1.234,50 €"
        assert Money(123450, "USD").format() == "1.234,50 US$"
        assert Money(8500000, "COP").format() == "85.000 COP"
        assert parse_amount("1.234,50 €", "USD", COMMA) == Money(123450, "EUR")
    finally:
        set_display(POINT, "USD")
        set_language("en")


def test_the_shown_format_is_set_per_workspace_and_switched_per_document() -> None:
    set_display(COMMA, "USD")
    try:
        assert str(Money(8500000, "COP")) == "COP 85.000"
        with shown_as(SPACE):
            assert Money(123450, "EUR").format() == "€1 234,50"
        with shown_as(None):
            assert display_format() == COMMA
        assert display_format() == COMMA
    finally:
        set_display(POINT, "USD")
    assert Money(123450, "EUR").format() == "€1,234.50"


def test_language_of_switches_the_catalog_for_one_block() -> None:
    set_language("es")
    try:
        assert _("Amount due") == "Importe a pagar"
        with language_of("en"):
            assert _("Amount due") == "Amount due" and language() == "en"
        assert _("Amount due") == "Importe a pagar"
        with language_of(""):
            assert language() == "es"
    finally:
        set_language("en")
    with language_of("es"):
        assert _("Amount due") == "Importe a pagar"
    assert _("Amount due") == "Amount due"
