"""An e-mail draft or a reminder writes the amount as the client reads money (their
language's pattern and number format), not as the VA's interface does: a Spanish VA's
e-mail to an English client says US$125.00, not 125.00 US$."""

from __future__ import annotations

from datetime import date

from vatui import i18n
from vatui.domain.clients import Person
from vatui.domain.money import Money
from vatui.domain.money_display import set_display
from vatui.domain.numbers import COMMA
from vatui.services.clients.manage import add_client
from vatui.services.documents.mail import invoice_mail
from vatui.services.ledger.collect import draft_reminder
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.settings.edit import set_settings
from vatui.store.workspace import Workspace


def test_a_spanish_va_writes_an_english_client_s_amount_their_way(ws: Workspace) -> None:
    set_settings(
        ws,
        {
            "language": "es",
            "number_format": "1.234,56",
            "default_currency": "EUR",
            "business_email": "va@example.es",
        },
    )
    i18n.set_language("es")
    set_display(COMMA, "EUR")  # as the app and the command line start in this workspace
    acme = add_client(
        ws,
        "Acme",
        currency="USD",
        language="en",
        number_format="1,234.56",
        people=(Person(name="John", email="ap@acme.example"),),
    )
    usd = new_invoice(
        ws, acme.id or 0, items=[ItemSpec("Work", "1", Money(12500, "USD"))], on=date(2026, 11, 1)
    )
    send_invoice(ws, usd.id or 0, date(2026, 11, 1))
    body = invoice_mail(ws, usd.id or 0, date(2026, 11, 2)).body
    assert "US$125.00" in body, body
    reminder = draft_reminder(ws, usd.id or 0, date(2026, 11, 30)).text
    assert "US$125.00" in reminder, reminder
