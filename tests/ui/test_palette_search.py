"""The command palette finds records, not only actions: a task, a client or an invoice typed
by text (accents and case aside), and `enter` opens it in its pane with the cursor on it."""

from __future__ import annotations

from datetime import date

from tests.helpers.pilot import Ready, Seed, screen_text, settle
from vatui.domain.money import Money
from vatui.services.ledger.invoices import ItemSpec, new_invoice
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.screens.board import BoardScreen
from vatui.ui.screens.clients import ClientsScreen
from vatui.ui.screens.ledger import LedgerScreen
from vatui.ui.widgets.client_list import ClientList
from vatui.ui.widgets.ledger_list import LedgerList


async def test_a_task_typed_in_the_palette_opens_on_the_board(
    app: VatuiApp, seeded: Seed, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"NEWSLETTER")
        await pilot.pause(0.3)
        assert "Draft newsletter" in screen_text(app)
        assert "task · Acme Corp · Doing" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BoardScreen)
        assert app.screen.focused_column.selected_id == seeded.newsletter


async def test_a_client_typed_without_its_brackets_opens_in_clients(
    app: VatuiApp, seeded: Seed, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"smith uk")
        await pilot.pause(0.3)
        assert "Smith [UK]" in screen_text(app)  # the name as text, not markup
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClientsScreen)
        assert app.screen.query_one(ClientList).selected_id == seeded.smith


async def test_an_invoice_typed_in_the_palette_opens_in_the_ledger(
    app: VatuiApp, ws: Workspace, seeded: Seed, ready: Ready
) -> None:
    draft = new_invoice(
        ws, seeded.acme, items=[ItemSpec("Setup", "1", Money(5000, "USD"))], on=date(2026, 11, 20)
    )
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *f"draft #{draft.id}")
        await pilot.pause(0.3)
        assert "invoice · Acme Corp" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LedgerScreen)
        listing = app.screen.query_one("#ledger-invoices", LedgerList)
        assert listing.selected_id == f"invoice:{draft.id}"


async def test_a_record_named_as_typed_comes_before_loose_action_matches(
    app: VatuiApp, seeded: Seed, ready: Ready
) -> None:
    from textual.command import CommandList

    async with app.run_test() as pilot:
        await ready(pilot)
        # "acme" also matches actions loosely ("App: change theme" has a, c, m, e in order)
        await pilot.press("ctrl+p", *"acme")
        await pilot.pause(0.3)
        first = app.screen.query_one(CommandList).get_option_at_index(0)
        assert "Acme Corp" in str(first.prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClientsScreen)
        assert app.screen.query_one(ClientList).selected_id == seeded.acme
