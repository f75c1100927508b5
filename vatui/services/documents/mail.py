"""E-mail drafts of invoices and reminders, and links that open them: vatui never sends.

A draft is an RFC 5322 message written with the standard library (``email.message``,
``policy.SMTP``: CRLF lines, non-ASCII headers RFC 2047-encoded, the body UTF-8): Date
(now, home time), Message-ID, From (the business e-mail setting, with the business
name), To (the client's billing contact, see ``vatui.domain.billing.recipient``),
Subject and body in the client's language from the e-mail templates (settings
``email_subject.LANG``, ``email_body.LANG``, ``email_reminder_subject.LANG``), the invoice
document attached, and ``X-Unsent: 1`` so mail clients open it as a draft to send.

Rules: no business e-mail → refused (set ``business_email``); no address for the client's
billing contact → refused naming what to set (a draft to nobody is easy to lose). The
``mailto:`` link has the same recipient; the ``https://wa.me/<digits>?text=…`` link
needs the client's WhatsApp (else phone) channel written with its country code
(``+57 300 123 4567`` or ``0057…``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from vatui.domain import dunning
from vatui.domain.billing import missing_recipient, recipient
from vatui.domain.clients import Client
from vatui.domain.errors import InputError
from vatui.domain.invoicing import amount_due, totals
from vatui.domain.ledger import Invoice
from vatui.domain.mail_texts import mail_template_for
from vatui.domain.money import Money
from vatui.domain.text import clean
from vatui.i18n import _
from vatui.services.clients.language import client_language
from vatui.services.ledger.collect import reminder_values
from vatui.services.ledger.data import invoice_payments
from vatui.store.workspace import Workspace

MIN_PHONE_DIGITS = 8
MAX_PHONE_DIGITS = 15
"""A full international number (E.164) has at most 15 digits."""


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file attached to a draft."""

    filename: str
    """The name the mail client shows (``INV-2026-0001.pdf``)."""
    content_type: str
    """``maintype/subtype`` (``application/pdf``)."""
    data: bytes
    """The file's bytes."""


@dataclass(frozen=True, slots=True)
class MailDraft:
    """An e-mail to a client, ready to be written as .eml or opened as a link."""

    client: Client
    """Who it is for."""
    invoice: Invoice
    """The invoice it is about."""
    sender_name: str
    """The business name (From's display name)."""
    sender: str
    """The business e-mail (From); may be empty (``eml`` refuses it then)."""
    to_name: str
    """The recipient's name."""
    to: str
    """The recipient's address; may be empty (``eml`` refuses it then)."""
    subject: str
    """One line, in the client's language."""
    body: str
    """Plain text, in the client's language."""


def _due(ws: Workspace, invoice: Invoice) -> Money:
    if invoice.status in ("draft", "void"):
        return totals(invoice).total
    return amount_due(invoice, invoice_payments(ws, invoice.id or 0))


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def _draft(ws: Workspace, invoice_id: int, body: str | None, subject_part: str, on: date) -> MailDraft:
    settings = ws.settings()
    invoice = ws.get(Invoice, invoice_id)
    client = ws.get(Client, invoice.client_id)
    language = client_language(settings, client)
    values = reminder_values(settings, client, invoice, _due(ws, invoice), on)
    subject = dunning.fill(mail_template_for(settings, language, subject_part), values)
    if body is None:
        body = dunning.fill(mail_template_for(settings, language, "body"), values)
    to_name, to = recipient(client)
    return MailDraft(
        client=client,
        invoice=invoice,
        sender_name=_one_line(settings.business_name),
        sender=settings.business_email,
        to_name=_one_line(to_name),
        to=to,
        subject=_one_line(subject),
        body=clean(body, keep_newlines=True),
    )


def invoice_mail(ws: Workspace, invoice_id: int, on: date) -> MailDraft:
    """The e-mail that sends an invoice (``email_subject``/``email_body`` templates)."""
    return _draft(ws, invoice_id, None, "subject", on)


def reminder_mail(ws: Workspace, invoice_id: int, text: str, on: date) -> MailDraft:
    """The e-mail of a drafted reminder: its text as the body, ``email_reminder_subject``."""
    return _draft(ws, invoice_id, text, "reminder_subject", on)


def _address(name: str, addr: str) -> Address:
    local, _at, domain = addr.rpartition("@")
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        pass  # left as typed: the SMTPUTF8 policy writes it
    return Address(display_name=name, username=local, domain=domain)


