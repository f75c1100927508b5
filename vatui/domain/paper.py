"""The paper a PDF document is laid out on: A4, or US Letter where Letter is the usual paper.

The ``paper_size`` setting says ``a4`` or ``letter``; empty (``auto``) follows the home
timezone: Letter in the United States, Canada, Mexico, Colombia, Venezuela, Chile, the
Philippines and the Central American and Caribbean countries that use it, A4 everywhere else
(a zone cannot name a country exactly, so a VA elsewhere sets it once).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from vatui.domain.settings import Settings

PAPER_SIZES: Final = ("a4", "letter")
"""The paper sizes offered (the ``paper_size`` setting)."""


@dataclass(frozen=True, slots=True)
class Paper:
    """A sheet of paper in millimetres, portrait."""

    name: str
    """``a4`` or ``letter``."""
    width: float
    """Width, mm."""
    height: float
    """Height, mm."""


A4: Final = Paper("a4", 210.0, 297.0)
LETTER: Final = Paper("letter", 215.9, 279.4)

_LETTER_PREFIXES: Final = ("US/", "Canada/", "America/Indiana/", "America/Kentucky/", "America/North_Dakota/")
_LETTER_ZONES: Final = frozenset(
    {
        # United States
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
        "America/Phoenix", "America/Anchorage", "America/Juneau", "America/Sitka", "America/Nome",
        "America/Yakutat", "America/Metlakatla", "America/Adak", "America/Boise", "America/Detroit",
        "America/Menominee", "America/Puerto_Rico", "Pacific/Honolulu", "Pacific/Guam",
        "Pacific/Pago_Pago", "America/St_Thomas",
        # Canada
        "America/Toronto", "America/Vancouver", "America/Edmonton", "America/Winnipeg",
        "America/Halifax", "America/St_Johns", "America/Regina", "America/Moncton",
        "America/Glace_Bay", "America/Goose_Bay", "America/Whitehorse", "America/Dawson",
        "America/Dawson_Creek", "America/Creston", "America/Fort_Nelson", "America/Yellowknife",
        "America/Inuvik", "America/Iqaluit", "America/Rankin_Inlet", "America/Resolute",
        "America/Cambridge_Bay", "America/Swift_Current", "America/Atikokan", "America/Montreal",
        # Mexico
        "America/Mexico_City", "America/Cancun", "America/Merida", "America/Monterrey",
        "America/Matamoros", "America/Chihuahua", "America/Ciudad_Juarez", "America/Ojinaga",
        "America/Mazatlan", "America/Bahia_Banderas", "America/Hermosillo", "America/Tijuana",
        # South and Central America, the Caribbean, Asia
        "America/Bogota", "America/Caracas", "America/Santiago", "America/Punta_Arenas",
        "America/Guatemala", "America/El_Salvador", "America/Tegucigalpa", "America/Managua",
        "America/Costa_Rica", "America/Panama", "America/Santo_Domingo", "Asia/Manila",
    }
)  # fmt: skip


def auto_paper(home_timezone: str) -> Paper:
    """The usual paper where ``home_timezone`` is."""
    if home_timezone in _LETTER_ZONES or home_timezone.startswith(_LETTER_PREFIXES):
        return LETTER
    return A4


def paper_of(settings: Settings) -> Paper:
    """The paper PDF documents use: the ``paper_size`` setting, else from the home timezone."""
    if settings.paper_size == "letter":
        return LETTER
    if settings.paper_size == "a4":
        return A4
    return auto_paper(settings.home_timezone)
