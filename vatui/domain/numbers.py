"""Numbers as typed, read one way only: the parser under amounts, rates, percentages,
quantities and hours.

A number follows the workspace's ``NumberFormat`` (the ``number_format`` setting: a decimal
point, ``1,234.56``; a decimal comma, ``1.234,56``; or a decimal comma with spaces between
thousands, ``1 234,56``, where a no-break space counts as a space). The
same text is also read in the other formats, because a VA who types ``750.000`` may mean
seven hundred and fifty thousand. ``choose`` then decides, never guessing:

- the workspace's reading is taken when it is allowed (no more decimals than ``places``,
  not above ``maximum``) and no other format gives another allowed value, or when it is
  written the canonical way (exactly ``places`` decimals: ``1.500`` is BHD 1.500);
- anything else readable two ways is refused naming both readings: ``'1.500' could be 1.50
  or 1500: write 1.50 or 1500`` (USD has two decimals, so ``1.500`` is suspect as 1.50 and
  plausible as 1500);
- a reading that fits only another format is refused with the way to write it here.

Only ASCII digits, the two separators and (with space grouping) single spaces make a
number; exponents, ``nan``, ``inf`` and signs are the callers' business (and refused).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from vatui.domain.errors import ParseError
from vatui.i18n import _

MAX_NUMBER_TEXT: Final = 64
"""The longest text read as a number (longer is refused before any pattern runs)."""


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """How numbers are written: the decimal separator and the one between thousands."""

    decimal: str
    group: str

    @property
    def example(self) -> str:
        """``1,234.56`` in this format."""
        return f"1{self.group}234{self.decimal}56"


POINT: Final = NumberFormat(".", ",")
"""``1,234.56``."""
COMMA: Final = NumberFormat(",", ".")
"""``1.234,56``."""
SPACE: Final = NumberFormat(",", " ")
"""``1 234,56``."""
FORMATS: Final = (POINT, COMMA, SPACE)


BY_NAME: Final = {fmt.example: fmt for fmt in FORMATS}
"""Each format by the ``number_format`` setting's value: ``"1.234,56"`` is ``COMMA``."""


def number_format(setting: bool | str | NumberFormat) -> NumberFormat:
    """The format a workspace setting names: ``decimal_comma`` (a bool), the
    ``number_format`` setting (``"1 234,56"``; unknown or empty: a decimal point) or a
    format itself."""
    if isinstance(setting, NumberFormat):
        return setting
    if isinstance(setting, str):
        return BY_NAME.get(setting, POINT)
    return COMMA if setting else POINT


