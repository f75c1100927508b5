"""SVG snapshots of the Clients pane at 80×24 on a workspace of its own, with the fixed clock.

The workspace is seeded here (not from the demo generator) so the pictures change only
when the Clients pane does.

Update after a deliberate change with ``pytest tests/ui/test_clients_snapshots.py --snapshot-update``
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from vatui.domain.client_contacts import parse_channel, parse_person
from vatui.domain.clients import VettingCheck
from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Invoice, LineItem, Payment
from vatui.domain.money import Money
from vatui.services.clients.contacts import log_contact
from vatui.services.clients.manage import add_client, add_note
from vatui.services.tasks.manage import add_task
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp, make_app


async def _clients(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, VatuiApp)
    await app.when_ready()
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def seed(ws: Workspace) -> None:
    """Four clients across the pipeline: one with everything filled in, one late payer."""
    acme = add_client(
        ws,
        "Acme Corp",
        status="active",
        timezone="America/New_York",
        work_end="17:30",
        currency="USD",
        hourly_rate=Money(4500, "USD"),
        channels=(parse_channel("email:ops@acme.test"), parse_channel("whatsapp:+15550100")),
        preferred_channel="whatsapp",
        people=(parse_person("Ann Lee|owner|ann@acme.test|+1 555 0100"),),
        retainer_minutes=1200,
        retainer_fee=Money(80000, "USD"),
        late_fee_percent="1.5",
        cadence_days=7,
        vetting=(VettingCheck(key="contract", done_on=date(2026, 11, 2)),),
        tags=("vip",),
    )
    add_note(ws, acme.id or 0, "Prefers calls before noon")
    add_note(ws, acme.id or 0, "Door code 1234", confidential=True)
    log_contact(
        ws, acme.id or 0, channel="whatsapp", summary="Call about the launch", follow_up=date(2026, 12, 2)
    )
    add_task(ws, "Draft the newsletter", client_id=acme.id, due=date(2026, 11, 30), column="Next")
    add_client(ws, "[bold]Lead[/] Co", status="lead")
    add_client(ws, "田中デザイン", status="prospect", timezone="Asia/Tokyo")
    slow = add_client(ws, "Slow Pay Ltd", status="active")
    with ws.transaction(None) as tx:
        for n, late in ((1, 12), (2, 20), (3, 9)):
            due = date(2026, 6 + n, 15)
            inv = tx.add(
                Invoice(
                    number=f"INV-2026-{n:04d}",
                    client_id=slow.id or 0,
                    issue_date=due - timedelta(14),
                    due_date=due,
                    currency="USD",
                    status="paid",
                    sent_on=due - timedelta(14),
                    items=(LineItem(description="VA work", quantity="8", unit_price=Money(4000, "USD")),),
                )
            )
            tx.add(Payment(invoice_id=inv.id or 0, on=due + timedelta(days=late), amount=Money(32000, "USD")))


@pytest.fixture
def demo_app(data_dir: Path, clock: FixedClock) -> VatuiApp:
    ws = Workspace.open(data_dir, clock)
    seed(ws)
    ws.close()
    return make_app(data_dir, clock=clock)


def test_clients_pane(snap_compare: Any, demo_app: VatuiApp) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _clients(pilot)
        await pilot.press("j", "j")
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=before)


def test_client_card_scrolled_to_the_reliability(snap_compare: Any, demo_app: VatuiApp) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _clients(pilot)
        await pilot.press("G")
        await pilot.pause()
        card = pilot.app.screen.query_one("#client-card")
        card.scroll_to(y=10, animate=False)
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=before)


def test_client_form(snap_compare: Any, demo_app: VatuiApp) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _clients(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=before)


def test_contact_form(snap_compare: Any, demo_app: VatuiApp) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _clients(pilot)
        await pilot.press("c", *"Call about", "tab", *"fri")
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=before)
