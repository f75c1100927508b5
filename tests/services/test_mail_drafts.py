"""E-mail drafts: parsed back with the standard library, links percent-encoded, refusals."""

from __future__ import annotations

from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.helpers.ledger import client, sent_invoice
from vatui.domain.clients import Channel, Person
from vatui.domain.errors import InputError
from vatui.services.clients.manage import edit_client
from vatui.services.documents import mail as mail_drafts
from vatui.services.documents.mail import (
    Attachment,
    eml_bytes,
    invoice_attachment,
    invoice_mail,
    mailto_link,
    reminder_mail,
    share_link,
    whatsapp_link,
)
from vatui.services.settings.edit import set_settings
from vatui.store.workspace import Workspace

DAY = date(2026, 11, 16)
PDF = b"%PDF-1.4\n\xe2\xe3\xcf\xd3 fake pdf bytes\n%%EOF\n"
ANA = Person(name="Ana Pérez", role="billing", email="ana@acme.co", phone="+57 300 1")


def _setup(ws: Workspace, **fields: object) -> int:
    set_settings(ws, {"business_name": "Laura Gómez — Asistente", "business_email": "laura@va.co"})
    c = client(ws, "Café & Té", people=(Person(name="Bob", email="bob@acme.co"), ANA), **fields)
    edit_client(ws, c.id or 0, billing_contact="Ana Pérez", language="es")
    return sent_invoice(ws, c, 123456).id or 0


def _parse(raw: bytes) -> EmailMessage:
    msg = message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def test_invoice_eml_parses_back_with_spanish_headers_body_and_the_pdf(ws: Workspace) -> None:
    inv = _setup(ws)
    draft = invoice_mail(ws, inv, DAY)
    raw = eml_bytes(draft, [Attachment("INV-2026-0001.pdf", "application/pdf", PDF)], ws)
    assert all(byte < 128 for byte in raw.split(b"\r\n\r\n", 1)[0])  # headers are 7-bit (RFC 2047)
    msg = _parse(raw)
    assert msg["Subject"] == "Factura INV-2026-0001 de Laura Gómez — Asistente"
    assert msg["From"].addresses[0].display_name == "Laura Gómez — Asistente"
    assert msg["From"].addresses[0].addr_spec == "laura@va.co"
    assert msg["To"].addresses[0].addr_spec == "ana@acme.co"
    assert msg["To"].addresses[0].display_name == "Ana Pérez"
    assert msg["X-Unsent"] == "1"
    assert msg["Date"].datetime.year == 2026 and msg["Message-ID"].endswith("@va.co>")
    body = msg.get_body(("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")  # CRLF lines on the wire (policy.SMTP)
    assert text.startswith("Hola Ana Pérez:\n\nTe envío adjunta la factura INV-2026-0001 por EUR 1,234.56")
    [attached] = list(msg.iter_attachments())
    assert attached.get_filename() == "INV-2026-0001.pdf"
    assert attached.get_content_type() == "application/pdf"
    assert attached.get_content() == PDF


def test_reminder_eml_has_the_reminder_text_and_its_own_subject(ws: Workspace) -> None:
    inv = _setup(ws)
    set_settings(ws, {"email_reminder_subject.es": "Recordatorio {number} — {contact} [b]"})
    msg = _parse(eml_bytes(reminder_mail(ws, inv, "Hola Ana:\n\n¿Cuándo pagas? ñ", DAY), [], ws))
    assert msg["Subject"] == "Recordatorio INV-2026-0001 — Ana Pérez [b]"
    body = msg.get_body(("plain",))
    assert body is not None and body.get_content() == "Hola Ana:\r\n\r\n¿Cuándo pagas? ñ\r\n"


def test_the_invoice_pdf_is_attached_with_the_billing_details(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    inv = _setup(ws)
    edit_client(ws, invoice_mail(ws, inv, DAY).client.id or 0, legal_name="Café & Té S.A.S.")
    pdf = invoice_attachment(ws, inv)
    assert (pdf.filename, pdf.content_type) == ("INV-2026-0001.pdf", "application/pdf")
    msg = _parse(eml_bytes(invoice_mail(ws, inv, DAY), [pdf], ws))
    [attached] = list(msg.iter_attachments())
    assert attached.get_content() == pdf.data and pdf.data.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf.data)).pages)
    assert "Café & Té S.A.S." in text and "Ana Pérez" in text
    monkeypatch.setattr(mail_drafts, "_pdf_maker", lambda: None)  # no PDF maker: printable HTML
    html = invoice_attachment(ws, inv)
    assert (html.filename, html.content_type) == ("INV-2026-0001.html", "text/html")
    assert b"Caf\xc3\xa9 &amp; T\xc3\xa9 S.A.S." in html.data


