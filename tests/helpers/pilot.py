"""The app under Pilot: its size, a seeded workspace, waiting until it is ready, the screen as text.

Every Pilot test runs the real app (``make_app``) at 80×24 on a temporary data directory with
the fixed clock of ``tests/conftest.py`` (Friday 27 November 2026, 09:30 UTC); the fixtures
that build it are in ``tests/ui/conftest.py``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from vatui.services.clients.manage import add_client
from vatui.services.tasks.manage import add_task, edit_task
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp

SIZE = (80, 24)
"""The terminal every Pilot test uses."""


@dataclass
class Seed:
    """Ids of the records ``seeded`` created."""

    acme: int
    smith: int
    overdue: int
    """"Send the invoice batch": due Tue 24 Nov, high priority (overdue)."""
    recurring: int
    """"Weekly report": due Thu 26 Nov, every week (overdue)."""
    newsletter: int
    """"Draft newsletter": due today, in Doing, 2h estimate."""
    flights: int
    """"Book flights": due today."""
    waiting: int
    """"Chase the signed contract": Waiting, follow-up Wed 25 Nov."""
    later: int
    """"Plan Q1": due next Friday (not in today's triage)."""


def seed_workspace(ws: Workspace) -> Seed:
    """A small workspace with something in every task section of Today."""
    acme = add_client(ws, "Acme Corp")
    smith = add_client(ws, "Smith [UK]")
    assert acme.id is not None and smith.id is not None
    overdue = add_task(
        ws,
        "Send the invoice batch",
        client_id=acme.id,
        due=date(2026, 11, 24),
        priority="high",
        estimate_minutes=60,
    )
    recurring = add_task(ws, "Weekly report", due=date(2026, 11, 26), recurrence="weekly")
    newsletter = add_task(
        ws,
        "Draft newsletter",
        client_id=acme.id,
        due=date(2026, 11, 27),
        estimate_minutes=120,
        column="Doing",
    )
    flights = add_task(ws, "Book flights", client_id=smith.id, due=date(2026, 11, 27))
    waiting = add_task(ws, "Chase the signed contract", client_id=smith.id, column="Waiting")
    assert waiting.id is not None
    edit_task(ws, waiting.id, follow_up=date(2026, 11, 25))
    later = add_task(ws, "Plan Q1", due=date(2026, 12, 4))
    ids = [t.id for t in (overdue, recurring, newsletter, flights, later)]
    assert all(i is not None for i in ids)
    return Seed(
        acme.id,
        smith.id,
        overdue.id or 0,
        recurring.id or 0,
        newsletter.id or 0,
        flights.id or 0,
        waiting.id,
        later.id or 0,
    )


Ready = Callable[[Pilot[Any]], Awaitable[None]]


async def wait_ready(pilot: Pilot[Any]) -> None:
    """Wait until the workspace is open and the first frame after it is drawn."""
    app = pilot.app
    assert isinstance(app, VatuiApp)
    await app.when_ready()
    await pilot.pause()


async def settle(pilot: Pilot[Any]) -> None:
    """Let the app finish what a key started: its workers (the Plan and Today's early warning
    are computed in threads) and the screen updates they post."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def press_and_settle(pilot: Pilot[Any], key: str) -> Any:
    """Press ``key``, let what it started finish (``settle``); the screen in front then."""
    await pilot.press(key)
    await settle(pilot)
    return pilot.app.screen


def screen_text(app: App[Any]) -> str:
    """Everything on screen as plain text, line by line, as the terminal would show it."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)
