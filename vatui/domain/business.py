"""What documents print about the VA's business: the lines under its name, how to pay."""

from __future__ import annotations

from vatui.domain.settings import Settings
from vatui.i18n import _


def business_lines(settings: Settings) -> list[str]:
    """The lines under the business name: address, e-mail, tax id, then the other details."""
    lines = [*settings.business_address.splitlines()]
    if settings.business_email:
        lines.append(settings.business_email)
    if settings.business_tax_id:
        lines.append(_("Tax id: {id}").format(id=settings.business_tax_id))
    lines += settings.business_details.splitlines()
    return [line for line in lines if line.strip()]


def payment_text(settings: Settings, currency: str) -> str:
    """How to pay an invoice in ``currency``: its own details, else those for any currency."""
    for wanted in (currency, "*"):
        for detail in settings.payment_details:
            if detail.currency == wanted:
                return detail.text
    return ""


def signature(settings: Settings) -> str:
    """How reminders and e-mails are signed: the business name, its e-mail under it."""
    return "\n".join(line for line in (settings.business_name, settings.business_email) if line.strip())
