"""The panes read ahead (``vatui.ui.screens.read_ahead``): what they show is what the store says.

Once Today is drawn, the app reads the other panes' first screens in a worker thread. A
pane shown later takes that reading only if nothing changed since; these tests change
something after the reading (in another session on the file, in another process, through
this session as another pane would, or by the day turning) and check that the pane shows
the workspace as it is then, and that an unchanged reading is taken without reading again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from functools import partial

import pytest
from textual.content import Content
from textual.pilot import Pilot

from tests.helpers.ledger_pane import eur, seed_ledger
from tests.helpers.pilot import Ready, press_and_settle, screen_text
from vatui.domain.clock import FixedClock
from vatui.services.clients.manage import add_client, edit_client, list_clients
from vatui.services.ledger import view as ledger_service
from vatui.services.ledger.invoices import ItemSpec, new_invoice
from vatui.services.plan.forecast import build_plan
from vatui.services.tasks.manage import add_task
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.screens.board import BoardScreen
from vatui.ui.screens.clients import ClientsScreen
from vatui.ui.screens.ledger import LedgerScreen
from vatui.ui.screens.plan import PlanScreen
from vatui.ui.screens.read_ahead import has_part
from vatui.ui.widgets.client_card import ClientCard


async def _read_ahead(pilot: Pilot[None], ready: Ready) -> None:
    """The app is ready and has read every pane ahead."""
    await ready(pilot)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for mode in ("board", "clients", "ledger", "plan"):
        assert has_part(pilot.app, mode), f"{mode} was not read ahead"


@pytest.fixture
def ledger_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every call of ``ledger_view`` (the Ledger's own read), counted."""
    calls: list[int] = []
    real = ledger_service.ledger_view

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ledger_service, "ledger_view", counted)
    return calls


async def test_an_unchanged_reading_is_taken_without_reading_again(
    app: VatuiApp, ws: Workspace, ready: Ready, ledger_reads: list[int]
) -> None:
    seed_ledger(ws)
    async with app.run_test() as pilot:
        await _read_ahead(pilot, ready)
        read_before = len(ledger_reads)
        screen = await press_and_settle(pilot, "4")
        assert isinstance(screen, LedgerScreen) and screen.view is not None
        assert len(ledger_reads) == read_before  # taken: no read on the key
        assert not has_part(app, "ledger")  # taken once
        assert screen.view == app.session.run(ledger_service.ledger_view)
        assert "INV-2026-0001" in screen_text(app)


async def test_the_ledger_shows_an_invoice_another_session_added_after_the_reading(
    app: VatuiApp, ws: Workspace, ready: Ready, ledger_reads: list[int]
) -> None:
    seed_ledger(ws)
    async with app.run_test() as pilot:
        await _read_ahead(pilot, ready)
        zeta = add_client(ws, "Zeta Ltd", currency="EUR")  # another session on the same file
        added = new_invoice(
            ws, zeta.id or 0, items=[ItemSpec("Audit", "1", eur(7000))], on=date(2026, 11, 20)
        )
        read_before = len(ledger_reads)
        screen = await press_and_settle(pilot, "4")
        assert isinstance(screen, LedgerScreen) and screen.view is not None
        assert len(ledger_reads) == read_before + 1  # the reading was refused: read again
        assert added.id in {row.id for row in screen.view.invoices}
        assert "Zeta Ltd" in screen_text(app)


