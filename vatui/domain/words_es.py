"""Every Spanish word the domain parsers understand, as data, in one place (the English
ones, and the types of what a word means, are ``vatui.domain.words``).

Spanish words, written without accents: the parsers fold accents and case first
(``vatui.domain.fold``), so ``sábado``, ``Sábado`` and ``sabado`` are one word. The date
parser (``vatui.domain.dates_es``) reads them into the English forms of ``words``; both
languages are accepted whatever the UI language.

Clashes, and how they are resolved:

- ``mar`` is martes and marzo. Next to a day number (``5 mar``, ``mar 5``, ``5 de mar``)
  it is March, as in English; alone (or after ``el``/``próximo``) it is Tuesday.
- ``ago`` is agosto and English "ago". After a unit (``3 days ago``) it is "ago";
  otherwise (``5 ago``) August.
- ``en`` (in) and ``de``/``del`` (of) are not English words, so they never clash.
- ``próximo lunes`` / ``el lunes`` is the next Monday strictly after today, like ``lunes``
  (English ``next fri`` stays refused as ambiguous).
- ``fin de semana`` is the end of the working week, like ``eow`` (the coming Friday)."""

from __future__ import annotations

from typing import Final

from vatui.domain.words import DateUnit, NamedDate, Priority, QuickAddKey, RecurrenceUnit

#: Spanish weekday words, to Python's weekday number (``mar`` alone: see above).
ES_WEEKDAYS: Final[dict[str, int]] = {
    "lunes": 0,
    "lun": 0,
    "lu": 0,
    "martes": 1,
    "mar": 1,
    "ma": 1,
    "miercoles": 2,
    "mie": 2,
    "mier": 2,
    "mi": 2,
    "jueves": 3,
    "jue": 3,
    "ju": 3,
    "viernes": 4,
    "vie": 4,
    "vi": 4,
    "sabado": 5,
    "sab": 5,
    "sa": 5,
    "domingo": 6,
    "dom": 6,
    "do": 6,
}

#: Spanish month words, to the month number (``mar``/``ago``: see above).
ES_MONTHS: Final[dict[str, int]] = {
    "enero": 1,
    "ene": 1,
    "febrero": 2,
    "feb": 2,
    "marzo": 3,
    "mar": 3,
    "abril": 4,
    "abr": 4,
    "mayo": 5,
    "may": 5,
    "junio": 6,
    "jun": 6,
    "julio": 7,
    "jul": 7,
    "agosto": 8,
    "ago": 8,
    "septiembre": 9,
    "setiembre": 9,
    "sep": 9,
    "sept": 9,
    "set": 9,
    "octubre": 10,
    "oct": 10,
    "noviembre": 11,
    "nov": 11,
    "diciembre": 12,
    "dic": 12,
}

#: Spanish words for a day relative to today, to the offset in days.
ES_RELATIVE_DAYS: Final[dict[str, int]] = {
    "hoy": 0,
    "manana": 1,
    "pasado manana": 2,
    "ayer": -1,
    "anteayer": -2,
    "antier": -2,
}

#: Spanish phrases for a date computed from today (the same rules as ``NAMED_DATES``).
ES_NAMED_DATES: Final[dict[str, NamedDate]] = {
    "proxima semana": "next_week",
    "la proxima semana": "next_week",
    "semana que viene": "next_week",
    "la semana que viene": "next_week",
    "fin de semana": "end_of_week",
    "el fin de semana": "end_of_week",
    "fin de mes": "end_of_month",
    "el fin de mes": "end_of_month",
    "proximo mes": "next_month",
    "el proximo mes": "next_month",
    "mes que viene": "next_month",
    "el mes que viene": "next_month",
}

#: Spanish units of a date offset (``en 3 días``, ``hace 2 semanas``).
ES_DATE_UNITS: Final[dict[str, DateUnit]] = {
    "dia": "days",
    "dias": "days",
    "semana": "weeks",
    "semanas": "weeks",
    "sem": "weeks",
    "mes": "months",
    "meses": "months",
    "ano": "years",
    "anos": "years",
}

#: Words that start a forward offset: ``en 3 días``, ``dentro de 2 semanas``.
ES_IN_WORDS: Final[frozenset[str]] = frozenset({"en", "dentro de"})

#: The word that starts a backward offset: ``hace 3 días``.
ES_AGO_WORDS: Final[frozenset[str]] = frozenset({"hace"})

#: Words before a weekday that still mean its next occurrence: ``el lunes``, ``próximo lunes``.
ES_NEXT_WORDS: Final[frozenset[str]] = frozenset(
    {
        "el",
        "este",
        "proximo",
        "proxima",
        "el proximo",
        "este proximo",
    }
)

#: Spanish count words (``en una semana``).
ES_NUMBER_WORDS: Final[dict[str, int]] = {
    "un": 1,
    "una": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
}

#: Filler between a day, its month and its year: ``5 de diciembre de 2027``.
ES_OF_WORDS: Final[frozenset[str]] = frozenset({"de", "del"})

#: Spanish priorities after ``!`` in quick add.
ES_PRIORITIES: Final[dict[str, Priority]] = {
    "baja": "low",
    "b": "low",
    "media": "med",
    "normal": "med",
    "alta": "high",
    "a": "high",
    "urgente": "high",
}

#: Spanish ``key:`` words in quick add.
ES_QUICKADD_KEYS: Final[dict[str, QuickAddKey]] = {
    "vence": "due",
    "vencimiento": "due",
    "fecha": "due",
    "cada": "every",
    "repite": "every",
    "repetir": "every",
    "en": "in",
    "columna": "in",
    "col": "in",
}

#: Spanish one-word recurrences (``cada:semana``, ``cada:día``, ``mensual``).
ES_RECURRENCE_WORDS: Final[dict[str, RecurrenceUnit]] = {
    "diario": "day",
    "diaria": "day",
    "dia": "day",
    "todos los dias": "day",
    "semanal": "week",
    "semana": "week",
    "mensual": "month",
    "mes": "month",
    "anual": "year",
    "ano": "year",
}

#: Spanish words for "every working day".
ES_WORKDAY_WORDS: Final[frozenset[str]] = frozenset(
    {
        "laborables",
        "dias laborables",
        "laborable",
        "entre semana",
        "dias habiles",
        "habiles",
    }
)

#: Spanish interval units of a recurrence (``cada:2 semanas``).
ES_RECURRENCE_UNITS: Final[dict[str, RecurrenceUnit]] = {
    "dia": "day",
    "dias": "day",
    "semana": "week",
    "semanas": "week",
    "mes": "month",
    "meses": "month",
    "ano": "year",
    "anos": "year",
}

#: Spanish words for the last day of the month in a recurrence.
ES_LAST_WORDS: Final[frozenset[str]] = frozenset({"ultimo", "ultimo dia", "fin de mes"})

#: Optional leading words of a recurrence: ``cada lunes``, ``todos los lunes``.
ES_EVERY_WORDS: Final[frozenset[str]] = frozenset({"cada", "todos los", "todas las"})
