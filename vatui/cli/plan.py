"""``vatui plan``: the coming weeks' load against the hours available, in 80 columns or JSON."""

from __future__ import annotations

from datetime import date

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.cli.output import cells
from vatui.domain.dates_display import short_date
from vatui.domain.durations import format_duration
from vatui.domain.forecast import Plan, Week
from vatui.domain.money_display import tenths_text
from vatui.domain.timeoff import TimeOff
from vatui.i18n import N_, NC_, _, ngettext, pgettext

#: The flag of a week, in words (never colour alone).
FLAG_WORDS = {"ok": "", "busy": NC_("week load", "over 85 %"), "over": NC_("week load", "OVER")}
#: Where a client's minutes come from.
SOURCE_WORDS = {"estimates": N_("estimates"), "retainer": N_("retainer"), "log": N_("from your log")}


def _hours(minutes: int) -> str:
    return format_duration(minutes)


def _week_row(week: Week, today: date) -> str:
    notes = []
    if week.holidays:
        n = len(week.holidays)
        notes.append(ngettext("{n} holiday", "{n} holidays", n).format(n=n))
    if week.timeoff_minutes:
        notes.append(_("{h} off").format(h=_hours(week.timeoff_minutes)))
    flag = pgettext("week load", FLAG_WORDS[week.flag]) if FLAG_WORDS[week.flag] else ""
    return (
        f"{cells(short_date(week.start, today), 16)}"
        f"{_hours(week.available_minutes):>11} {_hours(week.planned_minutes):>11} {week.percent:>5} %  "
        f"{cells(flag, 10)}{cells(', '.join(notes), 21)}"
    ).rstrip()


def _week_details(week: Week, today: date) -> list[str]:
    lines = [
        _("Week of {day}: {planned} of {available}").format(
            day=short_date(week.start, today),
            planned=_hours(week.planned_minutes),
            available=_hours(week.available_minutes),
        )
    ]
    for load in week.clients:
        lines.append(
            f"  {cells(load.name, 44)} {_hours(load.minutes):>8}  {cells(_(SOURCE_WORDS[load.source]), 22)}".rstrip()
        )
    if not week.clients:
        lines.append("  " + _("Nothing planned."))
    for day, name in week.holidays:
        lines.append(
            "  " + cells(_("holiday {day}: {name}").format(day=short_date(day, today), name=name), 76)
        )
    if week.timeoff_minutes:
        lines.append("  " + _("time off: {h}").format(h=_hours(week.timeoff_minutes)))
    return lines


def print_plan(plan: Plan, timeoff: list[TimeOff], today: date, weekly_hours: int) -> None:
    """The plan as text that fits 80 columns."""
    if plan.weeks:
        say(
            _("Plan from {day} · {n} weeks · {h} a week").format(
                day=short_date(plan.weeks[0].start, today), n=len(plan.weeks), h=_hours(weekly_hours * 60)
            )
        )
    say(
        f"{cells(_('Week of'), 16)}{cells(_('Available'), 11, right=True)} {cells(_('Planned'), 11, right=True)}      %"
    )
    for week in plan.weeks:
        say(_week_row(week, today))
    for week in plan.weeks:
        say()
        for line in _week_details(week, today):
            say(line)
    say()
    if plan.undated:
        say(
            ngettext(
                "Undated: {n} open task, {h} estimated (not in any week)",
                "Undated: {n} open tasks, {h} estimated (not in any week)",
                len(plan.undated),
            ).format(n=len(plan.undated), h=_hours(plan.undated_minutes))
        )
        for item in plan.undated[:10]:
            say(f"  #{item.task_id or 0:<6} {cells(item.title, 58)} {_hours(item.minutes):>8}".rstrip())
        if len(plan.undated) > 10:
            say("  " + _("… and {n} more").format(n=len(plan.undated) - 10))
    else:
        say(_("Undated: none."))
    if plan.corrections:
        say(_("Corrections applied (logged time against estimates of done tasks):"))
        for c in plan.corrections:
            factor = tenths_text(c.factor_tenths)
            say(
                (
                    "  "
                    + cells(
                        _("{name} tasks take {factor}× your estimate ({n} tasks)").format(
                            name=show(c.name, 40), factor=factor, n=c.tasks
                        ),
                        76,
                    )
                ).rstrip()
            )
    if timeoff:
        say(_("Time off in these weeks:"))
        for t in timeoff:
            note = f"  {t.note}" if t.note else ""
            say(f"  #{t.id or 0:<4} {t.start.isoformat()} – {t.end.isoformat()}{cells(note, 50)}".rstrip())


@click.command("plan")
@click.option(
    "--weeks",
    type=click.IntRange(1, 52),
    default=None,
    help=_("How many weeks (default: the forecast_weeks setting)."),
)
@click.option("--from", "from_", metavar="DATE", help=_("Start with the week of DATE (default today)."))
@click.option(
    "--no-correction", is_flag=True, help=_("Use estimates as typed, without the per-client correction.")
)
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def plan_cmd(
    obj: CliContext, weeks: int | None, from_: str | None, no_correction: bool, as_json: bool
) -> None:
    """The coming weeks' planned hours against the hours available."""
    from vatui.services.plan.forecast import build_plan, plan_json, plan_timeoff

    session = obj.session()
    start = obj.parse_date(from_) if from_ else None
    plan = session.run(build_plan, start=start, weeks=weeks, correction=False if no_correction else None)
    timeoff = session.run(plan_timeoff, plan)
    if as_json:
        emit_json(plan_json(plan, timeoff))
        return
    print_plan(plan, timeoff, obj.today(), session.settings().weekly_hours)


COMMANDS: list[click.Command] = [plan_cmd]
