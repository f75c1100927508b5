"""Spanish dates and recurrences, read into the English forms the parsers know.

``parse_date`` and ``Recurrence.parse`` accept both languages whatever the UI language
(a VA types either). This module rewrites a Spanish phrase into its English twin before
the English rules run, so every rule (and every refusal) is written once:

=================================  ==================================
typed                              read as
=================================  ==================================
``hoy``, ``mañana``, ``ayer``      ``today``, ``tomorrow``, ``yesterday``
``pasado mañana``, ``anteayer``    ``in 2 days``, ``2 days ago``
``viernes``, ``vie``, ``sábado``   ``friday``, ``fri``, ``saturday``
``el lunes``, ``próximo lunes``    ``monday`` (the next one after today)
``mar`` (alone)                    ``tuesday`` (``5 mar`` is 5 March)
``en 3 días``, ``dentro de 2 sem``  ``in 3 days``, ``in 2 weeks``
``hace 3 días``                    ``3 days ago``
``fin de mes``, ``fin de semana``  ``eom``, ``eow`` (the coming Friday)
``próxima semana``, ``mes que      ``next week``, ``next month``
viene``
``5 dic``, ``5 de diciembre``,     ``5 dec``, ``5 of dec``, ``5 of dec 2027``
``5 de diciembre de 2027``
``vie 4 dic``                      ``fri 4 dec`` (the weekday is checked)
``1º de enero``                    ``1 of jan``
=================================  ==================================

The words live in ``vatui.domain.words`` (the ``ES_`` tables); accents and case do not
matter (``sabado`` is ``sábado``). Text that is not Spanish comes back unchanged.
"""

from __future__ import annotations

import re
from typing import Final

from vatui.domain import words, words_es
from vatui.domain.fold import fold

_EN_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EN_MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_UNITS: Final[dict[words.DateUnit, str]] = {
    "days": "days",
    "weeks": "weeks",
    "months": "months",
    "years": "years",
}
_NAMED_EN: Final[dict[words.NamedDate, str]] = {
    "next_week": "next week",
    "end_of_week": "eow",
    "end_of_month": "eom",
    "next_month": "next month",
}
_ORDINAL_DAY_RE: Final = re.compile(r"^([0-9]{1,2})(?:o|°|ro|er|a)$")
_YEAR_RE: Final = re.compile(r"^[0-9]{4}$")
_DAY_RE: Final = re.compile(r"^[0-9]{1,2}$")
_ONE_WORD_EN: Final[dict[words.RecurrenceUnit, str]] = {
    "day": "daily",
    "week": "weekly",
    "month": "monthly",
    "year": "yearly",
}
_UNIT_LETTER: Final[dict[words.RecurrenceUnit, str]] = {"day": "d", "week": "w", "month": "m", "year": "y"}
_INTERVAL_RE: Final = re.compile(r"^([0-9]+)\s*([^\W\d_]+)$")
_MONTHDAY_RE: Final = re.compile(r"^(?:el\s+)?(?:dia\s+)?([0-9]{1,2})(?:o|°)?(?:\s+de\s+cada\s+mes)?$")


def _is_day(token: str | None) -> bool:
    return token is not None and bool(_DAY_RE.match(token))


def _is_month(token: str) -> bool:
    return token in words_es.ES_MONTHS or token in words.MONTHS


def _weekday_phrase(s: str) -> str | None:
    """``el lunes``, ``próximo mar``, ``lunes``: the English weekday, else None."""
    if s in words_es.ES_WEEKDAYS:
        return _EN_WEEKDAYS[words_es.ES_WEEKDAYS[s]]
    for lead in sorted(words_es.ES_NEXT_WORDS, key=len, reverse=True):
        rest = s.removeprefix(lead + " ")
        if rest != s and rest in words_es.ES_WEEKDAYS:
            return _EN_WEEKDAYS[words_es.ES_WEEKDAYS[rest]]
    return None


