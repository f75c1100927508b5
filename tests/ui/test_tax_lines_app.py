"""Tax lines from the app (issue 10), with Pilot at 80×24, each checked in the store: the
free-lines form opens with the client's default tax lines and previews base + added −
withheld = due as typed; the draft editor adds (ctrl+t), changes and removes (an emptied
row) the draft's tax lines in the workspace's number format; the billing form (B on
Clients) edits the client's default tax lines with the same checks."""

from __future__ import annotations

from textual.widgets import Input, Select, Static

from tests.helpers.pilot import Ready, screen_text
from vatui.domain.clients import Client
from vatui.domain.ledger import Invoice, TaxLine
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.ledger.invoices import ItemSpec, new_invoice
from vatui.services.settings.edit import set_from_text
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.billing_form import BillingFormModal
from vatui.ui.modals.invoice_forms import LinesFormModal
from vatui.ui.screens.clients import ClientsScreen
from vatui.ui.screens.ledger import LedgerScreen

IVA = TaxLine(name="IVA", rate="21")
IRPF = TaxLine(name="IRPF", kind="withheld", rate="15")


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def _status(form: LinesFormModal) -> str:
    return str(form.query_one("#lines-status", Static).render())


async def _ledger(pilot, ready: Ready) -> LedgerScreen:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("4")
    await pilot.pause()
    assert isinstance(pilot.app.screen, LedgerScreen)
    return pilot.app.screen


