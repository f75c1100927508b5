"""``vatui backup``, ``restore``, ``export json`` and ``demo-data``."""

from __future__ import annotations

from pathlib import Path

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.domain.errors import InputError
from vatui.i18n import _


@click.command("backup")
@click.option(
    "--list", "as_list", is_flag=True, help=_("List the backups with their sizes, count and total.")
)
@click.option("--json", "as_json", is_flag=True, help=_("With --list: print JSON."))
@pass_ctx
def backup_cmd(obj: CliContext, as_list: bool, as_json: bool) -> None:
    """Back the workspace up now (into backups/), or list the backups (--list)."""
    _speak_the_workspaces_language(obj)
    if as_list:
        _list_backups(obj, as_json)
        return
    if as_json:
        raise InputError(_("--json goes with --list"))
    from vatui.services.exchange.backup import backup_now

    path = obj.session().run(backup_now)
    say(_("Backed up to {path}").format(path=path) if path else _("Already backed up: nothing changed."))


def _list_backups(obj: CliContext, as_json: bool) -> None:
    """``vatui backup --list``: each backup with its size, then how many and their total size."""
    from vatui.i18n import ngettext
    from vatui.services.exchange.backup import list_backups

    found = list_backups(obj.directory)
    total = sum(b.size for b in found)
    if as_json:
        rows = [
            {"path": str(b.path), "at": b.at, "reason": b.reason, "compressed": b.compressed, "bytes": b.size}
            for b in found
        ]
        emit_json({"backups": rows, "count": len(found), "total_bytes": total})
        return
    if not found:
        say(_("No backups yet (they go in {path})").format(path=show(str(obj.directory / "backups"))))
        return
    for b in found:
        say(f"{_size(b.size):>9}  {show(str(b.path))}")
    say(
        ngettext("{n} backup, {size} in all", "{n} backups, {size} in all", len(found)).format(
            n=len(found), size=_size(total)
        )
    )


def _size(n: int) -> str:
    """A file size for people: ``512 B``, ``2.9 KB``, ``1.5 MB`` (powers of 1024)."""
    if n < 1024:
        return _("{n} B").format(n=n)
    if n < 1024 * 1024:
        return _("{n} KB").format(n=f"{n / 1024:.1f}")
    if n < 1024**3:
        return _("{n} MB").format(n=f"{n / 1024**2:.1f}")
    return _("{n} GB").format(n=f"{n / 1024**3:.1f}")


def _speak_the_workspaces_language(obj: CliContext) -> None:
    """The workspace's ``language`` setting, read without opening it (it may be damaged: the
    backups are listed and restored all the same, and their messages are in its language)."""
    from vatui.cli.language import apply_setting, peek_language

    apply_setting(peek_language(obj.data_dir_override))


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def restore_cmd(obj: CliContext, path: Path) -> None:
    """Replace the workspace with a backup (the current one is backed up first)."""
    from vatui.services.exchange.backup import restore

    _speak_the_workspaces_language(obj)
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
    from vatui.services.exchange.backup import export_json
    from vatui.services.output import write_private

    with terminal_progress(_("JSON")) as progress:
        if progress:
            progress(0, 1)
        data = obj.session().run(export_json, confidential=confidential)
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
    from vatui.demo.workspace import generate, parse_size

    clients = parse_size(size)
    session = obj.session()
    if force:
        from vatui.services.exchange.backup import backup_before

        saved = session.run(backup_before, "predemo")
        if saved is not None:
            say(_("Backed up the previous workspace to {path}").format(path=show(str(saved))))
    with terminal_progress(_("Demo data")) as progress:
        counts = session.run(generate, clients=clients, seed=seed, replace=force, progress=progress)
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
    from vatui.services.archived import archive_old

    with terminal_progress(_("Archive")) as progress:
        counts = obj.session().run(archive_old, obj.today(), progress=progress)
    moved = {k: v for k, v in counts.items() if v}
    if not moved:
        say(_("Nothing old enough to archive."))
    else:
        say(_("Archived {detail}").format(detail=", ".join(f"{v} {_(k)}" for k, v in moved.items())))


COMMANDS = [backup_cmd, restore_cmd, export_group, demo_data_cmd, archive_cmd]
