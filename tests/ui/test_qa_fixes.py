"""Regressions found by walking the issues' "Done when" routines in a real terminal.

Each test drives the real app with Pilot at 80×24 and checks the store as well as the screen.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input, TabbedContent

from tests.helpers.board import open_board, sample_board, stored, titles
from tests.helpers.clients_pane import open_clients, pane
from tests.helpers.ledger_pane import seed_ledger, to_ledger
from tests.helpers.pilot import Ready, screen_text
from vatui.domain.clients import Client
from vatui.domain.ledger import Invoice, LineItem, Payment
from vatui.domain.money import Money
from vatui.services.ledger.reports import aging_report
from vatui.services.tasks import manage as task_service
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.commands.clients import ClientsCommands
from vatui.ui.commands.ledger import LedgerCommands
from vatui.ui.modals.client_form import ClientFormModal
from vatui.ui.widgets.client_card import ClientCard
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
    app: VatuiApp,
    book: dict[str, int],
    ws: Workspace,
    ready: Ready,
) -> None:
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
            inv = tx.add(
                Invoice(
                    number=f"INV-2026-{n + 10:04d}",
                    client_id=client_id,
                    issue_date=due - timedelta(14),
                    due_date=due,
                    currency="USD",
                    status="paid",
                    sent_on=due - timedelta(14),
                    items=(LineItem(description="work", unit_price=Money(10000, "USD")),),
                )
            )
            tx.add(Payment(invoice_id=inv.id or 0, on=due + timedelta(days=25), amount=Money(10000, "USD")))


async def test_badges_follow_a_change_made_in_another_pane_of_this_session(
    app: VatuiApp,
    book: dict[str, int],
    ws: Workspace,
    ready: Ready,
) -> None:
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        assert list_line(app, "Acme Corp").rstrip().endswith("unproven")
        await pilot.press("2")
        await pilot.pause()
        # this session's own write (no other session involved), made while on the Board
        app.run_service(_three_late_invoices, book["acme"])
        await pilot.press("3")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len([i for i in ws.all(Invoice) if i.client_id == book["acme"]]) == 3
        assert list_line(app, "Acme Corp").rstrip().endswith("risky"), screen_text(app)


async def test_vetting_boxes_show_ticked_and_unticked_without_colour(
    app: VatuiApp,
    book: dict[str, int],
    ws: Workspace,
    ready: Ready,
) -> None:
    """Textual draws an ``X`` in every box and tells them apart by colour: not readable with NO_COLOR."""
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        assert pane(app).query_one(ClientList).select_client(book["lead"])
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ClientFormModal)
        form.query_one("#client-vetting").focus()
        await pilot.pause()
        await pilot.press("space", "down", "down", "space")  # contract signed, references checked
        form.query_one("#client-vetting").scroll_visible(animate=False)
        await pilot.pause()
        lines = {
            label: line
            for line in screen_text(app).splitlines()
            for label in ("contract signed", "deposit agreed", "references checked", "NDA signed")
            if label in line
        }
        assert "X" in lines["contract signed"] and "X" in lines["references checked"]
        assert "X" not in lines["deposit agreed"] and "X" not in lines["NDA signed"]
        secret = form.query_one("#client-note-secret")
        assert "X" not in secret.render().plain
        secret.toggle()
        await pilot.pause()
        assert "X" in secret.render().plain
        secret.toggle()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [v.key for v in ws.get(Client, book["lead"]).vetting] == ["contract", "references"]


async def test_ledger_has_an_aging_tab_with_the_reports_figures(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    """Issue 4's "reads the aging report in the app": buckets per client and currency, then totals."""
    inv, _acme = seed_ledger(ws)
    async with app.run_test() as pilot:
        screen = await to_ledger(pilot, ready)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "aging"
        text = screen_text(app)
        assert "current" in text and "31-60" in text and "90+" in text
        line = next(x for x in text.splitlines() if "[@click=app" in x)
        # issued 1 Nov on net 14: 12 days late on 27 Nov → all in 1-30
        assert line.split()[-7:] == ["EUR", "0.00", "200.00", "0.00", "0.00", "0.00", "200.00"]
        assert any(x.split()[:2] == ["TOTAL", "EUR"] for x in text.splitlines())
        # a partial payment (this session) shows in the aging at once
        screen.focus_record("invoice", inv)
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#payment-amount", Input).value = "50"
        await pilot.press("enter")
        await pilot.pause()
        assert sum(p.amount.minor for p in ws.all(Payment)) == 5000
        await pilot.press("right_square_bracket")
        await pilot.pause()
        rows = aging_report(ws)
        assert [r.total.minor for r in rows] == [15000]
        line = next(x for x in screen_text(app).splitlines() if "[@click=app" in x)
        assert line.split()[-1] == "150.00"


