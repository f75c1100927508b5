"""The clock, injected everywhere instead of reading global time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    """Tells the time. Tests pass a ``FixedClock``."""

    def now(self) -> datetime:
        """The current moment, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock that says what it is told (tests, ``--on DATE``)."""

    moment: datetime

    def now(self) -> datetime:
        return self.moment

    def advance(self, **kwargs: float) -> None:
        """Move the clock forward by a ``timedelta(**kwargs)``."""
        from datetime import timedelta

        self.moment = self.moment + timedelta(**kwargs)


def minutes_since(start: datetime, now: datetime) -> int:
    """Whole minutes a timer started at ``start`` has run by ``now`` (0 before it starts)."""
    return max(0, int((now - start).total_seconds() // 60))


def local_date(moment: datetime, tz: str) -> date:
    """The day ``moment`` falls on in zone ``tz`` (the VA's day, not UTC's)."""
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(tz)).date()


def local_today(clock: Clock, tz: str) -> date:
    """Today's date in zone ``tz``."""
    from zoneinfo import ZoneInfo

    return clock.now().astimezone(ZoneInfo(tz)).date()
