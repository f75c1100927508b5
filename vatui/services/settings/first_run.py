"""The first run: sensible answers from the system, and a new workspace set up with them.

The timezone is read from the system (``TZ``, ``/etc/timezone``, the ``/etc/localtime``
link), the language from the environment; the currency and the number format follow
from them. Every answer is checked by the rule ``vatui settings set`` uses.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from vatui.domain.errors import InputError
from vatui.domain.settings import DEFAULT_COLUMNS, Settings
from vatui.domain.settings_rules import apply
from vatui.domain.settings_values import check_zone
from vatui.services.clients.language import environment_language
from vatui.store.workspace import Workspace

FIRST_RUN_KEYS = ("business_name", "language", "home_timezone", "default_currency", "number_format")
"""What the first run asks, in order."""

_CURRENCY_OF_ZONE = {
    "America/Bogota": "COP",
    "America/Mexico_City": "MXN",
    "America/Monterrey": "MXN",
    "America/Cancun": "MXN",
    "America/Tijuana": "MXN",
    "America/Merida": "MXN",
    "America/Chihuahua": "MXN",
    "America/Argentina/Buenos_Aires": "ARS",
    "America/Santiago": "CLP",
    "America/Lima": "PEN",
    "America/Sao_Paulo": "BRL",
    "Europe/London": "GBP",
    "America/Toronto": "CAD",
    "America/Vancouver": "CAD",
    "Australia/Sydney": "AUD",
    "Asia/Manila": "PHP",
    "Asia/Kolkata": "INR",
}
_EURO_ZONES = (
    "Madrid",
    "Paris",
    "Berlin",
    "Rome",
    "Lisbon",
    "Amsterdam",
    "Brussels",
    "Vienna",
    "Dublin",
    "Athens",
    "Helsinki",
    "Luxembourg",
    "Bratislava",
    "Ljubljana",
    "Tallinn",
    "Riga",
    "Vilnius",
    "Zagreb",
    "Malta",
    "Nicosia",
)


def detect_timezone(env: Mapping[str, str] | None = None, etc: Path = Path("/etc")) -> str:
    """The system's zone: ``TZ``, else ``/etc/timezone``, else where ``/etc/localtime``
    points; ``UTC`` when none of them names a zone vatui knows."""
    environ = os.environ if env is None else env
    candidates = [environ.get("TZ", "").lstrip(":")]
    try:
        candidates.append((etc / "timezone").read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        pass
    try:
        target = str((etc / "localtime").readlink())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except (OSError, ValueError):
        pass
    for name in candidates:
        if name and not name.startswith("/") and name.upper() not in ("UTC", "ETC/UTC"):
            try:
                return check_zone(name)
            except InputError:
                continue
    return "UTC"


def currency_for(zone: str) -> str:
    """The currency most people in ``zone`` bill in (a guess the VA may change)."""
    if zone in _CURRENCY_OF_ZONE:
        return _CURRENCY_OF_ZONE[zone]
    if zone.startswith("Europe/") and zone.split("/")[-1] in _EURO_ZONES:
        return "EUR"
    return "USD"


def number_format_for(language: str, currency: str) -> str:
    """``1.234,56`` for Spanish and euro amounts, ``1,234.56`` otherwise."""
    return "1.234,56" if language == "es" or currency in ("EUR", "COP", "ARS", "CLP", "BRL") else "1,234.56"


def suggested_answers(env: Mapping[str, str] | None = None, etc: Path = Path("/etc")) -> dict[str, str]:
    """What the first run offers before the VA types anything."""
    environ = os.environ if env is None else env
    language = environment_language() if env is None else _language_of(environ)
    zone = detect_timezone(environ, etc)
    currency = currency_for(zone)
    return {
        "business_name": "",
        "language": language,
        "home_timezone": zone,
        "default_currency": currency,
        "number_format": number_format_for(language, currency),
    }


def _language_of(env: Mapping[str, str]) -> str:
    for name in ("LANGUAGE", "LC_ALL", "LANG"):
        value = env.get(name, "")
        if value:
            return "es" if value[:2].lower() == "es" else "en"
    return "en"


def check_answers(answers: Mapping[str, str]) -> dict[str, str]:
    """Key → the reason it is refused (empty: every answer is good). An empty name keeps the default."""
    problems: dict[str, str] = {}
    for key, text in answers.items():
        if key == "business_name" and not text.strip():
            continue
        try:
            apply(Settings(), key, text)
        except InputError as exc:
            problems[key] = str(exc)
    return problems


def set_up(ws: Workspace, answers: Mapping[str, str]) -> Settings:
    """Write the first run's answers into the new workspace (all checked first)."""
    from vatui.services.settings.edit import set_settings

    wanted = {k: v for k, v in answers.items() if k in FIRST_RUN_KEYS and (k != "business_name" or v.strip())}
    columns = default_columns(wanted.get("language", ""))
    if columns != DEFAULT_COLUMNS:  # the board in the VA's language: "Entrada", "En curso"…
        wanted["columns"] = ",".join(columns)
    return set_settings(ws, wanted)


def default_columns(language: str) -> tuple[str, ...]:
    """The default board columns in ``language`` (English when it has none)."""
    from vatui.i18n import language_of, pgettext

    if not language:
        return DEFAULT_COLUMNS
    with language_of(language):
        return tuple(pgettext("board column", name) for name in DEFAULT_COLUMNS)
