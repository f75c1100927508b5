"""What ``vatui today`` prints. No click here: the executable's fast path calls it directly."""

from __future__ import annotations

from vatui.cli.base import CliContext
from vatui.cli.output import emit_json, say, show
from vatui.domain.dates_display import format_date
from vatui.domain.durations import format_duration
from vatui.i18n import _


def print_today(obj: CliContext, as_json: bool, on: str | None) -> None:
    """Triage today (or ``on``) and print it, as text or as the ``--json`` shape."""
    from vatui.services.today.triage import triage

    day = obj.parse_date(on) if on else None
    result = obj.session().run(triage, day)
    if as_json:
        emit_json(result.to_json())
        return
    say(_("Today — {day}").format(day=format_date(result.on, "%a %d %b %Y")))
    for section in result.sections:
        say()
        say(f"{show(section.title)} ({len(section.items)})")
        if not section.items:
            say(f"  {show(section.empty)}")
        for item in section.items:
            ref = f"#{item.ref}" if item.ref is not None else ""
            client = f" @{show(item.client, 24)}" if item.client else ""
            detail = f" — {show(item.detail)}" if item.detail else ""
            say(f"  {ref:>6} {show(item.title, 60)}{client}{detail}")
    cap = result.capacity
    say()
    say(
        _("Week: {planned} planned of {available} available, {logged} logged · WIP {wip}/{limit}").format(
            planned=format_duration(cap.planned_minutes) if cap.planned_minutes else "0h",
            available=format_duration(cap.available_minutes) if cap.available_minutes else "0h",
            logged=format_duration(cap.logged_minutes) if cap.logged_minutes else "0h",
            wip=cap.wip,
            limit=cap.wip_limit,
        )
    )
    if result.timer:
        say(
            _("Timer running: {title} ({minutes} min)").format(
                title=show(result.timer["title"], 50), minutes=result.timer["minutes"]
            )
        )
    if result.unbilled_minutes:
        say(_("Unbilled time: {d}").format(d=format_duration(result.unbilled_minutes)))
    for note in result.notes:
        say(show(note))
