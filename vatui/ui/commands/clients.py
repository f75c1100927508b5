"""The Clients pane's command-palette provider: every Clients action, named "Clients: …"."""

from __future__ import annotations

from vatui.i18n import N_
from vatui.ui.commands import ActionCommands

CLIENTS_COMMANDS: tuple[tuple[str, str, str], ...] = (
    (N_("Clients: log contact"), "contact", N_("{keys}: with the selected client")),
    (N_("Clients: new client"), "new", N_("{keys}")),
    (N_("Clients: edit client"), "edit", N_("{keys}: every field, checked as you type")),
    (N_("Clients: weekly status report"), "report", N_("{keys}: copy, save or mark sent")),
    (N_("Clients: archive or restore client"), "archive", N_("{keys}: history stays; u undoes")),
    (N_("Clients: delete client without history"), "delete", N_("{keys}: only a client with no history")),
    (N_("Clients: reveal or mask confidential notes"), "reveal", N_("{keys}")),
    (N_("Clients: contact log (edit or delete a contact)"), "contact_log", N_("{keys}")),
    (
        N_("Clients: notes (edit or delete a note)"),
        "notes",
        N_("{keys}: confidential ones once revealed with v"),
    ),
    (N_("Clients: billing details"), "billing", N_("{keys}: legal name, tax ID, address, billing contact")),
    (N_("Clients: filter"), "filter", N_("{keys}: by name, tag, status or handle")),
    (N_("Clients: clear filter"), "clear_filter", N_("{keys}")),
    (N_("Clients: show or hide archived clients"), "toggle_archived", N_("{keys}")),
    (N_("Clients: scroll card down"), "scroll_card(1)", N_("{keys}: reliability, open tasks, contact log")),
    (N_("Clients: scroll card up"), "scroll_card(-1)", N_("{keys}")),
    (N_("Clients: first client"), "first", N_("{keys}")),
    (N_("Clients: last client"), "last", N_("{keys}")),
)
"""(name, screen action, help with its ``{keys}``) of every Clients command."""


class ClientsCommands(ActionCommands):
    """Every Clients action in the command palette."""

    TABLE = CLIENTS_COMMANDS
