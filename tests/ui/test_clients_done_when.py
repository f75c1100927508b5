"""Issue 5's "done when", with the keyboard alone at 80×24: a lead becomes an active, vetted
client, a WhatsApp call with a follow-up shows on Today the day it is due, the weekly
report is drafted, and a client that paid three invoices late is marked risky."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tests.helpers.pilot import Ready, screen_text
from vatui.domain.clients import Client, Contact
from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Invoice, LineItem, Payment
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.client_form import ClientFormModal
from vatui.ui.modals.contact_form import ContactFormModal
from vatui.ui.modals.text_view import TextViewModal
from vatui.ui.screens.clients import ClientsScreen


def late_payer(ws: Workspace) -> int:
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
    return slow.id or 0


async def test_done_when_keyboard_only(app: VatuiApp, ws: Workspace, clock: FixedClock, ready: Ready) -> None:
    slow = late_payer(ws)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
        # a new lead
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ClientFormModal)
        await pilot.press(*"Bright Bakery", "tab", "tab", "tab", "tab", *"whatsapp:+447700900123")
        await pilot.press("tab", "tab", *"Europe/London", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
        bright = next(c for c in ws.all(Client) if c.name == "Bright Bakery")
        assert bright.status == "lead" and bright.timezone == "Europe/London"
        assert [(c.kind, c.handle) for c in bright.channels] == [("whatsapp", "+447700900123")]
        assert "Leads (1)" in screen_text(app)
        # moved to active, vetting checklist filled
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab", "enter", "down", "down", "enter")
        await pilot.pause()
        await pilot.press(*(["tab"] * 17))
        for _ in range(5):
            await pilot.press("space", "down")
        await pilot.press("ctrl+s")
        await pilot.pause()
        bright = ws.get(Client, bright.id or 0)
        assert bright.status == "active"
        assert len(bright.vetting) == 5
        assert "Active (2)" in screen_text(app)
        # a WhatsApp call with a follow-up
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormModal)
        assert app.screen.channel == "whatsapp"  # their only channel: nothing to pick
        await pilot.press(*"Call: new menu launch", "tab", *"2026-12-02", "ctrl+s")
        await pilot.pause()
        (call,) = ws.all(Contact)
        assert call.channel == "whatsapp" and call.follow_up == date(2026, 12, 2)
        # the weekly report
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TextViewModal)
        assert "# Weekly status — Bright Bakery" in app.screen.text
        await pilot.press("escape")
        await pilot.pause()
        # the late payer is risky, with its reasons
        await pilot.press("G")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Slow Pay Ltd" in text and "risky" in text
        from vatui.ui.widgets.client_card import ClientCard

        card = app.screen.query_one(ClientCard).text()
        assert "Reliability RISKY" in card and "paid 3 of 3 invoices late" in card
        assert app.screen.query_one("ClientList").selected_id == slow  # type: ignore[attr-defined]
        # the follow-up on Today, the day it is due
        clock.moment = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
        await pilot.press("1")
        await pilot.pause()
        app.pane("today").reload()  # type: ignore[attr-defined]
        await pilot.pause()
        text = screen_text(app)
        assert "Follow-ups due (1)" in text and "Call: new menu launch" in text
