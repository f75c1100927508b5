"""The Board's command-palette provider: every Board action, named "Board: …"."""

from __future__ import annotations

from vatui.i18n import N_
from vatui.ui.commands import ActionCommands

BOARD_COMMANDS: tuple[tuple[str, str, str], ...] = (
    (N_("Board: move card right"), "move_card(1)", N_("{keys}: to the next column")),
    (N_("Board: move card left"), "move_card(-1)", N_("{keys}: to the previous column")),
    (N_("Board: move card up"), "reorder(-1)", N_("{keys}: earlier in its column")),
    (N_("Board: move card down"), "reorder(1)", N_("{keys}: later in its column")),
    (N_("Board: mark card done (or reopen it)"), "toggle_done", N_("{keys}")),
    (N_("Board: new card"), "new_card", N_("{keys}: in the focused column")),
    (N_("Board: edit card"), "edit_card", N_("{keys}")),
    (N_("Board: reschedule card"), "reschedule", N_("{keys}: a new due date")),
    (N_("Board: delete card"), "delete_card", N_("{keys}: asks first; u undoes")),
    (N_("Board: start or stop the timer"), "toggle_timer", N_("{keys}")),
    (N_("Board: log contact with the card's client"), "log_contact", N_("{keys}")),
    (N_("Board: time entries of the card"), "time_entries", N_("{keys}: edit or delete logged time")),
    (N_("Board: checklist of the card"), "checklist", N_("{keys}: tick, add, remove lines")),
    (N_("Board: follow-up date of the card"), "follow_up", N_("{keys}: when to chase the client")),
    (N_("Board: filter by client"), "filter_client", N_("{keys}: again to clear")),
    (N_("Board: filter by text"), "filter_text", N_("{keys}")),
    (N_("Board: clear filters"), "clear_filters", N_("{keys}")),
    (N_("Board: next column"), "focus_column(1)", N_("{keys}")),
    (N_("Board: previous column"), "focus_column(-1)", N_("{keys}")),
    (N_("Board: first card"), "cursor_to(0)", N_("{keys}")),
    (N_("Board: last card"), "cursor_to(-1)", N_("{keys}")),
)
"""(name, screen action, help with its ``{keys}``) of every Board command."""


class BoardCommands(ActionCommands):
    """Every Board action in the command palette."""

    TABLE = BOARD_COMMANDS
