"""The palette's ``Today: …`` commands, acting on the selected line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from vatui.i18n import _
from vatui.ui.commands import Command, PaneCommands

if TYPE_CHECKING:
    from vatui.ui.screens.today import TodayScreen


class TodayCommands(PaneCommands):
    """Every Today action, for the line under the cursor."""

    def commands(self) -> Iterable[Command]:
        from vatui.ui.screens.today import TodayScreen

        screen = self.screen
        if not isinstance(screen, TodayScreen):
            return
        today: TodayScreen = screen
        yield Command(
            _("Today: mark done"), _("Complete the selected task ({keys})"), today.action_done, "done"
        )
        yield Command(
            _("Today: snooze"),
            _("Hide the selected task until a date ({keys})"),
            today.action_snooze,
            "snooze",
        )
        yield Command(_("Today: open"), _("Open the selected line ({keys})"), today.action_open, "open")
        yield Command(
            _("Today: start or stop the timer"),
            _("Time the selected task ({keys})"),
            today.action_timer,
            "timer",
        )
        yield Command(
            _("Today: log contact"),
            _("Log a contact with the client ({keys})"),
            today.action_contact,
            "contact",
        )
        yield Command(
            _("Today: send reminder"),
            _("Draft the invoice reminder ({keys})"),
            today.action_reminder,
            "reminder",
        )
        yield Command(_("Today: go to top"), _("First line ({keys})"), today.action_top, "today_top")
        yield Command(_("Today: go to bottom"), _("Last line ({keys})"), today.action_bottom, "today_bottom")
