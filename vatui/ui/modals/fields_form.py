"""A form of checked fields: each field is read as you type, its preview or its error beside it.

A ``FieldsFormModal`` names its fields' parsers (``parsers``: name → text → value and a
preview, or ``VatuiError``), builds its result from the parsed values (``build``) and
keeps nothing else: the rows (``field_row``), the hints, the ``-invalid`` marks, the status
line with Save and Cancel (``buttons``, ``resting``), ``enter``/``ctrl+s`` saving, pointing at the first
wrong field, and the CSS are here, once. Ids: the field ``{PREFIX}{name}``, its hint
``{PREFIX}{name}-hint``, the buttons ``{PREFIX}save`` and ``{PREFIX}cancel``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from vatui.domain.errors import VatuiError
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.modals.form import FormModal, labelled
from vatui.ui.widgets.safe_input import SafeInput

T = TypeVar("T")

Parser = Callable[[str], tuple[Any, str]]
"""A field's text → its value and a preview; ``VatuiError`` says what is wrong."""


class FieldsFormModal(FormModal[T]):
    """A form whose fields are checked as typed; ``build`` turns the parsed values into ``T``."""

    DEFAULT_CSS = """
    FieldsFormModal { align: center middle; }
    FieldsFormModal .form-dialog {
        max-width: 100%; height: auto; max-height: 100%;
        border: round $border; background: $surface; padding: 0 1;
    }
    FieldsFormModal .form-row { height: auto; width: 1fr; }
    FieldsFormModal .form-label { color: $text-muted; }
    FieldsFormModal .form-hint { width: 1fr; height: auto; padding-left: 1; color: $text-muted; }
    FieldsFormModal .form-hint.-error { color: $text-error; text-style: bold; }
    FieldsFormModal .form-hint.-quiet { display: none; }
    FieldsFormModal .form-status { width: 1fr; height: auto; color: $text-muted; }
    FieldsFormModal .form-status.-error { color: $text-error; text-style: bold; }
    FieldsFormModal Input.-invalid { color: $text-error; }
    FieldsFormModal Button { margin-left: 1; }
    """

    ENTER_SAVES: ClassVar[bool] = True
    PREFIX: ClassVar[str] = ""
    """What every id of the form starts with (``client-``)."""
    FIRST: ClassVar[str] = ""
    """The field the form starts in; checked quietly while it is empty."""
    ALSO_CHECK: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    """A field → the fields whose check depends on it (rechecked when it changes)."""

    errors: dict[str, str]
    """Field → what is wrong with it, for the fields that are wrong now."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.errors = {}

    # building --------------------------------------------------------------------------

    def field_row(
        self,
        name: str,
        label: str,
        value: str,
        placeholder: str = "",
        *,
        classes: str = "form-short",
        hint_below: bool = False,
        suggester: SuggestFromList | None = None,
    ) -> ComposeResult:
        """A labelled field and its hint: beside it, or on the line below (``hint_below``: class
        ``-below``, hidden while it has nothing to say)."""
        field = SafeInput(
            value,
            id=f"{self.PREFIX}{name}",
            compact=True,
            placeholder=placeholder,
            classes=classes,
            suggester=suggester,
        )
        below = " -below -quiet" if hint_below else ""  # given now: no styling before it mounts
        hint = Static("", id=f"{self.PREFIX}{name}-hint", classes=f"form-hint{below}")
        if not hint_below:
            yield labelled(label, field, hint)
            return
        yield labelled(label, field)
        yield hint

    def select(
        self,
        label: str,
        options: Iterable[tuple[Any, Any]],
        value: Any,
        wid: str,
        *,
        prompt: str | None = None,
        classes: str = "form-select",
    ) -> ComposeResult:
        """A label and a compact ``Select`` (with ``prompt``: it may be left blank)."""
        yield Label(label, classes="form-label")
        blank = {"prompt": prompt} if prompt is not None else {"allow_blank": False}
        yield Select(options, value=value, id=wid, compact=True, classes=classes, **blank)

    def buttons(self) -> ComposeResult:
        """The status line (``STATUS_ID``) with Save and Cancel."""
        with Horizontal(classes="form-row"):
            yield Static(self.resting(), id=self.STATUS_ID, classes="form-status")
            yield Button(_("Save"), id=f"{self.PREFIX}save", compact=True, variant="primary")
            yield Button(_("Cancel"), id=f"{self.PREFIX}cancel", compact=True)

    def on_mount(self) -> None:
        """Check every field once (the first quietly while empty), and start in the first."""
        values = {name: self.check_field(name, quiet=name == self.FIRST) for name in self.parsers()}
        self.opened(values)
        self.query_one(f"#{self.PREFIX}{self.FIRST}", Input).focus()

    def resting(self) -> str:
        """The status line while nothing is wrong (how to save)."""
        return _("enter or ctrl+s saves · escape cancels")

    def opened(self, values: dict[str, Any]) -> None:
        """The fields as the form opened with, parsed (an edit keeps them to save only changes)."""

    # checking --------------------------------------------------------------------------

    def parsers(self) -> dict[str, Parser]:
        """Field name → its parser, top to bottom."""
        raise NotImplementedError

    def build(self, values: dict[str, Any]) -> T | None:
        """The result from the parsed ``values``; ``None`` after adding to ``errors`` when
        fields disagree with each other."""
        raise NotImplementedError

    def check_field(self, name: str, quiet: bool = False) -> Any:
        """Parse field ``name``, show its preview or its error; returns the value (``None`` if wrong).

        ``quiet``: an empty field that is wrong says nothing yet (a new form's first field).
        """
        field = self.query_one(f"#{self.PREFIX}{name}", Input)
        hint = self.query_one(f"#{self.PREFIX}{name}-hint", Static)
        below = hint.has_class("-below")
        try:
            value, preview = self.parsers()[name](field.value)
        except VatuiError as exc:
            self.errors[name] = str(exc)
            shown = not (quiet and not field.value.strip())
            render.show(hint, render.text(str(exc) if shown else ""))
            hint.set_class(shown, "-error")
            hint.set_class(below and not shown, "-quiet")
            field.set_class(shown, "-invalid")
            return None
        self.errors.pop(name, None)
        render.show(hint, render.text(preview))
        hint.remove_class("-error")
        hint.set_class(below and not preview, "-quiet")
        field.remove_class("-invalid")
        if not self.errors:
            self.show_status(self.resting())
        return value

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix(self.PREFIX)
        if name in self.parsers():
            self.check_field(name)
            for other in self.ALSO_CHECK.get(name, ()):
                self.check_field(other)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == f"{self.PREFIX}save":
            self.action_save()
        elif event.button.id == f"{self.PREFIX}cancel":
            self.action_cancel()

    # result ----------------------------------------------------------------------------

    def result(self) -> T | None:
        """The form as a result, or ``None`` (errors shown) while a field is wrong."""
        values = {name: self.check_field(name) for name in self.parsers()}
        return None if self.errors else self.build(values)

    def refusal(self, first: str) -> str:
        """What the status line says when saving while field ``first`` is wrong."""
        return self.errors[first]

    def action_save(self) -> None:
        """Submit the form when every field is valid; otherwise point at the first error."""
        result = self.result()
        if result is None:
            first = next(n for n in (*self.parsers(), *self.errors) if n in self.errors)
            self.show_status(self.refusal(first), error=True)
            self.query_one(f"#{self.PREFIX}{first}", Input).focus()
            self.app.bell()
            return
        self.submit(result)
