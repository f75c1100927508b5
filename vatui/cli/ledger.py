"""`vatui` commands of the ledger area (filled in by its owner)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
