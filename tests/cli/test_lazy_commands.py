"""Every command a CLI module defines is reachable through the lazy command table."""

from __future__ import annotations

import importlib

from vatui.cli.main import LAZY_COMMANDS, cli


def test_lazy_table_matches_the_modules() -> None:
    import click

    defined: set[str] = set()
    for module in sorted({m for ms in LAZY_COMMANDS.values() for m in ms}):
        for command in importlib.import_module(f"vatui.cli.{module}").COMMANDS:
            defined.add(str(command.name))
    assert defined == set(LAZY_COMMANDS)
    ctx = click.Context(cli)
    for name in defined:
        found = cli.get_command(ctx, name)
        assert found is not None and found.name == name


def test_export_has_every_format() -> None:
    import click

    group = cli.get_command(click.Context(cli), "export")
    assert isinstance(group, click.Group)
    assert {"json", "hledger", "csv"} <= set(group.commands)
