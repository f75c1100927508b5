"""Money as people read it: in the locale's pattern, in the workspace's number format.

The rule, the same everywhere money is shown to a person (the app, the CLI, documents):

- the **symbol and its place** are the locale's (CLDR, through ``money_locale_data``): the
  locale is the language in use (``vatui.i18n.language``: the UI's, or a client's inside
  their document) with the country of the workspace's home currency. A VA in Bogotá
  (Spanish, COP) reads ``$85.000`` for pesos, ``US$1.200,00`` for dollars and
  ``EUR 300,00`` for euros; in Madrid (Spanish, EUR) ``1.234,50 €``; in English with USD
  ``$1,234.50``, ``€300.00``, ``MX$950.00``, ``COP 85,000``. A bare ``$`` is only ever the
  home locale's own dollar or peso: every other ``$`` currency carries its prefix or its
  code, so an amount never reads as two currencies;
- the **marks** are the workspace's ``number_format`` (``1,234.56``, ``1.234,56``,
  ``1 234,56``), not the locale's: one workspace writes and reads numbers one way;
- the currency's decimals (ISO 4217); where people write a currency without decimals
  (CLDR: COP, HUF…) a whole amount drops its ``,00`` (``$85.000``) and an amount with
  cents keeps them (``$1.234.567,50``).

Every shown amount parses back to itself in the same workspace (``parse_amount`` reads the
same symbols, through :func:`symbol_currency`).

The format in use is set once per process when the workspace opens (like the language of
:mod:`vatui.i18n`): :func:`set_display`; :func:`shown_as` switches the number format for
one document (a client with their own) and puts it back. ``--json`` never uses any of
this (``Money.to_json`` writes ``"1234.50"``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

from vatui.domain.numbers import POINT, NumberFormat

if TYPE_CHECKING:
    from vatui.domain.money import Money

_shown: NumberFormat = POINT
_home: str = "USD"


def set_display(fmt: NumberFormat, home_currency: str) -> None:
    """Show money in ``fmt`` from now on, written as where ``home_currency`` is spent (the
    workspace's ``Settings.numbers`` and ``default_currency``)."""
    global _shown, _home
    _shown = fmt
    _home = home_currency


def money_locale(language: str | None = None, home_currency: str | None = None) -> str:
    """The locale money is written in: ``es_CO`` for Spanish with COP at home, ``en`` for
    English with COP (no English of Colombia in CLDR). Defaults: the language in use and
    the workspace's home currency."""
    from vatui.i18n import language as language_in_use

    return _locale_for(language or language_in_use(), home_currency or _home)


@lru_cache(maxsize=64)
def _locale_for(language: str, home_currency: str) -> str:
    from vatui.domain.money_locale_data import LOCALE_FOR

    return LOCALE_FOR.get(f"{language}:{home_currency}", language)


def currency_symbol(code: str, locale: str | None = None) -> str:
    """How ``locale`` (the one in use when ``None``) writes the currency: ``$``, ``US$``,
    ``€`` or the code itself."""
    from vatui.domain.money_locale_data import SYMBOLS

    loc = locale or money_locale()
    own = SYMBOLS.get(loc, {})
    if code in own:
        return own[code]
    return SYMBOLS.get(loc.split("_")[0], {}).get(code, code)


def symbol_currency(symbol: str, locale: str | None = None) -> str | None:
    """The currency ``symbol`` stands for in ``locale`` (the one in use when ``None``), or
    ``None`` when it writes none with it: ``$`` is COP in ``es_CO`` and USD in ``en``."""
    from vatui.domain.money_locale_data import SYMBOLS

    loc = locale or money_locale()
    base = loc.split("_")[0]
    found = {
        c for c, s in SYMBOLS.get(base, {}).items() if s == symbol and SYMBOLS.get(loc, {}).get(c, s) == s
    }
    found |= {c for c, s in SYMBOLS.get(loc, {}).items() if s == symbol}
    return found.pop() if len(found) == 1 else None


def known_symbols() -> frozenset[str]:
    """Every symbol some locale writes for some currency (what an amount may carry)."""
    from vatui.domain.money_locale_data import SYMBOLS

    return frozenset(
        s for table in SYMBOLS.values() for s in table.values() if not s.isalpha() or len(s) != 3
    )


def display_format() -> NumberFormat:
    """The format money is shown in now."""
    return _shown


@contextmanager
def shown_as(fmt: NumberFormat | None) -> Iterator[None]:
    """Show money in ``fmt`` inside the block (``None``: unchanged), then as before.

    For one document built on the main thread (a client's invoice in their own format);
    not meant for concurrent threads, which would see the switched format too."""
    global _shown
    before = _shown
    if fmt is not None:
        _shown = fmt
    try:
        yield
    finally:
        _shown = before


def group(whole: int, sep: str) -> str:
    """``1234567`` as ``1,234,567`` with ``sep`` between thousands."""
    return f"{whole:,}".replace(",", sep)


def amount_text(minor: int, places: int, fmt: NumberFormat | None = None, grouping: bool = True) -> str:
    """The amount alone, signed, in ``fmt`` (the one in use when ``None``): ``-1.234,50``."""
    use = _shown if fmt is None else fmt
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(minor), 10**places)
    whole_s = group(whole, use.group) if grouping else str(whole)
    body = whole_s if places == 0 else f"{whole_s}{use.decimal}{frac:0{places}d}"
    return sign + body