async def test_free_lines_start_with_the_client_s_taxes_and_preview_what_is_due(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    acme = add_client(ws, "Acme", currency="EUR", default_taxes=(IVA, IRPF))
    async with app.run_test() as pilot:
        await _ledger(pilot, ready)
        await pilot.press("n", "down", "enter")
        await pilot.pause()
        await pilot.press(*"acme", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LinesFormModal)
        assert form.query_one("#tax-name-0", Input).value == "IVA"
        assert form.query_one("#tax-kind-1", Select).value == "withheld"
        await pilot.press(*"Setup", "tab", "tab", *"1000")
        await pilot.pause()
        assert "base €1,000.00 + €210.00 − €150.00 = €1,060.00 due" in _status(form), _status(form)
        assert "-€150.00" in str(form.query_one("#tax-amount-1", Static).render())
        form.query_one("#tax-rate-0", Input).value = "10"  # IVA at 10 %
        await pilot.pause()
        assert "= €950.00 due" in _status(form), _status(form)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not form
        said = [n.message for n in app._notifications]
        assert any(m.startswith("Created draft #1:") for m in said), said
    ws.refresh()
    [inv] = [i for i in ws.all(Invoice) if i.client_id == acme.id]
    assert inv.taxes == (TaxLine(name="IVA", rate="10"), IRPF)


async def test_the_draft_editor_adds_changes_and_removes_tax_lines_in_the_number_format(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    set_from_text(ws, "number_format", "1.234,56")
    acme = add_client(ws, "Acme", currency="EUR")
    draft = new_invoice(ws, acme.id or 0, items=[ItemSpec("Work", "1", eur(100000))], taxes=(IVA,))
    async with app.run_test() as pilot:
        screen = await _ledger(pilot, ready)
        screen.focus_record("invoice", draft.id)
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LinesFormModal)
        assert form.query_one("#tax-rate-0", Input).value == "21"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert form.focused is form.query_one("#tax-name-1", Input)
        await pilot.press(*"IRPF", "tab", "enter", "down", "enter", "tab", *"15.5")
        await pilot.pause()
        assert form.query_one("#tax-kind-1", Select).value == "withheld"
        assert "tax 2:" in _status(form), "15.5 does not read under 1.234,56"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form, "a tax line that does not read keeps the form open"
        assert ws.get(Invoice, draft.id or 0).taxes == (IVA,), "nothing saved"
        form.query_one("#tax-rate-1", Input).value = "15,5"
        form.query_one("#tax-name-0", Input).value = ""  # emptying the IVA row removes it
        form.query_one("#tax-rate-0", Input).value = ""
        await pilot.pause()
        assert "base €1.000,00 + €0,00 − €155,00 = €845,00 due" in _status(form), _status(form)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not form
    ws.refresh()
    assert ws.get(Invoice, draft.id or 0).taxes == (TaxLine(name="IRPF", kind="withheld", rate="15.5"),)


async def test_a_deposit_refuses_a_withheld_tax_in_place(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    acme = add_client(ws, "Acme", currency="EUR", default_taxes=(IVA, IRPF))
    async with app.run_test() as pilot:
        await _ledger(pilot, ready)
        await pilot.press("n", "down", "down", "enter")
        await pilot.pause()
        await pilot.press(*"acme", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LinesFormModal)
        assert form.query_one("#tax-name-0", Input).value == "", "a deposit starts with no tax"
        form.query_one("#line-price-0", Input).value = "300"
        form.query_one("#tax-name-0", Input).value = "IRPF"
        form.query_one("#tax-kind-0", Select).value = "withheld"
        form.query_one("#tax-rate-0", Input).value = "15"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form and "withholds no tax" in screen_text(app)
        form.query_one("#tax-kind-0", Select).value = "added"
        form.query_one("#tax-name-0", Input).value = "IVA"
        form.query_one("#tax-rate-0", Input).value = "21"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not form
    ws.refresh()
    [inv] = [i for i in ws.all(Invoice) if i.client_id == acme.id]
    assert inv.kind == "deposit" and inv.taxes == (IVA,)


async def test_the_billing_form_edits_the_client_s_default_taxes(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    acme = add_client(ws, "Acme", currency="EUR", default_taxes=(IVA,))
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
        await pilot.press("B")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, BillingFormModal)
        assert form.query_one("#tax-name-0", Input).value == "IVA"
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"iva", "tab", "tab", *"10")
        await pilot.pause()
        assert "twice" in screen_text(app), "said as typed"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form, "refused in place"
        assert ws.get(Client, acme.id or 0).default_taxes == (IVA,)
        form.query_one("#tax-name-1", Input).value = "IRPF"
        form.query_one("#tax-kind-1", Select).value = "withheld"
        form.query_one("#tax-rate-1", Input).value = "15"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
    ws.refresh()
    assert ws.get(Client, acme.id or 0).default_taxes == (
        IVA,
        TaxLine(name="IRPF", kind="withheld", rate="15"),
    )


async def test_the_draft_editor_reopens_quantities_and_rates_as_the_workspace_writes_them(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    set_from_text(ws, "number_format", "1.234,56")
    acme = add_client(ws, "Acme", currency="EUR")
    taxes = (TaxLine(name="IVA", rate="10.5"),)
    draft = new_invoice(ws, acme.id or 0, items=[ItemSpec("Work", "1.5", eur(1000))], taxes=taxes)
    async with app.run_test() as pilot:
        screen = await _ledger(pilot, ready)
        screen.focus_record("invoice", draft.id)
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LinesFormModal)
        assert form.query_one("#line-qty-0", Input).value == "1,5"
        assert form.query_one("#tax-rate-0", Input).value == "10,5"
        await pilot.press("enter")  # saved as it opened: nothing refused
        await pilot.pause()
        assert app.screen is not form, _status(form)
    ws.refresh()
    saved = ws.get(Invoice, draft.id or 0)
    assert saved.items[0].quantity == "1.5" and saved.taxes == taxes


def test_the_client_card_shows_the_default_taxes_and_a_translated_badge(ws: Workspace) -> None:
    from vatui import i18n
    from vatui.services.clients.card import client_detail
    from vatui.ui.widgets.client_card import card_content

    acme = add_client(ws, "Acme", currency="EUR", default_taxes=(IVA, IRPF))
    assert (
        "taxes on new invoices: IVA 21 %, IRPF −15 %" in card_content(client_detail(ws, acme.id or 0)).plain
    )
    i18n.set_language("es")
    text = card_content(client_detail(ws, acme.id or 0)).plain
    assert "SIN DATOS" in text and "UNPROVEN" not in text, text
