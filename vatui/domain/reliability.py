"""How reliably a client pays: figures from its invoices and payments, and a badge with reasons.

Definitions (as of a date ``on``):

- **Invoice total**: the ledger's rule, ``vatui.domain.invoicing.totals`` (lines less the
  discount, plus tax rounded half up once). A held deposit or client credit applied to an
  invoice counts as paid on the day it was sent (``invoicing.settlements``).
- **Settled**: an invoice (not draft, not void) whose payments reach its total. It was
  paid on the date of the payment that completed it; ``days late`` is that date minus the
  due date, never below zero. An invoice marked paid with no payments on record is
  settled with an unknown date and is left out of the timing figures.
- **Overdue**: sent or partly paid, not settled, due date before ``on``. An overdue
  invoice counts as late, by the days it has been overdue so far.
- **Write-off**: a void invoice that had been sent and was overdue before it was voided:
  its void date (``Invoice.voided_on``) is after its due date, or, for an invoice with
  no void date on record, a collection reminder was sent after its due date. The
  unpaid remainder is the amount written off. Voiding a mistaken invoice before it fell
  due is a correction, not a write-off.
- **On-time rate**: settled-on-time invoices over every invoice with a known outcome
  (settled with a date, overdue, written off); written-off invoices count as late.
- **Average days late**: over the late ones only.
- **Reminders per invoice**: collection steps sent, averaged over the same invoices.
- **Outstanding**: what is still owed on sent and partly paid invoices, per currency.

The badge (thresholds are the constants below):

- ``unproven``: no invoice with a known outcome yet;
- ``risky``: any write-off; or at least ``RISKY_MIN_INVOICES`` invoices and an on-time
  rate under ``RISKY_ON_TIME``; or ``RISKY_LATE_COUNT`` late invoices or more with an
  on-time rate under ``WATCH_ON_TIME``; or an average lateness of ``RISKY_DAYS_LATE`` days
  or more; or an invoice overdue ``RISKY_DAYS_LATE`` days or more;
- ``watch``: an on-time rate under ``WATCH_ON_TIME``; or an average lateness over
  ``WATCH_DAYS_LATE`` days; or anything overdue now; or a reminder or more per invoice;
- ``good`` otherwise.

An unchecked vetting checklist adds a reason to any badge (it does not change it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

from vatui.domain.clients import VETTING_KEYS
from vatui.domain.invoicing import settlements, totals
from vatui.domain.ledger import Invoice, Payment
from vatui.domain.money import Money, totals_by_currency
from vatui.i18n import N_, _, ngettext

BADGES: Final = ("good", "watch", "risky", "unproven")
"""Every badge, best first, then the one for no history."""

RISKY_MIN_INVOICES: Final = 2
"""At least this many invoices with an outcome before a low on-time rate alone is risky."""
RISKY_ON_TIME: Final = 50
"""On-time rate (per cent) under which a client is risky."""
RISKY_LATE_COUNT: Final = 3
"""This many late invoices (with a rate under ``WATCH_ON_TIME``) make a client risky."""
RISKY_DAYS_LATE: Final = 30
"""Average days late, or days one invoice is overdue, that make a client risky."""
WATCH_ON_TIME: Final = 80
"""On-time rate (per cent) under which a client is watched."""
WATCH_DAYS_LATE: Final = 7
"""Average days late over which a client is watched."""

VETTING_LABELS: Final = {
    "contract": N_("contract signed"),
    "deposit": N_("deposit agreed"),
    "references": N_("references checked"),
    "billing_contact": N_("billing contact confirmed"),
    "nda": N_("NDA signed"),
}
"""The vetting checklist in words (translated when shown)."""


def invoice_total(invoice: Invoice) -> Money:
    """The invoice's total, by the ledger's own rule (``vatui.domain.invoicing.totals``)."""
    return totals(invoice).total


@dataclass(frozen=True, slots=True)
class InvoiceOutcome:
    """How one invoice went."""

    invoice_id: int | None
    """The invoice."""
    number: str
    """Its number."""
    currency: str
    """Its currency."""
    total: Money
    """What it asked for."""
    paid: Money
    """What came in (payments and credit)."""
    due_date: date
    """When it was due."""
    state: str
    """``settled``, ``overdue``, ``open`` (not due yet), ``written_off`` or ``other``."""
    paid_on: date | None = None
    """When it was settled, if known."""
    days_late: int | None = None
    """Days late (settled or overdue), ``None`` when unknown or not due."""
    reminders: int = 0
    """Collection steps sent."""

    @property
    def owed(self) -> Money:
        """What is still owed (never below zero)."""
        rest = self.total - self.paid
        return rest if rest.minor > 0 else Money.zero(self.currency)


@dataclass(frozen=True, slots=True)
class Reliability:
    """The payment record of one client, and what it says."""

    badge: str
    """One of ``BADGES``."""
    reasons: tuple[str, ...]
    """Why, as short sentences."""
    invoices: int
    """Invoices with a known outcome (settled with a date, overdue, written off)."""
    on_time: int
    """Of those, paid on or before the due date."""
    late: int
    """Of those, paid late, still overdue (unpaid past the due date), or written off."""
    average_days_late: Decimal | None
    """Average days late over the late ones (one decimal)."""
    reminders_per_invoice: Decimal | None
    """Collection steps sent per invoice with an outcome (one decimal)."""
    outstanding: Mapping[str, Money] = field(default_factory=dict)
    """Still owed, per currency."""
    overdue: Mapping[str, Money] = field(default_factory=dict)
    """Owed and past due, per currency."""
    oldest_overdue: date | None = None
    """Due date of the oldest overdue invoice."""
    oldest_overdue_days: int | None = None
    """Days it has been overdue."""
    oldest_overdue_number: str | None = None
    """Its number."""
    write_offs: int = 0
    """Invoices written off."""
    written_off: Mapping[str, Money] = field(default_factory=dict)
    """Amounts written off, per currency."""

    @property
    def on_time_percent(self) -> int | None:
        """On-time rate in whole per cent, ``None`` without history."""
        if not self.invoices:
            return None
        return int((Decimal(self.on_time * 100) / self.invoices).to_integral_value(ROUND_HALF_UP))

    def to_json(self) -> dict[str, Any]:
        """The stable ``--json`` shape (decimals as strings, money as amount + currency)."""
        return {
            "badge": self.badge,
            "reasons": list(self.reasons),
            "invoices": self.invoices,
            "on_time": self.on_time,
            "late": self.late,
            "on_time_percent": self.on_time_percent,
            "average_days_late": None if self.average_days_late is None else str(self.average_days_late),
            "reminders_per_invoice": None
            if self.reminders_per_invoice is None
            else str(self.reminders_per_invoice),
            "outstanding": [m.to_json() for m in self.outstanding.values()],
            "overdue": [m.to_json() for m in self.overdue.values()],
            "oldest_overdue": None
            if self.oldest_overdue is None
            else {
                "number": self.oldest_overdue_number,
                "due_date": self.oldest_overdue.isoformat(),
                "days": self.oldest_overdue_days,
            },
            "write_offs": self.write_offs,
            "written_off": [m.to_json() for m in self.written_off.values()],
        }


def _one_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def outcome(
    invoice: Invoice, payments: Sequence[Payment], on: date, voided_on: date | None = None
) -> InvoiceOutcome:
    """How ``invoice`` went as of ``on``, from its own payments (any order).

    Deposit and credit applied, then payments by date, settle it (the ledger's
    ``settlements``); only what was received by ``on`` counts. ``voided_on`` overrides the
    invoice's own ``voided_on``.
    """
    figures = totals(invoice)
    total = figures.total
    cur = invoice.currency
    paid = 0
    paid_on: date | None = None
    if invoice.status != "draft":
        same = [p for p in payments if p.amount.currency == cur]
        parts = ((part.on, part.applied.minor) for part in settlements(invoice, same, figures))
        paid, paid_on = paid_by(total.minor, parts, on)
    if invoice.status not in ("void", "draft"):
        return issued_outcome(
            invoice.id,
            invoice.number,
            cur,
            invoice.status,
            invoice.due_date,
            total.minor,
            paid,
            paid_on,
            len(invoice.reminders),
            on,
        )
    base: dict[str, Any] = {
        "invoice_id": invoice.id,
        "number": invoice.number,
        "currency": cur,
        "total": total,
        "paid": Money(paid, cur),
        "due_date": invoice.due_date,
        "reminders": len(invoice.reminders),
    }
    if invoice.status == "void":
        void_day = voided_on or invoice.voided_on
        chased = any(r.on > invoice.due_date for r in invoice.reminders)
        late_void = void_day > invoice.due_date if void_day is not None else chased
        if invoice.sent_on is not None and late_void and paid < total.minor:
            days = ((void_day or on) - invoice.due_date).days
            return InvoiceOutcome(state="written_off", days_late=max(days, 1), **base)
    return InvoiceOutcome(state="other", **base)


def paid_by(total: int, parts: Iterable[tuple[date, int]], on: date) -> tuple[int, date | None]:
    """What the settlements ``parts`` (day, minor units applied; in the order they pay the
    invoice, ``invoicing.settlements``) paid of ``total`` by the end of ``on``, and the day
    the one that completed it was received (``None``: not settled by then)."""
    paid = 0
    paid_on: date | None = None
    for day, applied in parts:
        if day > on:
            continue
        paid += applied
        if paid_on is None and total > 0 and paid >= total:
            paid_on = day
    return paid, paid_on


def issued_outcome(
    invoice_id: int | None,
    number: str,
    currency: str,
    status: str,
    due_date: date,
    total: int,
    paid: int,
    paid_on: date | None,
    reminders: int,
    on: date,
) -> InvoiceOutcome:
    """How an issued invoice (sent, partly paid or paid: not a draft, not void) went as of
    ``on``, from its total and what paid it by then (``paid_by``), minor units: settled,
    overdue or still open. ``outcome`` reads a record this way; the client list reads a
    stored invoice of the plain shape straight from its document
    (``vatui.services.clients.standing``)."""
    base: dict[str, Any] = {
        "invoice_id": invoice_id,
        "number": number,
        "currency": currency,
        "total": Money(total, currency),
        "paid": Money(paid, currency),
        "due_date": due_date,
        "reminders": reminders,
    }
    if paid_on is not None:
        return InvoiceOutcome(
            state="settled", paid_on=paid_on, days_late=max(0, (paid_on - due_date).days), **base
        )
    if status == "paid":
        return InvoiceOutcome(state="settled", **base)
    if due_date < on:
        return InvoiceOutcome(state="overdue", days_late=(on - due_date).days, **base)
    return InvoiceOutcome(state="open", **base)


def _vetting_reason(vetting_done: Iterable[str] | None) -> str | None:
    if vetting_done is None:
        return None
    done = set(vetting_done)
    missing = [k for k in VETTING_KEYS if k not in done]
    if not missing:
        return None
    words = ", ".join(_(VETTING_LABELS[k]) for k in missing)
    return _("vetting not finished: {missing}").format(missing=words)


def assess(outcomes: Sequence[InvoiceOutcome], vetting_done: Iterable[str] | None = None) -> Reliability:
    """The figures, badge and reasons for a client's invoice outcomes."""
    known = [o for o in outcomes if o.days_late is not None]
    on_time = [o for o in known if o.days_late == 0 and o.state == "settled"]
    late = [o for o in known if not (o.days_late == 0 and o.state == "settled")]
    overdue = [o for o in outcomes if o.state == "overdue"]
    offs = [o for o in outcomes if o.state == "written_off"]
    owing = [o for o in outcomes if o.state in ("overdue", "open") and o.owed.minor > 0]
    average = _one_decimal(Decimal(sum(o.days_late or 0 for o in late)) / len(late)) if late else None
    per_invoice = _one_decimal(Decimal(sum(o.reminders for o in known)) / len(known)) if known else None
    oldest = min(overdue, key=lambda o: o.due_date) if overdue else None
    badge, reasons = _judge(len(known), len(on_time), late, average, per_invoice, oldest, offs)
    vet = _vetting_reason(vetting_done)
    if vet:
        reasons.append(vet)
    return Reliability(
        badge=badge,
        reasons=tuple(reasons),
        invoices=len(known),
        on_time=len(on_time),
        late=len(late),
        average_days_late=average,
        reminders_per_invoice=per_invoice,
        outstanding=totals_by_currency([o.owed for o in owing]),
        overdue=totals_by_currency([o.owed for o in overdue if o.owed.minor > 0]),
        oldest_overdue=oldest.due_date if oldest else None,
        oldest_overdue_days=oldest.days_late if oldest else None,
        oldest_overdue_number=oldest.number if oldest else None,
        write_offs=len(offs),
        written_off=totals_by_currency([o.owed for o in offs]),
    )


