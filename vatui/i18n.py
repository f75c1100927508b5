"""The one gettext function every user-facing string passes through.

Catalogs live under ``vatui/locale/<lang>/LC_MESSAGES/vatui.mo`` (Spanish ships; see the
README's "Español" section to add a language). The language comes from the workspace
setting ``language`` once it is known (:func:`set_language`), else from the environment
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``es_CO.UTF-8`` reads as Spanish),
else English, the source text.

Strings evaluated before the language is known (module constants, click ``help=`` texts,
key bindings) are marked with :func:`N_` and translated where they are shown.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_LOCALE_DIR = Path(__file__).parent / "locale"
#: The languages a catalog ships for, besides English (the source text).
LANGUAGES = ("en", "es")
_translation: _gettext.NullTranslations = _gettext.translation("vatui", localedir=_LOCALE_DIR, fallback=True)


def _(message: str) -> str:
    """Translate ``message`` for the current locale (English when none)."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count."""
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` in ``context``: "May" the month is not "may" the verb."""
    return _translation.pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now (translate it with
    :func:`_` where it is shown, once the language is known)."""
    return message


def NC_(context: str, message: str) -> str:
    """Mark ``message`` in ``context`` for the catalog (translate it with :func:`pgettext`)."""
    return message


def set_language(code: str) -> None:
    """Use the catalog for ``code`` (``en``, ``es``, ``es_CO``…); empty: the environment's."""
    global _translation
    if code:
        _translation = _gettext.translation("vatui", localedir=_LOCALE_DIR, languages=[code], fallback=True)
    else:
        _translation = _gettext.translation("vatui", localedir=_LOCALE_DIR, fallback=True)


def language() -> str:
    """The language in use: ``es`` with the Spanish catalog, ``en`` otherwise."""
    info = _translation.info()
    return info.get("language", "en").split("_")[0] or "en"


@contextmanager
def language_of(code: str) -> Iterator[None]:
    """Translate with ``code``'s catalog inside the block, then as before: one document
    (an invoice, a status report) in a client's language whatever the UI language.

    Empty ``code``: unchanged. It switches the one process-wide catalog, so it is meant for
    a document built in one go on one thread (the app builds documents on its main thread,
    the CLI has one); another thread translating meanwhile would see the switched language."""
    global _translation
    before = _translation
    if code and code.split("_")[0] != language():
        set_language(code)
    try:
        yield
    finally:
        _translation = before
