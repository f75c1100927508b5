"""What ``vatui today`` prints for a triage, as text and as ``--json``: one renderer for the
command and for the kept summary (``vatui.services.today.kept``), which keeps its output.

The figures that move with the clock (the running timer's minutes, and the week's or
yesterday's logged time while the timer counts in them) can be left as placeholders
(``vatui.services.today.kept_file``), filled in when the summary is shown.
"""

from __future__ import annotations

from typing import Any

from vatui.domain.dates_display import format_date
from vatui.domain.durations import format_duration, week_hours
from vatui.domain.text import json_output, one_line
from vatui.domain.triage import Triage
from vatui.i18n import _


def today_lines(result: Triage, *, timer_minutes: str | None = None, logged: str | None = None) -> list[str]:
    """The lines of ``vatui today`` (user text made safe); ``timer_minutes`` and ``logged``
    stand in for the running timer's minutes and the week's logged time when given."""
    lines = [_("Today — {day}").format(day=format_date(result.on, "%a %d %b %Y"))]
    for section in result.sections:
        lines.append("")
        lines.append(f"{one_line(section.title)} ({len(section.items)})")
        if not section.items:
            lines.append(f"  {one_line(section.empty)}")
        for item in section.items:
            ref = f"#{item.ref}" if item.ref is not None else ""
            client = f" @{one_line(item.client, 24)}" if item.client else ""
            detail = f" — {one_line(item.detail)}" if item.detail else ""
            lines.append(f"  {ref:>6} {one_line(item.title, 60)}{client}{detail}")
    cap = result.capacity
    lines.append("")
    lines.append(
        _("Week: {planned} planned of {available} available, {logged} logged · WIP {wip}/{limit}").format(
            planned=week_hours(cap.planned_minutes),
            available=week_hours(cap.available_minutes),
            logged=week_hours(cap.logged_minutes) if logged is None else logged,
            wip=cap.wip,
            limit=cap.wip_limit,
        )
    )
    if result.timer:
        minutes = result.timer["minutes"] if timer_minutes is None else timer_minutes
        lines.append(
            _("Timer running: {title} ({minutes} min)").format(
                title=one_line(result.timer["title"], 50), minutes=minutes
            )
        )
    if result.unbilled_minutes:
        lines.append(_("Unbilled time: {d}").format(d=format_duration(result.unbilled_minutes)))
    lines.extend(one_line(note) for note in result.notes)
    return lines


def today_text(result: Triage, *, timer_minutes: str | None = None, logged: str | None = None) -> str:
    """Everything ``vatui today`` prints, newline-terminated lines."""
    return "".join(line + "\n" for line in today_lines(result, timer_minutes=timer_minutes, logged=logged))


def today_json(value: dict[str, Any]) -> bytes:
    """What ``vatui today --json`` prints for ``value`` (a ``Triage.to_json``), newline included."""
    return json_output(value) + b"\n"
