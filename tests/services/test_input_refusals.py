"""Input that cannot be right, refused before anything is saved (issue 8): e-mail
addresses, late fees, retainer hours, currency codes, payments dated a year ahead."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.ledger import client, sent_invoice
from vatui.domain.client_contacts import check_email
from vatui.domain.client_fields import parse_late_fee, parse_retainer_hours
from vatui.domain.errors import InputError
from vatui.domain.ledger import check_payment_day
from vatui.domain.money import Money, check_currency
from vatui.domain.numbers import COMMA
from vatui.services.ledger.payments import record_payment
from vatui.store.workspace import Workspace


@pytest.mark.parametrize(
    "email",
    [
        "ana@acme",
        "ana@@acme.com",
        "@acme.com",
        "ana@",
        "ana acme@x.com",
        "ana@acme..com",
        ".ana@x.com",
        "ana.@x.com",
        "a..b@x.com",
        "a,b@x.com",
        'a"b@x.com',
        "<a>@x.com",
        "a@-x.com",
        "a@x-.com",
        "a@x_y.com",
        "a@x.c0m",
        "a@x.c",
        "a@1.2.3.4",
        "ana@acme.com.",
        "a\x1b]52;c;eA==\x07@x.com",
        "a@x.com\x07",
        "x" * 65 + "@x.com",
        "a@" + "b" * 250 + ".com",
    ],
)
def test_addresses_that_are_not_addresses_are_refused(email: str) -> None:
    with pytest.raises(InputError, match="not an e-mail address"):
        check_email(email)


@pytest.mark.parametrize(
    "email",
    [
        "ana@acme.com",
        " ana@acme.com ",
        "ana.lopez+va@mail.acme.co.uk",
        "josé@ejemplo.es",
        "o'neil@x.io",
        "a_b@x-y.com",
        "a@xn--bcher-kva.de",
    ],
)
def test_real_addresses_are_kept(email: str) -> None:
    assert check_email(email) == email.strip()


@pytest.mark.parametrize("text", ["1e1", "nan", "inf", "-1", "101", "1.234", "1,5"])
def test_late_fees_go_through_the_one_parser(text: str) -> None:
    with pytest.raises(InputError):
        parse_late_fee(text)


def test_late_fees_and_retainer_hours_follow_the_number_format() -> None:
    assert parse_late_fee("1,5 %", COMMA) == "1.5"
    assert parse_late_fee("0") is None
    assert parse_retainer_hours("7,5", True) == 450
    assert parse_retainer_hours("7.5") == 450
    with pytest.raises(InputError):
        parse_retainer_hours("1e1")
    with pytest.raises(InputError):
        parse_retainer_hours("7,5")


@pytest.mark.parametrize("code", ["XYZ", "QQQ", "", "   ", "US", "EURO", "€€€"])
def test_unknown_or_empty_currency_codes_are_refused(code: str) -> None:
    with pytest.raises(InputError):
        check_currency(code)


def test_known_currency_codes_pass() -> None:
    assert [check_currency(c) for c in ("usd", " COP ", "BHD", "JPY")] == ["USD", "COP", "BHD", "JPY"]


def test_a_payment_more_than_a_year_ahead_is_refused(ws: Workspace) -> None:
    acme = client(ws)
    invoice = sent_invoice(ws, acme, 10000)
    today = date(2026, 11, 27)
    assert check_payment_day(date(2027, 11, 27), today) == date(2027, 11, 27)  # a year to the day
    for day in (date(2027, 11, 28), date(2099, 1, 1), date(9999, 12, 17)):
        with pytest.raises(InputError):
            check_payment_day(day, today)
        with pytest.raises(InputError):
            record_payment(ws, invoice.id or 0, Money(100, "EUR"), day)
    assert record_payment(ws, invoice.id or 0, Money(100, "EUR"), date(2027, 6, 1)).payment.on == date(
        2027, 6, 1
    )
