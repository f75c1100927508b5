"""Issue 10, item 3: invoices and status reports as PDF, read back with pypdf (an independent
reader): every line, amount, total, business, client and payment detail is in the text, in
the client's language and number format; the paper follows the setting; accents survive;
a character no font has is named in a warning (and drawn as U+FFFD), never a crash."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers.fonts import make_font
from vatui.domain.clients import Client
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.clients.status_reports import draft_status_report
from vatui.services.documents.files import invoice_document, status_report_document
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.ledger.payments import record_payment
from vatui.services.settings.edit import set_settings
from vatui.store.workspace import Workspace

MM_PER_POINT = 25.4 / 72


def _text(payload: bytes) -> str:
    assert payload.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(payload)).pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _business(ws: Workspace, **more: str) -> None:
    set_settings(
        ws,
        {
            "business_name": "Ana Gómez Asistencia",
            "business_address": "Calle Ñandú 12\nBogotá",
            "business_email": "ana@example.com",
            "business_tax_id": "900.123.456-7",
            "payment_details.EUR": "IBAN ES12 3456 7890 · Ángela Núñez",
            **more,
        },
    )


def _invoice(ws: Workspace, name: str, language: str, number_format: str = "") -> int:
    c = add_client(ws, name, currency="EUR", email="pagos@cliente.example")
    with ws.transaction("language") as tx:
        tx.save(tx.get(Client, c.id or 0).with_(language=language, number_format=number_format))
    inv = new_invoice(
        ws,
        c.id or 0,
        items=[
            ItemSpec("Gestión de correo y agenda", "12.5", Money(4500, "EUR")),
            ItemSpec("Diseño de presentación", "1", Money(123456, "EUR")),
        ],
        on=date(2026, 11, 2),
        discount=Money(1000, "EUR"),
        notes="Gracias por confiar en mí.",
    )
    send_invoice(ws, inv.id or 0, date(2026, 11, 2))
    record_payment(ws, inv.id or 0, Money(50000, "EUR"), date(2026, 11, 10))
    return inv.id or 0


def test_english_invoice_has_every_detail(ws: Workspace) -> None:
    _business(ws)
    inv = _invoice(ws, "Ácme Ñoño Ltd", "en")
    doc = invoice_document(ws, inv, "pdf")
    assert doc.fmt == "pdf" and doc.warnings == ()
    text = _flat(_text(doc.payload))
    for part in (
        "Ana Gómez Asistencia",
        "Calle Ñandú 12",
        "Bogotá",
        "ana@example.com",
        "Tax id: 900.123.456-7",
        "Invoice INV-2026-0001",
        "Issued: 2026-11-02",
        "Due:",
        "Bill to",
        "Ácme Ñoño Ltd",
        "pagos@cliente.example",
        "Gestión de correo y agenda",
        "Diseño de presentación",
        "12.5",
        "€45.00",
        "€562.50",
        "€1,234.56",
        "Subtotal €1,797.06",
        "Discount -€10.00",
        "Total €1,787.06",
        "Paid -€500.00",
        "Amount due €1,287.06",
        "How to pay:",
        "IBAN ES12 3456 7890 · Ángela Núñez",
        "Gracias por confiar en mí.",
    ):
        assert part in text, part


def test_spanish_invoice_in_the_clients_language_and_decimal_comma(ws: Workspace) -> None:
    _business(ws)
    inv = _invoice(ws, "Compañía Ágil", "es", "1.234,56")
    text = _flat(_text(invoice_document(ws, inv, "pdf").payload))
    for part in (
        "Factura INV-2026-0001",
        "Compañía Ágil",
        "12,5",
        "EUR 1.234,56",
        "Subtotal EUR 1.797,06",
        "Importe a pagar EUR 1.287,06",
        "Cómo pagar:",
        "Ángela Núñez",
    ):
        assert part in text, part
    assert "Amount due" not in text and "1,234.56" not in text


@pytest.mark.parametrize(
    ("setting", "zone", "size"),
    [
        ("a4", "America/Bogota", (210.0, 297.0)),
        ("letter", "UTC", (215.9, 279.4)),
        ("auto", "America/Bogota", (215.9, 279.4)),
        ("auto", "Europe/Madrid", (210.0, 297.0)),
    ],
)
def test_paper_size_follows_the_setting(
    ws: Workspace, setting: str, zone: str, size: tuple[float, float]
) -> None:
    _business(ws, paper_size=setting, home_timezone=zone)
    inv = _invoice(ws, "Acme", "en")
    box = PdfReader(io.BytesIO(invoice_document(ws, inv, "pdf").payload)).pages[0].mediabox
    assert (round(float(box.width) * MM_PER_POINT, 1), round(float(box.height) * MM_PER_POINT, 1)) == size


def test_cjk_without_a_font_is_a_warning_naming_the_glyphs(ws: Workspace, tmp_path: Path) -> None:
    _business(ws)
    inv = _invoice(ws, "株式会社トヨタ", "en")
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    doc = invoice_document(ws, inv, "pdf", font_dirs=[empty])
    assert len(doc.warnings) == 1
    for char in "株式会社トヨタ":
        assert f"'{char}' U+{ord(char):04X}" in doc.warnings[0]
    text = _text(doc.payload)
    assert "\ufffd" * 7 in text  # shown as replacement characters, not dropped
    assert "Ana Gómez Asistencia" in text and "Amount due" in text  # the rest is all there


def test_cjk_with_an_installed_font_uses_it_as_fallback(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _business(ws)
    inv = _invoice(ws, "株式会社トヨタ", "en")
    fonts = tmp_path / "fonts"
    make_font(fonts / "nested" / "NotoSansCJK-Test.ttf", "株式会社トヨタ")
    monkeypatch.setenv("VATUI_FONT_PATH", str(fonts))
    doc = invoice_document(ws, inv, "pdf")
    assert doc.warnings == ()
    assert "株式会社トヨタ" in _text(doc.payload)


def test_status_report_pdf_and_html(ws: Workspace, tmp_path: Path) -> None:
    _business(ws)
    c = add_client(ws, "Café Olé", currency="EUR")
    with ws.transaction("language") as tx:
        tx.save(tx.get(Client, c.id or 0).with_(language="es"))
    report = draft_status_report(ws, c.id or 0)
    pdf = status_report_document(ws, report, "pdf", font_dirs=[tmp_path])
    text = _flat(_text(pdf.payload))
    assert "Estado semanal — Café Olé" in text and "Hecho esta semana" in text
    assert "Ana Gómez Asistencia" in text and pdf.warnings == ()
    page = PdfReader(io.BytesIO(pdf.payload)).pages[0].mediabox
    assert round(float(page.width) * MM_PER_POINT) == 210
    html = status_report_document(ws, report, "html").payload.decode()
    assert html.startswith("<!doctype html>") and '<html lang="es">' in html and "<h1>Estado semanal" in html
    assert status_report_document(ws, report, "md").payload.decode() == report.text


def test_user_text_is_text_in_the_pdf(ws: Workspace) -> None:
    _business(ws, business_name="<b>Evil</b> (VA)")
    inv = _invoice(ws, "Name [/] &amp;", "en")
    text = _text(invoice_document(ws, inv, "pdf").payload)
    assert "<b>Evil</b> (VA)" in text and "Name [/] &amp;" in text


def test_fpdf_is_imported_only_for_a_pdf(ws: Workspace) -> None:
    import subprocess

    probe = (
        "import sys, vatui.cli.main, vatui.services.documents.files, vatui.services.documents.invoice\n"
        "print('fpdf' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
