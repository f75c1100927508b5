"""The palette's ``Ledger: …`` commands."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from vatui.i18n import _
from vatui.ui.commands import Command, PaneCommands

if TYPE_CHECKING:
    from vatui.ui.screens.ledger import LedgerScreen


class LedgerCommands(PaneCommands):
    """Every Ledger action."""

    def commands(self) -> Iterable[Command]:
        from vatui.ui.screens.ledger import LedgerScreen

        screen = self.screen
        if not isinstance(screen, LedgerScreen):
            return
        ledger: LedgerScreen = screen
        yield Command(
            _("Ledger: new invoice"),
            _("From unbilled time, free lines, a deposit or the retainer ({keys})"),
            ledger.action_new_invoice,
            "new_invoice",
        )
        yield Command(
            _("Ledger: edit draft"),
            _("The selected draft's lines and notes ({keys})"),
            ledger.action_edit_draft,
            "edit_draft",
        )
        yield Command(
            _("Ledger: promise to pay"),
            _("The client will pay the selected invoice by a date: reminders wait ({keys})"),
            ledger.action_promise,
            "promise",
        )
        yield Command(
            _("Ledger: snooze reminders"),
            _("No reminder for the selected invoice until a date ({keys})"),
            ledger.action_snooze,
            "snooze",
        )
        yield Command(
            _("Ledger: invoice unbilled time"),
            _("Pick a client and invoice its time ({keys})"),
            ledger.action_invoice,
            "invoice",
        )
        yield Command(
            _("Ledger: record payment"),
            _("A payment on the selected invoice ({keys})"),
            ledger.action_payment,
            "payment",
        )
        yield Command(
            _("Ledger: draft reminder"),
            _("The due collection step of the selected invoice ({keys})"),
            ledger.action_reminder,
            "reminder",
        )
        yield Command(
            _("Ledger: add expense"), _("A business expense ({keys})"), ledger.action_expense, "expense"
        )
        yield Command(
            _("Ledger: send invoice"), _("Mark the selected draft sent ({keys})"), ledger.action_send, "send"
        )
        yield Command(
            _("Ledger: void invoice"), _("Void the selected invoice ({keys})"), ledger.action_void, "void"
        )
        yield Command(
            _("Ledger: delete payment"),
            _("The selected payment, with a reason ({keys} on Payments)"),
            ledger.action_delete_payment,
            "void",
        )
        yield Command(
            _("Ledger: open invoice"),
            _("The selected invoice as a document ({keys})"),
            ledger.action_open,
            "select",
        )
        yield Command(_("Ledger: filter"), _("Narrow the lists ({keys})"), ledger.action_filter, "filter")
        yield Command(
            _("Ledger: next tab"),
            _("Invoices, aging, payments, expenses, P&L, clients ({keys})"),
            lambda: ledger.action_tab(1),
            "tab(1)",
        )
        yield Command(
            _("Ledger: previous tab"),
            _("The tab to the left ({keys})"),
            lambda: ledger.action_tab(-1),
            "tab(-1)",
        )
        yield Command(
            _("Ledger: P&L currency"),
            _("Show the P&L in the next currency ({keys})"),
            ledger.action_currency,
            "currency",
        )
