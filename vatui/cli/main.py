"""The ``vatui`` command. Without a subcommand it opens the full-screen app.

Exit codes: 0 success, 1 bad input (one-line reason on stderr), 2 bad usage.
The command line never imports Textual, except to launch the app.
"""

from __future__ import annotations

import sys

import click

from vatui import __version__
from vatui.cli.context import CliContext
from vatui.cli.help_text import Formatter, localize
from vatui.cli.output import fail, os_problem, quiet_broken_pipe
from vatui.domain.errors import VatuiError
from vatui.domain.text import clean
from vatui.i18n import _

#: Each command and the modules that define it, imported only when the command runs:
#: ``vatui today`` must answer fast, so it loads neither the ledger nor the client book.
LAZY_COMMANDS: dict[str, tuple[str, ...]] = {
    "today": ("today",),
    "add": ("tasks",),
    "task": ("tasks",),
    "undo": ("tasks",),
    "client": ("clients",),
    "contact": ("contacts",),
    "status-report": ("contacts",),
    "time": ("timelog",),
    "invoice": ("ledger",),
    "pay": ("collect",),
    "remind": ("collect",),
    "payment": ("payments",),
    "expense": ("ledger_books",),
    "report": ("ledger_books",),
    "export": ("admin", "ledger_books", "exports"),
    "import": ("imports",),
    "settings": ("settings",),
    "backup": ("admin",),
    "restore": ("admin",),
    "demo-data": ("admin",),
    "archive": ("admin",),
    "plan": ("plan",),
    "timeoff": ("timeoff",),
}


click.Context.formatter_class = Formatter  # --help in the language in use


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(LAZY_COMMANDS)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Where the files live, and the environment variables that move them."""
        from vatui.paths import config_dir, data_dir

        super().format_epilog(ctx, formatter)
        with formatter.section(_("Environment")):
            formatter.write_dl(
                [
                    (
                        "VATUI_DATA_DIR",
                        _("the workspace, backups and archive (now: {path})").format(
                            path=data_dir(ctx.params.get("data_dir"))
                        ),
                    ),
                    ("VATUI_CONFIG_DIR", _("keymap.toml (now: {path})").format(path=config_dir())),
                    ("NO_COLOR", _("set to draw the app without colour")),
                    (
                        "_VATUI_COMPLETE",
                        _(
                            'shell completion: eval "$(_VATUI_COMPLETE=bash_source vatui)" '
                            "(zsh_source, fish_source)"
                        ),
                    ),
                ]
            )

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
        return localize(found) if found is not None else None


@click.group(
    cls=LazyGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(__version__, "--version", prog_name="vatui", message="%(prog)s %(version)s")
@click.option(
    "--data-dir",
    "data_dir",
    envvar="VATUI_DATA_DIR",
    metavar="DIR",
    help=_("Where the workspace lives (default: the platform's data directory)."),
)
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


def _safe_message(exc: click.ClickException) -> click.ClickException:
    """The one place errors reach the terminal: user text in them (a stored name, a typed
    argument) is cleaned, so an escape sequence is shown, never obeyed."""
    vars(exc)["message"] = clean(exc.message, keep_newlines=True)  # click marks it Final
    return exc


def _show(exc: click.ClickException, argv: list[str] | None) -> None:
    """Print click's error in the workspace's language: a usage error is found while the
    arguments are read, before any command opens the workspace (and chooses its language)."""
    from vatui.cli.click_errors import error_text
    from vatui.cli.language import apply_setting, data_dir_in, peek_language

    apply_setting(peek_language(data_dir_in(sys.argv[1:] if argv is None else argv)))
    click.echo(clean(error_text(_safe_message(exc)), keep_newlines=True), err=True)


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit with vatui's exit codes."""
    try:
        localize(cli)
        cli.main(args=argv, prog_name="vatui", standalone_mode=False)
    except SystemExit as exc:
        # click answers a broken pipe (``vatui time list | head``) with exit 1, after
        # swapping stdout for its PacifyFlushWrapper: the reader left, nothing went wrong.
        if exc.code == 1 and type(sys.stdout).__name__.endswith("PacifyFlushWrapper"):
            quiet_broken_pipe()
        raise
    except click.exceptions.Abort:
        click.echo(_("vatui: aborted"), err=True)
        sys.exit(1)
    except click.exceptions.UsageError as exc:
        _show(exc, argv)
        sys.exit(2)
    except click.ClickException as exc:
        _show(exc, argv)
        sys.exit(1 if exc.exit_code not in (0, 2) else exc.exit_code)
    except VatuiError as exc:
        fail(str(exc))
    except BrokenPipeError:
        quiet_broken_pipe()
    except OSError as exc:  # the data folder or a file could not be used: one line, never a traceback
        fail(os_problem(exc))
    sys.exit(0)
