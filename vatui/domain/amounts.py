"""Amounts of money as typed, parsed exactly (string and integer maths, never a float).

``parse_amount`` takes a number with an optional currency marker before or after it:
a symbol (``$12``, ``12 €``) or an ISO 4217 code (``EUR 12``, ``12 usd``). A symbol means
what it means where money is shown (``money_display.symbol_currency``: ``$`` is COP for a
VA in Colombia writing Spanish, USD in English), else what ``CURRENCY_SYMBOLS`` says
(``€``, ``US$``, ``MX$``), so every amount vatui shows reads back as itself. A marker wins
over the ``currency`` argument, which is used only when the text names none. The number follows the workspace's number format (``decimal_comma``, a
bool today, or a ``NumberFormat``), read by ``vatui.domain.numbers.choose``:

- ``decimal_comma=False``: ``1234.5``, ``1,234.50``, ``.5`` (a point before the
  decimals, commas between groups of three);
- ``decimal_comma=True``: ``1234,5``, ``1.234,50``, ``12,5`` (and ``750.000`` is 750000).

Anything else is refused, never guessed, and what can be read two ways is refused naming
both readings: ``750.000`` in a decimal-point workspace could be 750.00 or 750000 (USD and
COP have two decimals, so three are suspect); ``12,5`` when points are expected; bad
grouping (``1,23,4``); more decimals than the currency has (JPY ``12.5``, USD ``1.234``;
trailing zeros are fine only when nothing else can be meant: JPY ``12.0``); exponents,
``nan``, ``inf``; unknown codes (``XYZ``); a negative amount unless
``allow_negative=True``; more than 15 digits before the decimals. Every amount
``Money.amount_str`` or ``Money.format`` writes parses back to itself.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from vatui.domain import words
from vatui.domain.errors import ParseError
from vatui.domain.money import CURRENCY_DECIMALS, CURRENCY_SYMBOLS, Money, check_currency, decimals_of
from vatui.domain.money_display import known_symbols, symbol_currency
from vatui.domain.numbers import NumberFormat, choose, number_format, write
from vatui.i18n import _

MAX_WHOLE_DIGITS: Final = 15
"""The most digits accepted before the decimal separator."""
MAX_AMOUNT_TEXT: Final = 64
"""The longest text read as an amount (longer is refused before any pattern runs)."""

_SYMBOLS: Final = "|".join(
    re.escape(s) for s in sorted(set(CURRENCY_SYMBOLS) | known_symbols(), key=len, reverse=True)
)
_MARK: Final = rf"(?:{_SYMBOLS}|[^\W\d_]{{3}})"
_AMOUNT_RE: Final = re.compile(
    rf"^(?P<s1>-)?\s*(?P<pre>{_MARK})?\s*(?P<s2>-)?\s*"
    rf"(?P<num>[0-9.,]*[0-9](?:[0-9.,]| (?=[0-9]))*)\s*(?P<post>{_MARK})?$",
    re.IGNORECASE,
)


def _marker_currency(marker: str, default: str, text: str) -> str:
    """The currency a symbol or code stands for; unknown codes are refused."""
    local = symbol_currency(marker)
    if local is not None:
        return local
    upper = marker.upper()
    if upper in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[upper]
    if upper == default or upper in words.ISO_CURRENCIES or upper in CURRENCY_DECIMALS:
        return upper
    raise ParseError(_("{text!r}: {code!r} is not a currency code I know").format(text=text, code=marker))


def _format_hint(fmt: NumberFormat) -> str:
    return _("a number like {example} (a {decimal!r} before the decimals)").format(
        example=fmt.example, decimal=fmt.decimal
    )


def _currency_of(pre: str | None, post: str | None, default: str, text: str) -> str:
    found = {_marker_currency(m, default, text) for m in (pre, post) if m is not None}
    if len(found) > 1:
        raise ParseError(
            _("{text!r} names two currencies: {codes}").format(text=text, codes=", ".join(sorted(found)))
        )
    return found.pop() if found else default


def parse_amount(
    text: str, currency: str, decimal_comma: bool | NumberFormat = False, *, allow_negative: bool = False
) -> Money:
    """The amount ``text`` names, in its marked currency or else ``currency``.

    Raises ``ParseError`` (an ``InputError``) with a message saying what was expected, or
    naming both readings; ``currency`` itself must be a known code (``InputError``
    otherwise).
    """
    default = check_currency(currency)
    fmt = number_format(decimal_comma)
    too_long = ParseError(
        _("that is too long to be an amount: expected {hint}").format(hint=_format_hint(fmt))
    )
    if len(text) > 4 * MAX_AMOUNT_TEXT:
        raise too_long
    shown = " ".join(text.split()).replace("\u2212", "-")
    if not shown:
        raise ParseError(_("no amount given: expected {hint}").format(hint=_format_hint(fmt)))
    if len(shown) > MAX_AMOUNT_TEXT:
        raise too_long
    m = _AMOUNT_RE.match(shown)
    if m is None:
        raise ParseError(
            _("{text!r} is not an amount: expected {hint}").format(text=shown, hint=_format_hint(fmt))
        )
    if m.group("s1") and m.group("s2"):
        raise ParseError(_("{text!r} has two minus signs").format(text=shown))
    code = _currency_of(m.group("pre"), m.group("post"), default, shown)
    places = decimals_of(code)
    maximum = Decimal(10) ** MAX_WHOLE_DIGITS - Decimal(1).scaleb(-places)
    try:
        reading = choose(m.group("num"), fmt, places=places, maximum=maximum, text=shown, unit=code)
    except ParseError as exc:
        if "too large" in str(exc):
            raise ParseError(_("{text!r} is too large an amount").format(text=shown)) from None
        raise
    frac = reading.frac.rstrip("0")
    minor = int(reading.whole) * 10**places + int(frac.ljust(places, "0") or "0")
    if m.group("s1") or m.group("s2"):
        if minor and not allow_negative:
            raise ParseError(_("{text!r}: the amount cannot be negative here").format(text=shown))
        minor = -minor
    return Money(minor, code)


def amount_input(money: Money, decimal_comma: bool | NumberFormat = False) -> str:
    """``money`` as the VA would type it in this workspace (no code, no grouping, the
    currency's decimals): what a form shows for editing, and what ``parse_amount`` reads
    back to the same amount."""
    return write(money.decimal, number_format(decimal_comma), decimals_of(money.currency), pad=True)
