"""The ``vatui`` executable. A bare ``vatui`` (or ``--demo``/``--data-dir``) opens the app
without loading click and the command table: the first frame comes sooner. So does
``vatui today [--json] [--on DATE]``, the command run most often: it answers from the kept
Today summary when one is valid (``vatui.cli.today_fast``), else opens the workspace. Everything else (and
any other spelling, ``--help`` included) goes to the click command line in
``vatui.cli.main``, which defines the same ``today`` command.
"""

from __future__ import annotations

import sys


def _app_only(args: list[str]) -> tuple[str | None, bool] | None:
    """(data dir, demo) when ``args`` only ask for the app; ``None`` otherwise."""
    data_dir: str | None = None
    demo = False
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--demo":
            demo = True
        elif arg == "--data-dir" and rest and not rest[0].startswith("-"):
            data_dir = rest.pop(0)
        elif arg.startswith("--data-dir=") and len(arg) > len("--data-dir="):
            data_dir = arg.split("=", 1)[1]
        else:
            return None
    return data_dir, demo


def _today_only(args: list[str]) -> tuple[str | None, bool, str | None] | None:
    """(data dir, --json, --on) when ``args`` are a plain ``today``; ``None`` otherwise."""
    data_dir: str | None = None
    rest = list(args)
    while rest and rest[0] != "today":
        arg = rest.pop(0)
        if arg == "--data-dir" and rest and not rest[0].startswith("-"):
            data_dir = rest.pop(0)
        elif arg.startswith("--data-dir=") and len(arg) > len("--data-dir="):
            data_dir = arg.split("=", 1)[1]
        else:
            return None
    if not rest:
        return None
    rest.pop(0)
    as_json, on = False, None
    while rest:
        arg = rest.pop(0)
        if arg == "--json" and not as_json:
            as_json = True
        elif arg == "--on" and on is None and rest and not rest[0].startswith("-"):
            on = rest.pop(0)
        elif arg.startswith("--on=") and on is None and len(arg) > len("--on="):
            on = arg.split("=", 1)[1]
        else:
            return None
    return data_dir, as_json, on


def _today(data_dir: str | None, as_json: bool, on: str | None) -> None:
    from vatui.cli.today_fast import serve

    try:
        if serve(data_dir, as_json, on):  # the kept summary answers: no workspace opened
            sys.exit(0)
    except BrokenPipeError:
        from vatui.cli.output import quiet_broken_pipe

        quiet_broken_pipe()
    from vatui.cli.base import CliContext
    from vatui.cli.output import fail, os_problem, quiet_broken_pipe
    from vatui.cli.today_report import print_today
    from vatui.domain.errors import VatuiError

    try:
        print_today(CliContext(data_dir_override=data_dir), as_json, on)
        sys.stdout.flush()
    except VatuiError as exc:
        fail(str(exc))
    except BrokenPipeError:
        quiet_broken_pipe()
    except OSError as exc:
        fail(os_problem(exc))
    sys.exit(0)


def main(argv: list[str] | None = None) -> None:
    """Run vatui: the app, or a command."""
    args = sys.argv[1:] if argv is None else argv
    import os

    # Shell completion (``_VATUI_COMPLETE=bash_source vatui``) is click's job, never the app's.
    completing = "_VATUI_COMPLETE" in os.environ
    app_only = None if completing else _app_only(args)
    if app_only is not None:
        from vatui.cli.launch import launch
        from vatui.paths import data_dir

        directory, demo = app_only
        sys.exit(launch(data_dir(directory), demo=demo))
    # A command lives a fraction of a second: the cyclic garbage collector would only
    # walk the workspace's tens of thousands of freshly parsed documents, again and again
    # (about 25 ms at the large workspace). Reference counting still frees everything.
    import gc

    gc.disable()
    today = None if completing else _today_only(args)
    if today is not None:
        _today(*today)
    from vatui.cli.language import choose_for_help

    choose_for_help(args)  # before click's help texts are evaluated (at import)
    from vatui.cli.main import main as cli_main

    cli_main(args)
