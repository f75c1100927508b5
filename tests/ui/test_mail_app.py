"""The Ledger's invoice viewer and reminder with the e-mail keys: e .eml, b body, l link."""

from __future__ import annotations

from datetime import date
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from tests.helpers.pilot import Ready, screen_text
from vatui.domain.clients import Channel, Person
from vatui.domain.ledger import Invoice
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.settings.edit import set_settings
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.screens.ledger import LedgerScreen


def _seed(ws: Workspace, preferred: str = "email") -> int:
    set_settings(ws, {"business_name": "Laura Gómez", "business_email": "laura@va.co"})
    c = add_client(
        ws,
        "Café [b]Ruiz[/b]",
        currency="EUR",
        language="es",
        people=(Person(name="Bob"), Person(name="Ana Pérez", email="ana@ruiz.co")),
        channels=(
            Channel(kind="email", handle="hola@ruiz.co"),
            Channel(kind="whatsapp", handle="+34 600 111 222"),
        ),
        preferred_channel=preferred,
        billing_contact="Ana Pérez",
        legal_name="Café Ruiz S.L.",
    )
    inv = new_invoice(
        ws, c.id or 0, items=[ItemSpec("Gestión & agenda", "2", Money(10000, "EUR"))], on=date(2026, 11, 1)
    )
    send_invoice(ws, inv.id or 0, date(2026, 11, 1))
    return inv.id or 0


async def _ledger(pilot: Any, ready: Ready, inv: int) -> LedgerScreen:
    await ready(pilot)
    await pilot.press("4")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LedgerScreen)
    screen.focus_record("invoice", inv)
    return screen


async def _save_eml(pilot: Any, path: Path) -> str:
    app = pilot.app
    viewer = app.screen
    await pilot.press("e")
    await pilot.pause()
    prompt = app.screen.query_one("#prompt-input", Input)
    assert prompt.value.endswith("INV-2026-0001.eml")
    prompt.value = str(path)
    await pilot.press("enter")
    await pilot.pause()
    assert app.screen is viewer
    return str(viewer.query_one("#text-status", Static).render())


async def test_invoice_viewer_saves_the_eml_and_copies_body_and_mailto(
    app: VatuiApp, ws: Workspace, ready: Ready, tmp_path: Path
) -> None:
    inv = _seed(ws)
    async with app.run_test() as pilot:
        await _ledger(pilot, ready, inv)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Café Ruiz S.L." in text and "m mark sent · e .eml · b body · l link" in text
        await pilot.press("b")
        await pilot.pause()
        assert app.clipboard.startswith("Hola Ana Pérez:\n\nTe envío adjunta la factura INV-2026-0001")
        await pilot.press("l")
        await pilot.pause()
        assert app.clipboard.startswith(
            "mailto:ana@ruiz.co?subject=Factura%20INV-2026-0001%20de%20Laura%20G%C3%B3mez"
        )
        status = await _save_eml(pilot, tmp_path / "inv.eml")
        assert "E-mail draft saved" in status
        await pilot.press("escape")
        await pilot.pause()
    msg = message_from_bytes((tmp_path / "inv.eml").read_bytes(), policy=policy.default)
    assert msg["To"] == "Ana Pérez <ana@ruiz.co>" and msg["X-Unsent"] == "1"
    assert [a.get_filename() for a in msg.iter_attachments()] == ["INV-2026-0001.pdf"]


async def test_reminder_copies_the_whatsapp_link_and_saves_the_eml_then_marks_sent(
    app: VatuiApp, ws: Workspace, ready: Ready, tmp_path: Path
) -> None:
    inv = _seed(ws, preferred="whatsapp")
    async with app.run_test() as pilot:
        await _ledger(pilot, ready, inv)
        await pilot.press("r")
        await pilot.pause()
        assert "Hola Ana Pérez:" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert app.clipboard.startswith("https://wa.me/34600111222?text=Hola%20Ana%20P%C3%A9rez%3A%0A%0A")
        assert "E-mail draft saved" in await _save_eml(pilot, tmp_path / "r.eml")
        await pilot.press("m")
        await pilot.pause()
    msg = message_from_bytes((tmp_path / "r.eml").read_bytes(), policy=policy.default)
    assert str(msg["Subject"]).startswith("Recordatorio: factura INV-2026-0001")
    ws.refresh()
    assert len(ws.get(Invoice, inv).reminders) == 1


async def test_no_business_email_says_what_to_set_and_writes_nothing(
    app: VatuiApp, ws: Workspace, ready: Ready, tmp_path: Path
) -> None:
    inv = _seed(ws)
    set_settings(ws, {"business_email": ""})
    async with app.run_test() as pilot:
        await _ledger(pilot, ready, inv)
        await pilot.press("enter")
        await pilot.pause()
        status = await _save_eml(pilot, tmp_path / "inv.eml")
        assert "business_email" in status
    assert not (tmp_path / "inv.eml").exists()


async def test_clients_b_edits_the_billing_details_and_the_card_shows_them(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    from textual.widgets import Select

    from vatui.domain.clients import Client
    from vatui.ui.modals.billing_form import BillingFormModal
    from vatui.ui.screens.clients import ClientsScreen

    c = add_client(ws, "Acme", people=(Person(name="Bob"), Person(name="Ana Pérez", email="ana@acme.co")))
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
        assert "no billing details (B adds them)" in screen_text(app)
        await pilot.press("B")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, BillingFormModal)
        form.query_one("#billing-tax-id-label", Input).value = "x" * 21
        form.query_one("#billing-contact", Select).value = "Ana Pérez"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "too long" in screen_text(app)  # refused in place
        form.query_one("#billing-legal-name", Input).value = "Acme S.A.S."
        form.query_one("#billing-tax-id-label", Input).value = "NIT"
        form.query_one("#billing-tax-id", Input).value = "900.123"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
        assert "Acme S.A.S. · NIT: 900.123 · Attn: Ana Pérez" in screen_text(app)
    ws.refresh()
    saved = ws.get(Client, c.id or 0)
    assert (saved.legal_name, saved.tax_id, saved.billing_contact) == ("Acme S.A.S.", "900.123", "Ana Pérez")
    assert saved.billing_address == ""
