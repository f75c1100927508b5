"""The VA's week: it starts on the day the ``week_start`` setting says."""

from __future__ import annotations

from datetime import date, timedelta

FIRST_WEEKDAY = {"monday": 0, "sunday": 6}
"""``week_start`` → Python's weekday number of the first day."""


def week_first_day(day: date, week_start: str = "monday") -> date:
    """The first day of the week ``day`` falls in (Monday, or Sunday with ``sunday``)."""
    first = FIRST_WEEKDAY.get(week_start, 0)
    return day - timedelta(days=(day.weekday() - first) % 7)


WORK_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""The canonical names of the ``work_days`` setting, Monday first."""


def parse_work_days(text: str) -> str:
    """``mon,tue,wed`` (English or Spanish names, any order, a range like ``mon-fri``) → the
    canonical comma list, Monday first; ``InputError`` when a name is unknown or none is given."""
    import unicodedata

    from vatui.domain import words, words_es
    from vatui.domain.errors import InputError
    from vatui.i18n import _

    def number(name: str) -> int:
        plain = "".join(
            c
            for c in unicodedata.normalize("NFD", name.strip().casefold())
            if unicodedata.category(c) != "Mn"
        )
        found = words.WEEKDAYS.get(plain, words_es.ES_WEEKDAYS.get(plain))
        if found is None:
            raise InputError(
                _("'{name}' is not a weekday (use mon, tue, wed, thu, fri, sat, sun)").format(name=name)
            )
        return found

    days: set[int] = set()
    for part in text.split(","):
        if not part.strip():
            continue
        first, dash, last = part.partition("-")
        if dash:
            a, b = number(first), number(last)
            days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        else:
            days.add(number(first))
    if not days:
        raise InputError(_("name at least one working day, like mon,tue,wed,thu,fri"))
    return ",".join(WORK_DAY_NAMES[d] for d in sorted(days))


def work_day_numbers(text: str) -> tuple[int, ...]:
    """The weekday numbers (Monday is 0) of a stored ``work_days`` value; Monday to Friday
    when it names none it knows."""
    found = tuple(sorted({WORK_DAY_NAMES.index(p) for p in text.split(",") if p in WORK_DAY_NAMES}))
    return found or (0, 1, 2, 3, 4)
