"""RFC 5545 text, by hand: escaping, line folding, dates, and recurrence rules as RRULE.

Pure functions, no store: ``vatui.services.exchange.ics`` collects the events and calls these.
Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character). User text
is cleaned first (control characters and escape sequences made visible, see
``vatui.domain.text``), then escaped (``\\``, ``;``, ``,`` and newlines).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from vatui.domain.recurrence import LAST_DAY, Recurrence
from vatui.domain.text import clean

MAX_TEXT = 4000
"""Characters of a description kept (longer notes are cut with an ellipsis)."""

_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQ = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}


@dataclass(frozen=True, slots=True)
class CalEvent:
    """One VEVENT: all-day when ``start`` is a date, timed (UTC) when a datetime."""

    uid: str
    summary: str
    start: date | datetime
    description: str = ""
    rrule: str | None = None
    categories: tuple[str, ...] = ()


def escape_text(text: str, *, multiline: bool = False) -> str:
    """A TEXT value: cleaned, cut to ``MAX_TEXT``, with ``\\ ; ,`` and newlines escaped."""
    body = clean(text, keep_newlines=multiline).strip()
    if len(body) > MAX_TEXT:
        body = body[: MAX_TEXT - 1] + "…"
    body = body.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return body.replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` folded to 75 octets a line (continuations start with a space), CRLF-ended."""
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts) + "\r\n"


def ics_date(day: date) -> str:
    """``YYYYMMDD``."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def ics_utc(moment: datetime) -> str:
    """``YYYYMMDDTHHMMSSZ``."""
    utc = moment.astimezone(UTC)
    return f"{ics_date(utc.date())}T{utc.hour:02d}{utc.minute:02d}{utc.second:02d}Z"


def _clamped_day(day: int) -> str:
    """Day ``day`` of every month, or the month's last day when shorter (vatui's ``31st``)."""
    if day <= 28:
        return f"BYMONTHDAY={day}"
    return f"BYMONTHDAY={','.join(str(d) for d in range(28, day + 1))};BYSETPOS=-1"


def rrule(rule: Recurrence, first: date) -> str:
    """The RRULE value for ``rule`` starting on ``first`` (the task's due date).

    vatui clamps to the month's end where a calendar would skip (Jan 31 monthly, Feb 29
    yearly, ``31st``): those become "the day, or the last day of a shorter month".
    """
    if rule.workdays:
        return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    if rule.weekday is not None:
        return f"FREQ=WEEKLY;BYDAY={_BYDAY[rule.weekday]}"
    if rule.monthday == LAST_DAY:
        return "FREQ=MONTHLY;BYMONTHDAY=-1"
    if rule.monthday is not None:
        return f"FREQ=MONTHLY;{_clamped_day(rule.monthday)}"
    text = f"FREQ={_FREQ[rule.unit]}"
    if rule.interval != 1:
        text += f";INTERVAL={rule.interval}"
    if rule.unit == "month" and first.day > 28:
        text += f";{_clamped_day(first.day)}"
    if rule.unit == "year" and first.month == 2 and first.day == 29:
        text += ";BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1"
    return text


def _event_lines(event: CalEvent, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{escape_text(event.uid)}", f"DTSTAMP:{stamp}"]
    if isinstance(event.start, datetime):
        lines.append(f"DTSTART:{ics_utc(event.start)}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{ics_date(event.start)}")
        lines.append(f"DTEND;VALUE=DATE:{ics_date(event.start + timedelta(days=1))}")
        lines.append("TRANSP:TRANSPARENT")
    if event.rrule:
        lines.append(f"RRULE:{event.rrule}")
    lines.append(f"SUMMARY:{escape_text(event.summary)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description, multiline=True)}")
    if event.categories:
        lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in event.categories))
    lines.append("END:VEVENT")
    return lines


def render_calendar(events: Iterable[CalEvent], *, stamp: datetime, name: str, timezone: str) -> str:
    """The whole VCALENDAR: every line folded and CRLF-ended."""
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//vatui//vatui calendar export//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{escape_text(timezone)}",
    ]
    when = ics_utc(stamp)
    body = [line for event in events for line in _event_lines(event, when)]
    return "".join(fold(line) for line in [*head, *body, "END:VCALENDAR"])
