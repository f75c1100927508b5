"""Amounts of money as typed, parsed exactly (string and integer maths, never a float).

``parse_amount`` takes a number with an optional currency marker before or after it:
a symbol from ``CURRENCY_SYMBOLS`` (``$12``, ``12 €``) or an ISO 4217 code (``EUR 12``,
``12 usd``). A marker wins over the ``currency`` argument, which is used only when the
text names none. The number follows one format, chosen by ``decimal_comma``:

- ``decimal_comma=False``: ``1234.5``, ``1,234.50``, ``.5`` (a point before the
  decimals, commas between groups of three);
- ``decimal_comma=True``: ``1234,5``, ``1.234,50``, ``12,5``.

Anything else is refused, never guessed: the other format (``12,5`` when points are
expected), bad grouping (``1,23,4``), more decimals than the currency has (JPY ``12.5``;
trailing zeros are fine), exponents, ``nan``, ``inf``, unknown codes, a negative amount
unless ``allow_negative=True``, more than 15 digits before the decimals.
"""

from __future__ import annotations

import re
from typing import Final

from vatui.domain import words
from vatui.domain.errors import ParseError
from vatui.domain.money import CURRENCY_DECIMALS, CURRENCY_SYMBOLS, Money, check_currency, decimals_of
from vatui.i18n import _

MAX_WHOLE_DIGITS: Final = 15
"""The most digits accepted before the decimal separator."""

_SYMBOLS: Final = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_MARK: Final = rf"(?:{_SYMBOLS}|[^\W\d_]{{3}})"
_AMOUNT_RE: Final = re.compile(
    rf"^(?P<s1>-)?\s*(?P<pre>{_MARK})?\s*(?P<s2>-)?\s*"
    rf"(?P<num>[0-9.,]*[0-9][0-9.,]*)\s*(?P<post>{_MARK})?$",
    re.IGNORECASE,
)


def _number_re(decimal: str, group: str) -> re.Pattern[str]:
    d, g = re.escape(decimal), re.escape(group)
    return re.compile(
        rf"^(?:(?P<plain>[0-9]+)|(?P<grouped>[0-9]{{1,3}}(?:{g}[0-9]{{3}})+))?"
        rf"(?:{d}(?P<frac>[0-9]+))?$"
    )


_POINT_RE: Final = _number_re(".", ",")
_COMMA_RE: Final = _number_re(",", ".")


def _marker_currency(marker: str, default: str, text: str) -> str:
    """The currency a symbol or code stands for; unknown codes are refused."""
    upper = marker.upper()
    if upper in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[upper]
    if upper == default or upper in words.ISO_CURRENCIES or upper in CURRENCY_DECIMALS:
        return upper
    raise ParseError(
        _("{text!r}: {code!r} is not a currency code I know").format(text=text, code=marker)
    )


def _format_hint(decimal_comma: bool) -> str:
    if decimal_comma:
        return _("a number like 1.234,56 (a comma before the decimals, points between thousands)")
    return _("a number like 1,234.56 (a point before the decimals, commas between thousands)")


def _currency_of(pre: str | None, post: str | None, default: str, text: str) -> str:
    found = {_marker_currency(m, default, text) for m in (pre, post) if m is not None}
    if len(found) > 1:
        raise ParseError(
            _("{text!r} names two currencies: {codes}").format(text=text, codes=", ".join(sorted(found)))
        )
    return found.pop() if found else default


def parse_amount(
    text: str, currency: str, decimal_comma: bool = False, *, allow_negative: bool = False
) -> Money:
    """The amount ``text`` names, in its marked currency or else ``currency``.

    Raises ``ParseError`` (an ``InputError``) with a message saying what was expected;
    ``currency`` itself must be a three-letter code (``InputError`` otherwise).
    """
    default = check_currency(currency)
    shown = " ".join(text.split()).replace("\u2212", "-")
    if not shown:
        raise ParseError(_("no amount given: expected {hint}").format(hint=_format_hint(decimal_comma)))
    m = _AMOUNT_RE.match(shown)
    if m is None:
        raise ParseError(
            _("{text!r} is not an amount: expected {hint}").format(
                text=shown, hint=_format_hint(decimal_comma))
        )
    if m.group("s1") and m.group("s2"):
        raise ParseError(_("{text!r} has two minus signs").format(text=shown))
    code = _currency_of(m.group("pre"), m.group("post"), default, shown)
    number = (_COMMA_RE if decimal_comma else _POINT_RE).match(m.group("num"))
    if number is None:
        raise ParseError(
            _("{text!r} does not fit the amount format: expected {hint}").format(
                text=shown, hint=_format_hint(decimal_comma))
        )
    whole = number.group("plain") or (number.group("grouped") or "0").replace(",", "").replace(".", "")
    if len(whole.lstrip("0")) > MAX_WHOLE_DIGITS:
        raise ParseError(_("{text!r} is too large an amount").format(text=shown))
    frac = (number.group("frac") or "").rstrip("0")
    places = decimals_of(code)
    if len(frac) > places:
        if places == 0:
            raise ParseError(_("{text!r}: {code} has no decimals").format(text=shown, code=code))
        raise ParseError(
            _("{text!r}: {code} has only {places} decimals").format(text=shown, code=code, places=places)
        )
    minor = int(whole) * 10**places + int(frac.ljust(places, "0") or "0")
    if m.group("s1") or m.group("s2"):
        if minor and not allow_negative:
            raise ParseError(_("{text!r}: the amount cannot be negative here").format(text=shown))
        minor = -minor
    return Money(minor, code)
