"""The palette's ``Ledger: …`` commands."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from vatui.i18n import N_
from vatui.ui.commands import ActionCommands

LEDGER_COMMANDS: tuple[tuple[str, str, str], ...] = (
    (
        N_("Ledger: new invoice"),
        "new_invoice",
        N_("From unbilled time, free lines, a deposit or the retainer ({keys})"),
    ),
    (N_("Ledger: edit draft"), "edit_draft", N_("The selected draft's lines and notes ({keys})")),
    (
        N_("Ledger: promise to pay"),
        "promise",
        N_("The client will pay the selected invoice by a date: reminders wait ({keys})"),
    ),
    (
        N_("Ledger: snooze reminders"),
        "snooze",
        N_("No reminder for the selected invoice until a date ({keys})"),
    ),
    (N_("Ledger: invoice unbilled time"), "invoice", N_("Pick a client and invoice its time ({keys})")),
    (N_("Ledger: record payment"), "payment", N_("A payment on the selected invoice ({keys})")),
    (
        N_("Ledger: draft reminder"),
        "reminder",
        N_("The due collection step of the selected invoice ({keys})"),
    ),
    (N_("Ledger: add expense"), "expense", N_("A business expense ({keys})")),
    (N_("Ledger: send invoice"), "send", N_("Mark the selected draft sent ({keys})")),
    (N_("Ledger: void invoice"), "void", N_("Void the selected invoice ({keys})")),
    (
        N_("Ledger: delete payment"),
        "delete_payment",
        N_("The selected payment, with a reason ({keys} on Payments)"),
    ),
    (N_("Ledger: open invoice"), "open", N_("The selected invoice as a document ({keys})")),
    (N_("Ledger: filter"), "filter", N_("Narrow the lists ({keys})")),
    (N_("Ledger: next tab"), "tab(1)", N_("Invoices, aging, payments, expenses, P&L, clients ({keys})")),
    (N_("Ledger: previous tab"), "tab(-1)", N_("The tab to the left ({keys})")),
    (N_("Ledger: P&L currency"), "currency", N_("Show the P&L in the next currency ({keys})")),
)
"""(name, screen action, help with its ``{keys}``) of every Ledger command."""


class LedgerCommands(ActionCommands):
    """Every Ledger action."""

    TABLE = LEDGER_COMMANDS
    BOUND_AS: ClassVar[Mapping[str, str]] = {
        "open": "select",
        "delete_payment": "ledger_void",
    }  # enter on the list; x on Payments
