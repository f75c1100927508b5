"""The money reports, pure: A/R aging, profit and loss (cash basis), revenue by client.

Every report totals per currency and never converts. The books follow one rule set
(documented in ``docs/ledger.md`` and mirrored line for line by the hledger export):

- an invoice counts from its issue date once it is sent (drafts and voids never count);
- income is recognised when money pays an invoice (cash basis): each payment, and each
  deposit or client credit applied, for its part of the invoice's base (before taxes):
  less its share of added tax, plus its share of withheld tax (the client paid that part
  to the tax office for the VA). The withheld share is reported on its own line;
- a deposit invoice's payments are not income: they are held (a liability) until applied
  to a later invoice; money paid beyond what was due is the client's credit (a liability)
  until applied;
- expenses count on their date (recurring templates themselves do not, their occurrences do).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from vatui.domain.fold import sort_key
from vatui.domain.invoicing import (
    AGING_BUCKETS,
    Totals,
    aging_bucket,
    is_issued,
    settlement_date,
    settlements,
)
from vatui.domain.ledger import Expense, Invoice, Payment
from vatui.domain.money import Money
from vatui.domain.settled import Billed as Billed  # the reports take it: re-exported
from vatui.domain.settled import Settled, settled, summarise


@dataclass(frozen=True, slots=True)
class AgingRow:
    """What one client owes in one currency, by bucket."""

    client_id: int
    """The client."""
    client: str
    """Their name."""
    currency: str
    """The currency."""
    buckets: dict[str, Money]
    """Amount per bucket of ``AGING_BUCKETS``."""
    total: Money
    """All buckets together."""
    invoices: int
    """How many invoices have money outstanding."""
    oldest_days: int
    """Days past due of the oldest overdue invoice (0 when none)."""


def outstanding_as_of(
    invoice: Invoice, payments: Sequence[Payment], on: date, t: Totals | None = None
) -> Money:
    """What the invoice still owed at the end of ``on`` (zero if not issued by then)."""
    if not is_issued(invoice, on):
        return Money.zero(invoice.currency)
    return Money(settled(invoice, payments, t).outstanding(on), invoice.currency)


def aging(billed: Iterable[Billed], names: Mapping[int, str], on: date) -> list[AgingRow]:
    """A/R aging per client and currency as of ``on``, by client name."""
    return aging_of(summarise(billed), names, on)


def aging_of(invoices: Iterable[Settled], names: Mapping[int, str], on: date) -> list[AgingRow]:
    """``aging`` of issued invoices read as ``Settled``."""
    acc: dict[tuple[int, str], dict[str, int]] = {}
    counts: dict[tuple[int, str], int] = {}
    oldest: dict[tuple[int, str], int] = {}
    for invoice in invoices:
        due = invoice.outstanding(on)
        if due <= 0:
            continue
        key = (invoice.client_id, invoice.currency)
        buckets = acc.setdefault(key, dict.fromkeys(AGING_BUCKETS, 0))
        buckets[aging_bucket(invoice.due_date, on)] += due
        counts[key] = counts.get(key, 0) + 1
        oldest[key] = max(oldest.get(key, 0), (on - invoice.due_date).days)
    rows = []
    for (client_id, cur), buckets in acc.items():
        rows.append(
            AgingRow(
                client_id,
                names.get(client_id, f"#{client_id}"),
                cur,
                {b: Money(v, cur) for b, v in buckets.items()},
                Money(sum(buckets.values()), cur),
                counts[(client_id, cur)],
                oldest[(client_id, cur)],
            )
        )
    return sorted(rows, key=lambda r: (sort_key(r.client), r.client_id, r.currency))


def aging_totals(rows: Sequence[AgingRow]) -> dict[str, dict[str, Money]]:
    """Bucket totals per currency (with a ``total`` key)."""
    out: dict[str, dict[str, Money]] = {}
    for row in rows:
        cur = out.setdefault(row.currency, {b: Money.zero(row.currency) for b in (*AGING_BUCKETS, "total")})
        for b in AGING_BUCKETS:
            cur[b] = cur[b] + row.buckets[b]
        cur["total"] = cur["total"] + row.total
    return dict(sorted(out.items()))


# income -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IncomeEntry:
    """Income recognised on one day from one invoice."""

    on: date
    """When."""
    client_id: int
    """From whom."""
    amount: Money
    """The base paid (before taxes): net of added tax, withheld tax included."""
    withheld: Money
    """Tax the client withheld with it (paid to the tax office for the VA)."""


def income_entries(billed: Iterable[Billed]) -> list[IncomeEntry]:
    """Every piece of income recognised (cash basis), in no particular order."""
    return [
        IncomeEntry(on, client_id, Money(net, cur), Money(withheld, cur))
        for on, client_id, cur, net, withheld in income_of(summarise(billed))
    ]


Income = tuple[date, int, str, int, int]
"""A piece of income in minor units: (on, client_id, currency, net, withheld) — ``IncomeEntry``."""


def income_of(invoices: Iterable[Settled]) -> Iterator[Income]:
    """``income_entries`` of issued invoices read as ``Settled``: each settlement that paid
    part of an invoice that is not a deposit."""
    for invoice in invoices:
        if invoice.kind == "deposit":
            continue
        for on, applied, net, withheld in invoice.parts:
            if applied:
                yield (on, invoice.client_id, invoice.currency, net, withheld)


def revenue_by_client(billed: Iterable[Billed], on: date | None = None) -> dict[tuple[int, str], Money]:
    """Revenue per (client, currency): income recognised by ``on`` (cash basis, before taxes).

    The one definition of a client's revenue: the clients report and the client's card
    both use it. Payments of deposit invoices (held, not income) and overpayments (the
    client's credit, income only once applied) are not revenue.
    """
    return revenue_of(summarise(billed), on)


def revenue_of(invoices: Iterable[Settled], on: date | None = None) -> dict[tuple[int, str], Money]:
    """``revenue_by_client`` of issued invoices read as ``Settled``."""
    out: dict[tuple[int, str], int] = {}
    for day, client_id, cur, net, _withheld in income_of(invoices):
        if on is None or day <= on:
            key = (client_id, cur)
            out[key] = out.get(key, 0) + net
    return {key: Money(minor, key[1]) for key, minor in out.items()}


def client_revenue(billed: Iterable[Billed], client_id: int, on: date | None = None) -> dict[str, Money]:
    """One client's revenue per currency (``revenue_by_client``), only non-zero amounts."""
    return client_revenue_of(summarise(billed), client_id, on)


def client_revenue_of(
    invoices: Iterable[Settled],
    client_id: int,
    on: date | None = None,
    summed: Mapping[tuple[int, str], Sums] | None = None,
) -> dict[str, Money]:
    """``client_revenue`` of issued invoices read as ``Settled``, plus the revenue of
    invoices already ``summed`` by ``money_by_client`` as of ``on`` (the archive's years)."""
    revenue = {key: money.minor for key, money in revenue_of(invoices, on).items()}
    for key, sums in (summed or {}).items():
        revenue[key] = revenue.get(key, 0) + sums[0]
    return {
        cur: Money(minor, cur) for (cid, cur), minor in sorted(revenue.items()) if cid == client_id and minor
    }


@dataclass(frozen=True, slots=True)
class PnlRow:
    """Profit and loss of one month in one currency."""

    month: str
    """``YYYY-MM``."""
    currency: str
    """The currency."""
    income: Money
    """Income recognised that month (cash basis): the base paid, before taxes."""
    expenses: Money
    """Expenses dated that month."""
    withheld: Money
    """Of ``income``, what clients withheld and paid to the tax office for the VA (a
    prepayment of income tax, not money in the bank)."""

    @property
    def net(self) -> Money:
        """income − expenses."""
        return self.income - self.expenses


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def counted_expense(expense: Expense) -> bool:
    """Whether an expense is real money out (a recurring template is not)."""
    return expense.recurrence is None


def pnl(
    billed: Iterable[Billed], expenses: Iterable[Expense], start: date | None = None, end: date | None = None
) -> list[PnlRow]:
    """Profit and loss by month and currency, oldest first, between ``start`` and ``end``."""
    spent = ((e.on, e.amount.currency, e.amount.minor) for e in expenses if counted_expense(e))
    return pnl_of(summarise(billed), spent, start, end)


def pnl_of(
    invoices: Iterable[Settled],
    spent: Iterable[tuple[date, str, int]],
    start: date | None = None,
    end: date | None = None,
    summed: Mapping[tuple[str, str], tuple[int, int]] | None = None,
) -> list[PnlRow]:
    """``pnl`` of issued invoices read as ``Settled`` and the (on, currency, minor units)
    of the expenses that count (``counted_expense``), plus the (net, withheld) income per
    (``YYYY-MM``, currency) of invoices already ``summed`` from ``start`` to ``end`` (the
    archive's years)."""
    income: dict[tuple[str, str], int] = {}
    withheld: dict[tuple[str, str], int] = {}
    out: dict[tuple[str, str], int] = {}
    for key, (net, held_back) in (summed or {}).items():
        income[key] = income.get(key, 0) + net
        withheld[key] = withheld.get(key, 0) + held_back

    def inside(day: date) -> bool:
        return (start is None or day >= start) and (end is None or day <= end)

    months: dict[date, str] = {}  # thousands of payments fall on the same few hundred days
    for on, _client, cur, net, held_back in income_of(invoices):
        if inside(on):
            month = months.get(on)
            if month is None:
                month = months[on] = _month(on)
            key = (month, cur)
            income[key] = income.get(key, 0) + net
            withheld[key] = withheld.get(key, 0) + held_back
    for on, cur, minor in spent:
        if inside(on):
            key = (_month(on), cur)
            out[key] = out.get(key, 0) + minor
    keys = sorted(set(income) | set(out))
    return [
        PnlRow(
            m,
            c,
            Money(income.get((m, c), 0), c),
            Money(out.get((m, c), 0), c),
            Money(withheld.get((m, c), 0), c),
        )
        for m, c in keys
    ]


# clients ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClientRow:
    """Revenue, hours and effective hourly rate of one client in one currency."""

    client_id: int
    """The client."""
    client: str
    """Their name."""
    currency: str
    """The currency."""
    revenue: Money
    """Income recognised from them (cash basis, the base paid: before taxes)."""
    invoiced: Money
    """Totals of their issued invoices (deposit invoices excluded)."""
    outstanding: Money
    """What they owe now."""
    minutes: int
    """All time logged for them."""
    billable_minutes: int
    """Billable time logged for them."""

    @property
    def effective_rate(self) -> Money | None:
        """Revenue per hour logged (``hourly_rate``; ``None`` without time)."""
        return hourly_rate(self.revenue, self.minutes)


def hourly_rate(revenue: Money, minutes: int) -> Money | None:
    """``revenue`` per hour over ``minutes`` (the effective rate of the clients report and
    of the client card), rounded half away from zero from the exact fraction; ``None``
    without time."""
    if minutes <= 0:
        return None
    q, r = divmod(abs(revenue.minor) * 60, minutes)
    if 2 * r >= minutes:
        q += 1
    return Money(q if revenue.minor >= 0 else -q, revenue.currency)


Sums = list[int]
"""A client's money in one currency, minor units: [revenue, invoiced, outstanding]."""


def money_by_client(invoices: Iterable[Settled], on: date | None = None) -> dict[tuple[int, str], Sums]:
    """[revenue, invoiced, outstanding] per (client, currency) of issued invoices read as
    ``Settled``: revenue recognised by the end of ``on`` (``revenue_of``), the totals of what
    is not a deposit (whenever issued), and what was still owed at the end of ``on``
    (``Settled.outstanding``); without ``on``, every settlement counts. The clients report's
    money, and what an archive year keeps of its invoices
    (``vatui.store.archive_derived.client_money``)."""
    acc: dict[tuple[int, str], Sums] = {}
    invoices = list(invoices)
    for key, money in revenue_of(invoices, on).items():
        acc[key] = [money.minor, 0, 0]
    for invoice in invoices:
        key = (invoice.client_id, invoice.currency)
        sums = acc.get(key)
        if sums is None:  # not ``setdefault``: it would build a list per invoice
            sums = acc[key] = [0, 0, 0]
        if invoice.kind != "deposit":
            sums[1] += invoice.total
        sums[2] += invoice.outstanding(on)
    return acc


def by_client(
    billed: Iterable[Billed],
    names: Mapping[int, str],
    currency_of: Mapping[int, str],
    minutes: Mapping[int, int],
    billable: Mapping[int, int],
    on: date,
) -> list[ClientRow]:
    """One row per client and currency: revenue, invoiced, outstanding, hours, effective rate."""
    return by_client_of(summarise(billed), names, currency_of, minutes, billable, on)


def by_client_of(
    invoices: Iterable[Settled],
    names: Mapping[int, str],
    currency_of: Mapping[int, str],
    minutes: Mapping[int, int],
    billable: Mapping[int, int],
    on: date,
    summed: Mapping[tuple[int, str], Sums] | None = None,
) -> list[ClientRow]:
    """``by_client`` of issued invoices read as ``Settled``, plus the money of invoices
    already ``summed`` by ``money_by_client`` as of ``on`` (the archive's years)."""
    acc = money_by_client(invoices, on)
    for key, sums in (summed or {}).items():
        mine = acc.get(key)
        acc[key] = list(sums) if mine is None else [a + b for a, b in zip(mine, sums, strict=True)]
    with_money = {client_id for client_id, _cur in acc}
    for client_id in set(minutes) | set(billable):
        if client_id not in with_money and client_id in currency_of:
            acc[(client_id, currency_of[client_id])] = [0, 0, 0]
    rows = []
    for (client_id, cur), (revenue, invoiced, outstanding) in acc.items():
        own = currency_of.get(client_id, cur) == cur
        rows.append(
            ClientRow(
                client_id,
                names.get(client_id, f"#{client_id}"),
                cur,
                Money(revenue, cur),
                Money(invoiced, cur),
                Money(outstanding, cur),
                minutes.get(client_id, 0) if own else 0,
                billable.get(client_id, 0) if own else 0,
            )
        )
    return sorted(rows, key=lambda r: (-r.revenue.minor, sort_key(r.client), r.currency, r.client_id))


# balances held for clients ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Held:
    """Money held for a client in one currency."""

    deposit: Money
    """Paid deposits not yet applied to an invoice."""
    credit: Money
    """Overpayments not yet applied to an invoice."""


def _held_events(
    billed: Iterable[Billed], client_id: int, currency: str
) -> tuple[list[tuple[date, int]], list[tuple[date, int]]]:
    """Dated moves of a client's held deposit and credit pools: (+ received, − applied)."""
    dep: list[tuple[date, int]] = []
    cred: list[tuple[date, int]] = []
    for invoice, payments in billed:
        if not is_issued(invoice) or invoice.client_id != client_id or invoice.currency != currency:
            continue
        for s in settlements(invoice, payments):
            if invoice.kind == "deposit" and s.applied.minor:
                dep.append((s.on, s.applied.minor))
            if s.excess.minor:
                cred.append((s.on, s.excess.minor))
        when = settlement_date(invoice)
        if invoice.deposit_applied is not None and invoice.deposit_applied.minor:
            dep.append((when, -invoice.deposit_applied.minor))
        if invoice.credit_applied is not None and invoice.credit_applied.minor:
            cred.append((when, -invoice.credit_applied.minor))
    return dep, cred


def _covers(events: list[tuple[date, int]], start: date, amount: int) -> bool:
    """Whether taking ``amount`` on ``start`` leaves the pool at or above zero ever after."""
    if amount <= 0:
        return True
    balance = sum(m for d, m in events if d <= start)
    if balance < amount:
        return False
    for _day, move in sorted((d, m) for d, m in events if d > start):
        balance += move
        if balance < amount:
            return False
    return True


def applicable_from(
    billed: Iterable[Billed], client_id: int, currency: str, day: date, deposit: int, credit: int
) -> date:
    """The first day on or after ``day`` when ``deposit`` and ``credit`` (minor units) can be
    taken from the client's held money without any pool ever going below zero: money is
    never applied before it was received (a credit from a December overpayment, used on an
    invoice back-dated to October, is applied in December)."""
    dep, cred = _held_events(billed, client_id, currency)
    candidates = sorted({day, *(d for d, m in dep + cred if m > 0 and d > day)})
    for when in candidates:
        if _covers(dep, when, deposit) and _covers(cred, when, credit):
            return when
    return candidates[-1]


def held(billed: Iterable[Billed]) -> dict[tuple[int, str], Held]:
    """Deposits and credit held per (client, currency)."""
    dep: dict[tuple[int, str], int] = {}
    cred: dict[tuple[int, str], int] = {}
    for invoice, payments in billed:
        if not is_issued(invoice):
            continue
        key = (invoice.client_id, invoice.currency)
        for s in settlements(invoice, payments):
            if invoice.kind == "deposit":
                dep[key] = dep.get(key, 0) + s.applied.minor
            cred[key] = cred.get(key, 0) + s.excess.minor
        if invoice.deposit_applied is not None:
            dep[key] = dep.get(key, 0) - invoice.deposit_applied.minor
        if invoice.credit_applied is not None:
            cred[key] = cred.get(key, 0) - invoice.credit_applied.minor
    out = {}
    for key in set(dep) | set(cred):
        cur = key[1]
        out[key] = Held(Money(dep.get(key, 0), cur), Money(cred.get(key, 0), cur))
    return out
