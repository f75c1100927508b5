"""Money as people read it: the ISO code, then the amount in the workspace's number format.

The rule, the same in every language: ``CODE amount``, the code first and a space, the
amount grouped by thousands with the workspace's ``number_format`` marks and the
currency's decimals: ``USD 1,234.50`` (``1,234.56``), ``COP 1.234.567,50``
(``1.234,56``), ``EUR 1 234,50`` (``1 234,56``), ``JPY 1.500`` (no decimals). The code,
not a symbol, because ``$`` is the dollar, the peso colombiano and the peso mexicano alike,
and a VA billing in several currencies must never mistake one for another; and every
shown amount parses back to itself in the same workspace (``parse_amount``).

The format in use is set once per process when the workspace opens (like the language of
:mod:`vatui.i18n`): :func:`set_display_format`; :func:`shown_as` switches it for one
document (a client with their own number format) and puts it back. ``--json`` never uses
it (``Money.to_json`` writes ``"1234.50"``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from vatui.domain.numbers import POINT, NumberFormat

if TYPE_CHECKING:
    from vatui.domain.money import Money

_shown: NumberFormat = POINT


def set_display_format(fmt: NumberFormat) -> None:
    """Show money in ``fmt`` from now on (the workspace's ``Settings.numbers``)."""
    global _shown
    _shown = fmt


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


def format_money(money: Money, fmt: NumberFormat | None = None, grouping: bool = True) -> str:
    """``money`` shown: ``COP 1.234.567,50`` (``fmt``: the one in use when ``None``)."""
    from vatui.domain.money import decimals_of

    return f"{money.currency} {amount_text(money.minor, decimals_of(money.currency), fmt, grouping)}"


def plain_amount(money: Money) -> str:
    """The amount alone, ungrouped, in the format in use (report columns): ``1234,50``;
    with a decimal point it is ``Money.amount_str()``."""
    from vatui.domain.money import decimals_of

    return amount_text(money.minor, decimals_of(money.currency), grouping=False)
