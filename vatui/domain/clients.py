"""Clients, the people and channels to reach them, and the contact log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from vatui.domain.ledger import TaxLine
from vatui.domain.money import Money
from vatui.domain.records import Record
from vatui.i18n import NC_, pgettext

STATUSES = ("lead", "prospect", "active", "paused", "former")
"""The client pipeline, in order."""

CHANNEL_KINDS = ("email", "whatsapp", "slack", "telegram", "phone", "other")
"""Ways to reach a client."""

VETTING_KEYS = ("contract", "deposit", "references", "billing_contact", "nda")
"""The vetting checklist, in order."""

DIRECTIONS = ("in", "out")
"""Who started a contact: the client (in) or the VA (out)."""

_DIRECTION_WORDS = {"in": NC_("contact direction", "in"), "out": NC_("contact direction", "out")}


_CHANNEL_WORDS = {
    "email": NC_("channel", "email"),
    "whatsapp": NC_("channel", "whatsapp"),
    "slack": NC_("channel", "slack"),
    "telegram": NC_("channel", "telegram"),
    "phone": NC_("channel", "phone"),
    "other": NC_("channel", "other"),
}


def channel_word(kind: str) -> str:
    """A stored channel kind as shown to the VA: ``phone``, ``teléfono`` (what is typed and
    stored stays the kind itself)."""
    word = _CHANNEL_WORDS.get(kind)
    return pgettext("channel", word) if word else kind


def direction_word(direction: str) -> str:
    """A stored direction as shown in the log: ``in``/``out``, ``entrante``/``saliente``."""
    word = _DIRECTION_WORDS.get(direction)
    return pgettext("contact direction", word) if word else direction


@dataclass(frozen=True, slots=True, kw_only=True)
class Person(Record):
    """Someone at the client."""

    name: str
    """Their name."""
    role: str = ""
    """Their role (billing, owner, assistant…)."""
    email: str = ""
    """Their e-mail address."""
    phone: str = ""
    """Their phone number."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Channel(Record):
    """A way to reach the client."""

    kind: str
    """One of ``CHANNEL_KINDS``."""
    handle: str
    """Address, number or handle on that channel."""


@dataclass(frozen=True, slots=True, kw_only=True)
class VettingCheck(Record):
    """One ticked line of the vetting checklist."""

    key: str
    """One of ``VETTING_KEYS``."""
    done_on: date
    """When it was checked."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Note(Record):
    """A note about the client; confidential ones are masked and never exported by default."""

    text: str
    """The note."""
    confidential: bool = False
    """Masked on screen and left out of exports unless asked for."""
    created: datetime
    """When it was written (UTC)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Client(Record):
    """A client, from lead to former."""

    name: str
    """The client's name, as the user typed it."""
    status: str = "active"
    """One of ``STATUSES``."""
    people: tuple[Person, ...] = ()
    """People at the client."""
    channels: tuple[Channel, ...] = ()
    """Ways to reach them."""
    preferred_channel: str | None = None
    """The kind of channel they prefer."""
    timezone: str | None = None
    """Their tz database zone, e.g. ``America/New_York``."""
    language: str = ""
    """The language invoices, reminders and reports for them are written in (``en``,
    ``es``); empty: the VA's own."""
    number_format: str = ""
    """How amounts are written for them (``1,234.56``, ``1.234,56``, ``1 234,56``); empty:
    the VA's own."""
    work_start: str = "09:00"
    """Start of their working day, local time ``HH:MM``."""
    work_end: str = "17:00"
    """End of their working day, local time ``HH:MM``."""
    currency: str = "USD"
    """The currency they are billed in."""
    hourly_rate: Money | None = None
    """Hourly rate, in ``currency``."""
    retainer_minutes: int | None = None
    """Retainer: minutes of work per month."""
    retainer_fee: Money | None = None
    """Retainer: the monthly fee."""
    terms_days: int = 14
    """Payment terms: days from issue to due."""
    deposit_percent: int = 0
    """Deposit required up front, per cent; 0 means none."""
    late_fee_percent: str | None = None
    """Late-fee policy: per cent of the amount due (decimal string), proposed after the grace."""
    late_fee_grace_days: int = 7
    """Days past due before a late fee is proposed."""
    default_taxes: tuple[TaxLine, ...] = ()
    """Tax lines every new invoice for them gets unless others are given (``IVA 21 %``
    added, ``IRPF 15 %`` withheld); deposit invoices take none."""
    vetting: tuple[VettingCheck, ...] = ()
    """The checked lines of the vetting checklist."""
    cadence_days: int | None = None
    """Contact them at least this often."""
    notes: tuple[Note, ...] = ()
    """Notes, some confidential."""
    tags: tuple[str, ...] = ()
    """Free tags."""
    archived: bool = False
    """Archived clients are hidden but keep their history."""
    legal_name: str = ""
    """The name invoices are made out to (``Acme S.A.S.``); empty: ``name``."""
    tax_id: str = ""
    """Their tax identification number, as they write it."""
    tax_id_label: str = ""
    """What their country calls it (NIT, NIF, RFC, EIN…); empty: "Tax ID"."""
    billing_address: str = ""
    """The postal address invoices are made out to (lines allowed)."""
    billing_contact: str = ""
    """The name of the person (one of ``people``) invoices and reminders go to; empty: the
    first person. Removing that person clears it."""
    created: datetime
    """When the client was added (UTC)."""
    updated: datetime
    """When it last changed (UTC)."""

    @property
    def email(self) -> str | None:
        """The first e-mail address on file."""
        for channel in self.channels:
            if channel.kind == "email":
                return channel.handle
        for person in self.people:
            if person.email:
                return person.email
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact(Record):
    """One entry of the contact log."""

    client_id: int
    """Who it was with."""
    at: datetime
    """When it happened (UTC)."""
    channel: str
    """One of ``CHANNEL_KINDS``."""
    direction: str = "out"
    """``in`` (they reached out) or ``out``."""
    summary: str
    """What was said."""
    follow_up: date | None = None
    """When to follow up, if needed."""
    follow_up_done: bool = False
    """Set when the follow-up was handled (a later contact clears it)."""
