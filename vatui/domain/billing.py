"""Who bills whom: the client's billing identity on documents, and who is written to.

Rules (one place, used by invoices, reminders and e-mail drafts):

- an invoice is made out to the client's ``legal_name``, else its ``name``;
- the tax ID is printed with its label (``NIT: 900.123.456-7``), else "Tax ID";
- the billing contact is the person named by ``billing_contact`` (one of the client's
  people); when none is named, the first person; "Attn:" names them on invoices;
- reminders and e-mails greet that person by name, else the client's name;
- the e-mail recipient is the billing contact's address; with no billing contact named,
  the client's first e-mail address (an e-mail channel, else a person's).
"""

from __future__ import annotations

from typing import Final

from vatui.domain.clients import Client, Person
from vatui.domain.errors import InputError
from vatui.domain.text import check_text, has_visible, quoted
from vatui.i18n import _

MAX_LEGAL_NAME: Final = 200
MAX_TAX_ID: Final = 50
MAX_TAX_ID_LABEL: Final = 20
MAX_BILLING_ADDRESS: Final = 500

BILLING_FIELDS: Final = ("legal_name", "tax_id", "tax_id_label", "billing_address", "billing_contact")
"""The client's billing identity, in the order forms show it."""


def person_named(client: Client, name: str) -> Person | None:
    """The person at ``client`` called ``name`` (case-insensitive), or ``None``."""
    wanted = name.strip().casefold()
    if not wanted:
        return None
    return next((p for p in client.people if p.name.casefold() == wanted), None)


def billing_person(client: Client) -> Person | None:
    """The billing contact: the person named, else the first person, else ``None``."""
    named = person_named(client, client.billing_contact) if client.billing_contact else None
    if named is not None:
        return named
    return client.people[0] if client.people else None


def greeting_name(client: Client) -> str:
    """Whom a reminder or an e-mail greets: the billing contact, else the client's name."""
    person = billing_person(client)
    return person.name if person is not None else client.name


def billed_name(client: Client) -> str:
    """The name an invoice is made out to."""
    return client.legal_name or client.name


def recipient(client: Client) -> tuple[str, str]:
    """(display name, e-mail address) an invoice goes to; the address may be empty.

    A billing contact named on purpose is written to at their own address only (never
    silently at someone else's); otherwise the first person with an address, else the
    client's first e-mail.
    """
    if client.billing_contact:
        person = person_named(client, client.billing_contact)
        if person is not None:
            return person.name, person.email
    first = billing_person(client)
    if first is not None and first.email:
        return first.name, first.email
    return billed_name(client), client.email or ""


def missing_recipient(client: Client) -> str:
    """What to set when ``recipient`` has no address, in words (with the command)."""
    person = person_named(client, client.billing_contact) if client.billing_contact else None
    if person is not None:
        return _(
            "{client} has no e-mail for the billing contact {person}: set it with "
            'vatui client edit "{client}" --person "{person}|{role}|name@example.com"'
        ).format(client=client.name, person=person.name, role=person.role)
    return _(
        '{client} has no e-mail address: set one with vatui client edit "{client}" --email name@example.com'
    ).format(client=client.name)


def tax_id_line(client: Client) -> str:
    """``NIT: 900.123.456-7`` (empty when there is no tax ID)."""
    if not client.tax_id:
        return ""
    label = client.tax_id_label or _("Tax ID")
    return f"{label}: {client.tax_id}"


def bill_to_lines(client: Client) -> list[str]:
    """The lines under "Bill to": name, tax ID, address, e-mail, "Attn:" the contact."""
    lines = [billed_name(client)]
    if line := tax_id_line(client):
        lines.append(line)
    lines += [line for line in client.billing_address.splitlines() if line.strip()]
    person = billing_person(client)
    address = recipient(client)[1]
    if address:
        lines.append(address)
    if person is not None and person.name.casefold() != billed_name(client).casefold():
        lines.append(_("Attn: {person}").format(person=person.name))
    return lines


def billing_summary(client: Client) -> list[str]:
    """The billing identity in short (legal name, tax ID, address lines, "Attn:"), for the
    client's card; empty when the client has no billing details."""
    if not any(getattr(client, f) for f in BILLING_FIELDS):
        return []
    bits = [billed_name(client)]
    if line := tax_id_line(client):
        bits.append(line)
    bits += [line for line in client.billing_address.splitlines() if line.strip()]
    person = billing_person(client)
    if person is not None:
        bits.append(_("Attn: {person}").format(person=person.name))
    return bits


def check_legal_name(text: str) -> str:
    """A legal name, stripped (empty: the client's name is used)."""
    value = check_text(text, _("the legal name"), MAX_LEGAL_NAME)
    return value if has_visible(value) else ""


def check_tax_id(text: str) -> str:
    """A tax ID as written (``900.123.456-7``), stripped."""
    return check_text(text, _("the tax ID"), MAX_TAX_ID)


def check_tax_id_label(text: str) -> str:
    """What the tax ID is called (NIT, NIF, RFC, EIN…), stripped."""
    return check_text(text, _("the tax ID label"), MAX_TAX_ID_LABEL)


def check_billing_address(text: str) -> str:
    """A postal address (lines allowed), each line stripped, blank lines dropped."""
    value = check_text(text, _("the billing address"), MAX_BILLING_ADDRESS, multiline=True)
    return "\n".join(line.strip() for line in value.splitlines() if line.strip())


def check_billing_contact(client: Client, name: str) -> str:
    """``name`` (a person's whole name, any case, or a unique beginning of it) as spelled on
    the person it names (empty: none); refused when it names nobody, or several."""
    value = check_text(name, _("the billing contact"), 200)
    if not value:
        return ""
    person = person_named(client, value)
    if person is None:  # a unique beginning of a name will do: "ana" for "Ana Pérez"
        from vatui.domain.fold import fold

        wanted = fold(value)
        found = [p for p in client.people if fold(p.name).startswith(wanted)]
        person = found[0] if len(found) == 1 else None
    if person is None:
        people = ", ".join(p.name for p in client.people) or _("nobody yet")
        raise InputError(
            _("the billing contact must be one of the client's people ({people}), not {name}").format(
                people=people, name=quoted(value)
            )
        )
    return person.name
