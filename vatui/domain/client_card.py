"""A client's card: the figures (``ClientDetail``, which ``services.clients.card`` reads) and
its words (``card_view``), worked out once for the Clients pane and ``vatui client show``.

``card_view`` turns a ``ClientDetail`` into the card's sections as ready text: who to
reach and how, the rate, the retainer against this month, the vetting checklist, the
reliability figures, the money, the notes as they may be shown. The pane's widget styles
these pieces, the CLI lays them out as plain lines; neither works a figure out again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from vatui.domain.clients import VETTING_KEYS, Client, Contact, channel_word
from vatui.domain.durations import format_duration
from vatui.domain.localtime import LocalTime
from vatui.domain.money import Money
from vatui.domain.money_display import decimal_text
from vatui.domain.reliability import VETTING_LABELS, Reliability
from vatui.domain.tasks import Task
from vatui.i18n import _


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    """One invoice as the client card lists it."""

    id: int
    """The invoice."""
    number: str
    """Its number."""
    status: str
    """Stored status, or ``overdue`` when sent, unpaid and past due."""
    issue_date: date
    """Issued on."""
    due_date: date
    """Due on."""
    total: Money
    """Its total."""
    owed: Money
    """Still owed."""


@dataclass(frozen=True, slots=True)
class ClientDetail:
    """Everything on a client's card."""

    client: Client
    """The client."""
    on: date
    """The day the figures are as of (home time)."""
    reliability: Reliability
    """Payment reliability, badge and reasons."""
    local: LocalTime | None
    """Their clock now, when they have a timezone."""
    revenue: Mapping[str, Money]
    """Lifetime revenue per currency (``vatui.domain.reports.client_revenue``)."""
    minutes_logged: int
    """Every finished minute logged for the client."""
    effective_rate: Mapping[str, Money]
    """Revenue per hour logged, per currency."""
    month_minutes: int
    """Minutes logged this month (home time)."""
    open_tasks: tuple[Task, ...]
    """Open tasks, soonest due first."""
    invoices: tuple[InvoiceLine, ...]
    """Newest invoices first (at most ``MAX_INVOICES``)."""
    invoice_counts: Mapping[str, int]
    """How many invoices per status (``overdue`` counted apart from ``sent``/``partial``)."""
    contacts: tuple[Contact, ...]
    """Newest contacts first (at most ``MAX_CONTACTS``)."""
    open_follow_ups: tuple[Contact, ...] = field(default=())
    """Contacts whose follow-up is not done yet, soonest first."""
    on_hold: bool = False
    """The collection step that pauses work was sent and money is still due: on hold, unpaid."""

    @property
    def last_contact(self) -> Contact | None:
        """The newest contact, if any."""
        return self.contacts[0] if self.contacts else None

    @property
    def retainer_percent(self) -> int | None:
        """Retainer used this month, in whole per cent."""
        cap = self.client.retainer_minutes
        return self.month_minutes * 100 // cap if cap else None


NO_FIGURE = "—"
"""What an empty list of amounts shows."""


def _hours(minutes: int) -> str:
    """``7h30m``; none: ``0h``."""
    return format_duration(minutes) if minutes else "0h"


def amounts_text(amounts: list[Money], suffix: str = "") -> str:
    """Amounts (one per currency) joined by commas, each with ``suffix``; none: ``—``."""
    return ", ".join(m.format() + suffix for m in amounts) or NO_FIGURE


@dataclass(frozen=True, slots=True)
class CardPerson:
    """Someone at the client."""

    name: str
    """Their name (user text)."""
    details: tuple[str, ...]
    """Role, e-mail, phone: those they have (user text)."""


@dataclass(frozen=True, slots=True)
class CardChannel:
    """A way to reach the client."""

    word: str
    """The kind, in the VA's language."""
    handle: str
    """The handle (user text)."""
    preferred: bool
    """Whether it is the preferred kind."""


