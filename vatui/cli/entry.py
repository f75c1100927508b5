"""The ``vatui`` executable. A bare ``vatui`` (or ``--demo``/``--data-dir``) opens the app
without loading click and the command table: the first frame comes sooner. Everything
else goes to the click command line in ``vatui.cli.main``.
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


def main(argv: list[str] | None = None) -> None:
    """Run vatui: the app, or a command."""
    args = sys.argv[1:] if argv is None else argv
    app_only = _app_only(args)
    if app_only is not None:
        from vatui.cli.launch import launch
        from vatui.paths import data_dir

        directory, demo = app_only
        launch(data_dir(directory), demo=demo)
        sys.exit(0)
    # A command lives a fraction of a second: the cyclic garbage collector would only
    # walk the workspace's tens of thousands of freshly parsed documents, again and again
    # (about 25 ms at the large workspace). Reference counting still frees everything.
    import gc

    gc.disable()
    from vatui.cli.main import main as cli_main

    cli_main(args)
