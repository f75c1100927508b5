"""An app form saved in the middle loses nothing: while the client or card form is open,
real ``vatui`` processes change the same record; saving the form (untouched, or with one
field changed) keeps their change. Before the fix, saving the client form untouched put
the rate back from 99 to 10 and dropped the new tag.
"""

from __future__ import annotations

import subprocess
import sys

from textual.widgets import Input

from tests.helpers.board import open_board
from tests.helpers.clients_pane import open_client_form
from tests.helpers.pilot import Ready
from vatui.domain.clients import Client
from vatui.domain.money import Money
from vatui.domain.tasks import Task
from vatui.services.clients.manage import add_client, add_note
from vatui.services.tasks.manage import add_task
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.task_form import TaskFormModal
from vatui.ui.screens.clients import ClientsScreen


def outside(*commands: list[str]) -> None:
    """Run ``vatui`` commands as real processes, all at once, while the form stays open."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "vatui", *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for cmd in commands
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err


def acme(ws: Workspace) -> int:
    client = add_client(ws, "Acme", hourly_rate=Money(1000, "USD"), tags=("vip",), terms_days=14)
    add_note(ws, client.id or 0, "first note")
    return client.id or 0


async def test_saving_the_client_form_untouched_keeps_a_change_made_meanwhile(
    app: VatuiApp,
    ws: Workspace,
    ready: Ready,
) -> None:
    client_id = acme(ws)
    async with app.run_test() as pilot:
        await open_client_form(app, pilot, ready, client_id)
        outside(
            ["client", "edit", "Acme", "--rate", "99", "--tag", "new"],
            ["client", "edit", "Acme", "--note", "said on the phone", "--person", "Ann|owner"],
        )
        undo = ws.undo_label()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
    client = ws.get(Client, client_id)
    assert client.hourly_rate == Money(9900, "USD")
    assert set(client.tags) == {"vip", "new"}
    assert sorted(n.text for n in client.notes) == ["first note", "said on the phone"]
    assert [p.name for p in client.people] == ["Ann"]
    assert ws.undo_label() == undo, "an untouched form writes nothing"


async def test_the_client_form_saves_only_the_field_changed(
    app: VatuiApp,
    ws: Workspace,
    ready: Ready,
) -> None:
    client_id = acme(ws)
    async with app.run_test() as pilot:
        form = await open_client_form(app, pilot, ready, client_id)
        form.query_one("#client-terms", Input).value = "30"
        form.query_one("#client-tags", Input).value = "vip extra"
        form.query_one("#client-note", Input).value = "from the form"
        await pilot.pause()
        outside(
            ["client", "edit", "Acme", "--rate", "99", "--tag", "new", "--note", "from the CLI"],
            ["client", "edit", "Acme", "--channel", "slack:#acme", "--untag", "vip"],
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
    client = ws.get(Client, client_id)
    assert client.terms_days == 30 and client.hourly_rate == Money(9900, "USD")
    assert set(client.tags) == {"new", "extra"}, "the CLI removed vip; the form left it as it was"
    assert [n.text for n in client.notes] == ["first note", "from the CLI", "from the form"]
    assert [(c.kind, c.handle) for c in client.channels] == [("slack", "#acme")]


async def test_the_board_card_form_keeps_a_change_made_meanwhile(
    app: VatuiApp,
    ws: Workspace,
    ready: Ready,
) -> None:
    task = add_task(ws, "Plan launch", tags=("start",))
    async with app.run_test() as pilot:
        board = await open_board(pilot)
        assert board.focus_task(task.id)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TaskFormModal)
        form.query_one("#form-title", Input).value = "Plan the launch"
        form.query_one("#form-tags", Input).value = "start mine"
        await pilot.pause()
        outside(
            ["task", "edit", str(task.id), "--tag", "theirs", "--priority", "high", "--due", "2026-12-01"]
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = ws.get(Task, task.id or 0)
    assert saved.title == "Plan the launch"
    assert set(saved.tags) == {"start", "theirs", "mine"}
    assert saved.priority == "high" and saved.due is not None and saved.due.isoformat() == "2026-12-01"


async def test_the_today_card_form_saved_untouched_keeps_a_change_made_meanwhile(
    app: VatuiApp,
    ws: Workspace,
    ready: Ready,
) -> None:
    from datetime import date

    task = add_task(ws, "Send the invoices", due=date(2026, 11, 27), notes="mine")
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TaskFormModal)
        outside(
            ["task", "edit", str(task.id), "--tag", "theirs", "--notes", "theirs", "--title", "Send them"]
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = ws.get(Task, task.id or 0)
    assert (saved.title, saved.notes, saved.tags) == ("Send them", "theirs", ("theirs",))