def test_no_sender_or_no_recipient_is_refused_naming_what_to_set(ws: Workspace) -> None:
    inv = _setup(ws)
    no_mail = Person(name="Ana Pérez", role="billing")
    cid = invoice_mail(ws, inv, DAY).client.id or 0
    edit_client(ws, cid, people=(no_mail,))
    with pytest.raises(InputError, match=r"no e-mail for the billing contact Ana Pérez.*--person"):
        eml_bytes(invoice_mail(ws, inv, DAY), [], ws)
    set_settings(ws, {"business_email": ""})
    with pytest.raises(InputError, match="business_email"):
        eml_bytes(invoice_mail(ws, inv, DAY), [], ws)


def test_mailto_encodes_accents_ampersands_spaces_and_newlines(ws: Workspace) -> None:
    inv = _setup(ws)
    set_settings(ws, {"email_subject.es": "Factura {number} & más {client}"})
    draft = invoice_mail(ws, inv, DAY)
    link = mailto_link(draft)
    assert link.startswith("mailto:ana@acme.co?subject=Factura%20INV-2026-0001%20%26%20m%C3%A1s%20Caf")
    assert " " not in link and "\n" not in link and "&body=" in link
    query = parse_qs(urlsplit(link).query)
    assert query["subject"] == ["Factura INV-2026-0001 & más Café & Té"]
    assert query["body"][0] == draft.body.replace("\n", "\r\n")
    assert "%0D%0A" in link


def test_whatsapp_link_when_they_prefer_it_digits_with_country_code(ws: Workspace) -> None:
    inv = _setup(ws, channels=(Channel(kind="whatsapp", handle="+57 (300) 123-4567"),))
    cid = invoice_mail(ws, inv, DAY).client.id or 0
    assert share_link(invoice_mail(ws, inv, DAY)).startswith("mailto:")
    edit_client(ws, cid, preferred_channel="whatsapp")
    draft = invoice_mail(ws, inv, DAY)
    link = share_link(draft)
    assert link.startswith("https://wa.me/573001234567?text=Hola%20Ana%20P%C3%A9rez%3A%0A%0A")
    assert unquote(link.split("text=", 1)[1]) == draft.body
    edit_client(ws, cid, channels=(Channel(kind="whatsapp", handle="300 123 4567"),))
    with pytest.raises(InputError, match="country code"):
        whatsapp_link(invoice_mail(ws, inv, DAY))
    edit_client(ws, cid, channels=(Channel(kind="whatsapp", handle="0057 300 123 4567"),))
    assert whatsapp_link(invoice_mail(ws, inv, DAY)).startswith("https://wa.me/573001234567?")


def test_english_client_gets_the_english_draft(ws: Workspace) -> None:
    inv = _setup(ws)
    edit_client(ws, invoice_mail(ws, inv, DAY).client.id or 0, language="en")
    draft = invoice_mail(ws, inv, DAY)
    assert draft.subject == "Invoice INV-2026-0001 from Laura Gómez — Asistente"
    assert draft.body.startswith("Hi Ana Pérez,\n\nPlease find attached invoice INV-2026-0001")
