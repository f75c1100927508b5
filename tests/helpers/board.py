"""Helpers for the Board's tests: a sample board, opening the Board pane, reading the store.

The tests drive the real app (the ``app`` fixture of ``tests/ui/conftest.py``); the screen as
text is ``tests.helpers.pilot.screen_text``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from vatui.domain.clients import Client
from vatui.domain.tasks import Task
from vatui.services.tasks import manage as task_service
from vatui.store.workspace import Workspace
from vatui.ui.screens.board import BoardScreen

TODAY = date(2026, 11, 27)
"""The fixed clock's day (a Friday)."""


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
        task = task_service.add_task(
            ws, title, client_id=client, column=column, due=due, priority=prio, estimate_minutes=est
        )
        assert task.id is not None
        ids[title] = task.id
    done = task_service.add_task(ws, "Sent report", client_id=acme, column="Done")
    assert done.id is not None
    ids["Sent report"] = done.id
    return ids


async def open_board(pilot: Pilot[Any]) -> BoardScreen:
    """Wait for the app to open its workspace, press ``2``, return the Board screen."""
    app = pilot.app
    when_ready = getattr(app, "when_ready", None)
    if when_ready is not None:
        await when_ready()
        await pilot.pause()
        await pilot.press("2")
    await pilot.pause()
    return board_of(app)


def board_of(app: App[Any]) -> BoardScreen:
    """The Board screen of ``app`` (under any modal)."""
    pane = getattr(app, "pane", None)
    screen = pane("board") if pane is not None else app.screen
    assert isinstance(screen, BoardScreen)
    return screen


def stored(ws: Workspace, task_id: int) -> Task:
    """A task as it is in the store now."""
    return ws.get(Task, task_id)


def titles(board: BoardScreen, column: str) -> list[str]:
    """The titles shown in a column, top to bottom."""
    found = next(c for c in board.columns if c.column == column)
    return [t.title for t in found.tasks]
