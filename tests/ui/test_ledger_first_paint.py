"""The Ledger's first paint does only what its first frame shows, and the rest follows at once.

Two causes made the Ledger's first paint miss its 100 ms at the large workspace:

- it mounted all six tabs before its first frame (a header and a list each, the P&L's
  chart), though the frame shows only the Invoices tab: the other tabs' widgets are now
  mounted just after that frame, or on their first use if a key comes first;
- a full pass of Python's garbage collector (every object made since the last
  ``gc.freeze``: the Board's and the Clients' widgets) landed on the key, 40 ms of CPU
  here: once a pane has drawn its content, what it made is collected and set aside
  (``Pane.content_drawn``), after that frame.

These tests show each, and that nothing a user does on a Ledger just shown is lost.
"""

from __future__ import annotations

import gc
from datetime import date
from typing import Any

from textual.widgets import TabbedContent

from tests.helpers.ledger_pane import eur, seed_ledger
from tests.helpers.pilot import Ready, press_and_settle, screen_text
from vatui.services.ledger.payments import record_payment
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.screens.ledger import TABS, LedgerScreen
from vatui.ui.widgets.ledger_list import LedgerList
from vatui.ui.widgets.ledger_pnl import PnlChart

HIDDEN = ("#ledger-aging", "#ledger-payments", "#ledger-expenses", "#ledger-pnl", "#ledger-clients")
"""The widgets of the tabs the first frame does not show."""


async def _settled(pilot: Any, ready: Ready) -> None:
    await ready(pilot)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _shows_payment(pilot: Any, payment_id: int | None) -> None:
    """Once the app settles: the Ledger on its Payments tab, that payment selected and focused."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LedgerScreen)
    assert screen.query_one(TabbedContent).active == "payments"
    listing = screen.query_one("#ledger-payments", LedgerList)
    assert listing.selected_id == f"payment:{payment_id}" and listing.has_focus


async def test_the_first_frame_of_the_ledger_mounts_no_hidden_tab_and_they_follow(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    seed_ledger(ws)
    async with app.run_test() as pilot:
        await _settled(pilot, ready)
        first: list[list[str]] = []
        display = app._display

        def spy(screen: Any, renderable: Any) -> None:
            if renderable is not None and isinstance(screen, LedgerScreen) and not first:
                first.append([s for s in HIDDEN if screen.query(s)])
            display(screen, renderable)

        app._display = spy  # type: ignore[method-assign]
        screen = await press_and_settle(pilot, "4")
        assert isinstance(screen, LedgerScreen)
        # it was every hidden tab's widgets, mounted before the first frame
        assert first == [[]]
        for selector in HIDDEN:  # just after it, each is there
            assert screen.query_one(selector).is_mounted, selector
        assert isinstance(screen.query_one("#ledger-pnl"), PnlChart)


async def test_tab_keys_typed_with_the_ledger_key_show_their_tab(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    inv, _acme = seed_ledger(ws)
    pay = record_payment(ws, inv, eur(4000), date(2026, 11, 20)).payment
    async with app.run_test() as pilot:
        await _settled(pilot, ready)
        await pilot.press("4", "]", "]")  # payments, before the other tabs were mounted
        await _shows_payment(pilot, pay.id)


async def test_a_payment_opened_from_another_pane_shows_on_a_ledger_never_shown(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    inv, _acme = seed_ledger(ws)
    pay = record_payment(ws, inv, eur(4000), date(2026, 11, 20)).payment
    async with app.run_test() as pilot:
        await _settled(pilot, ready)
        app.open_record("payment", pay.id or 0)  # the Ledger is made, then the payment focused
        await _shows_payment(pilot, pay.id)


async def test_every_tab_shows_its_rows_after_a_first_paint(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    seed_ledger(ws)
    async with app.run_test() as pilot:
        await _settled(pilot, ready)
        screen = await press_and_settle(pilot, "4")
        assert isinstance(screen, LedgerScreen)
        seen = {}
        for tab in TABS[1:]:
            await press_and_settle(pilot, "]")
            assert screen.query_one(TabbedContent).active == tab
            seen[tab] = screen_text(app)
        assert "total" in seen["aging"] and "[@click=app." in seen["aging"]  # cut to its column
        assert "method" in seen["payments"]
        assert "vendor — note" in seen["expenses"]
        assert "revenue" in seen["clients"] and "[@click=app.quit]x" in seen["clients"]


async def test_what_a_pane_made_is_set_aside_from_the_collector_after_its_first_frame(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    seed_ledger(ws)
    full: list[str] = []
    frames: list[str] = []

    def noted(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(f"after {len(frames)} ledger frames")

    async with app.run_test() as pilot:
        await _settled(pilot, ready)
        display = app._display

        def spy(screen: Any, renderable: Any) -> None:
            if renderable is not None and isinstance(screen, LedgerScreen):
                frames.append("frame")
            display(screen, renderable)

        app._display = spy  # type: ignore[method-assign]
        gc.callbacks.append(noted)
        try:
            screen = await press_and_settle(pilot, "4")
        finally:
            gc.callbacks.remove(noted)
        assert isinstance(screen, LedgerScreen)
        # a full collection ran once the first frame was out, and what it kept is frozen:
        # the next full pass (on some later key) walks none of the Ledger's widgets
        assert full and full[-1] != "after 0 ledger frames", full
        tracked = {id(o) for o in gc.get_objects()}
        assert id(screen) not in tracked
        assert id(screen.query_one("#ledger-invoices")) not in tracked
