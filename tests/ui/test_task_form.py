"""The card form: checked as you type, errors in place, saves only when valid, escape cancels."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Input, Select, Static, TextArea

from tests.helpers.board import open_board
from vatui.domain.tasks import Task
from vatui.services.tasks.manage import open_tasks
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.task_form import TaskFormModal, TaskFormResult, parse_tags

TODAY = date(2026, 11, 27)
CLIENTS = [(1, "Acme Corp"), (2, "[@click=app.quit]x")]
COLUMNS = ("Inbox", "Next", "Doing", "Waiting", "Done")


class FormHost(App[None]):
    """Shows one form; keeps what it returned."""

    def __init__(self, form: TaskFormModal) -> None:
        super().__init__()
        self.form = form
        self.results: list[TaskFormResult | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.form, self.results.append)


def new_form(**kwargs: Any) -> TaskFormModal:
    return TaskFormModal(kwargs.pop("task", None), CLIENTS, COLUMNS, TODAY, kwargs.pop("column", "Next"))


def hint(form: TaskFormModal, name: str) -> str:
    return str(form.query_one(f"#form-{name}-hint", Static).render())


async def type_into(pilot: Any, form: TaskFormModal, name: str, text: str) -> None:
    field = form.query_one(f"#form-{name}", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    if text:
        await pilot.press(*text)
    await pilot.pause()


async def test_a_valid_form_returns_every_field_parsed() -> None:
    form = new_form()
    host = FormHost(form)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_into(pilot, form, "title", "Draft newsletter")
        await type_into(pilot, form, "due", "fri")
        assert hint(form, "due") == "Fri 4 Dec"
        await type_into(pilot, form, "estimate", "1h30")
        assert hint(form, "estimate") == "1h30m"
        await type_into(pilot, form, "recurrence", "every monday")
        assert "Monday" in hint(form, "recurrence")
        await type_into(pilot, form, "tags", "#Email, admin")
        form.query_one("#form-client", Select).value = 1
        form.query_one("#form-priority", Select).value = "high"
        form.query_one("#form-notes", TextArea).text = "line one\nline two"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert host.results == [
        TaskFormResult(
            title="Draft newsletter",
            client_id=1,
            column="Next",
            due=date(2026, 12, 4),
            priority="high",
            estimate_minutes=90,
            tags=("email", "admin"),
            notes="line one\nline two",
            recurrence="monday",
        )
    ]


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("due", "03/04", "ambiguous"),
        ("due", "someday", "not a date"),
        ("estimate", "1.5", "hours or minutes"),
        ("estimate", "-2h", "positive"),
        ("recurrence", "sometimes", "not a recurrence"),
    ],
)
async def test_a_bad_field_shows_why_and_blocks_saving(field: str, text: str, message: str) -> None:
    form = new_form()
    host = FormHost(form)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_into(pilot, form, "title", "Fine title")
        await type_into(pilot, form, field, text)
        assert form.query_one(f"#form-{field}-hint", Static).has_class("-error")
        assert message in hint(form, field)
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert host.results == [] and host.screen is form
        assert form.focused is form.query_one(f"#form-{field}", Input)
        assert "fix the field" in str(form.query_one("#form-status", Static).render())
        await type_into(pilot, form, field, "")
        assert not form.query_one(f"#form-{field}-hint", Static).has_class("-error")
        await pilot.press("enter")
        await pilot.pause()
    assert len(host.results) == 1 and host.results[0] is not None


async def test_an_empty_title_is_refused() -> None:
    form = new_form()
    host = FormHost(form)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not form.query_one("#form-title-hint", Static).has_class("-error")  # not shouted at first
        await pilot.press("enter")
        await pilot.pause()
        assert host.results == []
        assert "needs a title" in hint(form, "title")
        await pilot.press(*"   ")
        await pilot.press("enter")
        assert host.results == []


@pytest.mark.parametrize("title", ["Call [Smith] 📞", "[@click=app.quit]x", "田中さん", "x" * 300])
async def test_odd_titles_are_kept_exactly(title: str) -> None:
    form = new_form()
    host = FormHost(form)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form.query_one("#form-title", Input).value = title
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert host.is_running
    assert len(host.results) == 1 and host.results[0] is not None
    assert host.results[0].title == title


async def test_escape_returns_nothing() -> None:
    form = new_form()
    host = FormHost(form)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Something")
        await pilot.press("escape")  # something was typed: asks first
        await pilot.pause()
        assert "Discard what you typed?" in str(host.screen.query_one("#confirm-question").render())
        await pilot.press("n")  # keep editing: the text is still there
        await pilot.pause()
        assert host.screen is form and form.query_one("#form-title", Input).value == "Something"
        await pilot.press("escape", "y")
        await pilot.pause()
    assert host.results == [None]


async def test_escape_on_an_untouched_form_closes_at_once() -> None:
    form = new_form()
    host = FormHost(form)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert host.results == [None]


async def test_editing_prefills_the_task() -> None:
    now = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    task = Task(
        id=5,
        title="Invoice run",
        client_id=1,
        column="Doing",
        due=date(2026, 12, 1),
        priority="med",
        estimate_minutes=45,
        tags=("billing",),
        recurrence="15th",
        notes="n",
        created=now,
        updated=now,
    )
    form = new_form(task=task, column=None)
    host = FormHost(form)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert form.query_one("#form-title", Input).value == "Invoice run"
        assert form.query_one("#form-due", Input).value == "2026-12-01"
        assert form.query_one("#form-column", Select).value == "Doing"
        assert form.query_one("#form-client", Select).value == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
    result = host.results[0]
    assert result is not None
    assert (result.title, result.client_id, result.column, result.due, result.priority) == (
        "Invoice run",
        1,
        "Doing",
        date(2026, 12, 1),
        "med",
    )
    assert (result.estimate_minutes, result.tags, result.recurrence, result.notes) == (
        45,
        ("billing",),
        "15th",
        "n",
    )


def test_tags_are_split_and_cleaned() -> None:
    assert parse_tags(" #Email, admin  email,,#x ") == ("email", "admin", "x")
    assert parse_tags("") == ()


async def test_nothing_is_saved_while_the_board_form_is_invalid(app: VatuiApp, ws: Workspace) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, TaskFormModal)
        await pilot.press(*"Good title")
        form.query_one("#form-due", Input).value = "31 feb"
        await pilot.pause()
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
        assert app.screen is form
        assert open_tasks(ws) == []
        form.query_one("#form-due", Input).value = "1 mar"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = open_tasks(ws)
    assert [(t.title, t.due) for t in saved] == [("Good title", date(2027, 3, 1))]
