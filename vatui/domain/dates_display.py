"""Dates in words, in the VA's language: ``Fri 4 Dec`` / ``vie 4 dic``, ``3 days ago`` / ``hace 3 días``.

English uses vatui's own words (``vatui.domain.words``, through ``_()``). Other languages
take weekday and month names and relative phrases from pendulum's locale data, imported
only when a non-English date is shown, so ``vatui today`` in English loads nothing more.
Abbreviations lose their dot (``vie.`` → ``vie``), as a VA writes them.

Only what people read goes through here; ``--json`` and stored values keep ISO dates.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Final

from vatui import i18n
from vatui.domain import words
from vatui.i18n import _, ngettext

_PATTERN_RE: Final = re.compile(r"%[aAbB]")


def current_language() -> str:
    """The UI language (``"en"``, ``"es"``, ...): ``vatui.i18n``'s, else English."""
    get = getattr(i18n, "current_language", None)
    if get is None:
        return "en"
    language = get()
    return language if isinstance(language, str) and language else "en"


def _base(language: str | None) -> str:
    return (language or current_language()).replace("-", "_").split("_")[0].casefold()


@cache
def _locale(language: str) -> dict[str, Any] | None:
    """pendulum's translations for ``language`` (with ``plural``), or None when it has none.

    Read from pendulum's locale file as data (``_read_locale``), which costs a few
    milliseconds, instead of importing pendulum (about 100 ms that ``vatui today`` would
    pay); if that ever fails, pendulum itself loads it.
    """
    found = _read_locale(language)
    if found is not None:
        return found
    try:
        from pendulum.locales.locale import Locale

        loaded = Locale.load(language)
    except (ValueError, ImportError):
        return None
    return {**loaded.get("translations", {}), "plural": loaded.plural}


def _one_other(n: int) -> str:
    return "one" if n == 1 else "other"


def _read_locale(language: str) -> dict[str, Any] | None:
    """The ``translations`` dict of ``pendulum/locales/<language>/locale.py``, read with ``ast``."""
    import ast
    from importlib.util import find_spec

    if not language.isalpha():
        return None
    try:
        spec = find_spec("pendulum")  # finds the package without running its __init__
        folders = list(spec.submodule_search_locations or ()) if spec else []
        if not folders:
            return None
        source = Path(folders[0], "locales", language, "locale.py").read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if isinstance(key, ast.Constant) and key.value == "translations":
                        table: dict[str, Any] = ast.literal_eval(value)
                        # pendulum's plural rule for es and en; other languages keep their
                        # own through pendulum (see ``_locale``) when their rule differs.
                        return {**table, "plural": _one_other} if language in _ONE_OTHER else None
    except (OSError, SyntaxError, ValueError, ImportError):
        return None
    return None


_ONE_OTHER: Final = frozenset({"en", "es", "de", "it", "nl", "sv", "da", "nb", "nn", "fo", "bg"})
"""Languages whose plural rule is "one" for 1, else "other" (CLDR)."""


def _names(kind: str, width: str, language: str) -> dict[int, str] | None:
    data = _locale(language)
    if data is None:
        return None
    table: dict[int, str] = data[kind][width]
    return {k: v.rstrip(".") for k, v in table.items()}


def weekday_abbr(weekday: int, language: str | None = None) -> str:
    """``Fri`` / ``vie`` (Monday is 0)."""
    lang = _base(language)
    names = None if lang == "en" else _names("days", "abbreviated", lang)
    return names[weekday] if names else _(words.WEEKDAY_ABBR[weekday])


def weekday_name(weekday: int, language: str | None = None) -> str:
    """``Friday`` / ``viernes`` (Monday is 0)."""
    lang = _base(language)
    names = None if lang == "en" else _names("days", "wide", lang)
    return names[weekday] if names else _(words.WEEKDAY_NAMES[weekday])


def month_abbr(month: int, language: str | None = None) -> str:
    """``Dec`` / ``dic`` (January is 1)."""
    lang = _base(language)
    names = None if lang == "en" else _names("months", "abbreviated", lang)
    return names[month] if names else _(words.MONTH_ABBR[month - 1])


def month_name(month: int, language: str | None = None) -> str:
    """``December`` / ``diciembre`` (January is 1)."""
    lang = _base(language)
    names = None if lang == "en" else _names("months", "wide", lang)
    return names[month] if names else _(words.MONTH_NAMES[month - 1])


def short_date(d: date, today: date, language: str | None = None) -> str:
    """``Fri 4 Dec`` / ``vie 4 dic``; with the year when it is not ``today``'s."""
    weekday, month = weekday_abbr(d.weekday(), language), month_abbr(d.month, language)
    if d.year == today.year:
        return _("{weekday} {day} {month}").format(weekday=weekday, day=d.day, month=month)
    return _("{weekday} {day} {month} {year}").format(weekday=weekday, day=d.day, month=month, year=d.year)


def day_month(d: date, *, short: bool = False, language: str | None = None) -> str:
    """``3 April`` / ``3 de abril`` (``short``: ``3 Apr`` / ``3 abr``)."""
    lang = _base(language)
    month = month_abbr(d.month, lang) if short else month_name(d.month, lang)
    if lang == "es" and not short:
        return f"{d.day} de {month}"
    return f"{d.day} {month}"


def format_date(d: date, pattern: str, language: str | None = None) -> str:
    """``d.strftime(pattern)`` with ``%a %A %b %B`` in the language (``%a %d %b`` → ``vie 04 dic``)."""
    names = {
        "%a": weekday_abbr(d.weekday(), language),
        "%A": weekday_name(d.weekday(), language),
        "%b": month_abbr(d.month, language),
        "%B": month_name(d.month, language),
    }
    parts = _PATTERN_RE.split(pattern)
    codes = _PATTERN_RE.findall(pattern)
    out = [d.strftime(parts[0]) if parts[0] else ""]
    for code, part in zip(codes, parts[1:], strict=True):
        out.append(names[code])
        out.append(d.strftime(part) if part else "")
    return "".join(out)


def relative_days(d: date, today: date, language: str | None = None) -> str:
    """``today``, ``in 2 days`` / ``dentro de 2 días``, ``3 days ago`` / ``hace 3 días``."""
    delta = (d - today).days
    lang = _base(language)
    data = None if lang == "en" else _locale(lang)
    if delta == 0 or data is None:
        if delta == 0:
            return _("today")
        if delta > 0:
            return ngettext("in {n} day", "in {n} days", delta).format(n=delta)
        return ngettext("{n} day ago", "{n} days ago", -delta).format(n=-delta)
    n = abs(delta)
    plural = data["plural"](n)
    table = data["relative"]["day"]["future" if delta > 0 else "past"]
    text: str = table.get(plural, table["other"])
    return text.format(n)
