"""The Clients pane's command-palette provider: every Clients action, named "Clients: …"."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from vatui.i18n import _
from vatui.ui.commands import Command, PaneCommands

CLIENTS_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Clients: log contact", "contact", "c: with the selected client"),
    ("Clients: new client", "new", "n"),
    ("Clients: edit client", "edit", "enter: every field, checked as you type"),
    ("Clients: weekly status report", "report", "r: copy, save or mark sent"),
    ("Clients: archive or restore client", "archive", "x: history stays; u undoes"),
    ("Clients: delete client without history", "delete", "D: only a client with no history"),
    ("Clients: reveal or mask confidential notes", "reveal", "v"),
    ("Clients: contact log (edit or delete a contact)", "contact_log", "L"),
    ("Clients: notes (edit or delete a note)", "notes", "N: confidential ones once revealed with v"),
    ("Clients: filter", "filter", "/: by name, tag, status or handle"),
    ("Clients: clear filter", "clear_filter", "escape"),
    ("Clients: show or hide archived clients", "toggle_archived", "A"),
    ("Clients: scroll card down", "scroll_card(1)", "J / shift+↓: reliability, open tasks, contact log"),
    ("Clients: scroll card up", "scroll_card(-1)", "K / shift+↑"),
    ("Clients: first client", "first", "g / home"),
    ("Clients: last client", "last", "G / end"),
)
"""(name, screen action, help) of every Clients command."""


class ClientsCommands(PaneCommands):
    """Every Clients action in the command palette."""

    def commands(self) -> Iterable[Command]:
        """The Clients commands, run on the Clients screen."""
        screen = self.screen
        for name, action, help_text in CLIENTS_COMMANDS:
            yield Command(_(name), _(help_text), partial(screen.run_action, action))
