"""What every command shares, without click: the invocation's context (the output helpers
are ``vatui.cli.output``).

Kept free of click so that ``vatui today`` (see ``vatui.cli.entry``) can answer without
loading it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from vatui.domain.clock import Clock, SystemClock
from vatui.domain.text import clean
from vatui.paths import data_dir

if TYPE_CHECKING:
    from vatui.store.workspace import Workspace


@dataclass
class CliContext:
    """State of one command-line invocation."""

    data_dir_override: str | None = None
    clock: Clock = field(default_factory=SystemClock)
    _ws: Workspace | None = None

    @property
    def directory(self) -> Path:
        """The data directory in use."""
        return data_dir(self.data_dir_override)

    def ws(self) -> Workspace:
        """The workspace, opened (and created) on first use."""
        if self._ws is None:
            from vatui.services.session import open_workspace

            self._ws = open_workspace(self.directory, self.clock)
            for notice in self._ws.notices:  # once, to stderr: --json output stays clean
                sys.stderr.write(clean(notice) + "\n")
            from vatui.cli.language import apply_setting

            apply_setting(self._ws.settings().language)
            from vatui.domain.money_display import set_display

            settings = self._ws.settings()
            set_display(settings.numbers, settings.default_currency)
        return self._ws

    def today(self) -> date:
        """Today at home."""
        from vatui.services.common import home_today

        return home_today(self.ws())

    def parse_date(self, text: str) -> date:
        """A date in vatui's syntax, relative to today at home."""
        from vatui.domain.dates import parse_date

        return parse_date(text, self.today(), self.ws().settings().date_order)
