"""The Ledger's six tabs, whose widgets are mounted when first needed.

The Ledger's first frame shows the Invoices tab. Mounting the five others with it (a line of
column titles and a list each, the P&L's chart) was a third of the Ledger's first paint at
the large workspace, for widgets that frame does not show: the screen composes only the
Invoices tab's widgets (``tab_body``) and calls ``mount_bodies`` just after the first frame;
whatever needs a tab's widgets before that (a tab key typed with ``4``, ``focus_record``)
goes through ``with_body``, which waits for them.

The tab shown follows the focus as it is when Textual reports a focus (``TabPane.Focused``),
not the widget that report was about: on a Ledger just mounted, the report of its first focus
(the invoices) could arrive after another tab had been shown and focused (a payment opened
from another pane), and took the Ledger back to the Invoices.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import VerticalScroll
from textual.widget import AwaitMount, Widget
from textual.widgets import Static, TabbedContent, TabPane

from vatui.ui.widgets.ledger_list import LedgerList
from vatui.ui.widgets.ledger_pnl import PnlChart

TABS = ("invoices", "aging", "payments", "expenses", "pnl", "clients")
"""The Ledger's tabs, in order (each ``TabPane``'s id)."""


def tab_body(tab: str) -> list[Widget]:
    """The widgets inside a tab: its column titles and its list (the P&L: its chart)."""
    if tab == "pnl":
        return [VerticalScroll(PnlChart(id="ledger-pnl"), id="pnl-scroll")]
    return [Static(id=f"{tab}-head", classes="ledger-head"), LedgerList(id=f"ledger-{tab}")]


class LedgerTabs(TabbedContent):
    """Textual's ``TabbedContent``; the widgets of a tab composed empty are mounted later."""

    def __init__(self, *, id: str, initial: str) -> None:
        super().__init__(id=id, initial=initial)
        self._bodies: dict[str, AwaitMount] = {}
        """Tab → its widgets being mounted (or mounted) after the screen was."""

    def mount_bodies(self) -> None:
        """Mount the widgets of every tab composed empty (just after the first frame)."""
        for tab in TABS:
            self._mount_body(tab)

    def with_body(self, tab: str, then: Callable[[], object]) -> None:
        """Call ``then`` once the widgets of ``tab`` are mounted: at once if they are (the
        usual case), else as soon as they are."""
        if tab not in TABS:
            return
        pane = self.get_pane(tab)
        if pane.children and all(child.is_mounted for child in pane.children):
            then()
            return
        waiting = self._mount_body(tab)

        async def when_mounted() -> None:
            if waiting is not None:
                await waiting
            if self.is_mounted:
                then()

        self.call_later(when_mounted)

    def _mount_body(self, tab: str) -> AwaitMount | None:
        """Start mounting the widgets of ``tab`` unless they are (being) mounted; what to
        await for them, if anything."""
        if tab in self._bodies:
            return self._bodies[tab]
        pane = self.get_pane(tab)
        if pane.children:  # composed with the screen
            return None
        self._bodies[tab] = waiting = pane.mount_all(tab_body(tab))
        return waiting

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        """Show the tab that holds the focus now (the report may be older than the focus)."""
        event.stop()
        event.prevent_default()  # instead of Textual's, which shows the tab of the report
        focused = self.screen.focused
        holder = next(
            (
                node
                for node in (focused.ancestors if focused is not None else [])
                if isinstance(node, TabPane) and node.parent is not None and node.parent.parent is self
            ),
            None,
        )
        if holder is not None and holder.id is not None:
            self.active = holder.id
