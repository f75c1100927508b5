"""When recurring expenses fall due: the rule ``create_due_expenses`` applies, and the cheap
questions asked at every open (``services.session``'s housekeeping, the kept Today summary),
without the expense service's imports (the records, the clients): an open with nothing due
imports only this."""

from __future__ import annotations

import calendar
from datetime import date

from vatui.domain.dates import MAX_DATE, first_day_holding
from vatui.services.queries import expense_docs
from vatui.store.workspace import Workspace

RECURRENCES = ("monthly", "yearly")
"""How often a recurring expense comes back."""

MAX_OCCURRENCES = 1200


def occurrence_dates(first: date, every: str, until: date) -> list[date]:
    """The dates of a recurring expense from ``first`` to ``until`` inclusive; the series
    ends at ``MAX_DATE`` (no occurrence is made past it)."""
    until = min(until, MAX_DATE)
    out: list[date] = []
    n = 0
    while len(out) < MAX_OCCURRENCES:
        if every == "monthly":
            months = first.month - 1 + n
            year, month = first.year + months // 12, months % 12 + 1
        else:
            year, month = first.year + n, first.month
        day = min(first.day, calendar.monthrange(year, month)[1])
        current = date(year, month, day)
        if current > until:
            break
        out.append(current)
        n += 1
    return out


def due_expense_count(ws: Workspace, today: date) -> int:
    """How many occurrences ``create_due_expenses`` would create (cheap, no write)."""
    docs = expense_docs(ws)
    templates = [(int(k), d) for k, d in docs.items() if d.get("recurrence") in RECURRENCES]
    if not templates:
        return 0
    have = {(d.get("template_id"), d["on"]) for d in docs.values() if d.get("template_id") is not None}
    count = 0
    for key, doc in templates:
        for day in occurrence_dates(date.fromisoformat(doc["on"]), doc["recurrence"], today):
            count += (key, day.isoformat()) not in have
    return count


def first_expense_due(ws: Workspace, first: date, last: date) -> date | None:
    """The first day from ``first`` to ``last`` on which ``create_due_expenses`` would create
    something (``None``: none in the range). The same rule as ``due_expense_count``, asked
    day by day: a kept Today summary is served only before that day. What is due by a day
    stays due the days after (occurrences only accumulate), so ``last`` is asked first:
    most opens stop there."""
    return first_day_holding(first, last, lambda day: due_expense_count(ws, day) > 0)
