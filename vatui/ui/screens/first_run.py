"""The first screen when the data directory holds no workspace yet."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from vatui.i18n import _
from vatui.ui import render

FirstRunChoice = Literal["empty", "sample"] | None
"""``"empty"``: create the workspace; ``"sample"``: a throwaway sample; ``None``: quit."""


class FirstRunScreen(Screen[FirstRunChoice]):
    """Offer to start empty or to explore a throwaway sample; dismisses with the choice."""

    DEFAULT_CSS = """
    FirstRunScreen {
        align: center middle;
    }
    FirstRunScreen #first-run-box {
        width: 76;
        max-width: 100%;
        height: auto;
        margin: 1 2;
        padding: 1 2;
        border: round $primary;
        background: $surface;
    }
    FirstRunScreen #first-run-title {
        margin-bottom: 1;
    }
    FirstRunScreen #first-run-path {
        color: $text-muted;
        margin-bottom: 1;
    }
    FirstRunScreen #first-run-choices {
        height: auto;
        border: none;
        margin-bottom: 1;
    }
    FirstRunScreen #first-run-note {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "choose('empty')", _("Start empty"), id="first_run_empty"),
        Binding("s", "choose('sample')", _("Explore a sample"), id="first_run_sample"),
        Binding("q,escape", "choose_quit", _("Quit"), id="first_run_quit"),
        Binding("j", "cursor_down", _("Down"), show=False, id="first_run_down"),
        Binding("k", "cursor_up", _("Up"), show=False, id="first_run_up"),
    ]

    def __init__(self, directory: Path) -> None:
        super().__init__(id="first-run")
        self.directory = directory

    def compose(self) -> ComposeResult:
        with Vertical(id="first-run-box"):
            yield Static(render.label(_("Welcome to vatui"), "bold $text-accent"), id="first-run-title")
            yield Static(render.label(_(
                "Your clients, tasks, time and invoices, in the terminal. "
                "There is no workspace here yet:")), id="first-run-intro")
            yield Static(render.text(str(self.directory)), id="first-run-path")
            yield OptionList(
                Option(render.label(_("Start empty — create my workspace here  [e]")), id="empty"),
                Option(render.label(_("Explore a throwaway sample — nothing is saved  [s]")), id="sample"),
                Option(render.label(_("Quit  [q]")), id="quit"),
                id="first-run-choices", markup=False,
            )
            yield Static(render.label(_(
                "The sample holds five made-up clients with tasks, time and invoices; it is "
                "deleted when you quit. Start `vatui --demo` to see it again later."), "$text-muted"),
                id="first-run-note")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#first-run-choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        if choice == "empty":
            self.dismiss("empty")
        elif choice == "sample":
            self.dismiss("sample")
        else:
            self.dismiss(None)

    def action_choose(self, choice: Literal["empty", "sample"]) -> None:
        """Close with ``choice``."""
        self.dismiss(choice)

    def action_choose_quit(self) -> None:
        """Close without a workspace: the app quits."""
        self.dismiss(None)

    def action_cursor_down(self) -> None:
        """Next choice."""
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous choice."""
        self.query_one(OptionList).action_cursor_up()


class RefusedScreen(Screen[None]):
    """The workspace cannot be opened: say why (the file is left untouched) and quit."""

    DEFAULT_CSS = """
    RefusedScreen {
        align: center middle;
    }
    RefusedScreen #first-run-box {
        width: 76;
        max-width: 100%;
        height: auto;
        margin: 1 2;
        padding: 1 2;
        border: round $error;
        background: $surface;
    }
    RefusedScreen #first-run-title {
        margin-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape,enter", "close", _("Quit"), id="refused_quit"),
    ]

    def __init__(self, message: str) -> None:
        super().__init__(id="refused")
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="first-run-box"):
            yield Static(render.label(_("vatui cannot open the workspace"), "bold $text-error"),
                         id="first-run-title")
            yield Static(render.block(self.message), id="refused-message")
            yield Static(render.label(_("Nothing was changed. Press q to quit."), "$text-muted"))
        yield Footer(compact=True, show_command_palette=False)

    def action_close(self) -> None:
        """Quit."""
        self.dismiss(None)
