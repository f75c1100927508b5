"""The ``vatui`` command. Without a subcommand it opens the full-screen app.

Exit codes: 0 success, 1 bad input (one-line reason on stderr), 2 bad usage.
The command line never imports Textual, except to launch the app.
"""

from __future__ import annotations

import sys

import click

from vatui import __version__
from vatui.cli.context import CliContext
from vatui.domain.errors import VatuiError
from vatui.i18n import _

#: Each command and the modules that define it, imported only when the command runs:
#: ``vatui today`` must answer fast, so it loads neither the ledger nor the client book.
LAZY_COMMANDS: dict[str, tuple[str, ...]] = {
    "today": ("today",),
    "add": ("tasks",), "task": ("tasks",), "undo": ("tasks",),
    "client": ("clients",),
    "contact": ("contacts",), "status-report": ("contacts",),
    "time": ("timelog",),
    "invoice": ("ledger",), "pay": ("ledger",), "remind": ("ledger",),
    "expense": ("ledger_books",), "report": ("ledger_books",),
    "export": ("admin", "ledger_books"),
    "backup": ("admin",), "restore": ("admin",), "demo-data": ("admin",), "archive": ("admin",),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(LAZY_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        modules = LAZY_COMMANDS.get(cmd_name)
        if modules is None:
            return None
        import importlib

        found: click.Command | None = None
        for name in modules:
            module = importlib.import_module(f"vatui.cli.{name}")
            for command in getattr(module, "COMMANDS", []):
                if command.name == cmd_name and found is None:
                    found = command
        return found


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="vatui", message="%(prog)s %(version)s")
@click.option("--data-dir", "data_dir", envvar="VATUI_DATA_DIR", metavar="DIR",
              help=_("Where the workspace lives (default: the platform's data directory)."))
@click.option("--demo", is_flag=True, help=_("Open the app on a throwaway sample workspace."))
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, demo: bool) -> None:
    """vatui — the virtual assistant's workspace, in the terminal."""
    ctx.obj = CliContext(data_dir_override=data_dir)
    if ctx.invoked_subcommand is None:
        from vatui.cli.launch import launch

        code = launch(ctx.obj.directory, clock=ctx.obj.clock, demo=demo)
        if code:
            ctx.exit(code)


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit with vatui's exit codes."""
    try:
        cli.main(args=argv, prog_name="vatui", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(_("vatui: aborted"), err=True)
        sys.exit(1)
    except click.exceptions.UsageError as exc:
        exc.show()
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(1 if exc.exit_code not in (0, 2) else exc.exit_code)
    except VatuiError as exc:
        message = str(exc).replace("\n", " ")
        click.echo(f"vatui: {message}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(0)
