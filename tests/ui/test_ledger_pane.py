"""The Ledger pane with Pilot at 80×24: every key is checked against the store."""

from __future__ import annotations

from datetime import date

from tests.helpers.ledger_pane import eur, seed_ledger, to_ledger
from tests.helpers.pilot import Ready, screen_text
from vatui.domain.ledger import Expense, Invoice, Payment
from vatui.domain.money import Money
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.screens.today import TodayScreen
from vatui.ui.widgets.ledger_list import LedgerList
from vatui.ui.widgets.triage_list import TriageList


async def test_invoices_show_status_and_aging_as_typed(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    seed_ledger(ws)
    async with app.run_test() as pilot:
        await to_ledger(pilot, ready)
        text = screen_text(app)
        assert (
            "INV-2026-0001" in text and "[@click=app.q…" in text
        )  # the client name, literal, cut to its column
        assert "overdue" in text and "1-30" in text and "€200.00" in text
        assert app.is_running


async def test_i_invoices_unbilled_time_then_s_sends(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    _inv, acme = seed_ledger(ws)
    async with app.run_test() as pilot:
        screen = await to_ledger(pilot, ready)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*"acme", "enter")
        await pilot.pause()
        await pilot.press("enter")  # every unbilled entry is ticked: enter invoices them
        await pilot.pause()
        ws.refresh()
        created = [
            Invoice.from_doc(d, int(k)) for k, d in ws.docs("invoices").items() if d["client_id"] == acme
        ]
        assert [(i.number, i.status) for i in created] == [("", "draft")]  # numbered when sent
        assert created[0].items[0].minutes == 90
        assert screen.query_one("#ledger-invoices", LedgerList).selected_id == f"invoice:{created[0].id}"
        await pilot.press("s")
        await pilot.pause()
        ws.refresh()
        sent = ws.get(Invoice, created[0].id or 0)
        assert (sent.status, sent.number) == ("sent", "INV-2026-0002")


async def test_p_records_a_payment_with_amount_validation(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    inv, _acme = seed_ledger(ws)
    async with app.run_test() as pilot:
        screen = await to_ledger(pilot, ready)
        screen.focus_record("invoice", inv)
        await pilot.press("p")
        await pilot.pause()
        amount = app.screen.query_one("#payment-amount")
        amount.value = "12.345"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert "decimals" in screen_text(app)
        assert ws.docs("payments") == {}
        amount.value = "50"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        ws.refresh()
        pays = [Payment.from_doc(d, int(k)) for k, d in ws.docs("payments").items()]
        assert [(p.invoice_id, p.amount) for p in pays] == [(inv, eur(5000))]
        assert ws.get(Invoice, inv).status == "partial"


async def test_r_drafts_the_reminder_and_mark_sent_logs_it(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    inv, _acme = seed_ledger(ws)
    async with app.run_test() as pilot:
        screen = await to_ledger(pilot, ready)
        screen.focus_record("invoice", inv)
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert "Reminder INV-2026-0001" in text and "[@click=app.quit]x" in text
        await pilot.press("m")
        await pilot.pause()
        ws.refresh()
        sent = ws.get(Invoice, inv).reminders
        assert [(r.step, r.on) for r in sent] == [(2, date(2026, 11, 27))]  # due 15 Nov + 7: firm


async def test_e_adds_an_expense(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await to_ledger(pilot, ready)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"19.99")
        app.screen.query_one("#expense-vendor").value = "Canva [pro]"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        ws.refresh()
        got = [Expense.from_doc(d, int(k)) for k, d in ws.docs("expenses").items()]
        assert [(e.amount, e.vendor, e.category) for e in got] == [
            (Money(1999, "USD"), "Canva [pro]", "software")
        ]
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")  # via Aging
        await pilot.pause()
        assert "Canva [pro]" in screen_text(app)


async def test_filter_and_tabs_and_pnl(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    inv, _acme = seed_ledger(ws)
    from vatui.services.ledger.payments import record_payment

    record_payment(ws, inv, eur(20000), date(2026, 11, 20))
    async with app.run_test() as pilot:
        screen = await to_ledger(pilot, ready)
        await pilot.press("slash", *"nomatch")
        await pilot.pause()
        assert screen.query_one("#ledger-invoices", LedgerList).option_count == 0
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one("#ledger-invoices", LedgerList).option_count == 1
        for _i in range(4):  # Aging, Payments, Expenses, P&L
            await pilot.press("right_square_bracket")
        await pilot.pause()
        text = screen_text(app)
        assert "2026-11" in text and "200.00" in text and "█" in text


async def test_today_r_on_an_invoice_line_runs_the_ledger_reminder(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    inv, _acme = seed_ledger(ws)
    async with app.run_test() as pilot:
        await ready(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        today.query_one(TriageList).select_record("invoice", inv)
        await pilot.press("r")
        await pilot.pause()
        assert "Reminder INV-2026-0001" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        ws.refresh()
        assert len(ws.get(Invoice, inv).reminders) == 1


async def test_two_quick_tab_keys_move_two_tabs(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    """``]`` twice before the first tab is shown lands on the second tab, not the first."""
    from textual.widgets import TabbedContent

    seed_ledger(ws)
    async with app.run_test() as pilot:
        screen = await to_ledger(pilot, ready)
        screen.action_tab(1)
        screen.action_tab(1)  # before the first switch was shown
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "payments"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "aging"
