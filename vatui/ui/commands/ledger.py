"""The palette's ``Ledger: …`` commands."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from vatui.i18n import _
from vatui.ui.commands import Command, PaneCommands
from vatui.ui.pane import Pane


class LedgerCommands(PaneCommands):
    """Every Ledger action."""

    def commands(self) -> Iterable[Command]:
        screen = self.screen
        if not isinstance(screen, Pane) or screen.PANE != "ledger":
            return
        run = screen.run_action
        yield Command(
            _("Ledger: new invoice"),
            _("From unbilled time, free lines, a deposit or the retainer (n)"),
            partial(run, "new_invoice"),
        )
        yield Command(
            _("Ledger: edit draft"), _("The selected draft's lines and notes (d)"), partial(run, "edit_draft")
        )
        yield Command(
            _("Ledger: promise to pay"),
            _("The client will pay the selected invoice by a date: reminders wait (P)"),
            partial(run, "promise"),
        )
        yield Command(
            _("Ledger: snooze reminders"),
            _("No reminder for the selected invoice until a date (z)"),
            partial(run, "snooze"),
        )
        yield Command(
            _("Ledger: invoice unbilled time"),
            _("Pick a client and invoice its time (i)"),
            partial(run, "invoice"),
        )
        yield Command(
            _("Ledger: record payment"), _("A payment on the selected invoice (p)"), partial(run, "payment")
        )
        yield Command(
            _("Ledger: draft reminder"),
            _("The due collection step of the selected invoice (r)"),
            partial(run, "reminder"),
        )
        yield Command(_("Ledger: add expense"), _("A business expense (e)"), partial(run, "expense"))
        yield Command(_("Ledger: send invoice"), _("Mark the selected draft sent (s)"), partial(run, "send"))
        yield Command(_("Ledger: void invoice"), _("Void the selected invoice (x)"), partial(run, "void"))
        yield Command(
            _("Ledger: delete payment"),
            _("The selected payment, with a reason (x on Payments)"),
            partial(run, "delete_payment"),
        )
        yield Command(
            _("Ledger: open invoice"), _("The selected invoice as a document (enter)"), partial(run, "open")
        )
        yield Command(_("Ledger: filter"), _("Narrow the lists (/)"), partial(run, "filter"))
        yield Command(
            _("Ledger: next tab"),
            _("Invoices, aging, payments, expenses, P&L, clients (])"),
            partial(run, "tab(1)"),
        )
        yield Command(_("Ledger: previous tab"), _("The tab to the left ([)"), partial(run, "tab(-1)"))
        yield Command(
            _("Ledger: P&L currency"), _("Show the P&L in the next currency (c)"), partial(run, "currency")
        )
