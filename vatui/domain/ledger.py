"""Invoices, payments and expenses. Amounts are ``Money``: integer minor units."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Self

from vatui.domain.dates import check_business_date, year_ahead
from vatui.domain.errors import InputError
from vatui.domain.money import Money
from vatui.domain.records import Record
from vatui.i18n import _

INVOICE_KINDS = ("standard", "deposit", "retainer")
"""What an invoice is for."""

INVOICE_STATUSES = ("draft", "sent", "partial", "paid", "void")
"""An invoice's life: draft → sent → partially paid → paid, or void."""

EXPENSE_CATEGORIES = (
    "software",
    "equipment",
    "internet",
    "workspace",
    "training",
    "marketing",
    "fees",
    "other",
)
"""Kinds of business expense."""

TAX_KINDS = ("added", "withheld")
"""How a tax line counts: ``added`` to what the client pays (IVA, VAT, GST) or ``withheld``
by the client, who pays it to the tax office on the VA's behalf (IRPF, retención)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TaxLine(Record):
    """A named tax of an invoice (or a client's default), on the invoice's base."""

    name: str = ""
    """As printed: ``IVA``, ``IRPF``. Empty: the one unnamed tax of ``--tax 20`` (and of
    invoices stored before tax lines), printed as "Tax" in the document's language."""
    kind: str = "added"
    """One of ``TAX_KINDS``."""
    rate: str
    """Per cent, exact decimal string, above 0 and at most 100."""

    @property
    def withheld(self) -> bool:
        """Whether the client withholds it (it comes off what they pay)."""
        return self.kind == "withheld"


def legacy_taxes(tax_percent: Any) -> tuple[TaxLine, ...]:
    """The tax lines of an invoice stored before tax lines (one ``tax_percent``): none for 0,
    else one added, unnamed line at that rate (kept as stored: the checks judge it)."""
    text = str(tax_percent).strip()
    try:
        if Decimal(text) == 0:
            return ()
    except (InvalidOperation, ValueError):
        pass
    return (TaxLine(rate=text),)


@dataclass(frozen=True, slots=True, kw_only=True)
class LineItem(Record):
    """One line of an invoice."""

    description: str
    """What is billed."""
    quantity: str = "1"
    """Exact decimal quantity (hours, units), as a string."""
    unit_price: Money
    """Price of one unit."""
    time_entry_ids: tuple[int, ...] = ()
    """Time entries this line bills."""
    expense_ids: tuple[int, ...] = ()
    """Expenses this line re-bills."""
    minutes: int | None = None
    """For billed time: the minutes billed; the amount is then ``unit_price × minutes / 60``
    (exact, rounded half up), and ``quantity`` only shows the hours."""
    late_fee_for: int | None = None
    """For a late fee: the invoice it charges the fee on."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReminderSent(Record):
    """A collection-protocol step that was sent."""

    step: int
    """Index of the step in the protocol."""
    on: date
    """When it was sent."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentRemoval(Record):
    """A payment that was deleted, kept on its invoice with the reason (the audit trail)."""

    payment_id: int
    """The id the payment had."""
    on: date
    """When it was said to be received."""
    amount: Money
    """How much it was."""
    method: str = ""
    """Its method."""
    reference: str = ""
    """Its reference."""
    removed: datetime
    """When it was deleted (UTC)."""
    reason: str
    """Why, as the user typed it."""


def invoice_label(number: str, invoice_id: int | None) -> str:
    """An invoice's number, or ``draft #12`` for a draft that has none yet (``Invoice.label``)."""
    return number or _("draft #{id}").format(id=invoice_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class Invoice(Record):
    """An invoice to a client."""

    number: str
    """``INV-YYYY-NNNN``, gapless per year, never reused."""
    client_id: int
    """Who is billed."""
    kind: str = "standard"
    """One of ``INVOICE_KINDS``."""
    issue_date: date
    """Date of issue."""
    due_date: date
    """Date payment is due."""
    currency: str
    """ISO 4217 code of every amount on it."""
    items: tuple[LineItem, ...] = ()
    """The lines."""
    taxes: tuple[TaxLine, ...] = ()
    """Its tax lines, in order, each on the base (subtotal − discount). An invoice stored
    with the older ``tax_percent`` reads as one added, unnamed line (``from_doc``)."""
    discount: Money | None = None
    """An amount taken off before tax."""
    notes: str = ""
    """Printed on the invoice."""
    status: str = "draft"
    """One of ``INVOICE_STATUSES`` (overdue is derived from the due date)."""
    sent_on: date | None = None
    """When it was sent."""
    reminders: tuple[ReminderSent, ...] = ()
    """Collection steps sent."""
    credit_applied: Money | None = None
    """Client credit used to pay part of this invoice."""
    deposit_applied: Money | None = None
    """A paid deposit, held for the client, taken off this invoice when it was sent."""
    voided_on: date | None = None
    """When it was voided (it keeps its number)."""
    removed_payments: tuple[PaymentRemoval, ...] = ()
    """Payments deleted from it, with the reason (never shown as paid, kept for the record)."""
    applied_on: date | None = None
    """When the held deposit and credit were applied (``None``: the day it was sent). Never
    before that money was received (``vatui.domain.reports.applicable_from``): a credit from
    a December overpayment applied to a back-dated October invoice is applied in December."""
    reminders_snoozed_until: date | None = None
    """No reminder is due before this day."""
    promised_on: date | None = None
    """The client promised to pay by this day: no reminder is due on or before it."""
    recurring_id: int | None = None
    """The recurring invoice (``vatui.domain.recurring``) this draft was made from."""

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any], doc_id: int | None = None) -> Self:
        """The record; a document of the older shape (``tax_percent``, no ``taxes``) is
        migrated on read, so old workspaces, backups and exports give the same totals."""
        if "taxes" not in doc and "tax_percent" in doc:
            if doc_id is None and getattr(doc, "doc_id", None) is not None:
                doc_id = int(doc.doc_id)  # type: ignore[attr-defined]
            doc = {**doc, "taxes": [line.to_doc() for line in legacy_taxes(doc["tax_percent"])]}
        return Record.from_doc.__func__(cls, doc, doc_id)  # type: ignore[attr-defined, no-any-return]

    @property
    def label(self) -> str:
        """Its number, or ``draft #12`` for a draft that has none yet (numbers come at send)."""
        return invoice_label(self.number, self.id)

    @property
    def file_stem(self) -> str:
        """Its name for a saved document or attachment: ``INV-2026-0007``, ``draft-12``."""
        return self.number or f"draft-{self.id}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Payment(Record):
    """Money received against an invoice."""

    invoice_id: int
    """The invoice paid."""
    on: date
    """When it was received."""
    amount: Money
    """How much."""
    method: str = ""
    """Bank transfer, PayPal, …"""
    reference: str = ""
    """The payer's reference."""


