"""What every command shares: the data directory, the open workspace, output helpers.

The context lives in ``vatui.cli.base`` and the output helpers in ``vatui.cli.output`` (no
click in either); this module adds click's pass decorator.
"""

from __future__ import annotations

from datetime import date

import click

from vatui.cli.base import CliContext
from vatui.cli.output import emit_json, say, show

__all__ = ["CliContext", "day_or_today", "emit_json", "pass_ctx", "say", "show"]

pass_ctx = click.make_pass_decorator(CliContext, ensure=True)


def day_or_today(obj: CliContext, on: str | None) -> date:
    """The day an ``--on DATE`` option names, or today at home without one."""
    return obj.parse_date(on) if on else obj.today()
