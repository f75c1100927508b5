"""The palette's ``Today: …`` commands, acting on the selected line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from vatui.i18n import N_
from vatui.ui.commands import ActionCommands

TODAY_COMMANDS: tuple[tuple[str, str, str], ...] = (
    (N_("Today: mark done"), "done", N_("Complete the selected task ({keys})")),
    (N_("Today: snooze"), "snooze", N_("Hide the selected task until a date ({keys})")),
    (N_("Today: open"), "open", N_("Open the selected line ({keys})")),
    (N_("Today: start or stop the timer"), "timer", N_("Time the selected task ({keys})")),
    (N_("Today: log contact"), "contact", N_("Log a contact with the client ({keys})")),
    (N_("Today: send reminder"), "reminder", N_("Draft the invoice reminder ({keys})")),
    (N_("Today: go to top"), "top", N_("First line ({keys})")),
    (N_("Today: go to bottom"), "bottom", N_("Last line ({keys})")),
)
"""(name, screen action, help with its ``{keys}``) of every Today command."""


class TodayCommands(ActionCommands):
    """Every Today action, for the line under the cursor."""

    TABLE = TODAY_COMMANDS
    BOUND_AS: ClassVar[Mapping[str, str]] = {
        "top": "today_top",
        "bottom": "today_bottom",
    }  # the list's g and G
