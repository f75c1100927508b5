"""The new/edit card form: every field checked as you type, nothing saved by the form.

``TaskFormModal`` returns a ``TaskFormResult`` (or ``None`` when cancelled); the Board
screen turns it into ``add_task`` or ``edit_task``/``move_task``. Dates take the date
syntax of ``vatui add`` with a preview in words, the estimate takes ``1h30m``-style
durations, the recurrence ``weekly``/``monday``/``15th``; a field that cannot be read says
why right beside it, and ``enter``/``ctrl+s`` saves only when every field is valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from vatui.domain.changes import TaskChanges
from vatui.domain.dates import describe_date
from vatui.domain.durations import format_duration, parse_duration
from vatui.domain.errors import VatuiError
from vatui.domain.quickadd import PRIORITY_LABELS
from vatui.domain.recurrence import Recurrence
from vatui.domain.tasks import Task
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.services.tasks.manage import check_title
from vatui.ui.date_input import read_date
from vatui.ui.modals.form import FormModal
from vatui.ui.number_input import numbers_of
from vatui.ui.widgets.safe_input import SafeInput
from vatui.ui.widgets.safe_text_area import SafeTextArea

_TAG_SPLIT = re.compile(r"[\s,]+")


@dataclass(frozen=True, slots=True)
class TaskFormResult:
    """What the form was filled with, checked and parsed."""

    title: str
    """The title, stripped."""
    client_id: int | None
    """The chosen client, or none."""
    column: str
    """The column the card goes to."""
    due: date | None
    """The due date, or none."""
    priority: str | None
    """``low``, ``med``, ``high`` or none."""
    estimate_minutes: int | None
    """The estimate in minutes, or none."""
    tags: tuple[str, ...]
    """Tags, lower case, without ``#``."""
    notes: str
    """Free notes (newlines kept)."""
    recurrence: str | None
    """The canonical recurrence rule, or none."""
    opened: TaskFormResult | None = None
    """The form as it was opened (editing): only what differs from it is saved."""

    def changes(self, task: Task) -> TaskChanges:
        """What the user changed in the form opened on ``task``: only the fields that differ
        from what the form showed when opened; tags as additions and removals, so a change
        another session made meanwhile stays."""
        before = self.opened or task
        return TaskChanges.between(
            {name: getattr(before, name) for name in FORM_FIELDS},
            {name: getattr(self, name) for name in FORM_FIELDS},
        )


FORM_FIELDS = ("title", "client_id", "due", "priority", "estimate_minutes", "tags", "notes", "recurrence")
"""The task fields the form edits (the column is a move)."""


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags from ``"#email, admin"``: split on commas and spaces, ``#`` dropped, lower case."""
    tags = (t.lstrip("#").lower() for t in _TAG_SPLIT.split(text))
    return tuple(dict.fromkeys(t for t in tags if t))