def check_payment_amount(amount: Money) -> Money:
    """A payment's amount: more than zero (the payment form and ``vatui pay`` both ask this)."""
    if amount.minor <= 0:
        raise InputError(_("a payment must be more than zero"))
    return amount


def check_payment_day(day: date, today: date) -> date:
    """``day`` itself, unless it lies more than a year after ``today`` (or outside the
    business range): money received in 2099 is a typo. A year ahead of 1 Dec 2026 is
    1 Dec 2027; of 29 Feb 2028, 28 Feb 2029."""
    check_business_date(day)
    if day > year_ahead(today):
        raise InputError(
            _("a payment cannot be dated more than a year ahead ({day})").format(day=day.isoformat())
        )
    return day


def check_expense_amount(amount: Money) -> Money:
    """An expense's amount: more than zero (the expense form and ``vatui expense add``)."""
    if amount.minor <= 0:
        raise InputError(_("an expense must be more than zero"))
    return amount


@dataclass(frozen=True, slots=True, kw_only=True)
class Expense(Record):
    """A business expense."""

    on: date
    """When it was paid."""
    amount: Money
    """How much."""
    category: str = "other"
    """One of ``EXPENSE_CATEGORIES``."""
    vendor: str = ""
    """Who was paid."""
    note: str = ""
    """What for."""
    recurrence: str | None = None
    """``monthly`` or ``yearly`` for a subscription template; occurrences are created."""
    template_id: int | None = None
    """For an occurrence: the recurring expense it came from."""
    client_id: int | None = None
    """Billable to this client."""
    invoice_id: int | None = None
    """The invoice that re-billed it."""