def workspace_format(number_format_setting: str, decimal_comma: bool) -> NumberFormat:
    """The workspace's format: its ``number_format`` setting when set, else the legacy
    ``decimal_comma`` flag."""
    if number_format_setting in BY_NAME:
        return BY_NAME[number_format_setting]
    return COMMA if decimal_comma else POINT


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a number: its whole digits and its decimals as typed."""

    whole: str
    frac: str

    @property
    def value(self) -> Decimal:
        """The exact value."""
        return Decimal(f"{int(self.whole)}.{self.frac or '0'}")


_RE_CACHE: dict[NumberFormat, re.Pattern[str]] = {}


def _pattern(fmt: NumberFormat) -> re.Pattern[str]:
    found = _RE_CACHE.get(fmt)
    if found is None:
        d, g = re.escape(fmt.decimal), re.escape(fmt.group)
        found = re.compile(
            rf"^(?:(?P<plain>[0-9]+)|(?P<grouped>[1-9][0-9]{{0,2}}(?:{g}[0-9]{{3}})+))?"
            rf"(?:{d}(?P<frac>[0-9]+))?$"
        )
        _RE_CACHE[fmt] = found
    return found


def read(num: str, fmt: NumberFormat) -> Reading | None:
    """``num`` read in ``fmt``, or ``None`` when it is not written that way."""
    m = _pattern(fmt).match(num)
    if m is None or not (m.group("plain") or m.group("grouped") or m.group("frac")):
        return None
    whole = m.group("plain") or (m.group("grouped") or "0").replace(fmt.group, "")
    return Reading(whole.lstrip("0") or "0", m.group("frac") or "")


def write(value: Decimal, fmt: NumberFormat, places: int | None = None, *, pad: bool = False) -> str:
    """``value`` written so that ``choose`` reads it back one way: no grouping; with
    exactly ``places`` decimals when given (and the value has decimals, or ``pad``), else
    as few as possible (a trailing zero added where three decimals could pass for
    thousands)."""
    sign = "-" if value < 0 else ""
    text = f"{abs(value):f}"
    whole, _sep, frac = text.partition(".")
    frac = frac.rstrip("0")
    if places is not None and (frac or pad) and len(frac) <= places:
        frac = frac.ljust(places, "0")
    elif len(frac) == 3 and len(whole) <= 3 and whole != "0":
        frac += "0"
    return sign + whole + (fmt.decimal + frac if frac else "")


def _plain(value: Decimal, fmt: NumberFormat) -> str:
    """``value`` as a number is read aloud: no grouping, no trailing zeros (``1.333``)."""
    return f"{value.normalize():f}".replace(".", fmt.decimal)


def _shown(reading: Reading, fmt: NumberFormat, places: int, pad: bool) -> str:
    if len(reading.frac.rstrip("0")) <= places:
        return write(reading.value, fmt, places if pad else None, pad=pad and bool(reading.frac))
    return reading.whole + fmt.decimal + reading.frac


def choose(
    num: str, fmt: NumberFormat, *, places: int, maximum: Decimal, text: str, unit: str = "", what: str = ""
) -> Reading:
    """The one reading of ``num`` (digits and separators) in ``fmt``; ``ParseError``
    naming both readings when there are two, or saying what is wrong.

    ``places``: the most decimals allowed; ``maximum``: the largest value allowed;
    ``text``: the whole input, for messages; ``unit``: a currency code (amounts are then
    written with its decimals in messages); ``what``: what the number is, for messages.
    """

    def strict(r: Reading | None) -> bool:
        return r is not None and len(r.frac) <= places and r.value <= maximum

    pad = bool(unit)
    mine = read(num, fmt)
    others: list[Reading] = []
    for other_fmt in FORMATS:
        found = read(num, other_fmt)
        if (
            other_fmt != fmt
            and found is not None
            and strict(found)
            and (mine is None or found.value != mine.value)
            and all(o.value != found.value for o in others)
        ):
            others.append(found)
    other = others[0] if others else None
    if mine is None:
        if other is not None:
            raise ParseError(
                _(
                    "{text!r} is not written the way this workspace writes numbers ({example}): write {value}"
                ).format(
                    text=text, example=fmt.example, value=write(other.value, fmt, places if pad else None)
                )
            )
        raise ParseError(
            _("{text!r} is not a number like {example} (a {decimal!r} before the decimals)").format(
                text=text, example=fmt.example, decimal=fmt.decimal
            )
        )
    exact = len(mine.frac.rstrip("0")) <= places
    if mine.value > maximum:
        if other is not None:
            raise ParseError(
                _("{text!r} is too large; if you meant {value}, write {value}").format(
                    text=text, value=write(other.value, fmt, places if pad else None)
                )
            )
        if what:
            raise ParseError(
                _("{text!r} is too large for {what} (at most {maximum})").format(
                    text=text, what=what, maximum=write(maximum, fmt)
                )
            )
        raise ParseError(
            _("{text!r} is too large (at most {maximum})").format(text=text, maximum=write(maximum, fmt))
        )
    if other is None:
        if exact:
            return mine  # trailing zeros past the decimals allowed, and no other reading
        raise too_many_decimals(text, places, unit)
    if strict(mine) and len(mine.frac) == places and places > 0:
        return mine  # written the canonical way: BHD 1.500
    first, second = _shown(mine, fmt, places, pad), write(other.value, fmt, places if pad else None)
    if exact:
        # the readings as values (1.333, not 1.3330); then how to write each one way
        seen_a, seen_b = (first, second) if pad else (_plain(mine.value, fmt), _plain(other.value, fmt))
        raise ParseError(
            _("{text!r} could be {seen_a} or {seen_b}: write {a} or {b}").format(
                text=text, seen_a=seen_a, seen_b=seen_b, a=first, b=second
            )
        )
    if unit and places == 0:
        raise ParseError(
            _("{text!r} could be {b}, or {a} but {code} has no decimals: write {b}").format(
                text=text, a=first, b=second, code=unit
            )
        )
    if unit:
        raise ParseError(
            _("{text!r} could be {b}, or {a} but {code} has only {places} decimals: write {b}").format(
                text=text, a=first, b=second, code=unit, places=places
            )
        )
    raise ParseError(
        _("{text!r} could be {b}, or {a} with more than {places} decimals: write {b}").format(
            text=text, a=first, b=second, places=places
        )
    )


def too_many_decimals(text: str, places: int, unit: str = "") -> ParseError:
    """``text`` has more decimals than ``places`` (of ``unit``, a currency, when given)."""
    if unit and places == 0:
        return ParseError(_("{text!r}: {code} has no decimals").format(text=text, code=unit))
    if unit:
        return ParseError(
            _("{text!r}: {code} has only {places} decimals").format(text=text, code=unit, places=places)
        )
    if places == 0:
        return ParseError(_("{text!r}: a whole number is expected").format(text=text))
    return ParseError(_("{text!r} has more than {places} decimals").format(text=text, places=places))


def parse_decimal(
    text: str, setting: bool | NumberFormat = False, *, places: int, maximum: Decimal, what: str
) -> Decimal:
    """A non-negative number typed in the workspace's format (``what`` names it in messages:
    "a tax rate"); exactly one reading or ``ParseError``."""
    fmt = number_format(setting)
    if len(text) > 4 * MAX_NUMBER_TEXT or len(shown := " ".join(text.split())) > MAX_NUMBER_TEXT:
        raise ParseError(_("that is too long to be {what}").format(what=what))
    if not shown:
        raise ParseError(_("no number given for {what}").format(what=what))
    if shown[0] in "-\u2212":
        raise ParseError(_("{text!r}: {what} cannot be negative").format(text=shown, what=what))
    num = shown.lstrip("+").strip()
    if not re.fullmatch(r"[0-9.,]+(?: [0-9.,]+)*", num):
        raise ParseError(
            _("{text!r} is not a number like {example}: expected {what}").format(
                text=shown, example=fmt.example, what=what
            )
        )
    return choose(num, fmt, places=places, maximum=maximum, text=shown, what=what).value
