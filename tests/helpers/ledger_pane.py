"""The Ledger pane under Pilot: an overdue invoice and unbilled time, opening the pane."""

from __future__ import annotations

from datetime import date

from tests.helpers.pilot import Ready
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import add_time
from vatui.store.workspace import Workspace
from vatui.ui.screens.ledger import LedgerScreen


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def seed_ledger(ws: Workspace) -> tuple[int, int]:
    """An overdue sent invoice for "[@click=app.quit]x" and unbilled time for "Acme [/]"."""
    nasty = add_client(ws, "[@click=app.quit]x", currency="EUR", hourly_rate=eur(5000))
    acme = add_client(ws, "Acme [/]", currency="EUR", hourly_rate=eur(4000))
    inv = new_invoice(ws, nasty.id or 0, items=[ItemSpec("Setup", "2", eur(10000))], on=date(2026, 11, 1))
    send_invoice(ws, inv.id or 0, date(2026, 11, 1))
    task = add_task(ws, "Newsletter", client_id=acme.id)
    add_time(ws, task.id, 90, date(2026, 11, 26))
    return inv.id or 0, acme.id or 0


async def to_ledger(pilot, ready: Ready) -> LedgerScreen:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("4")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LedgerScreen)
    return screen
