"""A tiny host app for the Board screen in tests: ``ws`` and ``run_service``, as the app has.

The real app (``vatui.ui.app.make_app``) provides the same two attributes; these tests
drive the Board on its own so a failure points at the Board, not at the shell.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from vatui.domain.clients import Client
from vatui.domain.errors import VatuiError
from vatui.services import tasks as task_service
from vatui.store.workspace import Workspace
from vatui.ui.screens.board import BoardScreen

TODAY = date(2026, 11, 27)
"""The fixed clock's day (a Friday)."""


class BoardHost(App[None]):
    """Hosts one ``BoardScreen`` over a workspace."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("u", "undo", "Undo")]

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.errors: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(BoardScreen())

    def run_service(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            result = fn(*args, **kwargs)
        except VatuiError as exc:
            self.errors.append(str(exc))
            self.notify(str(exc), severity="error")
            return None
        reload = getattr(self.screen, "reload", None)
        if reload is not None:
            reload()
        return result

    def action_undo(self) -> None:
        self.ws.undo()
        self.screen.reload()  # type: ignore[attr-defined]


def add_client(ws: Workspace, name: str, **fields: Any) -> int:
    """Add a client directly through the store; returns its id."""
    now = ws.clock.now()
    with ws.transaction(None) as tx:
        client = tx.add(Client(name=name, created=now, updated=now, **fields))
    assert client.id is not None
    return client.id


def sample_board(ws: Workspace) -> dict[str, int]:
    """A small board: named cards in every column; returns ids by title."""
    acme = add_client(ws, "Acme Corp")
    bee = add_client(ws, "Bee Studio")
    ids: dict[str, int] = {}
    spec = [
        ("Inbox", "Draft newsletter", acme, TODAY, "high", 90),
        ("Inbox", "Reply to Jo", None, TODAY - timedelta(days=2), None, None),
        ("Inbox", "Book flights", bee, TODAY + timedelta(days=1), "med", 30),
        ("Next", "Invoice run", acme, None, None, 60),
        ("Next", "Update site", bee, TODAY + timedelta(days=20), "low", None),
        ("Doing", "Plan Q1", acme, None, None, None),
        ("Waiting", "Logo feedback", bee, None, None, None),
    ]
    for column, title, client, due, prio, est in spec:
        task = task_service.add_task(ws, title, client_id=client, column=column, due=due, priority=prio,
                                     estimate_minutes=est)
        assert task.id is not None
        ids[title] = task.id
    done = task_service.add_task(ws, "Sent report", client_id=acme, column="Done")
    assert done.id is not None
    ids["Sent report"] = done.id
    return ids


def screen_text(app: App[Any]) -> str:
    """The screen as plain text, one line per row (for assertions on what is shown)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)
