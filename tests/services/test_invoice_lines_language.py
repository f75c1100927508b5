"""The lines vatui writes on an invoice (hours within the retainer, overage, expenses, the
proposed deposit) are in the client's language, as the retainer's own line and the
document are: a Spanish VA's invoice to an English client says "Hours within the retainer"."""

from __future__ import annotations

from datetime import date

from vatui import i18n
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.ledger.invoices import new_invoice
from vatui.services.settings.edit import set_settings
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import add_time
from vatui.store.workspace import Workspace


def test_a_spanish_va_writes_an_english_client_s_lines_in_english(ws: Workspace) -> None:
    set_settings(ws, {"language": "es"})
    i18n.set_language("es")
    usd = Money(50000, "USD")
    acme = add_client(
        ws,
        "Acme",
        currency="USD",
        language="en",
        hourly_rate=Money(5000, "USD"),
        retainer_minutes=60,
        retainer_fee=usd,
        deposit_percent=25,
    )
    add_time(ws, add_task(ws, "Inbox", client_id=acme.id).id, 120, date(2026, 11, 20))
    time = new_invoice(ws, acme.id or 0, unbilled=True)
    assert [i.description for i in time.items] == [
        "Hours within the retainer, November 2026",
        "Retainer overage, November 2026",
    ]
    deposit = new_invoice(ws, acme.id or 0, kind="deposit")
    assert deposit.items[0].description == "Deposit (25 %)"
    assert i18n.language() == "es", "the VA's language is back"
