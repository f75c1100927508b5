"""The Ledger pane: invoices (status and aging), A/R aging, payments, expenses, P&L chart, revenue by client.

Keys: ``n`` a new invoice (time, free lines, deposit, retainer), ``i`` invoice a client's
unbilled time, ``d`` edit a draft, ``p`` record a payment, ``r`` draft the due reminder,
``z`` snooze its reminders, ``P`` a promise to pay, ``e`` add an expense, ``enter`` open
the invoice document, ``s`` send a draft, ``x`` void, ``/`` filter, ``[``/``]`` switch tabs,
``c`` the P&L's currency. The screen reads ``services.ledger.view`` and acts through
``ui.flows.ledger`` and ``ui.flows.invoices``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib import resources
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, OptionList, Static, TabbedContent, TabPane

from vatui.domain.fold import fold
from vatui.domain.ledger_rows import LedgerView
from vatui.i18n import _
from vatui.ui.commands.ledger import LedgerCommands
from vatui.ui.flows import corrections, invoices
from vatui.ui.flows import ledger as flow
from vatui.ui.pane import Pane
from vatui.ui.screens.read_ahead import has_part, styles_current, take
from vatui.ui.widgets.app_header import AppHeader, PaneFooter
from vatui.ui.widgets.ledger_aging import aging_header, aging_rows
from vatui.ui.widgets.ledger_list import (
    LedgerList,
    client_header,
    client_line,
    expense_header,
    expense_line,
    invoice_header,
    invoice_line,
    payment_header,
    payment_line,
)
from vatui.ui.widgets.ledger_pnl import PnlChart, currencies
from vatui.ui.widgets.ledger_tabs import TABS, LedgerTabs, tab_body
from vatui.ui.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from vatui.domain.reports import AgingRow, ClientRow, PnlRow
    from vatui.ui.pane import PaneHost


class LedgerScreen(Pane):
    """The collections desk and the books."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_invoice", _("New invoice"), id="ledger_new_invoice"),
        Binding("i", "invoice", _("Invoice time"), show=False, id="ledger_invoice"),
        Binding("p", "payment", _("Payment"), id="ledger_payment"),
        Binding("r", "reminder", _("Remind"), id="ledger_reminder"),
        Binding("e", "expense", _("Expense"), id="ledger_expense"),
        Binding("s", "send", _("Send"), id="ledger_send"),
        Binding("d", "edit_draft", _("Edit draft"), show=False, id="ledger_edit_draft"),
        Binding("P", "promise", _("Promise to pay"), show=False, id="ledger_promise"),
        Binding("z", "snooze", _("Snooze reminders"), show=False, id="ledger_snooze"),
        Binding("x", "void", _("Void / delete payment"), show=False, id="ledger_void"),
        Binding("slash", "filter", _("Filter"), id="ledger_filter"),
        Binding("right_square_bracket", "tab(1)", _("Next tab"), show=False, id="ledger_next_tab"),
        Binding("left_square_bracket", "tab(-1)", _("Previous tab"), show=False, id="ledger_prev_tab"),
        Binding("c", "currency", _("P&L currency"), show=False, id="ledger_currency"),
        Binding("escape", "clear_filter", _("Clear filter"), show=False, id="ledger_clear_filter"),
    ]
    COMMANDS: ClassVar = {LedgerCommands}
    CSS_PATH: ClassVar = [str(resources.files("vatui.styles") / "ledger.tcss")]
    PANE: ClassVar[str] = "ledger"

    def __init__(self) -> None:
        super().__init__(id="ledger")
        styles_current(self)  # styled as it mounts: no reparse of every stylesheet when first shown
        self.view: LedgerView | None = None
        self.pnl: tuple[list[PnlRow], list[str]] | None = None
        self.clients: list[ClientRow] | None = None
        self.aging: list[AgingRow] | None = None
        self.filter_text = ""
        self._tab_wanted: str | None = None
        """The tab ``]``/``[`` asked for and not shown yet: a second key before it is shown
        steps on from it, and is applied once the first has switched (TabbedContent drops a
        switch asked for while another is under way)."""
        self.currency: str | None = None
        self._drawn: set[str] = set()
        self._painted = False

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield SafeInput(
            placeholder=_("filter: number, client, status, vendor…"),
            id="ledger-filter",
            classes="-hidden",
            compact=True,
        )
        with LedgerTabs(id="ledger-tabs", initial="invoices"):
            with TabPane(_("Invoices"), id="invoices"):
                yield from tab_body("invoices")
            # the other tabs' widgets are mounted just after the first frame (``LedgerTabs``)
            yield TabPane(_("Aging"), id="aging")
            yield TabPane(_("Payments"), id="payments")
            yield TabPane(_("Expenses"), id="expenses")
            yield TabPane(_("P&L"), id="pnl")
            yield TabPane(_("Clients"), id="clients")
        yield PaneFooter()

    def on_mount(self) -> None:
        self.query_one("#ledger-invoices", LedgerList).focus()
        if not self.vatui.is_ready:
            return
        if has_part(self.vatui, "ledger"):  # read ahead: drawn in the first frame
            self.call_later(self.reload)
        else:
            self.call_after_refresh(self.reload)

    # the pane contract -------------------------------------------------------------

    def reload(self) -> None:
        """Read the ledger again and redraw every tab (cursors stay on their rows)."""
        if not self.vatui.is_ready or not self.is_mounted:
            return
        view = take(self.vatui, "ledger", LedgerView)  # read ahead, if nothing changed since
        if view is None:
            from vatui.services.ledger.view import ledger_view

            view = self.vatui.session.run(ledger_view)
        self.view = view
        self.pnl = self.clients = self.aging = None
        self._drawn = set()
        self._draw()
        active = self.query_one(TabbedContent).active
        self._with_body(active, partial(self._draw_lazy, active))
        if not self._painted:  # the first frame shows the invoices: the rest comes after it
            self._painted = True
            self.call_after_refresh(self.query_one(LedgerTabs).mount_bodies)
        self.content_drawn()

    def _with_body(self, tab: str, then: Callable[[], object]) -> None:
        self.query_one(LedgerTabs).with_body(tab, then)

    def _draw_lazy(self, tab: str) -> None:
        """Tabs other than Invoices are drawn (and P&L, clients read) only when shown."""
        from vatui.services.ledger import view as lv

        if tab in ("payments", "expenses") and tab not in self._drawn:
            self._drawn.add(tab)
            self._draw()
        elif tab == "pnl":
            if self.pnl is None:
                self.pnl = self.vatui.session.run(lv.pnl_view)
            rows, months = self.pnl
            found = currencies(rows)
            if self.currency not in found:
                self.currency = found[0] if found else None
            self.query_one(PnlChart).show(rows, months, self.currency)
        elif tab == "clients":
            if self.clients is None:
                self.clients = self.vatui.session.run(lv.clients_view)
            self._draw_clients()
        elif tab == "aging":
            if self.aging is None:
                from vatui.services.ledger.reports import aging_report

                self.aging = self.vatui.session.run(aging_report)
            self._draw_aging()

    def _draw_aging(self) -> None:
        width = max((self.size.width or self.app.size.width or 80) - 2, 60)
        self.query_one("#aging-head", Static).update(aging_header(width))
        self.query_one("#ledger-aging", LedgerList).show(
            aging_rows(self.aging or (), width, fold(self.filter_text))
        )

    def _draw_clients(self) -> None:
        width = max((self.size.width or self.app.size.width or 80) - 2, 60)
        wanted = fold(self.filter_text)
        self.query_one("#clients-head", Static).update(client_header(width))
        self.query_one("#ledger-clients", LedgerList).show(
            [
                (f"client:{r.client_id}:{r.currency}", client_line(r, width))
                for r in self.clients or ()
                if not wanted or wanted in fold(r.client)
            ]
        )

    def _draw(self) -> None:
        view = self.view
        if view is None:
            return
        width = max((self.size.width or self.app.size.width or 80) - 2, 60)
        wanted = fold(self.filter_text)

        def keep(*parts: Any) -> bool:
            return not wanted or wanted in fold(" ".join(str(p) for p in parts))

        self.query_one("#invoices-head", Static).update(invoice_header(width))
        self.query_one("#ledger-invoices", LedgerList).show(
            [
                (f"invoice:{r.id}", partial(invoice_line, r, width))
                for r in view.invoices
                if keep(r.number, r.client, r.status, r.bucket or "", r.kind)
            ]
        )
        if "payments" in self._drawn:
            self.query_one("#payments-head", Static).update(payment_header(width))
            self.query_one("#ledger-payments", LedgerList).show(
                [
                    (f"payment:{r.id}", partial(payment_line, r, width))
                    for r in view.payments
                    if keep(r.number, r.client, r.method, r.on)
                ]
            )
        if "expenses" in self._drawn:
            self.query_one("#expenses-head", Static).update(expense_header(width))
            self.query_one("#ledger-expenses", LedgerList).show(
                [
                    (f"expense:{e.id}", partial(expense_line, e, width))
                    for e in view.expenses
                    if keep(e.vendor, e.note, e.category, e.on)
                ]
            )
        if self.clients is not None:
            self._draw_clients()
        if self.aging is not None:
            self._draw_aging()

    def focus_record(self, kind: str, ref: int | None) -> None:
        """Show the tab of a record and put the cursor on it."""
        tab = {"invoice": "invoices", "payment": "payments", "expense": "expenses"}.get(kind)
        if tab is None or ref is None:
            return
        self.query_one(TabbedContent).active = tab
        self._with_body(tab, partial(self._focus_on, tab, f"{kind}:{ref}"))

    def _focus_on(self, tab: str, row_id: str) -> None:
        if self.view is not None:
            self._draw_lazy(tab)
        listing = self.query_one(f"#ledger-{tab}", LedgerList)
        if not listing.select_id(row_id) and self.filter_text:
            self.action_clear_filter()
            listing.select_id(row_id)
        listing.focus()

    def show_drafts(self) -> None:
        """The Invoices tab narrowed to the drafts (Today's "recurring drafts to send")."""
        self.query_one(TabbedContent).active = "invoices"
        box = self.query_one("#ledger-filter", Input)
        box.remove_class("-hidden")
        box.value = "draft"  # the stored status word the filter matches
        self.filter_text = "draft"
        self._draw()
        self.query_one("#ledger-invoices", LedgerList).focus()

    # helpers -----------------------------------------------------------------------

    def selected_invoice(self, quiet: bool = False) -> int | None:
        """The id of the invoice under the cursor (the invoices tab must be shown)."""
        tabs = self.query_one(TabbedContent)
        if tabs.active == "payments":
            row = self._selected_row("payments")
            view = self.view
            if row and view is not None:
                pid = int(row.split(":")[1])
                for p in view.payments:
                    if p.id == pid:
                        return p.invoice_id
        if tabs.active != "invoices":
            if not quiet:
                self.vatui.inform(_("Pick an invoice on the Invoices tab first."))
            return None
        row = self.query_one("#ledger-invoices", LedgerList).selected_id
        if row is None:
            if not quiet:
                self.vatui.inform(_("No invoice selected."))
            return None
        return int(row.split(":")[1])

    def _selected_row(self, tab: str) -> str | None:
        """The id of the row under the cursor of a tab's list (``None`` before it is mounted)."""
        found = self.query(f"#ledger-{tab}").results(LedgerList)
        listing = next(found, None)
        return None if listing is None else listing.selected_id

    # handlers ----------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#ledger-invoices")
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        flow.open_invoice(self.vatui, int(str(event.option.id).split(":")[1]))

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        pane = str(event.pane.id)
        if self._tab_wanted is not None and pane != self._tab_wanted:
            self.query_one(TabbedContent).active = self._tab_wanted  # a later key asked for another
            return
        self._tab_wanted = None
        self._with_body(pane, partial(self._show_tab, pane))

    def _show_tab(self, tab: str) -> None:
        if self.view is not None:
            self._draw_lazy(tab)
        focused = self.focused
        if self.query_one(TabbedContent).active != tab:  # left meanwhile
            return
        if focused is None or not any(node.id == tab for node in focused.ancestors):
            self._focus_list()  # (a focus already in it stays: it may be what showed the tab)

    @on(Input.Changed, "#ledger-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()
        self._draw()

    @on(Input.Submitted, "#ledger-filter")
    def _filter_done(self) -> None:
        self._focus_list()

    def _focus_list(self) -> None:
        active = self.query_one(TabbedContent).active
        found = self.query(f"#ledger-{active}")
        if found:
            found.first().focus()

    # actions -----------------------------------------------------------------------

    def _on_selected(self, flow: Callable[[PaneHost, int], None]) -> None:
        """Run an invoice's flow on the invoice under the cursor (or say there is none)."""
        invoice_id = self.selected_invoice()
        if invoice_id is not None:
            flow(self.vatui, invoice_id)

    def action_invoice(self) -> None:
        """Invoice a client's unbilled time (client picker)."""
        invoices.invoice_time(self.vatui)

    def action_new_invoice(self) -> None:
        """A new invoice: from unbilled time, free lines, a deposit or the retainer."""
        invoices.new_invoice_menu(self.vatui)

    def action_edit_draft(self) -> None:
        """Edit the selected draft's lines and notes."""
        self._on_selected(invoices.edit_draft)

    def action_promise(self) -> None:
        """Record the date the client promised to pay the selected invoice by."""
        self._on_selected(invoices.promise)

    def action_snooze(self) -> None:
        """Snooze the selected invoice's reminders until a date."""
        self._on_selected(invoices.snooze)

    def action_payment(self) -> None:
        """Record a payment on the selected invoice."""
        self._on_selected(flow.payment)

    def action_reminder(self) -> None:
        """Draft the due reminder of the selected invoice."""
        self._on_selected(flow.remind)

    def action_expense(self) -> None:
        """Add an expense."""
        flow.expense(self.vatui)

    def action_send(self) -> None:
        """Mark the selected draft as sent."""
        self._on_selected(flow.send)

    def action_void(self) -> None:
        """Void the selected invoice (asks first); on the Payments tab, delete the payment."""
        if self.query_one(TabbedContent).active == "payments":
            self.action_delete_payment()
        else:
            self._on_selected(flow.void)

    def action_delete_payment(self) -> None:
        """Delete the selected payment, with a reason kept on its invoice."""
        tabs = self.query_one(TabbedContent)
        row = self._selected_row("payments") if tabs.active == "payments" else None
        if row is None:
            self.vatui.inform(_("Pick a payment on the Payments tab first."))
            return
        corrections.delete_payment(self.vatui, int(row.split(":")[1]))

    def action_open(self) -> None:
        """Show the selected invoice as a document."""
        self._on_selected(flow.open_invoice)

    def action_filter(self) -> None:
        """Show the filter box."""
        box = self.query_one("#ledger-filter", Input)
        box.remove_class("-hidden")
        box.focus()

    def action_clear_filter(self) -> None:
        """Clear and hide the filter."""
        box = self.query_one("#ledger-filter", Input)
        if box.has_class("-hidden") and not self.filter_text:
            return
        box.value = ""
        box.add_class("-hidden")
        self.filter_text = ""
        self._draw()
        self._focus_list()

    def action_tab(self, step: int) -> None:
        """Show the next (or previous) tab."""
        tabs = self.query_one(TabbedContent)
        pending = self._tab_wanted
        current = pending or tabs.active
        index = TABS.index(current) if current in TABS else 0
        self._tab_wanted = TABS[(index + step) % len(TABS)]
        if pending is None:  # else the tab being shown hands over to this one (``_tab_shown``)
            tabs.active = self._tab_wanted

    def action_currency(self) -> None:
        """Show the P&L in the next currency."""
        if self.pnl is None:
            return
        rows, months = self.pnl
        found = currencies(rows)
        if len(found) > 1 and self.currency in found:
            self.currency = found[(found.index(self.currency) + 1) % len(found)]
            self.query_one(PnlChart).show(rows, months, self.currency)
