"""Issue 9, item 7: an invoice and a status report for a client are written in the
client's language (and number format), whatever the UI language; the UI's comes back."""

from __future__ import annotations

from datetime import date

from vatui import i18n
from vatui.domain.clients import Client
from vatui.domain.money import Money
from vatui.domain.money_display import display_format
from vatui.domain.numbers import POINT
from vatui.services.clients.manage import add_client
from vatui.services.clients.status_reports import draft_status_report
from vatui.services.documents.invoice import render
from vatui.services.ledger.invoices import ItemSpec, new_invoice
from vatui.services.settings.edit import set_from_text
from vatui.store.workspace import Workspace


def _client(ws: Workspace, language: str, number_format: str = "") -> int:
    c = add_client(ws, f"Bright Co {language} {number_format}", currency="COP")
    with ws.transaction("language") as tx:
        tx.save(tx.get(Client, c.id or 0).with_(language=language, number_format=number_format))
    return c.id or 0


def _invoice(ws: Workspace, client_id: int) -> int:
    inv = new_invoice(
        ws, client_id, items=[ItemSpec("Soporte", "1", Money(123456750, "COP"))], on=date(2026, 11, 1)
    )
    return inv.id or 0


def test_ui_in_spanish_english_client_gets_english_documents(ws: Workspace) -> None:
    set_from_text(ws, "language", "es")
    i18n.set_language("es")
    cid = _client(ws, "en")
    inv = _invoice(ws, cid)
    for fmt in ("txt", "md", "html"):
        text = render(ws, inv, fmt)
        assert "Amount due" in text and "Importe a pagar" not in text, fmt
    report = draft_status_report(ws, cid).text
    assert "Weekly status" in report and "Done this week" in report
    assert i18n.language() == "es" and i18n._("Amount due") == "Importe a pagar"  # the UI's is back


def test_ui_in_english_spanish_client_gets_spanish_documents_in_their_format(ws: Workspace) -> None:
    cid = _client(ws, "es", "1.234,56")
    inv = _invoice(ws, cid)
    text = render(ws, inv, "txt")
    assert "Importe a pagar" in text and "Amount due" not in text
    assert "COP 1.234.567,50" in text
    report = draft_status_report(ws, cid).text
    assert "Estado semanal" in report and "Hecho esta semana" in report and "Weekly" not in report
    assert i18n.language() == "en" and display_format() == POINT
    assert "COP 1,234,567.50" in render(ws, _invoice(ws, _client(ws, "en")), "txt")


def test_a_reminder_writes_the_amount_in_the_client_number_format(ws: Workspace) -> None:
    from vatui.services.ledger.collect import draft_reminder
    from vatui.services.ledger.invoices import send_invoice

    cid = _client(ws, "es", "1.234,56")
    inv = _invoice(ws, cid)
    send_invoice(ws, inv, date(2026, 11, 1))
    draft = draft_reminder(ws, inv, date(2026, 11, 16))
    assert "COP 1.234.567,50" in draft.text and "venció" in draft.text


def test_quantities_follow_the_number_format_and_html_names_the_language(ws: Workspace) -> None:
    """``2.25`` beside ``COP 1.234,50`` would read as another number: it shows ``2,25``."""
    cid = _client(ws, "es", "1.234,56")
    inv = new_invoice(
        ws, cid, items=[ItemSpec("Soporte", "2.25", Money(123450, "COP"))], on=date(2026, 11, 1)
    )
    for fmt in ("txt", "md", "html"):
        text = render(ws, inv.id or 0, fmt)
        assert "2,25" in text and "2.25" not in text, fmt
    assert '<html lang="es">' in render(ws, inv.id or 0, "html")
    english = new_invoice(
        ws, _client(ws, "en"), items=[ItemSpec("Support", "1.5", Money(100, "COP"))], on=date(2026, 11, 1)
    )
    html = render(ws, english.id or 0, "html")
    assert '<html lang="en">' in html and ">1.5<" in html
