"""``vatui today``: the day's triage, as text or JSON."""

from __future__ import annotations

import click

from vatui.cli.context import CliContext, pass_ctx
from vatui.cli.today_report import print_today
from vatui.i18n import _


@click.command("today")
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@click.option("--on", "on", metavar="DATE", help=_("Triage another day (any date syntax)."))
@pass_ctx
def today_cmd(obj: CliContext, as_json: bool, on: str | None) -> None:
    """What needs you today, across every client."""
    print_today(obj, as_json, on)


COMMANDS = [today_cmd]
