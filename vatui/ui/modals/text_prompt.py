"""Ask for one line of text (a reason, a note, a checklist line), checked as you type.

``TextPromptModal`` saves nothing: it dismisses with the text, or ``None`` on escape.
A ``check`` function (a service's validator) refuses bad text inline, keeping the prompt
open with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from vatui.domain.errors import VatuiError
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.widgets.safe_input import SafeInput
from vatui.ui.widgets.safe_text_area import SafeTextArea


class TextPromptModal(ModalScreen[str | None]):
    """One line of text; ``check`` raises ``VatuiError`` on bad text and returns the clean value."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel"), id="prompt_cancel"),
        Binding("ctrl+s", "save", _("Save"), id="prompt_save", priority=True),
    ]

    DEFAULT_CSS = """
    TextPromptModal #prompt-area { height: 6; }
    """

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        hint: str = "",
        check: Callable[[str], str] | None = None,
        multiline: bool = False,
    ) -> None:
        super().__init__(classes="vatui-modal")
        self.prompt_title = title
        self.value = value
        self.hint = hint
        self.check = check
        self.multiline = multiline
        """A text area (newlines kept; ctrl+s saves) instead of one line."""

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-dialog", classes="modal-body") as body:
            body.border_title = render.text(self.prompt_title)
            body.border_subtitle = (
                _("ctrl+s saves · esc cancels") if self.multiline else _("enter ok · esc cancel")
            )
            if self.multiline:
                yield SafeTextArea(self.value, id="prompt-area", soft_wrap=True)
            else:
                yield SafeInput(self.value, id="prompt-input")
            yield Static(render.text(self.hint), id="prompt-hint", classes="preview")

    def on_mount(self) -> None:
        self.query_one("#prompt-area" if self.multiline else "#prompt-input").focus()

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish(event.value)

    def action_save(self) -> None:
        """Close with the text (ctrl+s)."""
        if self.multiline:
            self._finish(self.query_one("#prompt-area", TextArea).text)
        else:
            self._finish(self.query_one("#prompt-input", Input).value)

    def _finish(self, value: str) -> None:
        if self.check is not None:
            try:
                value = self.check(value)
            except VatuiError as exc:
                hint = self.query_one("#prompt-hint", Static)
                hint.update(render.text(str(exc)))
                hint.add_class("-error")
                self.app.bell()
                return
        self.dismiss(value)

    def action_cancel(self) -> None:
        """Close without text."""
        self.dismiss(None)
