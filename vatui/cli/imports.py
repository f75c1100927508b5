"""``vatui import trello|csv|json``: bring work in from Trello, Toggl, Clockify, spreadsheets and vatui.

Every import is all or nothing: the file is checked whole first, its problems listed as
``FILE:LINE: reason`` (exit 1, nothing written); ``--dry-run`` prints what would be added,
updated and skipped, and a real import prints the same list. ``vatui undo`` takes a whole
import back. A progress bar is drawn on stderr when it is a terminal, never on a pipe.

``import`` is a click group: another format adds itself with ``@import_group.command(...)``
(and, if it lives in its own module, that module's name added to ``LAZY_COMMANDS["import"]``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, repeated_option, say, show
from vatui.i18n import _

if TYPE_CHECKING:
    from vatui.services.exchange.import_plan import ImportPlan

Progress = Callable[[float], None]


@click.group("import")
def import_group() -> None:
    """Import a Trello board, clients, tasks or time from a CSV file, or a vatui JSON export."""


@contextmanager
def _progress(label: str, quiet: bool) -> Iterator[Progress | None]:
    """A progress bar on stderr when it is a terminal; ``None`` (no bar) on a pipe."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=100, label=label, file=sys.stderr) as bar:

        def advance(fraction: float) -> None:
            step = int(fraction * 100) - bar.pos
            if step > 0:
                bar.update(step)

        yield advance


def _run(plan_of: Callable[[Progress | None], ImportPlan], *, dry_run: bool, as_json: bool) -> None:
    """Run one import (``plan_of(progress)``) with a progress bar, then report it; a refused
    file lists its problems and exits 1."""
    from vatui.services.exchange.import_plan import ImportRefused

    try:
        with _progress(_("Importing"), as_json) as progress:
            plan = plan_of(progress)
    except ImportRefused as exc:
        _refused(exc)
        return
    _report(plan, dry_run=dry_run, as_json=as_json)


def _report(plan: ImportPlan, *, dry_run: bool, as_json: bool) -> None:
    from vatui.services.exchange.import_plan import plan_json, summary_lines

    if as_json:
        emit_json(plan_json(plan, dry_run=dry_run))
        return
    if dry_run:
        say(_("Dry run of {file}: nothing was written.").format(file=show(plan.file)))
    elif not any(item.action != "skip" for item in plan.items):
        say(_("Nothing new in {file}: nothing was written.").format(file=show(plan.file)))
    else:
        say(_("Imported {file} (vatui undo takes the whole import back).").format(file=show(plan.file)))
    for line in summary_lines(plan):
        say(line)


def _refused(exc: Exception) -> None:
    """Every problem on its own line (the first ten), then exit 1."""
    from vatui.services.exchange.import_plan import MAX_PROBLEMS_SHOWN, ImportRefused

    assert isinstance(exc, ImportRefused)
    for problem in exc.problems[:MAX_PROBLEMS_SHOWN]:
        click.echo(f"vatui: {problem}", err=True)
    more = len(exc.problems) - MAX_PROBLEMS_SHOWN
    if more > 0:
        click.echo(_("vatui: … and {n} more problems").format(n=more), err=True)
    click.echo(_("vatui: nothing was imported."), err=True)
    sys.exit(1)


@import_group.command("trello")
@click.argument("path", metavar="FILE.json", type=click.Path(path_type=Path))
@click.option("--client", metavar="NAME", help=_("Put every card under this client."))
@repeated_option(
    "--column-map",
    "column_maps",
    "LIST=COLUMN",
    _("Send a Trello list to a column (*=COLUMN for every other list)."),
)
@click.option("--dry-run", is_flag=True, help=_("Show what would be imported; write nothing."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the summary as JSON."))
@pass_ctx
def import_trello_cmd(
    obj: CliContext,
    path: Path,
    client: str | None,
    column_maps: tuple[str, ...],
    dry_run: bool,
    as_json: bool,
) -> None:
    """Import a Trello board export (JSON): lists → columns, cards → tasks."""
    from vatui.services.exchange.imports import import_trello

    _run(
        lambda progress: obj.session().run(
            import_trello, path, client=client, column_maps=column_maps, dry_run=dry_run, progress=progress
        ),
        dry_run=dry_run,
        as_json=as_json,
    )


@import_group.command("csv")
@click.argument("path", metavar="FILE", type=click.Path(path_type=Path))
@click.option(
    "--kind", required=True, type=click.Choice(["clients", "tasks", "time"]), help=_("What the rows are.")
)
@repeated_option("--map", "maps", "COLUMN=FIELD", _("Read a column as a field (COLUMN=- ignores it)."))
@click.option(
    "--dates",
    "date_order",
    type=click.Choice(["dmy", "mdy"]),
    help=_("Read 02/11/2026 day first (dmy) or month first (mdy) when the file does not show it."),
)
@click.option("--create-clients", is_flag=True, help=_("Add the clients a row names that do not exist yet."))
@click.option("--dry-run", is_flag=True, help=_("Show what would be imported; write nothing."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the summary as JSON."))
@pass_ctx
def import_csv_cmd(
    obj: CliContext,
    path: Path,
    kind: str,
    maps: tuple[str, ...],
    date_order: str | None,
    create_clients: bool,
    dry_run: bool,
    as_json: bool,
) -> None:
    """Import clients, tasks or time (Toggl Track, Clockify, a spreadsheet) from a CSV file."""
    from vatui.services.exchange.imports import import_csv

    _run(
        lambda progress: obj.session().run(
            import_csv,
            path,
            kind,
            maps=maps,
            create_clients=create_clients,
            date_order=date_order,
            dry_run=dry_run,
            progress=progress,
        ),
        dry_run=dry_run,
        as_json=as_json,
    )


@import_group.command("json")
@click.argument("path", metavar="FILE", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help=_("Show what would be imported; write nothing."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the summary as JSON."))
@pass_ctx
def import_json_cmd(obj: CliContext, path: Path, dry_run: bool, as_json: bool) -> None:
    """Import what vatui export json wrote: into an empty workspace, or merged when no id collides."""
    from vatui.services.exchange.imports import import_json

    _run(
        lambda progress: obj.session().run(import_json, path, dry_run=dry_run, progress=progress),
        dry_run=dry_run,
        as_json=as_json,
    )


COMMANDS = [import_group]
