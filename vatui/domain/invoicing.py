"""Invoice rules, pure: totals, settlements, amount due, status, aging, late fees (numbers:
``vatui.domain.invoice_numbers``).

Rounding rule (one place, documented in ``docs/ledger.md``):

- a line's amount is ``unit_price × quantity`` (or ``unit_price × minutes / 60`` for billed
  time), computed exactly and rounded half up to the currency's minor unit: that is the
  amount printed on the line;
- the subtotal is the sum of the printed line amounts; the discount is an exact amount;
  the base is ``subtotal − discount``;
- each tax line (``Invoice.taxes``, added or withheld) is ``base × rate / 100`` computed
  with exact ``Decimal`` and rounded half up ONCE per line and invoice (never per item);
- total (the amount due from the client) = base + every added line − every withheld line:
  ``1,000.00 + IVA 21 % 210.00 − IRPF 15 % 150.00 = 1,060.00``. Deposit and credit applied
  come off the total.

Settlements (deposit applied, credit applied, payments) pay an invoice in date order. Each
settlement carries a part of every tax line, worked out cumulatively:
``round_half_up(settled × line / total)`` minus what earlier settlements carried, so the
parts of each line always add up to that line exactly, whatever the payments. What a
settlement paid of the base (its ``net``, the income) is ``applied − added parts +
withheld parts``: the client paid ``applied`` to the VA and the withheld parts to the tax
office on the VA's behalf; the parts of the base add up to the base.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from vatui.domain.errors import InputError
from vatui.domain.ledger import Invoice, LineItem, Payment, TaxLine
from vatui.domain.money import Money
from vatui.domain.numbers import NumberFormat, parse_decimal
from vatui.i18n import _

AGING_BUCKETS = ("current", "1-30", "31-60", "61-90", "90+")
"""A/R aging buckets, by days past the due date."""

OPEN_STATUSES = frozenset({"sent", "partial"})
"""Statuses of an invoice that still waits for money."""

MAX_TAX_PERCENT = Decimal(100)


# time -------------------------------------------------------------------------------


def round_minutes(minutes: int, step: int) -> int:
    """``minutes`` rounded UP to a multiple of ``step`` (no rounding when ``step`` ≤ 0)."""
    if step <= 0 or minutes <= 0:
        return max(minutes, 0)
    return -(-minutes // step) * step


def hours_text(minutes: int) -> str:
    """Hours as a short exact-enough decimal for the quantity column: 90 → ``1.5``."""
    whole, rest = divmod(minutes, 60)
    if rest == 0:
        return str(whole)
    exact = Decimal(minutes) / Decimal(60)
    text = f"{exact.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".")


def _half_up_div(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up (away from zero), in integers."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return sign * q


# amounts ----------------------------------------------------------------------------


_PLAIN_DECIMAL_RE = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")

MAX_QUANTITY = Decimal(10) ** 9
QUANTITY_PLACES = 6
TAX_PLACES = 4


def check_quantity(text: str) -> str:
    """An exact, positive decimal quantity (canonical: ``2``, ``1.5``) as a canonical string.

    What the VA types goes through ``read_quantity`` first (the workspace's number format).
    """
    raw = str(text).strip()
    if not _PLAIN_DECIMAL_RE.match(raw):
        raise InputError(_("{q!r} is not a quantity (a number like 2 or 1.5)").format(q=text))
    value = Decimal(raw)
    if value <= 0:
        raise InputError(_("the quantity must be a number above zero, not {q!r}").format(q=text))
    if value > MAX_QUANTITY or -value.as_tuple().exponent > QUANTITY_PLACES:  # type: ignore[operator]
        raise InputError(_("{q!r} is not a sensible quantity").format(q=text))
    return f"{value.normalize():f}"


def check_tax_percent(text: str) -> str:
    """A tax rate from 0 to 100 % (canonical: ``20``, ``7.5``), exact decimal string.

    What the VA types goes through ``read_tax_percent`` first: ``1e2``, ``nan``, ``inf``,
    negative rates and rates over 100 are refused either way.
    """
    raw = str(text).strip().rstrip("%").strip()
    if not _PLAIN_DECIMAL_RE.match(raw):
        raise InputError(_("{t!r} is not a tax rate (a number like 20 or 7.5)").format(t=text))
    value = Decimal(raw)
    if value > MAX_TAX_PERCENT:
        raise InputError(_("the tax rate must be between 0 and 100 %, not {t!r}").format(t=text))
    if -value.as_tuple().exponent > TAX_PLACES:  # type: ignore[operator]
        raise InputError(_("the tax rate takes at most {n} decimals").format(n=TAX_PLACES))
    return f"{value.normalize():f}"


def read_quantity(text: str, setting: bool | NumberFormat = False) -> str:
    """A quantity as the VA typed it, in the workspace's number format, made canonical."""
    value = parse_decimal(text, setting, places=QUANTITY_PLACES, maximum=MAX_QUANTITY, what=_("a quantity"))
    return check_quantity(f"{value.normalize():f}")


def read_tax_percent(text: str, setting: bool | NumberFormat = False) -> str:
    """A tax rate as the VA typed it (``20``, ``7,5 %`` with a decimal comma), canonical."""
    raw = str(text).strip()
    raw = raw[:-1] if raw.endswith("%") else raw
    value = parse_decimal(raw, setting, places=TAX_PLACES, maximum=MAX_TAX_PERCENT, what=_("a tax rate"))
    return check_tax_percent(f"{value.normalize():f}")


def line_amount(item: LineItem) -> Money:
    """What one line costs, rounded half up to the minor unit."""
    return Money(line_minor(item.unit_price.minor, item.quantity, item.minutes), item.unit_price.currency)


def line_minor(unit_minor: int, quantity: str, minutes: int | None) -> int:
    """``line_amount`` in minor units, from the line's plain values (the reports read a
    stored line without building it): ``unit × minutes / 60`` for billed time, else
    ``unit × quantity``, exact, rounded half up."""
    if minutes is not None:
        product = unit_minor * minutes
        return (product + 30) // 60 if product >= 0 else _half_up_div(product, 60)  # half up, as below
    if quantity.isascii() and quantity.isdigit():  # a whole quantity (most lines): exact without Decimal
        return unit_minor * int(quantity)
    return int((Decimal(unit_minor) * Decimal(quantity)).to_integral_value(rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class TaxAmount:
    """One tax line of an invoice with its amount."""

    line: TaxLine
    """The line (name, kind, rate)."""
    amount: Money
    """``base × rate / 100`` rounded half up once; positive for withheld lines too."""

    @property
    def signed(self) -> Money:
        """The amount as it counts in the total: negative when withheld."""
        return -self.amount if self.line.withheld else self.amount


@dataclass(frozen=True, slots=True)
class Totals:
    """The totals printed at the bottom of an invoice."""

    subtotal: Money
    """Sum of the line amounts."""
    discount: Money
    """Taken off before tax."""
    taxes: tuple[TaxAmount, ...]
    """Each tax line on the base, in the invoice's order."""
    total: Money
    """base + added − withheld: what the client pays."""

    @property
    def base(self) -> Money:
        """subtotal − discount: what every tax line is a rate of (and the income)."""
        return self.subtotal - self.discount

    @property
    def added(self) -> Money:
        """The added lines together."""
        return Money(sum(t.amount.minor for t in self.taxes if not t.line.withheld), self.total.currency)

    @property
    def withheld(self) -> Money:
        """The withheld lines together."""
        return Money(sum(t.amount.minor for t in self.taxes if t.line.withheld), self.total.currency)


def tax_amount(base: Money, rate: str) -> Money:
    """``base × rate / 100``, exact, rounded half up once."""
    exact = Decimal(base.minor) * Decimal(rate) / Decimal(100)
    return Money(int(exact.to_integral_value(rounding=ROUND_HALF_UP)), base.currency)


def totals(invoice: Invoice) -> Totals:
    """The invoice's totals (see the module docstring for the rounding rule)."""
    cur = invoice.currency
    subtotal = Money.zero(cur)
    for item in invoice.items:
        subtotal = subtotal + line_amount(item)
    discount = invoice.discount or Money.zero(cur)
    return totals_from(subtotal, discount, invoice.taxes)


def totals_from(subtotal: Money, discount: Money, lines: Sequence[TaxLine]) -> Totals:
    """The totals of a subtotal, a discount and tax lines: each line on the base, and what
    the client pays, base + added − withheld (what ``totals`` prints, and what a form
    previews as the VA types)."""
    base = subtotal - discount
    taxes = tuple(TaxAmount(line, tax_amount(base, line.rate)) for line in lines)
    total = base
    for t in taxes:
        total = total + t.signed
    return Totals(subtotal, discount, taxes, total)


# settlements ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Settlement:
    """Money that paid (part of) an invoice."""

    on: date
    """When."""
    source: str
    """``deposit`` (a held deposit applied), ``credit`` (client credit applied) or ``payment``."""
    received: Money
    """The whole amount (a payment may be more than what was due)."""
    applied: Money
    """The part that paid this invoice."""
    excess: Money
    """The part beyond what was due: it becomes the client's credit."""
    taxes: tuple[TaxAmount, ...] = ()
    """The part of each of the invoice's tax lines this settlement carries (same order)."""
    payment_id: int | None = None
    """The payment, for ``payment`` settlements."""

    @property
    def added(self) -> Money:
        """The added tax carried by ``applied`` (owed to the tax office)."""
        return Money(sum(t.amount.minor for t in self.taxes if not t.line.withheld), self.applied.currency)

    @property
    def withheld(self) -> Money:
        """The withheld tax that goes with ``applied`` (paid by the client to the tax office)."""
        return Money(sum(t.amount.minor for t in self.taxes if t.line.withheld), self.applied.currency)

    @property
    def net(self) -> Money:
        """The part of the base this settlement paid: ``applied − added + withheld``, what is
        income (or deposit held)."""
        return self.applied - self.added + self.withheld


def settlement_date(invoice: Invoice) -> date:
    """When deposit and credit were applied: ``applied_on``, else the day it was sent (else its issue date)."""
    return invoice.applied_on or invoice.sent_on or invoice.issue_date


def settlements(invoice: Invoice, payments: Sequence[Payment], t: Totals | None = None) -> list[Settlement]:
    """How the invoice was paid, in order: deposit, credit, then payments by date."""
    t = t or totals(invoice)
    cur = invoice.currency
    sources: list[tuple[date, str, Money, int | None]] = []
    when = settlement_date(invoice)
    if invoice.deposit_applied is not None and invoice.deposit_applied.minor:
        sources.append((when, "deposit", invoice.deposit_applied, None))
    if invoice.credit_applied is not None and invoice.credit_applied.minor:
        sources.append((when, "credit", invoice.credit_applied, None))
    for p in sorted(payments, key=lambda p: (p.on, p.id or 0)):
        sources.append((p.on, "payment", p.amount, p.id))
    out: list[Settlement] = []
    settled = 0
    so_far = [0] * len(t.taxes)
    total = t.total.minor
    for (on, source, amount, pid), applied in zip(
        sources, applied_parts(total, [s[2].minor for s in sources]), strict=True
    ):
        settled += applied
        shares = [
            (_half_up_div(settled * tax.amount.minor, total) if total > 0 else 0) - so_far[n]
            for n, tax in enumerate(t.taxes)
        ]
        if settled < total:  # the last one brings every line to its amount, whatever it pays
            _carry_added(shares, t.taxes, applied)
        parts = []
        for n, tax in enumerate(t.taxes):
            parts.append(TaxAmount(tax.line, Money(shares[n], cur)))
            so_far[n] += shares[n]
        out.append(
            Settlement(
                on,
                source,
                amount,
                Money(applied, cur),
                Money(amount.minor - applied, cur),
                tuple(parts),
                pid,
            )
        )
    return out


def _carry_added(shares: list[int], taxes: Sequence[TaxAmount], applied: int) -> None:
    """Keep a settlement's added tax within what it pays (``applied`` plus the withheld tax
    that goes with it), so the base it pays is never negative: each tax line's share of the
    money paid so far is rounded on its own, and two lines rounded up on a payment of a cent
    or two would carry more tax than the payment. What does not fit is left to the next
    settlements (each line's share is of the money paid so far: the next one catches up)."""
    room = applied + sum(share for share, tax in zip(shares, taxes, strict=True) if tax.line.withheld)
    over = sum(share for share, tax in zip(shares, taxes, strict=True) if not tax.line.withheld) - room
    for n in reversed(range(len(shares))):
        if over <= 0:
            return
        if not taxes[n].line.withheld and shares[n] > 0:
            cut = min(shares[n], over)
            shares[n] -= cut
            over -= cut


def applied_parts(total: int, amounts: Sequence[int]) -> list[int]:
    """What each settlement (in the order they pay: ``settlements``) pays of an invoice of
    ``total`` minor units; whatever a settlement brings beyond what was still due is not
    applied (it is the client's credit)."""
    out = []
    settled = 0
    for amount in amounts:
        applied = applied_part(amount, total - settled)
        settled += applied
        out.append(applied)
    return out


def applied_part(amount: int, due: int) -> int:
    """What a settlement of ``amount`` pays of an invoice that still owes ``due``: all of
    it up to what is due, never less than nothing (``applied_parts``)."""
    return max(0, min(amount, due))


def plain_total(doc: Mapping[str, Any]) -> int | None:
    """The total of a stored invoice of the plain shape, minor units (``totals``: the sum
    of its lines less the discount); ``None`` for any other shape (tax lines, a deposit or
    credit applied, an amount in another currency), read by the full rules instead. The
    reports, the listings and the archive's invoice heads read stored documents by it."""
    if doc.get("taxes") != []:  # a tax line, or the older shape (``tax_percent``)
        return None
    for applied in (doc.get("deposit_applied"), doc.get("credit_applied")):
        if applied is not None and applied["minor"]:
            return None
    currency = doc["currency"]
    total = 0
    for item in doc.get("items", ()):
        price = item["unit_price"]
        if price["currency"] != currency:
            return None
        total += line_minor(int(price["minor"]), item.get("quantity", "1"), item.get("minutes"))
    discount = doc.get("discount")
    if discount is not None:
        if discount["currency"] != currency:
            return None
        total -= int(discount["minor"])
    return total


def plain_parts(total: int, payments: Sequence[tuple[str, Mapping[str, Any]]]) -> list[tuple[date, int]]:
    """(day, minor units applied) of each stored payment ``(id, document)`` of a plain
    invoice of ``total``, in the order they pay it (``settlements``: by date, then id; what
    a payment brings beyond what was due is not applied: ``applied_parts``)."""
    if len(payments) == 1:  # the usual case: paid at once
        only = payments[0][1]
        return [(date.fromisoformat(only["on"]), applied_part(int(only["amount"]["minor"]), total))]
    dated = sorted((date.fromisoformat(d["on"]), int(k), int(d["amount"]["minor"])) for k, d in payments)
    applied = applied_parts(total, [amount for _on, _id, amount in dated])
    return [(on, part) for (on, _id, _amount), part in zip(dated, applied, strict=True)]


def paid_in_full_on(total: int, parts: Iterable[tuple[date, int]]) -> date | None:
    """The first day by the end of which the settlement ``parts`` (day, minor units
    applied) have paid all of ``total``: from then on the invoice owes nothing, and more
    payments never change that (``applied_parts`` only ever adds). ``None`` when they never
    do, or there is nothing to pay (a total of zero or less never owes anything)."""
    if total <= 0:
        return None
    paid = 0
    for on, part in sorted(parts):
        paid += part
        if paid >= total:
            return on
    return None


def payments_split(
    invoice: Invoice, payments: Sequence[Payment], t: Totals | None = None
) -> tuple[Money, Money]:
    """What the payments paid on this invoice, and what they paid beyond it (the client's credit).

    A held deposit and credit applied are settled first, so they are not in either figure.
    """
    parts = [s for s in settlements(invoice, payments, t) if s.source == "payment"]
    cur = invoice.currency
    return (Money(sum(s.applied.minor for s in parts), cur), Money(sum(s.excess.minor for s in parts), cur))


def amount_due(
    invoice: Invoice, payments: Sequence[Payment], on: date | None = None, t: Totals | None = None
) -> Money:
    """What is still owed (as of ``on`` when given: settlements after it do not count)."""
    t = t or totals(invoice)
    paid = sum(s.applied.minor for s in settlements(invoice, payments, t) if on is None or s.on <= on)
    return Money(max(t.total.minor - paid, 0), invoice.currency)


def status_after(invoice: Invoice, payments: Sequence[Payment]) -> str:
    """The status an issued invoice has once ``payments`` are counted."""
    if invoice.status in ("draft", "void"):
        return invoice.status
    t = totals(invoice)
    due = amount_due(invoice, payments, t=t)
    if due.minor == 0:
        return "paid"
    if due.minor < t.total.minor:
        return "partial"
    return "sent"


def is_issued(invoice: Invoice, on: date | None = None) -> bool:
    """Whether the invoice counts in the books (sent or later, not void), as of ``on``."""
    if invoice.status in ("draft", "void"):
        return False
    return on is None or invoice.issue_date <= on


def days_overdue(due_date: date, on: date) -> int:
    """Days past the due date (0 when not past it)."""
    return max((on - due_date).days, 0)


def is_overdue(invoice: Invoice, due: Money, on: date) -> bool:
    """Sent, unpaid and past its due date on ``on``."""
    return overdue_status(invoice.status, due.minor, invoice.due_date, on)


def overdue_status(status: str, due: int, due_date: date, on: date) -> bool:
    """``is_overdue`` from plain values (a stored status, what is due in minor units)."""
    return status in OPEN_STATUSES and due > 0 and on > due_date


def aging_bucket(due_date: date, on: date) -> str:
    """Which A/R bucket money due on ``due_date`` falls in on ``on``."""
    days = (on - due_date).days
    if days <= 0:
        return "current"
    if days <= 30:
        return "1-30"
    if days <= 60:
        return "31-60"
    if days <= 90:
        return "61-90"
    return "90+"


def display_status(invoice: Invoice, due: Money, on: date) -> str:
    """The status word shown to the user: the stored status, or ``overdue``."""
    return shown_status(invoice.status, due.minor, invoice.due_date, on)


def shown_status(status: str, due: int, due_date: date, on: date) -> str:
    """``display_status`` from plain values (a stored status, what is due in minor units)."""
    return "overdue" if overdue_status(status, due, due_date, on) else status


# late fees --------------------------------------------------------------------------


def late_fee(due: Money, due_date: date, on: date, percent: str | None, grace_days: int) -> Money | None:
    """The late fee a policy proposes, or ``None``: ``percent`` of what is due, after the grace."""
    if not percent or due.minor <= 0:
        return None
    if (on - due_date).days <= grace_days:
        return None
    fee = due.percent(Decimal(percent))
    return fee if fee.minor > 0 else None
