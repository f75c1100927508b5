"""A yes/no question before something destructive."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from vatui.i18n import _
from vatui.ui import render


class ConfirmModal(ModalScreen[bool]):
    """Ask ``question``; dismisses with ``True`` (yes) or ``False`` (no, escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", _("Yes"), id="confirm_yes"),
        Binding("n,escape", "answer(False)", _("No"), id="confirm_no"),
        Binding("left,right,h,l", "app.focus_next", _("Switch"), show=False),
    ]

    def __init__(self, question: str, *, yes: str | None = None, no: str | None = None) -> None:
        super().__init__(classes="vatui-modal")
        self.question = question
        self.yes_label = yes or _("Yes")
        self.no_label = no or _("No")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="modal-body") as body:
            body.border_title = _("Confirm")
            yield Static(render.block(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons", classes="modal-buttons"):
                yield Button(render.label(f"{self.yes_label} [y]"), id="confirm-yes", variant="primary")
                yield Button(render.label(f"{self.no_label} [n]"), id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        """Close with ``answer``."""
        self.dismiss(answer)
