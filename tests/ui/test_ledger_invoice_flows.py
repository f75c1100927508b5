"""Every invoice from the app (issue 10, item 6), with Pilot at 80×24, each checked in the
store: time with entries to choose, free lines previewed as typed, a deposit from the
policy (also from Today's line), a retainer, the draft editor, a promise to pay, a snooze,
and Today's line about the recurring drafts."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, SelectionList, Static

from tests.helpers.pilot import Ready, screen_text
from vatui.domain.ledger import Invoice
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.ledger.recurring import add_recurring
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import add_time
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.invoice_forms import EntriesModal, LinesFormModal
from vatui.ui.screens.ledger import LedgerScreen
from vatui.ui.screens.today import TodayScreen
from vatui.ui.widgets.ledger_list import LedgerList
from vatui.ui.widgets.triage_list import TriageList


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def _invoices(ws: Workspace, client_id: int) -> list[Invoice]:
    ws.refresh()
    return sorted((i for i in ws.all(Invoice) if i.client_id == client_id), key=lambda i: i.number)


async def _ledger(pilot, ready: Ready) -> LedgerScreen:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("4")
    await pilot.pause()
    assert isinstance(pilot.app.screen, LedgerScreen)
    return pilot.app.screen


async def _new(pilot, kind_downs: int, client: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("n")
    await pilot.pause()
    await pilot.press(*(["down"] * kind_downs), "enter")
    await pilot.pause()
    await pilot.press(*client, "enter")
    await pilot.pause()


async def test_time_invoice_bills_only_the_entries_left_ticked(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    acme = add_client(ws, "Acme", currency="EUR", hourly_rate=eur(6000))
    one = add_task(ws, "Newsletter", client_id=acme.id)
    two = add_task(ws, "Inbox zero", client_id=acme.id)
    add_time(ws, one.id, 60, date(2026, 11, 25))
    add_time(ws, two.id, 30, date(2026, 11, 26))
    async with app.run_test() as pilot:
        await _ledger(pilot, ready)
        await _new(pilot, 0, "acme")
        assert isinstance(app.screen, EntriesModal)
        picks = app.screen.query_one(SelectionList)
        assert len(picks.selected) == 2, "every entry starts ticked"
        assert "2 of 2 entries · 1h30m" in screen_text(app)
        await pilot.press("down", "space")  # leave "Inbox zero" out
        await pilot.pause()
        assert "1 of 2 entries · 1h" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EntriesModal)
    [inv] = _invoices(ws, acme.id or 0)
    assert [(i.description, i.minutes) for i in inv.items] == [("Newsletter", 60)]
    ws.refresh()
    unbilled = [d for d in ws.docs("time").values() if d.get("invoice_id") is None]
    assert len(unbilled) == 1, "the entry left out stays unbilled"


async def test_free_lines_preview_amounts_as_typed_and_refuse_bad_input(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    acme = add_client(ws, "Acme", currency="EUR")
    async with app.run_test() as pilot:
        await _ledger(pilot, ready)
        await _new(pilot, 1, "acme")
        form = app.screen
        assert isinstance(form, LinesFormModal)
        form.query_one("#line-desc-0", Input).value = "Setup"
        form.query_one("#line-qty-0", Input).value = "1.5"
        form.query_one("#line-price-0", Input).value = "80"
        form.query_one("#line-desc-1", Input).value = "Report"
        form.query_one("#line-price-1", Input).value = "12,5"
        await pilot.pause()
        status = str(form.query_one("#lines-status", Static).render())
        assert "line 2" in status, status
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form, "a line that does not read keeps the form open"
        assert _invoices(ws, acme.id or 0) == []
        form.query_one("#line-price-1", Input).value = "12.50"
        await pilot.pause()
        assert "€120.00" in str(form.query_one("#line-amount-0", Static).render())
        assert "total €132.50" in str(form.query_one("#lines-status", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not form
    [inv] = _invoices(ws, acme.id or 0)
    assert [(i.description, i.quantity, i.unit_price) for i in inv.items] == [
        ("Setup", "1.5", eur(8000)),
        ("Report", "1", eur(1250)),
    ]


async def test_deposit_from_the_policy_and_from_today_s_line(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    acme = add_client(ws, "Acme", currency="EUR", deposit_percent=50, retainer_fee=eur(100000))
    async with app.run_test() as pilot:
        await ready(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert today.query_one(TriageList).select_record("client", acme.id)
        await pilot.press("enter")  # "deposit required: no deposit invoice yet"
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LinesFormModal)
        assert form.query_one("#line-desc-0", Input).value == "Deposit (50 %)"
        assert form.query_one("#line-price-0", Input).value == "500.00"
        await pilot.press("enter")
        await pilot.pause()
    [inv] = _invoices(ws, acme.id or 0)
    assert inv.kind == "deposit" and inv.items[0].unit_price == eur(50000)


async def test_retainer_asks_then_bills_the_fee(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    acme = add_client(ws, "Acme", currency="EUR", retainer_fee=eur(120000), retainer_minutes=600)
    async with app.run_test() as pilot:
        await _ledger(pilot, ready)
        await _new(pilot, 3, "acme")
        assert "retainer fee, €1,200.00?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
    [inv] = _invoices(ws, acme.id or 0)
    assert inv.kind == "retainer" and inv.items[0].description == "Retainer — November 2026"


async def test_the_draft_editor_changes_free_lines_and_notes_and_keeps_billed_time(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    acme = add_client(ws, "Acme", currency="EUR", hourly_rate=eur(6000))
    add_time(ws, add_task(ws, "Newsletter", client_id=acme.id).id, 60, date(2026, 11, 25))
    draft = new_invoice(ws, acme.id or 0, unbilled=True, items=[ItemSpec("Setup", "1", eur(1000))])
    async with app.run_test() as pilot:
        screen = await _ledger(pilot, ready)
        screen.focus_record("invoice", draft.id)
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LinesFormModal)
        assert "Billed lines (kept)" in screen_text(app)
        form.query_one("#line-desc-0", Input).value = "Setup, revised"
        form.query_one("#line-price-0", Input).value = "15"
        form.query_one("#lines-notes", Input).value = "Thanks!"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    edited = ws.get(Invoice, draft.id or 0)
    assert [(i.description, i.unit_price) for i in edited.items] == [
        ("Newsletter", eur(6000)),
        ("Setup, revised", eur(1500)),
    ]
    assert edited.items[0].time_entry_ids and edited.notes == "Thanks!"


async def test_promise_to_pay_and_snooze_from_the_ledger(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    acme = add_client(ws, "Acme", currency="EUR")
    inv = new_invoice(ws, acme.id or 0, items=[ItemSpec("Work", "1", eur(1000))], on=date(2026, 10, 1))
    send_invoice(ws, inv.id or 0, date(2026, 10, 1))
    async with app.run_test() as pilot:
        await ready(pilot)
        assert "INV-2026-0001" in screen_text(app), "a reminder is due on Today"
        screen = await _ledger(pilot, ready)
        screen.focus_record("invoice", inv.id)
        await pilot.press("P")
        await pilot.pause()
        app.screen.query_one(Input).value = "2026-12-01"
        await pilot.press("enter")
        await pilot.pause()
        assert ws.get(Invoice, inv.id or 0).promised_on == date(2026, 12, 1)
        await pilot.press("1")
        await pilot.pause()
        text = screen_text(app)
        assert "promised for 1 Dec" in text, text
        assert "step:" not in text, "its reminders wait for the promised day"
        await pilot.press("4")
        await pilot.pause()
        screen.focus_record("invoice", inv.id)
        await pilot.press("z")
        await pilot.pause()
        app.screen.query_one(Input).value = "2026-12-20"
        await pilot.press("enter")
        await pilot.pause()
    assert ws.get(Invoice, inv.id or 0).reminders_snoozed_until == date(2026, 12, 20)


async def test_today_s_recurring_drafts_line_leads_to_the_ledger_s_drafts(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    acme = add_client(ws, "Acme", currency="EUR")
    add_recurring(
        ws, acme.id or 0, day=1, start=date(2026, 10, 1), items=[ItemSpec("Support", "1", eur(100))]
    )
    other = new_invoice(ws, acme.id or 0, items=[ItemSpec("Work", "1", eur(1000))])
    send_invoice(ws, other.id or 0)
    async with app.run_test() as pilot:
        await ready(pilot)
        assert "2 recurring drafts to review and send" in screen_text(app)
        assert app.screen.query_one(TriageList).select_record("drafts", None)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LedgerScreen)
        rows = screen.query_one("#ledger-invoices", LedgerList)
        shown = [str(o.id) for o in rows._options]
        assert len(shown) == 2 and f"invoice:{other.id}" not in shown


async def test_new_invoice_menu_moves_with_j_k_and_says_when_there_is_no_client(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await _ledger(pilot, ready)
        await pilot.press("n", "j", "j", "k")
        await pilot.pause()
        listing = app.screen.query_one("#invoice-kind-list")
        assert listing.highlighted == 1  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LedgerScreen)  # no empty picker to get lost in
        assert any("No client yet" in m for m in app.messages)