async def test_the_ledger_shows_a_change_made_in_this_session_after_the_reading(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    _inv, acme = seed_ledger(ws)
    async with app.run_test() as pilot:
        await _read_ahead(pilot, ready)
        # as a flow on Today would: through the session, the pane shown reloads
        added = app.run_service(
            new_invoice, acme, items=[ItemSpec("Extra", "1", eur(3000))], on=date(2026, 11, 25)
        )
        assert added is not None
        screen = await press_and_settle(pilot, "4")
        assert isinstance(screen, LedgerScreen) and screen.view is not None
        assert added.id in {row.id for row in screen.view.invoices}
        assert screen.view == app.session.run(ledger_service.ledger_view)


async def test_the_ledger_reads_again_when_the_day_turned_since_the_reading(
    app: VatuiApp, ws: Workspace, clock: FixedClock, ready: Ready, ledger_reads: list[int]
) -> None:
    seed_ledger(ws)
    async with app.run_test() as pilot:
        await _read_ahead(pilot, ready)
        clock.advance(days=40)  # the overdue invoice is older now: its aging moves
        read_before = len(ledger_reads)
        screen = await press_and_settle(pilot, "4")
        assert isinstance(screen, LedgerScreen) and screen.view is not None
        assert len(ledger_reads) == read_before + 1
        assert screen.view.on == app.session.today()


async def test_the_clients_pane_shows_a_client_added_by_another_process(
    app: VatuiApp, ws: Workspace, book: dict[str, int], ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await _read_ahead(pilot, ready)
        env = {**os.environ, "VATUI_DATA_DIR": str(ws.directory)}
        subprocess.run(
            [sys.executable, "-m", "vatui", "client", "add", "Zephyr Studio"],
            env=env,
            check=True,
            capture_output=True,
        )
        screen = await press_and_settle(pilot, "3")
        assert isinstance(screen, ClientsScreen)
        assert "Zephyr Studio" in screen_text(app)
        assert [c.name for c in screen._clients] == [
            c.name for c in app.session.run(list_clients, include_archived=False)
        ]


async def test_the_clients_pane_shows_a_change_made_in_this_session_on_its_first_card(
    app: VatuiApp, ws: Workspace, book: dict[str, int], ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await _read_ahead(pilot, ready)
        # the lead is listed first: its card was read ahead, then renamed as another pane would
        assert app.run_service(edit_client, book["lead"], name="Renamed Lead Co") is not None
        screen = await press_and_settle(pilot, "3")
        assert isinstance(screen, ClientsScreen)
        assert screen.selected_id == book["lead"]
        assert "Renamed Lead Co" in screen.query_one(ClientCard).text()
        assert "Renamed Lead Co" in screen_text(app)


async def test_the_board_shows_a_card_another_session_added_after_the_reading(
    app: VatuiApp, ws: Workspace, book: dict[str, int], ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await _read_ahead(pilot, ready)
        task = add_task(ws, "Renew the domain", column="Inbox")
        screen = await press_and_settle(pilot, "2")
        assert isinstance(screen, BoardScreen) and screen.snapshot is not None
        assert task.id in {t.id for t in screen.snapshot.columns["Inbox"]}


async def test_the_plan_shows_a_task_another_session_added_after_the_reading(
    app: VatuiApp, ws: Workspace, book: dict[str, int], ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await _read_ahead(pilot, ready)
        add_task(ws, "Quarterly review", due=date(2026, 12, 9), estimate_minutes=600)
        screen = await press_and_settle(pilot, "5")
        assert isinstance(screen, PlanScreen) and screen.plan is not None
        assert screen.plan == app.session.run(build_plan)
        assert any(item.title == "Quarterly review" for week in screen.plan.weeks for item in week.items)


async def test_a_long_ledger_list_builds_only_the_lines_it_draws(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    from vatui.ui.widgets.ledger_list import LedgerList

    built: list[int] = []

    def line(n: int) -> Content:
        built.append(n)
        return Content(f"row {n}")

    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("4")
        await pilot.pause()
        listing = app.screen.query_one("#ledger-invoices", LedgerList)
        listing.show([(f"invoice:{n}", partial(line, n)) for n in range(2000)])
        await pilot.pause()
        assert listing.option_count == 2000
        assert 0 < len(built) < 40  # the lines on screen, not 2,000
        assert "row 0" in screen_text(app)
        await pilot.press("end")  # the last line: built when drawn
        await pilot.pause()
        assert listing.highlighted == 1999 and "row 1999" in screen_text(app)
        assert len(built) < 80
