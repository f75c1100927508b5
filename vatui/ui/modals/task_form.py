"""The new/edit card form: every field checked as you type, nothing saved by the form.

``TaskFormModal`` returns a ``TaskFormResult`` (or ``None`` when cancelled); the Board
screen turns it into ``add_task`` or ``edit_task``/``move_task``. Dates take the date
syntax of ``vatui add`` with a preview in words, the estimate takes ``1h30m``-style
durations, the recurrence ``weekly``/``monday``/``15th``; a field that cannot be read says
why right beside it, and ``enter``/``ctrl+s`` saves only when every field is valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Select, TextArea

from vatui.domain.changes import TaskChanges
from vatui.domain.dates import describe_date
from vatui.domain.durations import format_duration, parse_duration
from vatui.domain.quickadd import PRIORITY_LABELS
from vatui.domain.recurrence import Recurrence
from vatui.domain.tasks import Task, check_title
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.ui.date_input import read_date
from vatui.ui.modals.fields_form import FieldsFormModal, Parser
from vatui.ui.modals.form import form_bindings
from vatui.ui.number_input import numbers_of
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


class TaskFormModal(FieldsFormModal[TaskFormResult | None]):
    """Create or edit a card. Returns the filled form, or ``None`` on ``escape``."""

    STATUS_ID: ClassVar[str] = "form-status"
    PREFIX: ClassVar[str] = "form-"
    FIRST: ClassVar[str] = "title"
    BINDINGS: ClassVar[list[BindingType]] = form_bindings("form")

    DEFAULT_CSS = """
    TaskFormModal #form { width: 78; }
    TaskFormModal .form-label { width: 10; }
    TaskFormModal .form-short { width: 22; }
    TaskFormModal #form-title { width: 1fr; }
    TaskFormModal #form-client { width: 1fr; }
    TaskFormModal .form-select { width: 20; }
    TaskFormModal .form-hint.-below { padding-left: 10; }
    TaskFormModal #form-notes { height: 3; width: 1fr; }
    TaskFormModal Input.-invalid { border: none; }
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
        self._opened: TaskFormResult | None = None

    def compose(self) -> ComposeResult:
        task = self.task_
        heading = _("Edit card") if task else _("New card")
        with Vertical(id="form", classes="modal-body form-dialog") as form:
            form.border_title = heading
            yield from self.field_row(
                "title",
                _("Title"),
                task.title if task else "",
                _("what needs doing"),
                classes="",
                hint_below=True,
            )
            with Horizontal(classes="form-row"):
                clients = [(Content(one_line(name)), cid) for cid, name in self.clients]
                client = task.client_id if task and task.client_id is not None else Select.NULL
                yield from self.select(
                    _("Client"), clients, client, "form-client", prompt=_("no client"), classes=""
                )
            with Horizontal(classes="form-row"):
                columns = [(Content(one_line(c)), c) for c in self.columns]
                column = self.default_column if self.default_column in self.columns else self.columns[0]
                yield from self.select(_("Column"), columns, column, "form-column")
                priorities = [(_(label), p) for p, label in PRIORITY_LABELS.items()]
                priority = task.priority if task and task.priority else Select.NULL
                yield from self.select(_("Priority"), priorities, priority, "form-priority", prompt=_("none"))
            yield from self.field_row(
                "due", _("Due"), task.due.isoformat() if task and task.due else "", _("fri, +3d, dec 5…")
            )
            yield from self.field_row(
                "estimate",
                _("Estimate"),
                format_duration(task.estimate_minutes) if task and task.estimate_minutes else "",
                _("30m, 1h30m…"),
            )
            yield from self.field_row(
                "recurrence", _("Repeats"), task.recurrence or "" if task else "", _("weekly, monday, 15th…")
            )
            yield from self.field_row(
                "tags", _("Tags"), " ".join(task.tags) if task else "", _("email admin")
            )
            with Horizontal(classes="form-row"):
                yield Label(_("Notes"), classes="form-label")
                yield SafeTextArea(
                    task.notes if task else "", id="form-notes", compact=True, tab_behavior="focus"
                )
            yield from self.buttons()

    def opened(self, values: dict[str, Any]) -> None:
        if self.task_ is not None and not self.errors:
            self._opened = self.build(values)  # what the user does not change is not saved

    # checking ------------------------------------------------------------------------

    def parsers(self) -> dict[str, Parser]:
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

    # actions ---------------------------------------------------------------------------

    def build(self, values: dict[str, Any]) -> TaskFormResult:
        """The form as a result, from the parsed ``values``."""
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

    def refusal(self, first: str) -> str:
        return _("fix the field marked in red first")
