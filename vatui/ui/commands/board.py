"""The Board's command-palette provider: every Board action, named "Board: …"."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from vatui.i18n import _
from vatui.ui.commands import Command, PaneCommands

BOARD_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Board: move card right", "move_card(1)", "L / shift+→: to the next column"),
    ("Board: move card left", "move_card(-1)", "H / shift+←: to the previous column"),
    ("Board: move card up", "reorder(-1)", "K / shift+↑: earlier in its column"),
    ("Board: move card down", "reorder(1)", "J / shift+↓: later in its column"),
    ("Board: mark card done (or reopen it)", "toggle_done", "space"),
    ("Board: new card", "new_card", "n: in the focused column"),
    ("Board: edit card", "edit_card", "enter"),
    ("Board: reschedule card", "reschedule", "s: a new due date"),
    ("Board: delete card", "delete_card", "x: asks first; u undoes"),
    ("Board: start or stop the timer", "toggle_timer", "t"),
    ("Board: log contact with the card's client", "log_contact", "c"),
    ("Board: time entries of the card", "time_entries", "T: edit or delete logged time"),
    ("Board: checklist of the card", "checklist", "C: tick, add, remove lines"),
    ("Board: follow-up date of the card", "follow_up", "w: when to chase the client"),
    ("Board: filter by client", "filter_client", "f: again to clear"),
    ("Board: filter by text", "filter_text", "/"),
    ("Board: clear filters", "clear_filters", "escape"),
    ("Board: next column", "focus_column(1)", "l / →"),
    ("Board: previous column", "focus_column(-1)", "h / ←"),
    ("Board: first card", "cursor_to(0)", "g / home"),
    ("Board: last card", "cursor_to(-1)", "G / end"),
)
"""(name, screen action, help) of every Board command."""


class BoardCommands(PaneCommands):
    """Every Board action in the command palette."""

    def commands(self) -> Iterable[Command]:
        """The Board's commands, run on the Board screen."""
        screen = self.screen
        for name, action, help_text in BOARD_COMMANDS:
            yield Command(_(name), _(help_text), partial(screen.run_action, action))
