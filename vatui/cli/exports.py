"""``vatui export ics``: the calendar (the ``export`` group lives in ``vatui.cli.admin``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vatui.cli.admin import export_group
from vatui.cli.context import CliContext, pass_ctx, say, show
from vatui.cli.progress import terminal_progress
from vatui.i18n import _


@click.command("ics")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=_("Write to a file (default: print it)."),
)
@click.option("--client", "client_ref", metavar="NAME", help=_("Only this client's dates."))
@pass_ctx
def export_ics_cmd(obj: CliContext, output: Path | None, client_ref: str | None) -> None:
    """Due dates, follow-ups, calls and invoice due dates as a calendar (.ics)."""
    from vatui.services.exchange.ics import export_ics

    session = obj.session()
    client_id = None
    if client_ref is not None:
        from vatui.services.clients.manage import find_client

        client_id = session.run(find_client, client_ref).id
    with terminal_progress(_("Calendar")) as progress:
        text = session.run(export_ics, client_id, progress=progress)
    payload = text.encode("utf-8")
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    from vatui.services.output import write_private

    write_private(output, payload, session.directory)
    say(_("Exported {n} events to {path}").format(n=text.count("BEGIN:VEVENT"), path=show(str(output))))


export_group.add_command(export_ics_cmd)

COMMANDS: list[click.Command] = []
