"""The Clients pane (its owner fills it in)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static


class ClientsScreen(Screen[None]):
    """The Clients pane."""

    def compose(self) -> ComposeResult:
        yield Static("Clients", id="clients-placeholder")
        yield Footer()
