"""The calendar a plan is laid on: the counted days of its window (working weekdays that
are neither public holidays nor days off, from today on), each one's share of the week's
hours, and how a number of minutes is spread over a stretch of them.
"""

from __future__ import annotations

from datetime import date, timedelta

from vatui.domain.forecast_plan import DEFAULT_WORK_DAYS, PlanInputs


def spread(minutes: int, parts: int) -> list[int]:
    """``minutes`` in ``parts`` whole shares as equal as can be, the larger ones first."""
    if parts <= 0:
        return []
    base, extra = divmod(max(minutes, 0), parts)
    return [base + (1 if n < extra else 0) for n in range(parts)]


class PlanCalendar:
    """The counted days of the window (and a little past it), and each one's share."""

    def __init__(self, inputs: PlanInputs, today: date, last: date) -> None:
        self.today = today
        self.last = last
        self.work_days = tuple(sorted(set(inputs.work_days))) or DEFAULT_WORK_DAYS
        shares = spread(inputs.weekly_minutes, len(self.work_days))
        self.share_of_weekday = dict(zip(self.work_days, shares, strict=True))
        self.holidays = inputs.holidays
        self.days_off = inputs.days_off
        self.counted: list[date] = []
        day = today
        while day <= last:
            if self.is_counted(day):
                self.counted.append(day)
            day += timedelta(days=1)
        self._index = {d: n for n, d in enumerate(self.counted)}

    def is_working(self, day: date) -> bool:
        return day.weekday() in self.share_of_weekday

    def is_counted(self, day: date) -> bool:
        return (
            day >= self.today
            and self.is_working(day)
            and day not in self.holidays
            and day not in self.days_off
        )

    def share(self, day: date) -> int:
        return self.share_of_weekday.get(day.weekday(), 0)

    def first_counted(self, on_or_after: date) -> date | None:
        for day in self.counted:
            if day >= on_or_after:
                return day
        return None

    def between(self, first: date, last: date) -> list[date]:
        """Counted days from ``first`` to ``last`` (both included), inside the calendar."""
        return [d for d in self.counted if first <= d <= last]

    def working_after(self, last: date) -> int:
        """Plain working days after the calendar's end, up to ``last`` (both included)."""
        first = self.last + timedelta(days=1)
        if last < first:
            return 0
        total = (last - first).days + 1
        weeks, rest = divmod(total, 7)
        count = weeks * len(self.work_days)
        for n in range(rest):
            if (first + timedelta(days=n)).weekday() in self.share_of_weekday:
                count += 1
        return count


def lay(minutes: int, first: date, last: date, cal: PlanCalendar, *, beyond: bool = True) -> dict[date, int]:
    """``minutes`` spread over the counted days ``first``…``last``; on the first counted day
    on or after ``first`` (or after today) when there is none."""
    if minutes <= 0:
        return {}
    start = max(first, cal.today)
    days = cal.between(start, last)
    after = cal.working_after(last) if beyond and last > cal.last else 0
    if not days and not after:
        landing = cal.first_counted(start) or cal.first_counted(cal.today)
        return {landing: minutes} if landing is not None else {}
    shares = spread(minutes, len(days) + after)
    return {d: s for d, s in zip(days, shares, strict=False) if s}
