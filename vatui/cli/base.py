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
    from vatui.services.session import Session


@dataclass
class CliContext:
    """State of one command-line invocation."""

    data_dir_override: str | None = None
    clock: Clock = field(default_factory=SystemClock)
    _session: Session | None = None

    @property
    def directory(self) -> Path:
        """The data directory in use."""
        return data_dir(self.data_dir_override)

    def session(self) -> Session:
        """The session on the workspace, opened (and created) on first use."""
        if self._session is None:
            from vatui.services.session import Session

            self._session = session = Session.open(self.directory, self.clock)
            for notice in session.notices:  # once, to stderr: --json output stays clean
                sys.stderr.write(clean(notice) + "\n")
            from vatui.cli.language import apply_setting

            apply_setting(session.settings().language)
            from vatui.domain.money_display import set_display

            settings = session.settings()
            set_display(settings.numbers, settings.default_currency)
        return self._session

    def today(self) -> date:
        """Today at home."""
        return self.session().today()

    def parse_date(self, text: str) -> date:
        """A date in vatui's syntax, relative to today at home."""
        from vatui.domain.dates import parse_date

        return parse_date(text, self.today(), self.session().settings().date_order)