def _token(tokens: list[str], i: int) -> str:
    """One word of a date in its English form (months before weekdays: ``5 mar`` is March)."""
    t = tokens[i]
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    m = _ORDINAL_DAY_RE.match(t)
    if m is not None:
        return m.group(1)
    if t == "ago" and before is not None and (before in words.DATE_UNITS or before in words_es.ES_DATE_UNITS):
        return t
    if t in words_es.ES_OF_WORDS:
        return "" if after is not None and _YEAR_RE.match(after) else "of"
    weekday_first = i == 0 and len(tokens) > 2 and _is_day(after) and _is_month(tokens[2])
    if (
        t in words_es.ES_MONTHS
        and not weekday_first
        and (_is_day(before) or _is_day(after) or before in words_es.ES_OF_WORDS)
    ):
        return _EN_MONTHS[words_es.ES_MONTHS[t] - 1]
    if t in words_es.ES_WEEKDAYS and (weekday_first or (t not in words.WEEKDAYS and t not in words.MONTHS)):
        return _EN_WEEKDAYS[words_es.ES_WEEKDAYS[t]]
    if t in words_es.ES_MONTHS and t not in words.MONTHS:
        return _EN_MONTHS[words_es.ES_MONTHS[t] - 1]
    if t in words_es.ES_DATE_UNITS:
        return _EN_UNITS[words_es.ES_DATE_UNITS[t]]
    if t in words_es.ES_NUMBER_WORDS:
        return str(words_es.ES_NUMBER_WORDS[t])
    if t in words_es.ES_IN_WORDS:
        return "in"
    return t


def date_to_english(s: str) -> str:
    """``s`` (normalised: lower case, single spaces) with Spanish date words in English."""
    f = fold(s)
    if f in words_es.ES_RELATIVE_DAYS:
        n = words_es.ES_RELATIVE_DAYS[f]
        return {0: "today", 1: "tomorrow", -1: "yesterday"}.get(n) or (
            f"in {n} days" if n > 0 else f"{-n} days ago"
        )
    if f in words_es.ES_NAMED_DATES:
        return _NAMED_EN[words_es.ES_NAMED_DATES[f]]
    weekday = _weekday_phrase(f)
    if weekday is not None:
        return weekday
    first, _sep, rest = f.partition(" ")
    if first in words_es.ES_AGO_WORDS and rest:
        return date_to_english(rest) + " ago"
    if first == "el" and rest:
        f = rest
    if f.startswith("dentro de "):
        f = "en " + f.removeprefix("dentro de ")
    tokens = f.split()
    out = [_token(tokens, i) for i in range(len(tokens))]
    english = " ".join(t for t in out if t)
    return english if english != f else s


def recurrence_to_english(s: str) -> str:
    """A recurrence (lower case) with Spanish words in English: ``cada lunes`` → ``monday``."""
    f = " ".join(fold(s).replace("-", " ").replace("_", " ").split())
    for lead in sorted(words_es.ES_EVERY_WORDS, key=len, reverse=True):
        if f.startswith(lead + " "):
            f = f.removeprefix(lead + " ")
            break
    if f in words_es.ES_RECURRENCE_WORDS:
        return _ONE_WORD_EN[words_es.ES_RECURRENCE_WORDS[f]]
    if f in words_es.ES_WORKDAY_WORDS:
        return "weekdays"
    if f in words_es.ES_LAST_WORDS:
        return "last"
    day = f if f in words_es.ES_WEEKDAYS else f.removesuffix("s")
    if day in words_es.ES_WEEKDAYS and not (f in words.WEEKDAYS or f.removesuffix("s") in words.WEEKDAYS):
        return _EN_WEEKDAYS[words_es.ES_WEEKDAYS[day]]
    m = _MONTHDAY_RE.match(f)
    if m is not None and f != m.group(1):
        return _ordinal(int(m.group(1)))
    m = _INTERVAL_RE.match(f)
    if m is not None and m.group(2) in words_es.ES_RECURRENCE_UNITS:
        return m.group(1) + _UNIT_LETTER[words_es.ES_RECURRENCE_UNITS[m.group(2)]]
    return s


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return str(day) + {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
