"""A client's clock: their local time now, and whether it falls inside their working hours.

Everything goes through tz database zones (``zoneinfo``, the database pendulum reads too), so
daylight-saving changes and zones with half-hour offsets (``Asia/Kolkata``, +05:30) come out
right: the local time is the UTC moment converted to the zone, never a fixed offset added by
hand. Not through pendulum itself: importing it costs ``vatui client show`` about 16 ms, for
the same conversion (every zone, a year of moments: tests/domain/test_localtime_zones.py).

Working hours are a start and an end in the client's local time (``HH:MM``), Monday to
Friday. An end earlier than the start wraps past midnight (``22:00-06:00``: a night
shift). Saturday and Sunday are outside working hours ("weekend").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from vatui.domain.dates_display import weekday_abbr
from vatui.domain.errors import InputError
from vatui.i18n import _

_HHMM_RE: Final = re.compile(r"^([0-9]{1,2}):([0-9]{2})$")


def parse_hhmm(text: str) -> int:
    """Minutes after midnight of a ``HH:MM`` time (``9:00``, ``17:30``); refused otherwise."""
    value = text.strip()
    match = _HHMM_RE.match(value)
    if match is None:
        raise InputError(_("{text!r} is not a time of day (use HH:MM, like 09:00)").format(text=text))
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        raise InputError(_("{text!r} is not a time of day (00:00 to 23:59)").format(text=text))
    return hours * 60 + minutes


def format_hhmm(minutes: int) -> str:
    """``HH:MM`` for minutes after midnight."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_hours(text: str) -> tuple[str, str]:
    """Working hours ``09:00-17:30`` as a normalised (start, end) pair of ``HH:MM``."""
    start, sep, end = text.replace("–", "-").partition("-")
    try:
        if not sep:
            raise InputError(text)
        first, last = parse_hhmm(start), parse_hhmm(end)
    except InputError:
        raise InputError(
            _("{text!r} is not working hours (use HH:MM-HH:MM, like 09:00-17:30)").format(text=text)
        ) from None
    if first == last:
        raise InputError(_("working hours cannot start and end at the same time"))
    return format_hhmm(first), format_hhmm(last)


def check_zone(name: str) -> str:
    """A tz database zone name (``America/New_York``), stripped; refused otherwise."""
    value = name.strip()
    if not value or (value not in all_zones() and value.upper() != "UTC"):
        raise InputError(
            _("{tz!r} is not a timezone (use a tz database name like Europe/Madrid)").format(tz=name)
        )
    return "UTC" if value.upper() == "UTC" else value


@lru_cache(maxsize=1)
def all_zones() -> tuple[str, ...]:
    """Every tz database zone name this machine knows, sorted (for completion)."""
    from zoneinfo import available_timezones

    return tuple(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))


def complete_zone(prefix: str, limit: int = 8) -> list[str]:
    """Zone names matching what was typed: prefix first, then containing (case-insensitive)."""
    wanted = prefix.strip().lower()
    if not wanted:
        return []
    zones = all_zones()
    starts = [z for z in zones if z.lower().startswith(wanted)]
    if len(starts) >= limit:
        return starts[:limit]
    contains = [z for z in zones if wanted in z.lower() and z not in starts]
    return (starts + contains)[:limit]


@dataclass(frozen=True, slots=True)
class LocalTime:
    """What time it is for a client, and whether they are at work."""

    zone: str
    """The tz database zone."""
    moment: datetime
    """The local moment (in ``zone``)."""
    inside_hours: bool
    """Whether ``moment`` falls inside their working hours on a working day."""
    weekend: bool
    """Whether it is Saturday or Sunday there."""
    offset_minutes: int
    """Their offset from UTC now, in minutes (DST included)."""
    work_start: str
    """Start of their working day, ``HH:MM``."""
    work_end: str
    """End of their working day, ``HH:MM``."""

    @property
    def hhmm(self) -> str:
        """Their local time as ``HH:MM``."""
        return f"{self.moment.hour:02d}:{self.moment.minute:02d}"

    def state(self) -> str:
        """``inside hours``, ``outside hours`` or ``weekend``."""
        if self.weekend:
            return _("weekend")
        return _("inside hours") if self.inside_hours else _("outside hours")

    def label(self) -> str:
        """One line: ``22:40 there, outside hours`` (weekday added on a weekend)."""
        if self.weekend:
            return _("{day} {time} there, weekend").format(
                day=weekday_abbr(self.moment.weekday()), time=self.hhmm
            )
        return _("{time} there, {state}").format(time=self.hhmm, state=self.state())

    def difference_from(self, other_offset_minutes: int) -> str:
        """``+5h30`` / ``-6h`` / ``same time``: their clock against another offset."""
        diff = self.offset_minutes - other_offset_minutes
        if diff == 0:
            return _("same time")
        sign = "+" if diff > 0 else "-"
        hours, minutes = divmod(abs(diff), 60)
        return f"{sign}{hours}h{minutes:02d}" if minutes else f"{sign}{hours}h"

    def to_json(self) -> dict[str, object]:
        """The stable ``--json`` shape."""
        return {
            "timezone": self.zone,
            "local_time": self.moment.isoformat(),
            "hhmm": self.hhmm,
            "inside_hours": self.inside_hours,
            "weekend": self.weekend,
            "utc_offset_minutes": self.offset_minutes,
            "label": self.label(),
        }


def inside(minute_of_day: int, start: int, end: int) -> bool:
    """Whether a minute of the day lies in ``[start, end)``; ``end < start`` wraps midnight."""
    if start < end:
        return start <= minute_of_day < end
    return minute_of_day >= start or minute_of_day < end


def local_time(now: datetime, zone: str, work_start: str = "09:00", work_end: str = "17:00") -> LocalTime:
    """The client's clock at the UTC moment ``now`` (timezone-aware)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    there = now.astimezone(_zone(zone))
    offset = there.utcoffset()
    offset_minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    start, end = parse_hhmm(work_start), parse_hhmm(work_end)
    weekend = there.isoweekday() >= 6
    minute = there.hour * 60 + there.minute
    at_work = not weekend and inside(minute, start, end)
    return LocalTime(zone, there, at_work, weekend, offset_minutes, format_hhmm(start), format_hhmm(end))


def offset_minutes_of(now: datetime, zone: str) -> int:
    """The UTC offset of ``zone`` at ``now``, in minutes."""
    offset = now.astimezone(_zone(zone)).utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def _zone(name: str) -> tzinfo:
    """The tz database zone ``name`` (``UTC`` in any case, as ``check_zone`` takes it);
    ``ValueError`` when there is none."""
    if name.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        raise ValueError(f"no timezone {name!r}") from None
