"""The palette's ``Today: …`` commands, acting on the selected line."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from vatui.i18n import _
from vatui.ui.commands import Command, PaneCommands
from vatui.ui.pane import Pane


class TodayCommands(PaneCommands):
    """Every Today action, for the line under the cursor."""

    def commands(self) -> Iterable[Command]:
        screen = self.screen
        if not isinstance(screen, Pane) or screen.PANE != "today":
            return
        run = screen.run_action
        yield Command(_("Today: mark done"), _("Complete the selected task (space)"), partial(run, "done"))
        yield Command(
            _("Today: snooze"), _("Hide the selected task until a date (s)"), partial(run, "snooze")
        )
        yield Command(_("Today: open"), _("Open the selected line (enter)"), partial(run, "open"))
        yield Command(
            _("Today: start or stop the timer"), _("Time the selected task (t)"), partial(run, "timer")
        )
        yield Command(
            _("Today: log contact"), _("Log a contact with the client (c)"), partial(run, "contact")
        )
        yield Command(
            _("Today: send reminder"), _("Draft the invoice reminder (r)"), partial(run, "reminder")
        )
        yield Command(_("Today: go to top"), _("First line (g)"), partial(run, "top"))
        yield Command(_("Today: go to bottom"), _("Last line (G)"), partial(run, "bottom"))