@dataclass(frozen=True, slots=True)
class CardVetting:
    """One item of the vetting checklist."""

    label: str
    """What it checks, in the VA's language."""
    done_on: date | None
    """When it was ticked; ``None``: not yet."""


@dataclass(frozen=True, slots=True)
class CardNote:
    """A note as the card may show it."""

    text: str
    """The note (user text)."""
    confidential: bool
    """Marked confidential."""
    shown: bool
    """Whether its text may be shown (not confidential, or asked for)."""


@dataclass(frozen=True, slots=True)
class CardView:
    """The card's pieces, in the order the card shows them."""

    detail: ClientDetail
    """The figures the pieces come from (client, clock, tasks, contacts, invoices)."""
    people: tuple[CardPerson, ...]
    """People at the client."""
    channels: tuple[CardChannel, ...]
    """Channels, the preferred one marked."""
    rate: str
    """``$45.00/h``, or ``no rate``."""
    month: str
    """Hours logged this month."""
    retainer: str
    """The retainer's hours a month (empty: no retainer hours)."""
    retainer_fee: str
    """The retainer's monthly fee (empty: none)."""
    vetting: tuple[CardVetting, ...]
    """Every checklist item, in order."""
    badge: str
    """The reliability badge, upper-case, in the VA's language."""
    outstanding: str
    """What is owed, per currency (``—``: nothing)."""
    revenue: str
    """Lifetime revenue, per currency."""
    effective_rate: str
    """Revenue per hour logged, per currency."""
    logged: str
    """Every hour logged."""
    invoice_counts: str
    """``2 paid, 1 sent`` (empty: no invoice)."""
    notes: tuple[CardNote, ...]
    """Notes, confidential ones masked unless asked for."""

    @property
    def hidden_notes(self) -> int:
        """How many confidential notes are not shown."""
        return sum(1 for n in self.notes if not n.shown)


def reliability_figures(rel: Reliability) -> dict[str, object]:
    """The figures of the reliability line, by the names its messages use: ``pct`` (on time),
    ``n`` (invoices), ``avg`` (days late on average) and ``rem`` (reminders per invoice), the
    decimals in the number format in use (``1,5`` beside ``1.234,56 €``)."""
    return {
        "pct": rel.on_time_percent,
        "n": rel.invoices,
        "avg": decimal_text(str(rel.average_days_late or 0)),
        "rem": decimal_text(str(rel.reminders_per_invoice or 0)),
    }


def card_view(detail: ClientDetail, *, confidential: bool = False) -> CardView:
    """The card of ``detail``; ``confidential`` shows confidential notes' text."""
    c = detail.client
    rel = detail.reliability
    done = {v.key: v.done_on for v in c.vetting}
    return CardView(
        detail=detail,
        people=tuple(CardPerson(p.name, tuple(b for b in (p.role, p.email, p.phone) if b)) for p in c.people),
        channels=tuple(
            CardChannel(channel_word(ch.kind), ch.handle, ch.kind == c.preferred_channel) for ch in c.channels
        ),
        rate=c.hourly_rate.format() + _("/h") if c.hourly_rate else _("no rate"),
        month=_hours(detail.month_minutes),
        retainer=_hours(c.retainer_minutes) if c.retainer_minutes else "",
        retainer_fee=c.retainer_fee.format() if c.retainer_fee else "",
        vetting=tuple(CardVetting(_(VETTING_LABELS[k]), done.get(k)) for k in VETTING_KEYS),
        badge=_(rel.badge).upper(),
        outstanding=amounts_text(list(rel.outstanding.values())),
        revenue=amounts_text(list(detail.revenue.values())),
        effective_rate=amounts_text(list(detail.effective_rate.values()), _("/h")),
        logged=_hours(detail.minutes_logged),
        invoice_counts=", ".join(f"{n} {_(s)}" for s, n in sorted(detail.invoice_counts.items())),
        notes=tuple(CardNote(n.text, n.confidential, confidential or not n.confidential) for n in c.notes),
    )
