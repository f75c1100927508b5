"""The first screen when the data directory holds no workspace yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from vatui.i18n import _
from vatui.ui import render
from vatui.ui.widgets.safe_input import SafeInput


@dataclass(frozen=True)
class StartEmpty:
    """Create the workspace, set up with the answers (settings key → typed value)."""

    answers: dict[str, str] = field(default_factory=dict)


FirstRunChoice = StartEmpty | Literal["sample"] | None
"""``StartEmpty``: create the workspace; ``"sample"``: a throwaway sample; ``None``: quit."""

NUMBER_FORMATS = ("1,234.56", "1.234,56", "1 234,56")


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
        margin: 0 2;
        padding: 0 2;
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
    FirstRunScreen .first-run-row {
        height: 1;
    }
    FirstRunScreen .first-run-row Static {
        width: 24;
    }
    FirstRunScreen .first-run-row Input, FirstRunScreen .first-run-row Select {
        width: 1fr;
    }
    FirstRunScreen #first-run-error {
        height: auto;
        color: $text-error;
        display: none;
    }
    FirstRunScreen #first-run-error.-shown {
        display: block;
    }
    FirstRunScreen #first-run-form {
        height: auto;
        margin-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "choose('empty')", _("Start empty"), id="first_run_empty"),
        Binding("s", "choose('sample')", _("Explore a sample"), id="first_run_sample"),
        Binding("q,escape", "choose_quit", _("Quit"), id="first_run_quit"),
        Binding("j", "cursor_down", _("Down"), show=False, id="first_run_down"),
        Binding("k", "cursor_up", _("Up"), show=False, id="first_run_up"),
    ]

    def __init__(self, directory: Path, answers: dict[str, str] | None = None) -> None:
        super().__init__(id="first-run")
        self.directory = directory
        if answers is None:
            from vatui.services.settings.first_run import suggested_answers

            answers = suggested_answers()
        self.answers = answers
        """What the form offers first (detected from the system)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="first-run-box"):
            yield Static(render.label(_("Welcome to vatui"), "bold $text-accent"), id="first-run-title")
            yield Static(
                render.label(
                    _(
                        "Your clients, tasks, time and invoices, in the terminal. "
                        "There is no workspace here yet:"
                    )
                ),
                id="first-run-intro",
            )
            yield Static(render.text(str(self.directory)), id="first-run-path")
            with Vertical(id="first-run-form"):
                yield from self._form()
                yield Static("", id="first-run-error")
            yield OptionList(
                Option(render.label(_("Start empty — create my workspace here  [e]")), id="empty"),
                Option(render.label(_("Explore a throwaway sample — nothing is saved  [s]")), id="sample"),
                Option(render.label(_("Quit  [q]")), id="quit"),
                id="first-run-choices",
                markup=False,
            )
            yield Static(
                render.label(
                    _(
                        "tab: change the answers above (later: Settings, the , key). The sample is made up "
                        "and deleted when you quit (`vatui --demo` shows it again)."
                    ),
                    "$text-muted",
                ),
                id="first-run-note",
            )
        yield Footer(compact=True, show_command_palette=False)

    def _form(self) -> ComposeResult:
        """One line per question, each with the detected answer."""
        from vatui.domain.localtime import all_zones

        a = self.answers
        with Horizontal(classes="first-run-row"):
            yield Static(render.label(_("Your name or business")))
            yield SafeInput(
                a.get("business_name", ""),
                placeholder=_("e.g. Ana Gómez VA"),
                id="fr-business_name",
                compact=True,
            )
        with Horizontal(classes="first-run-row"):
            yield Static(render.label(_("Language")))
            yield Select(
                [(render.label("English"), "en"), (render.label("Español"), "es")],
                value=a.get("language", "en"),
                allow_blank=False,
                id="fr-language",
                compact=True,
            )
        with Horizontal(classes="first-run-row"):
            yield Static(render.label(_("Your timezone")))
            yield SafeInput(
                a.get("home_timezone", "UTC"),
                id="fr-home_timezone",
                compact=True,
                suggester=SuggestFromList(all_zones(), case_sensitive=False),
            )
        with Horizontal(classes="first-run-row"):
            yield Static(render.label(_("Currency")))
            yield SafeInput(a.get("default_currency", "USD"), id="fr-default_currency", compact=True)
        with Horizontal(classes="first-run-row"):
            yield Static(render.label(_("Numbers written as")))
            yield Select(
                [(render.label(f), f) for f in NUMBER_FORMATS],
                value=a.get("number_format", "1,234.56"),
                allow_blank=False,
                id="fr-number_format",
                compact=True,
            )

    def on_mount(self) -> None:
        # The first question first: a VA who types their name at once ("Sara Gómez") must not
        # open the sample on its "s" or start on its "e"; escape or tab reach the choices.
        self.query_one("#fr-business_name", Input).focus()

    def form_answers(self) -> dict[str, str]:
        """The answers as they stand in the form."""
        out: dict[str, str] = {}
        for key in ("business_name", "home_timezone", "default_currency"):
            out[key] = self.query_one(f"#fr-{key}", Input).value
        for key in ("language", "number_format"):
            value = self.query_one(f"#fr-{key}", Select).value
            out[key] = value if isinstance(value, str) else ""
        return out

    def _start_empty(self) -> None:
        from vatui.services.settings.first_run import check_answers

        answers = self.form_answers()
        problems = check_answers(answers)
        if problems:
            key = next(iter(problems))
            error = self.query_one("#first-run-error", Static)
            error.update(render.text(problems[key]))
            error.add_class("-shown")
            self.query_one(f"#fr-{key}").focus()
            self.app.bell()
            return
        self.dismiss(StartEmpty(answers))

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(OptionList.OptionSelected, "#first-run-choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        if choice == "empty":
            self._start_empty()
        elif choice == "sample":
            self.dismiss("sample")
        else:
            self.dismiss(None)

    def action_choose(self, choice: Literal["empty", "sample"]) -> None:
        """Close with ``choice`` (``empty``: with the answers, once they are all good)."""
        if choice == "empty":
            self._start_empty()
        else:
            self.dismiss(choice)

    def action_choose_quit(self) -> None:
        """Close without a workspace: the app quits. In an answer field, escape only leaves
        the field (for the choices below): what was typed stays."""
        focused = self.focused
        if focused is not None and focused.id is not None and focused.id.startswith("fr-"):
            self.query_one(OptionList).focus()
            return
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
            yield Static(
                render.label(_("vatui cannot open the workspace"), "bold $text-error"), id="first-run-title"
            )
            yield Static(render.block(self.message), id="refused-message")
            yield Static(render.label(_("Nothing was changed. Press q to quit."), "$text-muted"))
        yield Footer(compact=True, show_command_palette=False)

    def action_close(self) -> None:
        """Quit."""
        self.dismiss(None)
