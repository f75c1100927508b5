"""The Clients pane's command-palette provider: every Clients action, named "Clients: …"."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from vatui.i18n import N_, _
from vatui.ui.commands import Command, PaneCommands

CLIENTS_COMMANDS: tuple[tuple[str, str, str], ...] = (
    (N_("Clients: log contact"), "contact", N_("c: with the selected client")),
    (N_("Clients: new client"), "new", N_("n")),
    (N_("Clients: edit client"), "edit", N_("enter: every field, checked as you type")),
    (N_("Clients: weekly status report"), "report", N_("r: copy, save or mark sent")),
    (N_("Clients: archive or restore client"), "archive", N_("x: history stays; u undoes")),
    (N_("Clients: delete client without history"), "delete", N_("D: only a client with no history")),
    (N_("Clients: reveal or mask confidential notes"), "reveal", N_("v")),
    (N_("Clients: contact log (edit or delete a contact)"), "contact_log", N_("L")),
    (N_("Clients: notes (edit or delete a note)"), "notes", N_("N: confidential ones once revealed with v")),
    (N_("Clients: billing details"), "billing", N_("B: legal name, tax ID, address, billing contact")),
    (N_("Clients: filter"), "filter", N_("/: by name, tag, status or handle")),
    (N_("Clients: clear filter"), "clear_filter", N_("escape")),
    (N_("Clients: show or hide archived clients"), "toggle_archived", N_("A")),
    (
        N_("Clients: scroll card down"),
        "scroll_card(1)",
        N_("J / shift+↓: reliability, open tasks, contact log"),
    ),
    (N_("Clients: scroll card up"), "scroll_card(-1)", N_("K / shift+↑")),
    (N_("Clients: first client"), "first", N_("g / home")),
    (N_("Clients: last client"), "last", N_("G / end")),
)
"""(name, screen action, help) of every Clients command."""


class ClientsCommands(PaneCommands):
    """Every Clients action in the command palette."""

    def commands(self) -> Iterable[Command]:
        """The Clients commands, run on the Clients screen."""
        screen = self.screen
        for name, action, help_text in CLIENTS_COMMANDS:
            yield Command(_(name), _(help_text), partial(screen.run_action, action))
