"""Recurring invoices: the stored schedule and its periods, pure.

A schedule bills one client every month on a fixed day (``day`` 1–28, or ``LAST_DAY``
(31): the last day of each month) from its ``start`` date. Each period is named by the
date its draft is issued on; the first period is the first such date on or after
``start``. ``last_period`` is the marker of the last period drafted (or skipped): the
service decides inside the store's transaction which periods are due (after the marker,
up to today) and moves the marker on in the same write, so two sessions opening at once
draft each period exactly once.

Catching up after a long absence drafts one invoice per missed period, at most
``CATCH_UP_CAP``: the most recent ones; older periods are skipped and said so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vatui.domain.dates import MAX_DATE, days_in_month
from vatui.domain.errors import InputError
from vatui.domain.ledger import LineItem
from vatui.domain.records import Record
from vatui.i18n import _

EVERY = ("month",)
"""How often a schedule bills (only monthly today)."""

LAST_DAY = 31
"""``day`` for the last day of every month."""

MAX_DAY = 28
"""The highest fixed day (every month has it); past it, use ``LAST_DAY``."""

CATCH_UP_CAP = 12
"""The most drafts one catch-up makes: the latest periods; older ones are skipped."""

MAX_PERIODS = 2400
"""A bound on the periods walked (200 years of months)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RecurringInvoice(Record):
    """A recurring invoice: a draft for ``client_id`` every period from ``start``."""

    client_id: int
    """Who is billed."""
    every: str = "month"
    """One of ``EVERY``."""
    day: int
    """Day of the month the draft is issued: 1–28, or 31 for the month's last day."""
    start: date
    """The first day a period may fall on."""
    items: tuple[LineItem, ...] = ()
    """The free lines each draft bills (description, quantity, unit price)."""
    retainer: bool = False
    """Each draft bills the client's monthly retainer fee, the month named on the line."""
    notes: str = ""
    """Printed on each draft."""
    last_period: date | None = None
    """The marker: the last period drafted (or skipped); ``None`` before the first."""
    stopped_on: date | None = None
    """When it was stopped (no draft after it); ``None`` while it runs."""


def check_day(day: int) -> int:
    """A schedule's day: 1–28, or 31 for the last day of each month."""
    if not (1 <= day <= MAX_DAY or day == LAST_DAY):
        raise InputError(
            _("the day must be 1 to {max}, or {last} for the last day of the month (not {day})").format(
                max=MAX_DAY, last=LAST_DAY, day=day
            )
        )
    return day


def check_every(every: str) -> str:
    """How often: ``month`` (``monthly`` is read too)."""
    value = every.strip().lower()
    value = {"monthly": "month", "months": "month"}.get(value, value)
    if value not in EVERY:
        raise InputError(_("a recurring invoice comes every month (not {e!r})").format(e=every))
    return value


def default_day(start: date) -> int:
    """The day a schedule bills when none is given: the start's own (past the 28th, the last day)."""
    return start.day if start.day <= MAX_DAY else LAST_DAY


def period_date(year: int, month: int, day: int) -> date:
    """The period of ``year``/``month`` for ``day`` (``LAST_DAY``: the month's last day)."""
    last = days_in_month(year, month)
    return date(year, month, last if day == LAST_DAY else min(day, last))


def periods(schedule: RecurringInvoice, until: date) -> list[date]:
    """Every period of the schedule on or before ``until`` (and before it stopped), oldest first,
    from its start, ignoring the marker."""
    end = min(until, MAX_DATE)
    if schedule.stopped_on is not None:
        end = min(end, schedule.stopped_on)
    out: list[date] = []
    year, month = schedule.start.year, schedule.start.month
    for _n in range(MAX_PERIODS):
        current = period_date(year, month, schedule.day)
        if current > end:
            break
        if current >= schedule.start:
            out.append(current)
        month += 1
        if month > 12:
            year, month = year + 1, 1
        if year > MAX_DATE.year:
            break
    return out


@dataclass(frozen=True, slots=True)
class Due:
    """What a schedule owes on a day: the periods to draft, and the ones a catch-up skips."""

    make: tuple[date, ...]
    """The periods to draft, oldest first (at most ``CATCH_UP_CAP``)."""
    skipped: tuple[date, ...]
    """Older missed periods left out by the cap."""

    @property
    def marker(self) -> date | None:
        """The new ``last_period`` once these are drafted (``None``: nothing due)."""
        found = self.make or self.skipped
        return max(found) if found else None


def due_periods(schedule: RecurringInvoice, today: date, cap: int = CATCH_UP_CAP) -> Due:
    """The periods after the marker, up to ``today``; only the ``cap`` latest are drafted."""
    pending = [
        p for p in periods(schedule, today) if schedule.last_period is None or p > schedule.last_period
    ]
    if len(pending) <= cap:
        return Due(tuple(pending), ())
    return Due(tuple(pending[-cap:]), tuple(pending[:-cap]))


def next_period(schedule: RecurringInvoice, today: date) -> date | None:
    """The next period to be drafted after ``today`` (``None``: stopped, or past the last date)."""
    if schedule.stopped_on is not None:
        return None
    year, month = max(today, schedule.start).year, max(today, schedule.start).month
    for _n in range(3):
        current = period_date(year, month, schedule.day)
        if current > today and current >= schedule.start:
            return current
        month += 1
        if month > 12:
            year, month = year + 1, 1
        if year > MAX_DATE.year:
            return None
    return None
