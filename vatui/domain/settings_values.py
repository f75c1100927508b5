"""How one setting's value is typed and shown: the parsers and the choices the rules in
``vatui.domain.settings_rules`` are made of (a text of at most N characters, one of a few
words, a whole number in a range, yes/no, an e-mail address, a timezone, the board's
columns).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from vatui.domain.errors import InputError
from vatui.domain.reminder_texts import check_language
from vatui.domain.text import check_text
from vatui.i18n import _

NUMBER_FORMATS: Final = ("1,234.56", "1.234,56", "1 234,56")
DATE_ORDERS: Final = ("ymd", "dmy", "mdy")
WEEK_STARTS: Final = ("monday", "sunday")
ROUNDINGS: Final = (0, 1, 5, 6, 10, 15, 30, 60)
AUTO: Final = "auto"
"""Typed for a setting whose empty value means "from the environment"."""
MAX_COLUMNS: Final = 10
_EMAIL_RE: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True, slots=True)
class Rule:
    """How one setting is typed, checked and shown."""

    field: str
    """The field of ``Settings`` it sets."""
    parse: Callable[[str], Any]
    """Typed text → the field's value (``InputError`` when refused)."""
    allowed: Callable[[], str]
    """The values allowed, in words (translated when asked)."""
    show: Callable[[Any], str] = str
    """The field's value → text (what ``parse`` reads back)."""


def text_rule(
    field: str, max_len: int, *, required: bool = False, multiline: bool = False
) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = check_text(text, field, max_len, multiline=multiline)
        if required and not value:
            raise InputError(_("{field} cannot be empty").format(field=field))
        return value

    return parse


def choice_rule(choices: tuple[str, ...], *, auto: bool = False) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = text.strip().lower() if choices[0][:1].isalpha() else text.strip()
        if auto and value in ("", AUTO):
            return ""
        if value not in choices:
            raise InputError(
                _("{text!r} is not one of {allowed}").format(
                    text=text, allowed=", ".join(choices + ((AUTO,) if auto else ()))
                )
            )
        return value

    return parse


def int_rule(low: int, high: int, values: tuple[int, ...] = ()) -> Callable[[str], int]:
    """A whole number from ``low`` to ``high`` (one of ``values`` when given)."""

    def parse(text: str) -> int:
        value = text.strip()
        if not re.fullmatch(r"-?[0-9]{1,6}", value):
            raise InputError(_("{text!r} is not a whole number").format(text=text))
        number = int(value)
        if values and number not in values:
            raise InputError(
                _("{text!r} is not one of {allowed}").format(text=text, allowed=", ".join(map(str, values)))
            )
        if not low <= number <= high:
            raise InputError(
                _("{text!r} is not between {low} and {high}").format(text=text, low=low, high=high)
            )
        return number

    return parse


def parse_bool(text: str) -> bool:
    value = text.strip().lower()
    if value in ("yes", "true", "on", "1", "sí", "si"):
        return True
    if value in ("no", "false", "off", "0"):
        return False
    raise InputError(_("{text!r} is not yes or no").format(text=text))


def parse_email(text: str) -> str:
    value = check_text(text, _("the e-mail address"), 254)
    if value and not _EMAIL_RE.match(value):
        raise InputError(_("{text!r} is not an e-mail address").format(text=text))
    return value


@functools.lru_cache(maxsize=64)
def check_zone(name: str) -> str:
    """A tz database zone name, stripped (``utc`` is ``UTC``); refused otherwise. Asks the
    zone database for this one name only, so reading the settings stays fast."""
    from zoneinfo import ZoneInfo

    value = name.strip()
    if value.upper() == "UTC":
        return "UTC"
    try:
        if not value or value.startswith(("/", ".")) or "\\" in value:
            raise ValueError(value)
        ZoneInfo(value)
    except (ValueError, KeyError, OSError):
        raise InputError(
            _("{tz!r} is not a timezone (use a tz database name like Europe/Madrid)").format(tz=name)
        ) from None
    return value


def parse_language(text: str) -> str:
    return "" if text.strip().lower() in ("", AUTO) else check_language(text)


def parse_columns(text: str) -> tuple[str, ...]:
    """``Inbox,Next,Doing,Waiting,Done`` → the board's columns, left to right."""
    names = tuple(check_text(name, _("a column name"), 30) for name in text.split(","))
    if any(not name for name in names):
        raise InputError(_("a column name is empty in {text!r}").format(text=text))
    if not 3 <= len(names) <= MAX_COLUMNS:
        raise InputError(
            _("the board needs 3 to {most} columns, not {n}").format(most=MAX_COLUMNS, n=len(names))
        )
    folded = [name.casefold() for name in names]
    for name in names:
        if folded.count(name.casefold()) > 1:
            raise InputError(_("the column {name!r} is named twice").format(name=name))
    return names


def parse_holiday_country(text: str) -> str:
    from vatui.domain.public_holidays import check_country

    return "" if text.strip().lower() in ("", "none", "ninguno") else check_country(text)


def yes_no(value: Any) -> str:
    return "yes" if value else "no"


def or_auto(value: Any) -> str:
    return str(value) or AUTO
