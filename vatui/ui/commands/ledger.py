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
            _("From unbilled time, free lines, a deposit or the retainer (n)"),
            ledger.action_new_invoice,
        )
        yield Command(
            _("Ledger: edit draft"), _("The selected draft's lines and notes (d)"), ledger.action_edit_draft
        )
        yield Command(
            _("Ledger: promise to pay"),
            _("The client will pay the selected invoice by a date: reminders wait (P)"),
            ledger.action_promise,
        )
        yield Command(
            _("Ledger: snooze reminders"),
            _("No reminder for the selected invoice until a date (z)"),
            ledger.action_snooze,
        )
        yield Command(
            _("Ledger: invoice unbilled time"),
            _("Pick a client and invoice its time (i)"),
            ledger.action_invoice,
        )
        yield Command(
            _("Ledger: record payment"), _("A payment on the selected invoice (p)"), ledger.action_payment
        )
        yield Command(
            _("Ledger: draft reminder"),
            _("The due collection step of the selected invoice (r)"),
            ledger.action_reminder,
        )
        yield Command(_("Ledger: add expense"), _("A business expense (e)"), ledger.action_expense)
        yield Command(_("Ledger: send invoice"), _("Mark the selected draft sent (s)"), ledger.action_send)
        yield Command(_("Ledger: void invoice"), _("Void the selected invoice (x)"), ledger.action_void)
        yield Command(
            _("Ledger: delete payment"),
            _("The selected payment, with a reason (x on Payments)"),
            ledger.action_delete_payment,
        )
        yield Command(
            _("Ledger: open invoice"), _("The selected invoice as a document (enter)"), ledger.action_open
        )
        yield Command(_("Ledger: filter"), _("Narrow the lists (/)"), ledger.action_filter)
        yield Command(
            _("Ledger: next tab"),
            _("Invoices, aging, payments, expenses, P&L, clients (])"),
            lambda: ledger.action_tab(1),
        )
        yield Command(_("Ledger: previous tab"), _("The tab to the left ([)"), lambda: ledger.action_tab(-1))
        yield Command(
            _("Ledger: P&L currency"), _("Show the P&L in the next currency (c)"), ledger.action_currency
        )