def decimal_text(value: str, fmt: NumberFormat | None = None) -> str:
    """A stored decimal (``"1234.25"``, a quantity or a rate) in ``fmt`` (the one in use when
    ``None``): ``1.234,25`` with a decimal comma, so that it never reads as another number
    beside the amounts."""
    use = _shown if fmt is None else fmt
    sign, body = ("-", value[1:]) if value.startswith("-") else ("", value)
    whole, _sep, frac = body.partition(".")
    if not whole.isascii() or not whole.isdigit():
        return value
    return sign + group(int(whole), use.group) + (use.decimal + frac if frac else "")


def tenths_text(tenths: int, fmt: NumberFormat | None = None) -> str:
    """A count of tenths (``13``, a plan's correction factor) as ``1.3``, or ``1,3`` with a
    decimal comma, in ``fmt`` (the one in use when ``None``)."""
    return decimal_text(f"{tenths // 10}.{tenths % 10}", fmt)


def format_money(money: Money, fmt: NumberFormat | None = None, grouping: bool = True) -> str:
    """``money`` shown in the locale's pattern: ``$1.234.567,50`` for COP in Spanish at
    home in Colombia, ``1.234,50 €``, ``COP 85,000`` in English (``fmt``: the number format
    in use when ``None``)."""
    places, whole, before, after = _pattern(money_locale(), money.currency)
    if whole and money.minor % 10**places == 0:
        places, minor = 0, money.minor // 10**places
    else:
        minor = money.minor
    body = amount_text(abs(minor), places, fmt, grouping)
    sign = "-" if minor < 0 else ""
    return sign + before + body + after


@lru_cache(maxsize=512)
def _pattern(loc: str, currency: str) -> tuple[int, bool, str, str]:
    """How ``loc`` writes an amount of ``currency`` around its number: (decimals, whether a
    whole amount drops them, the text before, the text after). Worked out once per locale
    and currency: a listing formats thousands of amounts."""
    from vatui.domain.money import decimals_of
    from vatui.domain.money_locale_data import AFFIXES, WHOLE

    before, after = AFFIXES.get(loc) or AFFIXES[loc.split("_")[0]]
    symbol = currency_symbol(currency, loc)
    if symbol[-1:].isalpha() and before.endswith("¤"):
        before += " "  # COP 85,000, not COP85,000 (CLDR's currency spacing)
    if symbol[:1].isalpha() and after.startswith("¤"):
        after = " " + after
    return decimals_of(currency), currency in WHOLE, before.replace("¤", symbol), after.replace("¤", symbol)


def plain_amount(money: Money) -> str:
    """The amount alone, grouped, in the format in use (report columns, whose heading or
    row names the currency): ``1.234,50``."""
    from vatui.domain.money import decimals_of

    return amount_text(money.minor, decimals_of(money.currency))
