"""``vatui time start|stop|list|add``."""

from __future__ import annotations

from datetime import timedelta

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.cli.shapes import time_json
from vatui.i18n import _


@click.group("time")
def time_group() -> None:
    """Start and stop the timer, log and list time."""


@time_group.command("start")
@click.argument("task")
@pass_ctx
def time_start(obj: CliContext, task: str) -> None:
    """Start the timer on a task (stops any running timer)."""
    from vatui.services.tasks import find_task
    from vatui.services.timer import start_timer

    ws = obj.ws()
    found = find_task(ws, task)
    _started, stopped = start_timer(ws, found.id or 0)
    if stopped is not None:
        say(_("Stopped the previous timer after {m} min.").format(m=stopped.minutes))
    say(_("Timer started on #{id} {title}").format(id=found.id, title=show(found.title, 60)))


@time_group.command("stop")
@pass_ctx
def time_stop(obj: CliContext) -> None:
    """Stop the running timer."""
    from vatui.services.timer import stop_timer

    entry = stop_timer(obj.ws())
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
def time_add(obj: CliContext, task: str, duration: str, on: str | None, note: str, non_billable: bool) -> None:
    """Log DURATION (30m, 1h30m, 1.5h) on TASK."""
    from vatui.domain.durations import format_duration, parse_duration
    from vatui.services.tasks import find_task
    from vatui.services.timer import add_time

    ws = obj.ws()
    found = find_task(ws, task)
    minutes = parse_duration(duration, ws.settings().decimal_comma)
    day = obj.parse_date(on) if on else obj.today()
    add_time(ws, found.id, minutes, day, note=note, billable=not non_billable)
    say(_("Logged {d} on #{id} {title} ({day})").format(
        d=format_duration(minutes), id=found.id, title=show(found.title, 50), day=day.isoformat()))


@time_group.command("list")
@click.option("--from", "start", metavar="DATE", help=_("First day (default: 7 days ago)."))
@click.option("--to", "end", metavar="DATE", help=_("Last day (default: today)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def time_list(obj: CliContext, start: str | None, end: str | None, as_json: bool) -> None:
    """List time entries."""
    from vatui.domain.durations import format_duration
    from vatui.services.common import client_names
    from vatui.services.timer import entries_between

    ws = obj.ws()
    last = obj.parse_date(end) if end else obj.today()
    first = obj.parse_date(start) if start else last - timedelta(days=6)
    entries = entries_between(ws, first, last)
    names = client_names(ws)
    titles = {int(k): str(d["title"]) for k, d in ws.docs("tasks").items()}
    if as_json:
        emit_json([time_json(e, names, titles) for e in entries])
        return
    if not entries:
        say(_("No time logged from {a} to {b}.").format(a=first.isoformat(), b=last.isoformat()))
    total = 0
    for entry in entries:
        title = titles.get(entry.task_id, "") if entry.task_id is not None else ""
        minutes = "running" if entry.running else format_duration(entry.minutes)
        total += entry.minutes
        say(f"{entry.start.date().isoformat()} {minutes:>7}  {show(title, 50)} {show(entry.note, 30)}")
    if entries:
        say(_("Total: {d}").format(d=format_duration(total) if total else "0m"))


COMMANDS = [time_group]