async def test_palette_has_ledger_previous_tab(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    seed_ledger(ws)
    async with app.run_test() as pilot:
        screen = await to_ledger(pilot, ready)
        names = [c.name for c in LedgerCommands(screen).commands()]
        assert "Ledger: previous tab" in names and "Ledger: next tab" in names


async def test_shift_j_k_scroll_the_client_card_and_are_in_help_and_palette(
    app: VatuiApp,
    book: dict[str, int],
    ws: Workspace,
    ready: Ready,
) -> None:
    """At 80×24 the reliability reasons and the contact log are below the card's fold."""
    from vatui.services.clients.contacts import log_contact

    for n in range(12):
        log_contact(ws, book["slow"], channel="email", summary=f"Chased invoice {n}")
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        assert pane(app).query_one(ClientList).select_client(book["slow"])
        await pilot.pause()
        card = pane(app).query_one(ClientCard)
        assert card.scroll_y == 0 and card.max_scroll_y > 0
        await pilot.press("J")
        await pilot.pause()
        assert card.scroll_y > 0
        await pilot.press("J", "J", "J", "J", "J")
        await pilot.pause()
        assert card.scroll_y == card.max_scroll_y
        assert "Chased invoice" in screen_text(app)
        await pilot.press("K")
        await pilot.pause()
        assert 0 < card.scroll_y < card.max_scroll_y
        await pilot.press("k")  # another client: its card starts at the top
        await pilot.pause()
        assert card.scroll_y == 0
        names = [c.name for c in ClientsCommands(pane(app)).commands()]
        assert "Clients: scroll card down" in names and "Clients: scroll card up" in names
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Scroll card down" in screen_text(app)
        assert len(ws.all(Client)) == 3  # scrolling changes nothing


async def test_doing_heading_under_a_filter_says_what_is_shown_and_the_wip(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    """Filtered to one client, Doing said "Doing 3/3" above one card (or above "no cards match")."""
    ids = sample_board(ws)
    for title in ("Call the bank", "Fix the printer"):
        task_service.add_task(ws, title, column="Doing")
    async with app.run_test() as pilot:
        board = await open_board(pilot)
        doing = next(c for c in board.columns if c.column == "Doing")
        assert doing.heading == "Doing 3/3"
        board.client_filter = stored(ws, ids["Plan Q1"]).client_id
        board.reload()
        await pilot.pause()
        assert titles(board, "Doing") == ["Plan Q1"]
        assert doing.heading == "Doing 1/3 WIP 3/3"
        assert "Doing 1 " in screen_text(app)  # the bar counts what is shown, like every column
        # one more card in Doing (this session, with the keys): over the limit, still said in words
        board.client_filter = None
        board.reload()
        await pilot.pause()
        board.activate(0)
        await pilot.pause()
        await pilot.press("L", "L")
        await pilot.pause()
        assert stored(ws, ids["Draft newsletter"]).column == "Doing"
        board.client_filter = stored(ws, ids["Plan Q1"]).client_id
        board.reload()
        await pilot.pause()
        assert doing.heading == "Doing 2/4 OVER 4/3" and doing.over_limit


async def test_board_help_names_both_move_keys(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    """The footer shows "H/L Move"; the help said "L / shift+→  Move" (and "H … Move card left")."""
    ids = sample_board(ws)
    async with app.run_test() as pilot:
        await open_board(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        rows = [line for line in screen_text(app).splitlines() if "shift+→" in line]
        assert rows and "Move card right" in rows[0], rows
        await pilot.press("escape", "L")  # and the key still does what the help says
        await pilot.pause()
        assert stored(ws, ids["Draft newsletter"]).column == "Next"