class TaskFormModal(FormModal[TaskFormResult | None]):
    """Create or edit a card. Returns the filled form, or ``None`` on ``escape``."""

    STATUS_ID: ClassVar[str] = "form-status"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel"), id="form_cancel"),
        Binding("ctrl+s", "save", _("Save"), id="form_save", priority=True),
    ]

    DEFAULT_CSS = """
    TaskFormModal { align: center middle; }
    TaskFormModal #form {
        width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: round $border; background: $surface; padding: 0 1;
    }
    TaskFormModal .form-row { height: auto; width: 1fr; }
    TaskFormModal .form-label { width: 10; padding-top: 0; color: $text-muted; }
    TaskFormModal .form-short { width: 22; }
    TaskFormModal #form-title { width: 1fr; }
    TaskFormModal #form-client { width: 1fr; }
    TaskFormModal .form-select { width: 20; }
    TaskFormModal .form-hint { width: 1fr; height: auto; padding-left: 1; color: $text-muted; }
    TaskFormModal .form-hint.-error { color: $text-error; text-style: bold; }
    TaskFormModal #form-title-hint { padding-left: 10; }
    TaskFormModal #form-title-hint.-quiet { display: none; }
    TaskFormModal #form-notes { height: 3; width: 1fr; }
    TaskFormModal #form-status { width: 1fr; height: auto; color: $text-muted; }
    TaskFormModal #form-status.-error { color: $text-error; text-style: bold; }
    TaskFormModal Button { margin-left: 1; }
    TaskFormModal Input.-invalid { border: none; color: $text-error; }
    """

    def __init__(
        self,
        task: Task | None,
        clients: list[tuple[int, str]],
        columns: tuple[str, ...],
        today: date,
        default_column: str | None = None,
    ) -> None:
        super().__init__(classes="vatui-modal")
        self.task_ = task
        """The task being edited, or ``None`` for a new card."""
        self.clients = clients
        """(id, name) of the clients to choose from."""
        self.columns = columns
        """The board's columns."""
        self.today = today
        """Today, for relative dates and their preview."""
        self.default_column = default_column or (task.column if task else columns[0])
        """The column a new card goes to."""
        self._errors: dict[str, str] = {}
        self._opened: TaskFormResult | None = None

    def compose(self) -> ComposeResult:
        task = self.task_
        heading = _("Edit card") if task else _("New card")
        with Vertical(id="form", classes="modal-body") as form:
            form.border_title = heading
            with Horizontal(classes="form-row"):
                yield Label(_("Title"), classes="form-label")
                yield SafeInput(
                    task.title if task else "",
                    id="form-title",
                    compact=True,
                    placeholder=_("what needs doing"),
                )
            yield Static("", id="form-title-hint", classes="form-hint -quiet")
            with Horizontal(classes="form-row"):
                yield Label(_("Client"), classes="form-label")
                yield Select(
                    [(Content(one_line(name)), cid) for cid, name in self.clients],
                    prompt=_("no client"),
                    id="form-client",
                    compact=True,
                    value=task.client_id if task and task.client_id is not None else Select.NULL,
                )
            with Horizontal(classes="form-row"):
                yield Label(_("Column"), classes="form-label")
                yield Select(
                    [(Content(one_line(c)), c) for c in self.columns],
                    allow_blank=False,
                    value=self.default_column if self.default_column in self.columns else self.columns[0],
                    id="form-column",
                    compact=True,
                    classes="form-select",
                )
                yield Label(_("Priority"), classes="form-label", id="form-priority-label")
                yield Select(
                    [(_(label), p) for p, label in PRIORITY_LABELS.items()],
                    prompt=_("none"),
                    id="form-priority",
                    compact=True,
                    classes="form-select",
                    value=task.priority if task and task.priority else Select.NULL,
                )
            yield from self._parsed_row(
                "due", _("Due"), task.due.isoformat() if task and task.due else "", _("fri, +3d, dec 5…")
            )
            yield from self._parsed_row(
                "estimate",
                _("Estimate"),
                format_duration(task.estimate_minutes) if task and task.estimate_minutes else "",
                _("30m, 1h30m…"),
            )
            yield from self._parsed_row(
                "recurrence", _("Repeats"), task.recurrence or "" if task else "", _("weekly, monday, 15th…")
            )
            yield from self._parsed_row(
                "tags", _("Tags"), " ".join(task.tags) if task else "", _("email admin")
            )
            with Horizontal(classes="form-row"):
                yield Label(_("Notes"), classes="form-label")
                yield SafeTextArea(
                    task.notes if task else "", id="form-notes", compact=True, tab_behavior="focus"
                )
            with Horizontal(classes="form-row"):
                yield Static(_("enter or ctrl+s saves · escape cancels"), id="form-status")
                yield Button(_("Save"), id="form-save", compact=True, variant="primary")
                yield Button(_("Cancel"), id="form-cancel", compact=True)

    def _parsed_row(self, name: str, label: str, value: str, placeholder: str) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(label, classes="form-label")
            yield SafeInput(
                value, id=f"form-{name}", compact=True, classes="form-short", placeholder=placeholder
            )
            yield Static("", id=f"form-{name}-hint", classes="form-hint")

    def on_mount(self) -> None:
        """Show every field's preview (an empty new title is not an error yet); start in the title."""
        for name in ("due", "estimate", "recurrence", "tags"):
            self._check(name)
        if self.task_ is not None:
            self._check("title")
            self._opened = self.result()  # what the user does not change is not saved
        self.query_one("#form-title", Input).focus()

    # checking ------------------------------------------------------------------------

    def _parsers(self) -> dict[str, Callable[[str], tuple[Any, str]]]:
        def title(text: str) -> tuple[Any, str]:
            value = check_title(text)
            return value, _("{n} characters").format(n=len(value)) if len(value) > 60 else ""

        def due(text: str) -> tuple[Any, str]:
            if not text.strip():
                return None, _("no due date")
            value = read_date(self, text, self.today)
            return value, describe_date(value, self.today)

        def estimate(text: str) -> tuple[Any, str]:
            if not text.strip():
                return None, _("no estimate")
            value = parse_duration(text, numbers_of(self))
            return value, format_duration(value)

        def recurrence(text: str) -> tuple[Any, str]:
            if not text.strip():
                return None, _("does not repeat")
            rule = Recurrence.parse(text)
            return rule.to_str(), rule.describe()

        def tags(text: str) -> tuple[Any, str]:
            value = parse_tags(text)
            return value, " ".join("#" + t for t in value)

        return {"title": title, "due": due, "estimate": estimate, "recurrence": recurrence, "tags": tags}

    def _check(self, name: str) -> Any:
        """Parse field ``name``, show its preview or its error; returns the value."""
        field = self.query_one(f"#form-{name}", Input)
        hint = self.query_one(f"#form-{name}-hint", Static)
        try:
            value, preview = self._parsers()[name](field.value)
        except VatuiError as exc:
            self._errors[name] = str(exc)
            hint.update(Content(one_line(str(exc))))
            hint.set_classes("form-hint -error")
            field.add_class("-invalid")
            return None
        self._errors.pop(name, None)
        hint.update(Content(one_line(preview)))
        hint.set_classes("form-hint" + ("" if preview or name != "title" else " -quiet"))
        field.remove_class("-invalid")
        self._show_status()
        return value

    def _show_status(self, asked: bool = False) -> None:
        status = self.query_one("#form-status", Static)
        if self._errors and asked:
            status.update(Content(_("fix the field marked in red first")))
            status.add_class("-error")
        elif not self._errors:
            status.update(Content(_("enter or ctrl+s saves · escape cancels")))
            status.remove_class("-error")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("form-")
        if name in self._parsers():
            self._check(name)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    # actions ---------------------------------------------------------------------------

    def result(self) -> TaskFormResult | None:
        """The form as a result, or ``None`` (errors shown) while a field is invalid."""
        values = {name: self._check(name) for name in self._parsers()}
        if self._errors:
            return None
        client = self.query_one("#form-client", Select).value
        column = self.query_one("#form-column", Select).value
        priority = self.query_one("#form-priority", Select).value
        return TaskFormResult(
            title=values["title"],
            client_id=client if isinstance(client, int) else None,
            column=column if isinstance(column, str) else self.default_column,
            due=values["due"],
            priority=priority if isinstance(priority, str) else None,
            estimate_minutes=values["estimate"],
            tags=values["tags"],
            notes=self.query_one("#form-notes", TextArea).text.rstrip(),
            recurrence=values["recurrence"],
            opened=self._opened,
        )

    def action_save(self) -> None:
        """Return the form when every field is valid; otherwise point at the first error."""
        result = self.result()
        if result is None:
            self._show_status(asked=True)
            first = next(n for n in self._parsers() if n in self._errors)
            self.query_one(f"#form-{first}", Input).focus()
            self.app.bell()
            return
        self.submit(result)
