"""Public holidays by country and region, from the ``holidays`` package.

The package is imported only when a holiday is asked for (a forecast, or setting
``holiday_country``/``holiday_region``): ``vatui today`` never loads it. Reading the stored
settings checks only the values' shape (``country_shape``/``region_shape``), for the same
reason; ``check_country``/``check_region`` ask the package.

Names come in the language in use when the package has it for that country (``es``, or
``en_US`` for English), else in the country's own language.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Final

from vatui.domain.errors import InputError
from vatui.i18n import _

_COUNTRY_RE: Final = re.compile(r"^[A-Z]{2,3}$")
_REGION_RE: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _-]{0,39}$")
_LANGUAGES: Final = {"es": ("es",), "en": ("en_US", "en_GB", "en")}
"""vatui's language → the package's language codes to try, in order."""


def _supported() -> dict[str, list[str]]:
    import holidays

    found: dict[str, list[str]] = holidays.list_supported_countries()
    return found


def country_shape(text: str) -> str:
    """A stored ``holiday_country``: empty, or two or three capital letters."""
    value = text.strip().upper()
    if value and not _COUNTRY_RE.match(value):
        raise InputError(_("'{text}' is not a country code (like CO, MX, ES or US)").format(text=text))
    return value


def region_shape(text: str) -> str:
    """A stored ``holiday_region``: empty, or a short code of letters and digits."""
    value = text.strip()
    if value and not _REGION_RE.match(value):
        raise InputError(_("'{text}' is not a region code (like MD for Madrid)").format(text=text))
    return value


def check_country(text: str) -> str:
    """An ISO country code the holiday calendar knows (upper case), or empty for none."""
    value = country_shape(text)
    if value and value not in _supported():
        raise InputError(
            _("'{text}' is not a country the holiday calendar knows (like CO, MX, ES or US)").format(
                text=text
            )
        )
    return value


def regions(country: str) -> list[str]:
    """The subdivisions the calendar knows for ``country`` (empty for an unknown one)."""
    return list(_supported().get(country, []))


def check_region(country: str, text: str) -> str:
    """One of ``country``'s subdivisions (its own spelling), or empty for national holidays."""
    value = region_shape(text)
    if not value:
        return ""
    if not country:
        raise InputError(_("set holiday_country first (a region belongs to a country)"))
    known = regions(country)
    for code in known:
        if code.casefold() == value.casefold():
            return code
    if not known:
        raise InputError(
            _(
                "'{text}' is not a region of {country}: the calendar has no regions for {country}: leave holiday_region empty"
            ).format(text=text, country=country)
        )
    shown = ", ".join(known[:30]) + (", …" if len(known) > 30 else "")
    raise InputError(
        _("'{text}' is not a region of {country} (regions: {regions})").format(
            text=text, country=country, regions=shown
        )
    )


def holidays_between(
    country: str, region: str, first: date, last: date, language: str = "en"
) -> dict[date, str]:
    """The public holidays from ``first`` to ``last`` (both included) with their names;
    ``InputError`` naming the setting when the country or region is not known."""
    if not country or last < first:
        return {}
    import holidays

    try:
        kind: Any = holidays.country_holidays(country, subdiv=region or None)
    except (NotImplementedError, KeyError):
        raise InputError(
            _("holiday_country: '{country}' is not known to the holiday calendar").format(country=country)
        ) from None
    except ValueError:
        raise InputError(
            _("holiday_region: '{region}' is not a region of {country}").format(
                region=region, country=country
            )
        ) from None
    supported = tuple(getattr(kind, "supported_languages", ()) or ())
    wanted = next((code for code in _LANGUAGES.get(language, ()) if code in supported), None)
    found = holidays.country_holidays(
        country, subdiv=region or None, years=range(first.year, last.year + 1), language=wanted
    )
    return {day: str(name) for day, name in sorted(found.items()) if first <= day <= last}
