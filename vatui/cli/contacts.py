"""`vatui` commands of the contacts area (filled in by its owner)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
