"""Regressions found by walking the issues' "Done when" routines in a real terminal.

Each test drives the real app with Pilot at 80×24 and checks the store as well as the screen.
"""

from __future__ import annotations

from datetime import date, timedelta

from conftest import Ready, screen_text
from test_clients_pane import book, open_clients, pane  # noqa: F401  (fixture and helpers)

from vatui.domain.clients import Client
from vatui.domain.ledger import Invoice, LineItem, Payment
from vatui.domain.money import Money
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.widgets.client_list import ClientList


def list_line(app: VatuiApp, name: str) -> str:
    """The Clients list's line for ``name``, as shown."""
    listing = pane(app).query_one(ClientList)
    for index in range(listing.option_count):
        text = str(listing.get_option_at_index(index).prompt)
        if name in text:
            return text
    raise AssertionError(f"{name} is not listed")


async def test_a_new_client_gets_its_badge_not_a_lasting_ellipsis(
        app: VatuiApp, book: dict[str, int], ws: Workspace, ready: Ready) -> None:  # noqa: F811
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Bright Bakery", "ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(c.name == "Bright Bakery" for c in ws.all(Client))
        line = list_line(app, "Bright Bakery")
        assert line.rstrip().endswith("unproven"), line


def _three_late_invoices(ws: Workspace, client_id: int) -> None:
    with ws.transaction("three late invoices") as tx:
        for n in (7, 8, 9):
            due = date(2026, n, 10)
            inv = tx.add(Invoice(number=f"INV-2026-{n + 10:04d}", client_id=client_id, issue_date=due - timedelta(14),
                                 due_date=due, currency="USD", status="paid", sent_on=due - timedelta(14),
                                 items=(LineItem(description="work", unit_price=Money(10000, "USD")),)))
            tx.add(Payment(invoice_id=inv.id or 0, on=due + timedelta(days=25), amount=Money(10000, "USD")))


async def test_badges_follow_a_change_made_in_another_pane_of_this_session(
        app: VatuiApp, book: dict[str, int], ws: Workspace, ready: Ready) -> None:  # noqa: F811
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        assert list_line(app, "Acme Corp").rstrip().endswith("unproven")
        await pilot.press("2")
        await pilot.pause()
        # this session's own write (no other session involved), made while on the Board
        app.run_service(_three_late_invoices, app.ws, book["acme"])
        await pilot.press("3")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len([i for i in ws.all(Invoice) if i.client_id == book["acme"]]) == 3
        assert list_line(app, "Acme Corp").rstrip().endswith("risky"), screen_text(app)