def eml_bytes(draft: MailDraft, attachments: Sequence[Attachment], ws: Workspace) -> bytes:
    """The draft as an RFC 5322 message; refused without a sender or a recipient."""
    if not draft.sender:
        raise InputError(
            _(
                "set your business e-mail first (the draft's From): vatui settings set business_email you@example.com"
            )
        )
    if not draft.to:
        raise InputError(missing_recipient(draft.client))
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = _address(draft.sender_name, draft.sender)
    msg["To"] = _address(draft.to_name, draft.to)
    msg["Subject"] = draft.subject
    now = ws.clock.now().astimezone(ZoneInfo(ws.settings().home_timezone))
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid("vatui", domain=_address("", draft.sender).domain)
    msg["X-Unsent"] = "1"
    msg.set_content(draft.body if draft.body.endswith("\n") else draft.body + "\n", charset="utf-8")
    for item in attachments:
        maintype, _slash, subtype = item.content_type.partition("/")
        params = {"charset": "utf-8"} if maintype == "text" else None
        msg.add_attachment(
            item.data, maintype=maintype, subtype=subtype, filename=item.filename, params=params
        )
    try:
        return msg.as_bytes()
    except UnicodeError:  # an address with letters beyond ASCII in its local part
        return msg.as_bytes(policy=policy.SMTPUTF8)


def mailto_link(draft: MailDraft) -> str:
    """``mailto:ana@acme.co?subject=…&body=…`` (RFC 6068: every reserved character, space
    and newline percent-encoded, lines as CRLF)."""
    body = draft.body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{quote(draft.to, safe='@')}?subject={quote(draft.subject, safe='')}"
        f"&body={quote(body, safe='')}"
    )


def whatsapp_number(client: Client) -> str:
    """The client's WhatsApp number as digits with the country code (their WhatsApp
    channel, else their phone channel); refused when there is none or it has no country code."""
    handle = next((c.handle for kind in ("whatsapp", "phone") for c in client.channels if c.kind == kind), "")
    if not handle:
        raise InputError(
            _(
                '{client} has no WhatsApp number: add one with vatui client edit "{client}" --channel whatsapp:+57…'
            ).format(client=client.name)
        )
    raw = handle.strip()
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("00"):
        digits = digits[2:]
    elif not raw.startswith("+"):
        raise InputError(
            _("the WhatsApp number {number} needs its country code (like +57 300 123 4567)").format(
                number=raw
            )
        )
    if not MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS:
        raise InputError(_("{number} is not a phone number").format(number=raw))
    return digits


def whatsapp_link(draft: MailDraft) -> str:
    """``https://wa.me/<digits>?text=…``: the body, percent-encoded."""
    return f"https://wa.me/{whatsapp_number(draft.client)}?text={quote(draft.body, safe='')}"


def share_link(draft: MailDraft) -> str:
    """The link for the client's preferred channel: wa.me for WhatsApp, else mailto."""
    if draft.client.preferred_channel == "whatsapp":
        return whatsapp_link(draft)
    return mailto_link(draft)


PdfMaker = Callable[[Workspace, int], bytes]


def _pdf(ws: Workspace, invoice_id: int) -> bytes:
    from vatui.services.documents.files import invoice_document

    return invoice_document(ws, invoice_id, "pdf").payload


def _pdf_maker() -> PdfMaker | None:
    """The invoice PDF renderer (a test puts a double here)."""
    return _pdf


def invoice_attachment(ws: Workspace, invoice_id: int) -> Attachment:
    """The invoice document to attach: the PDF (``vatui.services.documents.files``), else printable
    HTML when no PDF maker is given."""
    invoice = ws.get(Invoice, invoice_id)
    maker = _pdf_maker()
    if maker is not None:
        return Attachment(f"{invoice.file_stem}.pdf", "application/pdf", maker(ws, invoice_id))
    from vatui.services.documents.invoice import render

    html = render(ws, invoice_id, "html").encode("utf-8")
    return Attachment(f"{invoice.file_stem}.html", "text/html", html)


def write_eml(ws: Workspace, path: Path, draft: MailDraft, attachments: Sequence[Attachment]) -> Path:
    """Write the draft to ``path`` with vatui's one safe writer (0600, atomic, no links)."""
    from vatui.services.output import write_private

    write_private(path, eml_bytes(draft, attachments, ws), ws.directory)
    return path