def _late_words(late: Sequence[InvoiceOutcome], known: int) -> list[str]:
    """The late invoices in true words: paid late, and unpaid past the due date, apart.

    Written-off invoices have their own reason, so they are not repeated here.
    """
    paid = sum(1 for o in late if o.state == "settled")
    unpaid = sum(1 for o in late if o.state == "overdue")
    out = []
    if paid:
        out.append(
            ngettext("paid {late} of {n} invoice late", "paid {late} of {n} invoices late", known).format(
                late=paid, n=known
            )
        )
    if unpaid:
        out.append(
            ngettext(
                "{late} of {n} invoice unpaid past its due date",
                "{late} of {n} invoices unpaid past their due date",
                known,
            ).format(late=unpaid, n=known)
        )
    return out


def _judge(
    known: int,
    on_time: int,
    late: list[InvoiceOutcome],
    average: Decimal | None,
    per_invoice: Decimal | None,
    oldest: InvoiceOutcome | None,
    offs: list[InvoiceOutcome],
) -> tuple[str, list[str]]:
    """The badge and the reasons behind it (worst findings first)."""
    if not known:
        return "unproven", [_("no payment history yet")]
    risky: list[str] = []
    watch: list[str] = []
    if offs:
        amounts = ", ".join(m.format() for m in totals_by_currency([o.owed for o in offs]).values())
        risky.append(
            ngettext(
                "{n} invoice written off ({amount})", "{n} invoices written off ({amount})", len(offs)
            ).format(n=len(offs), amount=amounts)
        )
    paid_late = _late_words(late, known)

    def under(percent: int) -> bool:
        return on_time * 100 < percent * known

    if late and (
        (known >= RISKY_MIN_INVOICES and under(RISKY_ON_TIME))
        or (len(late) >= RISKY_LATE_COUNT and under(WATCH_ON_TIME))
    ):
        risky.extend(paid_late)
    elif late and under(WATCH_ON_TIME):
        watch.extend(paid_late)
    if average is not None:
        text = _("on average {days} days late").format(days=average)
        if average >= RISKY_DAYS_LATE:
            risky.append(text)
        elif average > WATCH_DAYS_LATE:
            watch.append(text)
    if oldest is not None:
        text = ngettext(
            "{number} is {days} day overdue", "{number} is {days} days overdue", oldest.days_late or 0
        ).format(number=oldest.number, days=oldest.days_late)
        (risky if (oldest.days_late or 0) >= RISKY_DAYS_LATE else watch).append(text)
    if per_invoice is not None and per_invoice >= 1:
        watch.append(_("needed {n} reminders per invoice").format(n=per_invoice))
    if risky:
        return "risky", risky + watch
    if watch:
        return "watch", watch
    if on_time == known:
        return "good", [
            ngettext("paid {n} invoice on time", "paid all {n} invoices on time", known).format(n=known)
        ]
    return "good", [_("paid {ok} of {n} invoices on time").format(ok=on_time, n=known)]


def reliability(
    invoices: Iterable[Invoice],
    payments: Iterable[Payment],
    on: date,
    *,
    vetting_done: Iterable[str] | None = None,
    voided_on: Mapping[int, date] | None = None,
) -> Reliability:
    """A client's reliability from its invoices and the payments against them, as of ``on``."""
    by_invoice: dict[int | None, list[Payment]] = {}
    for payment in payments:
        by_invoice.setdefault(payment.invoice_id, []).append(payment)
    voids = voided_on or {}
    outcomes = [
        outcome(inv, by_invoice.get(inv.id, []), on, voids.get(inv.id) if inv.id is not None else None)
        for inv in invoices
        if inv.issue_date <= on
    ]
    return assess(outcomes, vetting_done)
