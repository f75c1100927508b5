"""``vatui timeoff add|list|delete``: days off, which the plan takes off the hours available."""

from __future__ import annotations

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.domain.dates_display import short_date
from vatui.i18n import _


@click.group("timeoff")
def timeoff_group() -> None:
    """Days off: add, list and delete them."""


@timeoff_group.command("add")
@click.argument("first", metavar="FROM")
@click.argument("last", metavar="[TO]", required=False)
@click.option("--note", default="", help=_("Why (vacation, dentist…)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the record as JSON."))
@pass_ctx
def timeoff_add(obj: CliContext, first: str, last: str | None, note: str, as_json: bool) -> None:
    """Take the days FROM to TO off (both included; any date syntax; without TO, the one day FROM)."""
    from vatui.services.plan.timeoff import add_timeoff, timeoff_json

    session = obj.session()
    from vatui.domain.dates import parse_date, range_end

    start = obj.parse_date(first)
    order = session.settings().date_order
    end = range_end(lambda ref: parse_date(last, ref, order), start, obj.today()) if last else start
    record = session.run(add_timeoff, start, end, note)
    if as_json:
        emit_json(timeoff_json(record))
        return
    today = obj.today()
    say(
        _("Time off #{id}: {first} to {last}").format(
            id=record.id, first=short_date(record.start, today), last=short_date(record.end, today)
        )
    )


@timeoff_group.command("list")
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def timeoff_list(obj: CliContext, as_json: bool) -> None:
    """Every time off, earliest first."""
    from vatui.services.plan.timeoff import list_timeoff, timeoff_json

    records = obj.session().run(list_timeoff)
    if as_json:
        emit_json([timeoff_json(r) for r in records])
        return
    if not records:
        say(_("No time off yet. Add some with: vatui timeoff add FROM TO --note TEXT"))
        return
    today = obj.today()
    for r in records:
        days = (r.end - r.start).days + 1
        count = _("1 day") if days == 1 else _("{n} days").format(n=days)
        note = f"  {show(r.note, 40)}" if r.note else ""
        say(f"#{r.id:<5} {short_date(r.start, today)} – {short_date(r.end, today)} ({count}){note}")


@timeoff_group.command("delete")
@click.argument("timeoff_id", metavar="ID", type=int)
@pass_ctx
def timeoff_delete(obj: CliContext, timeoff_id: int) -> None:
    """Delete a time off (undo with: vatui undo)."""
    from vatui.services.plan.timeoff import delete_timeoff

    record = obj.session().run(delete_timeoff, timeoff_id)
    say(
        _("Deleted time off #{id} ({first} to {last})").format(
            id=record.id, first=record.start.isoformat(), last=record.end.isoformat()
        )
    )


COMMANDS: list[click.Command] = [timeoff_group]
