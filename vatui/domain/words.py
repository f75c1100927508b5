"""Every word the domain parsers understand, as data, in one place.

The parsers in ``vatui.domain`` (dates, durations, amounts, recurrence, quick add) look
words up here and hold no word of their own. Keys are lower case (the parsers casefold
the user's text first). Spanish has its own tables (``ES_...``, written without accents)
in ``vatui.domain.words_es``, with the clashes between the two languages (``mar``,
``ago``) and how they are resolved.

The display names at the end (``WEEKDAY_ABBR``, ``MONTH_ABBR``) are English source text
that the caller passes through ``_()`` when it shows them.
"""

from __future__ import annotations

from typing import Final, Literal

#: Weekday words, to Python's weekday number (Monday is 0).
WEEKDAYS: Final[dict[str, int]] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

#: Month words, to the month number (January is 1).
MONTHS: Final[dict[str, int]] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

#: Words for a day relative to today, to the offset in days.
RELATIVE_DAYS: Final[dict[str, int]] = {
    "today": 0,
    "tomorrow": 1,
    "tmrw": 1,
    "yesterday": -1,
}

NamedDate = Literal["next_week", "end_of_week", "end_of_month", "next_month"]

#: Phrases for a date computed from today (see ``vatui.domain.dates`` for each rule).
NAMED_DATES: Final[dict[str, NamedDate]] = {
    "next week": "next_week",
    "eow": "end_of_week",
    "end of week": "end_of_week",
    "eom": "end_of_month",
    "end of month": "end_of_month",
    "next month": "next_month",
}

DateUnit = Literal["days", "weeks", "months", "years"]

#: Units of a date offset (``+3d``, ``in 2 weeks``). ``m`` is months here.
DATE_UNITS: Final[dict[str, DateUnit]] = {
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    "m": "months",
    "mo": "months",
    "month": "months",
    "months": "months",
    "y": "years",
    "yr": "years",
    "yrs": "years",
    "year": "years",
    "years": "years",
}

#: The word that starts a forward offset: ``in 3 days``.
IN_WORDS: Final[frozenset[str]] = frozenset({"in"})

#: The word that ends a backward offset: ``3 days ago``.
AGO_WORDS: Final[frozenset[str]] = frozenset({"ago"})

#: The word that asks for the week after (refused with a hint: "next fri" is ambiguous).
NEXT_WORDS: Final[frozenset[str]] = frozenset({"next"})

#: Count words accepted where a number is expected (``in a week``).
NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

#: Suffixes allowed after a day number: ``5th``, ``1st``.
ORDINAL_SUFFIXES: Final[tuple[str, ...]] = ("st", "nd", "rd", "th")

#: Filler between a day and its month: ``5th of december``.
OF_WORDS: Final[frozenset[str]] = frozenset({"of"})

#: Units of a duration (``1h30m``), to minutes. ``m`` is minutes here.
DURATION_UNITS: Final[dict[str, int]] = {
    "h": 60,
    "hr": 60,
    "hrs": 60,
    "hour": 60,
    "hours": 60,
    "m": 1,
    "min": 1,
    "mins": 1,
    "minute": 1,
    "minutes": 1,
}

Priority = Literal["low", "med", "high"]

#: Priority words after ``!`` in quick add, to the stored priority.
PRIORITIES: Final[dict[str, Priority]] = {
    "low": "low",
    "l": "low",
    "med": "med",
    "medium": "med",
    "m": "med",
    "normal": "med",
    "high": "high",
    "h": "high",
    "hi": "high",
}

RecurrenceUnit = Literal["day", "week", "month", "year"]

#: One-word recurrences with an interval of one, to their unit.
RECURRENCE_WORDS: Final[dict[str, RecurrenceUnit]] = {
    "daily": "day",
    "day": "day",
    "weekly": "week",
    "week": "week",
    "monthly": "month",
    "month": "month",
    "yearly": "year",
    "year": "year",
    "annually": "year",
}

#: Words for "every working day" (Monday to Friday).
WORKDAY_WORDS: Final[frozenset[str]] = frozenset({"weekdays", "weekday", "workdays"})

#: Interval letters of a recurrence (``2w``, ``3d``, ``2m``, ``1y``).
RECURRENCE_UNITS: Final[dict[str, RecurrenceUnit]] = {
    "d": "day",
    "day": "day",
    "days": "day",
    "w": "week",
    "week": "week",
    "weeks": "week",
    "m": "month",
    "month": "month",
    "months": "month",
    "y": "year",
    "year": "year",
    "years": "year",
}

#: Words for the last day of the month in a recurrence.
LAST_WORDS: Final[frozenset[str]] = frozenset({"last", "eom"})

#: Optional leading word of a recurrence: ``every monday``.
EVERY_WORDS: Final[frozenset[str]] = frozenset({"every", "each"})

QuickAddKey = Literal["due", "every", "in"]

#: ``key:`` words in quick add, to what they set.
QUICKADD_KEYS: Final[dict[str, QuickAddKey]] = {
    "due": "due",
    "every": "every",
    "repeat": "every",
    "in": "in",
    "col": "in",
    "column": "in",
}

#: Active ISO 4217 codes (and a few recently withdrawn ones still seen on invoices).
ISO_CURRENCIES: Final[frozenset[str]] = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV
    BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE
    CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD
    HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD
    KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN
    MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD
    RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS
    TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST
    XAF XAG XAU XCD XCG XDR XOF XPD XPF XPT YER ZAR ZMW ZWG ZWL
    """.split()
)

#: Short weekday names for display, Monday first (English source text for ``_()``).
WEEKDAY_ABBR: Final[tuple[str, ...]] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

#: Full weekday names for display, Monday first (English source text for ``_()``).
WEEKDAY_NAMES: Final[tuple[str, ...]] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

#: Short month names for display, January first (English source text for ``_()``).
MONTH_ABBR: Final[tuple[str, ...]] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)

#: Full month names for messages, January first (English source text for ``_()``).
MONTH_NAMES: Final[tuple[str, ...]] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
