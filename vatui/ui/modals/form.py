"""What every form shares: a refusal keeps it open, and typed input is never thrown away silently.

A form (``FormModal``) returns what was typed, checked, with ``submit(value)``; it saves
nothing. The screen that pushed it saves: ``PaneApp.push_screen`` hands the screen's
callback to the form (``saver``), and ``submit`` runs it while the form is still open. If
the save was refused (the service raised, ``app.inform(..., error=True)`` was called), the
form stays open with everything typed, the refusal shown inline (``show_refusal``); else
it closes. Without a saver (a plain Textual app) ``submit`` just dismisses with the value.

``escape`` (``action_cancel``) and the app's quit keys ask "Discard what you typed?" when a
field differs from what the form opened with (``is_dirty``).

The kit every form is built from, so that each form keeps only its fields and its rules:
``labelled`` (a row: label and field), ``form_bindings`` (escape cancels, ``ctrl+s`` saves, with the ids keymap.toml names),
``checked`` + ``action_save`` (read the fields, refuse in place or submit), ``ENTER_SAVES``
(``enter`` in a one-line field saves), ``show_status`` (the status line, as you type), and
``FieldsFormModal`` (``vatui.ui.modals.fields_form``): a field a row, its check and preview
beside it, Save and Cancel buttons, the shared CSS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static, Switch, TextArea

from vatui.domain.errors import VatuiError
from vatui.i18n import _
from vatui.ui import render

T = TypeVar("T")


def field_values(screen: ModalScreen[Any]) -> list[object]:
    """The value of every field of ``screen``, in order (text, choices, ticks)."""
    values: list[object] = []
    for widget in screen.query("*"):
        if isinstance(widget, Input | Select | Checkbox | Switch):
            values.append(widget.value)
        elif isinstance(widget, TextArea):
            values.append(widget.text)
        elif isinstance(widget, SelectionList):
            values.append(tuple(widget.selected))
    return values


def labelled(label: str, *widgets: Widget) -> Horizontal:
    """A form's row: the label (``form-label``), then ``widgets``."""
    return Horizontal(Label(label, classes="form-label"), *widgets, classes="form-row")


def form_bindings(name: str, *, save: bool = True) -> list[BindingType]:
    """``escape`` cancels and (with ``save``) ``ctrl+s`` saves: ids ``{name}_cancel``, ``{name}_save``."""
    bindings: list[BindingType] = [Binding("escape", "cancel", _("Cancel"), id=f"{name}_cancel")]
    if save:
        bindings.append(Binding("ctrl+s", "save", _("Save"), id=f"{name}_save", priority=True))
    return bindings


class FormModal(ModalScreen[T]):
    """A form: ``submit`` hands the value to the screen's save; ``escape`` asks before discarding."""

    STATUS_ID: ClassVar[str] = ""
    """The ``Static`` that shows a refusal inline (its ``-error`` class is set)."""

    ENTER_SAVES: ClassVar[bool] = False
    """``enter`` in a one-line field saves (``field_submitted``)."""

    QUIET_REFUSAL: ClassVar[bool] = False
    """A wrong field on save is shown as the check as you type shows it: no bell, no ✗."""

    saver: Callable[[T], object] | None = None
    """The screen's save, set by ``PaneApp.push_screen``; called with the value while open."""

    _opened_with: list[object] | None = None
    _saved = False
    _close_with: tuple[Any] | None = None

    def on_mount(self) -> None:
        # Textual runs the subclass's on_mount first: the fields hold what the form opened
        # with. Taken now, not after a refresh: keys typed at once must count as typed.
        self._opened_with = field_values(self)

    def is_dirty(self) -> bool:
        """Whether a field differs from what the form opened with."""
        return self._opened_with is not None and field_values(self) != self._opened_with

    def submit(self, value: T) -> None:
        """Save ``value`` through the screen; close unless the save was refused."""
        if self._saved:  # a second enter before the form has closed: saved once already
            return
        saver, collect = self.saver, getattr(self.app, "collect_errors", None)
        if saver is None or not callable(collect):
            self._saved = True
            self.dismiss(value)
            return
        errors: list[str] = collect(saver, value)
        if errors:
            self.show_refusal(errors[-1])
            return
        self._saved = True
        if self.app.screen is self:
            self.dismiss(value)
        else:  # the save asked something on top (a confirm): close once it is answered
            self._close_with = (value,)

    def checked(self) -> T:
        """What the fields say, checked; ``VatuiError`` with the reason when one is wrong."""
        raise NotImplementedError

    def action_save(self) -> None:
        """Submit what the fields say; when one is wrong, say why in the form and stay."""
        try:
            value = self.checked()
        except VatuiError as exc:
            if self.QUIET_REFUSAL:
                self.show_status(str(exc), error=True)
            else:
                self.show_refusal(str(exc))
            return
        self.submit(value)

    @on(Input.Submitted)
    def _enter_saves(self, event: Input.Submitted) -> None:
        if self.ENTER_SAVES:
            event.stop()
            self.field_submitted(event.input)

    def field_submitted(self, field: Input) -> None:
        """``enter`` in ``field`` (with ``ENTER_SAVES``): save."""
        self.action_save()

    def show_status(self, message: str, *, error: bool = False) -> None:
        """Show ``message`` in the status line (``STATUS_ID``), as an error or not."""
        status = self.query_one(f"#{self.STATUS_ID}", Static)
        render.show(status, render.text(message))
        status.set_class(error, "-error")

    def on_screen_resume(self) -> None:
        if self._close_with is not None:
            value, self._close_with = self._close_with[0], None
            self.dismiss(value)

    def show_refusal(self, message: str) -> None:
        """Show why the save was refused, in the form (everything typed stays)."""
        self.app.bell()
        found = self.query(f"#{self.STATUS_ID}") if self.STATUS_ID else None
        status = found.first() if found else None
        if not isinstance(status, Static):
            self.notify(message, severity="error", markup=False, timeout=8)
            return
        status.update(render.text(_("✗ {error}").format(error=message)))
        status.add_class("-error")

    def action_cancel(self) -> None:
        """Close without saving; ask first when something was typed."""
        self.confirm_discard(self._cancelled)

    def _cancelled(self) -> None:
        saver: Any = self.saver
        if saver is not None:  # the screen hears "cancelled" as it did from dismiss(None)
            saver(None)
        self.dismiss(None)

    def confirm_discard(self, then: Callable[[], object]) -> None:
        """Run ``then`` now if nothing was typed, else only once the user agrees to discard it."""
        if not self.is_dirty():
            then()
            return
        from vatui.ui.modals.confirm import ConfirmModal

        def answered(discard: bool | None) -> None:
            if discard:
                then()

        self.app.push_screen(
            ConfirmModal(_("Discard what you typed?"), yes=_("Discard"), no=_("Keep editing")), answered
        )
