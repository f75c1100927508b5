"""``vatui time start|stop|list|add``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import click

from vatui.cli.context import CliContext, day_or_today, emit_json, pass_ctx, say, show
from vatui.i18n import _


@click.group("time")
def time_group() -> None:
    """Start and stop the timer, log and list time."""


def _long_options(fn: Any) -> Any:
    """``--minutes N`` / ``--duration D`` / ``--keep``: what a timer that ran past 12 h logs."""
    fn = click.option(
        "--keep", is_flag=True, help=_("Log all the time a timer that ran past 12 h ran (at most 24 h).")
    )(fn)
    fn = click.option(
        "--duration", "duration", metavar="D", help=_("Log D (e.g. 7h30m) instead of all it ran.")
    )(fn)
    return click.option(
        "--minutes", "minutes", type=int, metavar="N", help=_("Log N minutes instead of all it ran.")
    )(fn)


def _logged(obj: CliContext, minutes: int | None, duration: str | None, keep: bool) -> int | None:
    from vatui.domain.durations import MAX_ENTRY_MINUTES, parse_duration
    from vatui.domain.errors import InputError

    if sum(x is not None and x is not False for x in (minutes, duration, keep or None)) > 1:
        raise InputError(_("give one of --minutes, --duration or --keep"))
    if duration is None:
        return minutes
    return parse_duration(duration, obj.session().settings().numbers, at_most=MAX_ENTRY_MINUTES)


def _ask_long(error: Exception, command: str) -> Exception:
    from vatui.domain.errors import RuleError
    from vatui.services.tasks.timer import LONG_TIMER_MINUTES, LongTimerError

    if not isinstance(error, LongTimerError):
        return error
    h, m = divmod(error.elapsed_minutes, 60)
    return RuleError(
        _(
            "the timer has run {h} h {m} min, probably forgotten: nothing logged. Say what to log: "
            "vatui {command} --duration {limit}h (or --minutes N, or --keep to log it all)"
        ).format(h=h, m=m, command=command, limit=LONG_TIMER_MINUTES // 60)
    )


@time_group.command("start")
@click.argument("task")
@_long_options
@pass_ctx
def time_start(obj: CliContext, task: str, minutes: int | None, duration: str | None, keep: bool) -> None:
    """Start the timer on a task (stops any running timer; one past 12 h needs --duration/--minutes/--keep)."""
    from vatui.services.tasks.manage import find_task
    from vatui.services.tasks.timer import start_timer

    session = obj.session()
    found = session.run(find_task, task)
    try:
        _started, stopped = session.run(
            start_timer, found.id or 0, minutes=_logged(obj, minutes, duration, keep), keep=keep
        )
    except Exception as exc:
        raise _ask_long(exc, f"time start {found.id}") from None
    if stopped is not None:
        say(_("Stopped the previous timer after {m} min.").format(m=stopped.minutes))
    say(_("Timer started on #{id} {title}").format(id=found.id, title=show(found.title, 60)))


@time_group.command("stop")
@_long_options
@pass_ctx
def time_stop(obj: CliContext, minutes: int | None, duration: str | None, keep: bool) -> None:
    """Stop the running timer (one past 12 h needs --duration, --minutes or --keep)."""
    from vatui.services.tasks.timer import stop_timer

    try:
        entry = obj.session().run(stop_timer, minutes=_logged(obj, minutes, duration, keep), keep=keep)
    except Exception as exc:
        raise _ask_long(exc, "time stop") from None
    if entry is None:
        say(_("No timer is running."))
    else:
        say(_("Timer stopped: {m} min logged.").format(m=entry.minutes))


@time_group.command("add")
@click.argument("task")
@click.argument("duration")
@click.option("--on", "on", metavar="DATE", help=_("The day (default today)."))
@click.option("--note", default="", help=_("What was done."))
@click.option("--non-billable", is_flag=True, help=_("Not to be invoiced."))
@pass_ctx
def time_add(
    obj: CliContext, task: str, duration: str, on: str | None, note: str, non_billable: bool
) -> None:
    """Log DURATION (30m, 1h30m, 1.5h) on TASK."""
    from vatui.domain.durations import MAX_ENTRY_MINUTES, format_duration, parse_duration
    from vatui.services.tasks.manage import find_task
    from vatui.services.tasks.timer import add_time

    session = obj.session()
    found = session.run(find_task, task)
    minutes = parse_duration(duration, session.settings().numbers, at_most=MAX_ENTRY_MINUTES)
    day = day_or_today(obj, on)
    session.run(add_time, found.id, minutes, day, note=note, billable=not non_billable)
    say(
        _("Logged {d} on #{id} {title} ({day})").format(
            d=format_duration(minutes), id=found.id, title=show(found.title, 50), day=day.isoformat()
        )
    )


@time_group.command("list")
@click.option("--from", "start", metavar="DATE", help=_("First day (default: 7 days ago)."))
@click.option("--to", "end", metavar="DATE", help=_("Last day (default: today)."))
@click.option("--archived", is_flag=True, help=_("Include archived (billed, paid, closed-year) entries."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def time_list(obj: CliContext, start: str | None, end: str | None, archived: bool, as_json: bool) -> None:
    """List time entries (each with its number, for time edit and time delete)."""
    from vatui.domain.durations import format_duration
    from vatui.services.queries import task_titles
    from vatui.services.tasks.timer import entries_between

    session = obj.session()
    last = obj.parse_date(end) if end else obj.today()
    first = obj.parse_date(start) if start else last - timedelta(days=6)
    entries = session.run(entries_between, first, last)
    years: dict[int, int] = {}
    if archived:
        from vatui.services.archived import archived_time

        old, years = session.run(archived_time, first, last)
        entries = sorted([*entries, *old], key=lambda e: (e.start, e.id or 0))
    names = session.client_names()
    titles = session.run(task_titles)
    if as_json:
        from vatui.cli.json_shapes import time_json  # only for --json: it imports every shape

        emit_json(
            [
                {**time_json(e, names, titles), **({"archived": years.get(e.id or 0)} if archived else {})}
                for e in entries
            ]
        )
        return
    if not entries:
        say(_("No time logged from {a} to {b}.").format(a=first.isoformat(), b=last.isoformat()))
    total = 0
    from vatui.domain.clock import local_date

    zone = session.settings().home_timezone
    for entry in entries:
        title = titles.get(entry.task_id, "") if entry.task_id is not None else ""
        minutes = "running" if entry.running else format_duration(entry.minutes)
        total += entry.minutes
        mark = (
            _(" (archived in {year})").format(year=years[entry.id or 0]) if (entry.id or 0) in years else ""
        )
        day = local_date(entry.start, zone)
        say(f"#{entry.id:<5} {day.isoformat()} {minutes:>7}  {show(title, 50)} {show(entry.note, 30)}{mark}")
    if entries:
        say(_("Total: {d}").format(d=format_duration(total) if total else "0m"))


def _corrections() -> None:
    from vatui.cli.corrections import add_time_commands

    add_time_commands(time_group)


_corrections()

COMMANDS = [time_group]
