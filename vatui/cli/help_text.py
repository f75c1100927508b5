"""Commands' descriptions (their docstrings) in the language in use.

Click takes a command's help from its docstring, which no ``_()`` can wrap: the catalog
gets them from ``tools/catalog.py`` (it walks every command), and :func:`localize`
translates them when the command is looked up, after the language is chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager

import click

from vatui.i18n import N_, _


def localize(command: click.Command) -> click.Command:
    """``command`` (and its subcommands) with its description translated."""
    source = vars(command).setdefault("_vatui_help", command.help)
    if source:
        command.help = _(source)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            localize(sub)
    return command


#: Click's own words in ``--help`` (click translates them with its own, absent, catalog).
CLICK_WORDS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Arguments"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
)


class Formatter(click.HelpFormatter):
    """Click's help formatter, with its own words and every description in the catalog."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{_('Usage:')} " if prefix is None else prefix)

    def section(self, name: str) -> AbstractContextManager[None]:  # type: ignore[override]
        return super().section(_(name))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _(text) if text else text) for term, text in rows], col_max, col_spacing)
