"""The Clients pane under Pilot: a small client book, opening the pane, its client form.

The ``book`` fixture of ``tests/ui/conftest.py`` is ``clients_book`` on the test's workspace.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from textual.pilot import Pilot

from tests.helpers.pilot import Ready
from vatui.domain.client_contacts import parse_channel, parse_person
from vatui.domain.ledger import Invoice, LineItem, Payment
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client, add_note
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.client_form import ClientFormModal
from vatui.ui.screens.clients import ClientsScreen
from vatui.ui.widgets.client_card import ClientCard
from vatui.ui.widgets.client_list import ClientList


def clients_book(ws: Workspace) -> dict[str, int]:
    """Acme (active, New York, a confidential note), a lead with markup in its name, a late payer."""
    acme = add_client(
        ws,
        "Acme Corp",
        status="active",
        timezone="America/New_York",
        work_end="17:30",
        channels=(parse_channel("whatsapp:+15550100"),),
        preferred_channel="whatsapp",
        people=(parse_person("Ann Lee|owner|ann@acme.test"),),
        retainer_minutes=1200,
    )
    add_note(ws, acme.id or 0, "Prefers mornings")
    add_note(ws, acme.id or 0, "Door code 1234", confidential=True)
    lead = add_client(ws, "[bold]Lead[/] Co", status="lead")
    slow = add_client(ws, "Slow Pay", status="active")
    with ws.transaction(None) as tx:
        for n in (1, 2, 3):
            due = date(2026, 6 + n, 10)
            inv = tx.add(
                Invoice(
                    number=f"INV-2026-{n:04d}",
                    client_id=slow.id or 0,
                    issue_date=due - timedelta(14),
                    due_date=due,
                    currency="USD",
                    status="paid",
                    sent_on=due - timedelta(14),
                    items=(LineItem(description="work", unit_price=Money(10000, "USD")),),
                )
            )
            tx.add(
                Payment(invoice_id=inv.id or 0, on=due + timedelta(days=10 + n), amount=Money(10000, "USD"))
            )
    return {"acme": acme.id or 0, "lead": lead.id or 0, "slow": slow.id or 0}


def pane(app: VatuiApp) -> ClientsScreen:
    """The Clients screen (shown or not)."""
    screen = app.pane("clients")
    assert isinstance(screen, ClientsScreen)
    return screen


def card_text(app: VatuiApp) -> str:
    """The client card as text."""
    return pane(app).query_one(ClientCard).text()


async def open_clients(pilot: Pilot[Any], ready: Ready) -> None:
    """Show the Clients pane and wait for its badges (worked out in a worker thread)."""
    await ready(pilot)
    await pilot.press("3")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_client_form(app: VatuiApp, pilot: Pilot[Any], ready: Ready, client_id: int) -> ClientFormModal:
    """Show the Clients pane, select ``client_id`` and open its form (``enter``)."""
    await open_clients(pilot, ready)
    assert pane(app).query_one(ClientList).select_client(client_id)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ClientFormModal)
    return app.screen
