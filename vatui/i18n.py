"""The one gettext function every user-facing string passes through.

A catalog can be added under ``vatui/locale/<lang>/LC_MESSAGES/vatui.mo`` without
touching any logic: ``_`` looks it up, and falls back to the English source text.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

_LOCALE_DIR = Path(__file__).parent / "locale"
_translation: _gettext.NullTranslations = _gettext.translation(
    "vatui", localedir=_LOCALE_DIR, fallback=True
)


def _(message: str) -> str:
    """Translate ``message`` for the current locale (English when none)."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count."""
    return _translation.ngettext(singular, plural, n)
