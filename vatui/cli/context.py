"""What every command shares: the data directory, the open workspace, output helpers.

The context lives in ``vatui.cli.base`` and the output helpers in ``vatui.cli.output`` (no
click in either); this module adds click's pass decorator.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from vatui.cli.base import CliContext
from vatui.cli.output import emit_json, say, show

__all__ = ["CliContext", "day_or_today", "emit_json", "pass_ctx", "repeated_option", "say", "show"]

F = TypeVar("F", bound=Callable[..., Any])

pass_ctx = click.make_pass_decorator(CliContext, ensure=True)


def day_or_today(obj: CliContext, on: str | None) -> date:
    """The day an ``--on DATE`` option names, or today at home without one."""
    return obj.parse_date(on) if on else obj.today()


def repeated_option(flag: str, dest: str, metavar: str, help: str, **extra: Any) -> Callable[[F], F]:
    """An option given any number of times (``--tag a --tag b``), collected as a tuple in
    ``dest``."""
    return click.option(flag, dest, multiple=True, metavar=metavar, help=help, **extra)
