"""The Ledger pane (its owner fills it in)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static


class LedgerScreen(Screen[None]):
    """The Ledger pane."""

    def compose(self) -> ComposeResult:
        yield Static("Ledger", id="ledger-placeholder")
        yield Footer()
