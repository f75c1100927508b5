"""``vatui backup``, ``restore``, ``export json`` and ``demo-data``."""

from __future__ import annotations

from pathlib import Path

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.i18n import _


@click.command("backup")
@pass_ctx
def backup_cmd(obj: CliContext) -> None:
    """Back the workspace up now (into backups/)."""
    from vatui.services.backup import backup_now

    path = backup_now(obj.ws())
    say(_("Backed up to {path}").format(path=path) if path else _("Already backed up: nothing changed."))


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def restore_cmd(obj: CliContext, path: Path) -> None:
    """Replace the workspace with a backup (the current one is backed up first)."""
    from vatui.services.backup import restore

    saved = restore(obj.directory, path, obj.clock)
    if saved is None:
        say(_("Restored {path}").format(path=show(str(path))))
    else:
        say(
            _("Restored {path}; the previous workspace is in {saved}").format(
                path=show(str(path)), saved=show(str(saved))
            )
        )


@click.group("export")
def export_group() -> None:
    """Export the workspace."""


@export_group.command("json")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=_("Write to a file."))
@click.option("--confidential", is_flag=True, help=_("Include confidential notes."))
@pass_ctx
def export_json_cmd(obj: CliContext, output: Path | None, confidential: bool) -> None:
    """Everything, as JSON."""
    import orjson

    from vatui.cli.progress import terminal_progress
    from vatui.domain.text import inert_json
    from vatui.services.backup import export_json
    from vatui.services.output import write_private

    with terminal_progress(_("JSON")) as progress:
        if progress:
            progress(0, 1)
        data = export_json(obj.ws(), confidential=confidential)
        if progress:
            progress(1, 1)
    if output is None:
        emit_json(data)
    else:
        write_private(output, inert_json(orjson.dumps(data, option=orjson.OPT_INDENT_2)), obj.directory)
        say(_("Exported to {path}").format(path=output))


@click.command("demo-data")
@click.option(
    "--size",
    default="small",
    metavar="small|large|N",
    help=_("small (5 clients), large (40 clients, 50,000+ records) or a number of clients."),
)
@click.option("--seed", type=int, default=7, help=_("Random seed."))
@click.option("--force", is_flag=True, help=_("Replace a workspace that already has data (backed up first)."))
@pass_ctx
def demo_data_cmd(obj: CliContext, size: str, seed: int, force: bool) -> None:
    """Fill the workspace with a believable sample."""
    from vatui.cli.progress import terminal_progress
    from vatui.services.demo import generate, parse_size

    clients = parse_size(size)
    ws = obj.ws()
    if force:
        from vatui.services.backup import backup_before

        saved = backup_before(ws, "predemo")
        if saved is not None:
            say(_("Backed up the previous workspace to {path}").format(path=show(str(saved))))
    with terminal_progress(_("Demo data")) as progress:
        counts = generate(ws, clients=clients, seed=seed, replace=force, progress=progress)
    total = sum(counts.values())
    say(
        _("Wrote {total} records: {detail}").format(
            total=total, detail=", ".join(f"{v} {_(k)}" for k, v in counts.items())
        )
    )


@click.command("archive")
@pass_ctx
def archive_cmd(obj: CliContext) -> None:
    """Move done tasks older than 90 days and paid invoices of closed years to archive/YYYY.json."""
    from vatui.cli.progress import terminal_progress
    from vatui.store.archive import archive_old

    with terminal_progress(_("Archive")) as progress:
        counts = archive_old(obj.ws(), obj.today(), progress=progress)
    moved = {k: v for k, v in counts.items() if v}
    if not moved:
        say(_("Nothing old enough to archive."))
    else:
        say(_("Archived {detail}").format(detail=", ".join(f"{v} {_(k)}" for k, v in moved.items())))


COMMANDS = [backup_cmd, restore_cmd, export_group, demo_data_cmd, archive_cmd]
