"""Demo invoices, payments and reminders, built from the billed time.

Each client is invoiced on its cycle (weekly, every other Friday, or monthly; retainer
clients monthly, with an overage line when they went over). Lines group the billed time
per task, rounded up to the workspace's rounding, at the client's rate; every billed
entry is linked from exactly one line. How each client pays (prompt, normal, late, in
two parts) decides payment dates, statuses and which collection steps were sent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from vatui.domain.clients import Contact
from vatui.domain.dates import add_months
from vatui.domain.ledger import Invoice, LineItem, Payment, ReminderSent
from vatui.domain.money import Money
from vatui.domain.settings import ProtocolStep
from vatui.domain.text import one_line
from vatui.services import demo_words as words
from vatui.services.demo_base import ClientPlan, Ctx, EntryPlan, month_end

GENERAL = "General support: inbox, calendar, messages"
"""The line that bills time logged without a task."""
KIND_ORDER = {"deposit": 0, "standard": 1, "retainer": 1}


@dataclass
class InvoicePlan:
    """An invoice on its way: lines first; number, id and status once everything is sorted."""

    plan: ClientPlan
    kind: str
    issue: date
    lines: list[LineItem]
    entries: list[EntryPlan] = field(default_factory=list)
    void: bool = False
    notes: str = ""
    id: int = 0
    number: str = ""

    @property
    def total(self) -> Money:
        """The sum of its lines."""
        total = Money(0, self.plan.client.currency)
        for line in self.lines:
            total = total + line.unit_price.times(line.quantity)
        return total


@dataclass
class Ledger:
    """What the ledger part of the generator produces."""

    invoices: list[Invoice]
    payments: list[Payment]
    reminder_contacts: list[Contact]
    fees: list[tuple[date, Money, str, str]]
    """Payment processor fees: (date, amount, vendor, note), for the expenses."""


def _hours(minutes: int) -> str:
    return str(Decimal(minutes) / Decimal(60))


def _rounded(minutes: int, rounding: int) -> int:
    return math.ceil(minutes / rounding) * rounding if rounding else minutes


def _cycle_ends(ctx: Ctx, plan: ClientPlan) -> list[date]:
    assert plan.work_from is not None and plan.work_to is not None
    last = min(plan.work_to, ctx.days_ago(1))
    ends: list[date] = []
    if plan.cycle == "monthly":
        day = month_end(plan.work_from)
        while day <= last:
            ends.append(day)
            day = month_end(day + timedelta(days=1))
    else:
        step = 7 if plan.cycle == "weekly" else 14
        day = plan.work_from + timedelta(days=(4 - plan.work_from.weekday()) % 7 + (7 if step == 14 else 0))
        while day <= last:
            ends.append(day)
            day += timedelta(days=step)
    if plan.work_to < ctx.days_ago(1) and (not ends or ends[-1] < plan.work_to):
        ends.append(plan.work_to)
    return ends


def _lines(plan: ClientPlan, entries: list[EntryPlan], rounding: int, period: date) -> list[LineItem]:
    rate = plan.rate
    client = plan.client
    if client.retainer_minutes and client.retainer_fee:
        hours = client.retainer_minutes // 60
        lines = [LineItem(description=f"Retainer — {words.MONTHS[period.month - 1]} {period.year} "
                                      f"({hours} h included)",
                          quantity="1", unit_price=client.retainer_fee,
                          time_entry_ids=tuple(e.id for e in entries))]
        over = sum(e.minutes for e in entries) - client.retainer_minutes
        if over > 0:
            lines.append(LineItem(description="Hours over the retainer",
                                  quantity=_hours(_rounded(over, rounding)), unit_price=rate))
        return lines
    groups: dict[int, list[EntryPlan]] = {}
    for entry in entries:
        groups.setdefault(entry.task.id if entry.task else 0, []).append(entry)
    lines = []
    for _key, group in sorted(groups.items(), key=lambda kv: (kv[0] == 0, kv[1][0].id)):
        task = group[0].task
        title = one_line(task.title, 80) if task else GENERAL
        minutes = _rounded(sum(e.minutes for e in group), rounding)
        lines.append(LineItem(description=title, quantity=_hours(minutes), unit_price=rate,
                              time_entry_ids=tuple(e.id for e in group)))
    return lines


def _deposit(ctx: Ctx, plan: ClientPlan) -> InvoicePlan | None:
    client = plan.client
    if not client.deposit_percent:
        return None
    if plan.deposit_pending:
        issue = ctx.days_ago(5)
    elif plan.work_from is not None and plan.work_from > ctx.start + timedelta(days=10):
        issue = plan.work_from - timedelta(days=ctx.rng.randint(5, 10))
    else:
        return None
    amount = Money(plan.rate.minor * 20 * client.deposit_percent // 100, client.currency)
    line = LineItem(description=f"Deposit ({client.deposit_percent} %) before work starts", quantity="1",
                    unit_price=amount)
    return InvoicePlan(plan, "deposit", issue, [line])


def _imported(ctx: Ctx, plan: ClientPlan) -> list[InvoicePlan]:
    """Invoices of the months before a short history (entered from the VA's old spreadsheet)."""
    rng = ctx.rng
    client = plan.client
    out = []
    created = client.created.date()
    for back in (3, 2, 1):
        period = add_months(ctx.start, -back)
        if period < created:
            continue
        issue = month_end(period) + timedelta(days=1)
        label = f"{words.MONTHS[period.month - 1]} {period.year}"
        if client.retainer_minutes and client.retainer_fee:
            lines = [LineItem(description=f"Retainer — {label}", quantity="1", unit_price=client.retainer_fee)]
        else:
            hours = Decimal(rng.randrange(16, 60)) / 2
            lines = [LineItem(description=f"Virtual assistance — {label}", quantity=str(hours),
                              unit_price=plan.rate)]
        out.append(InvoicePlan(plan, "retainer" if client.retainer_fee else "standard", issue, lines,
                               notes="Entered from the previous spreadsheet."))
    return out


def _cycles(ctx: Ctx, plan: ClientPlan, entries: list[EntryPlan], rounding: int) -> list[InvoicePlan]:
    rng = ctx.rng
    billable = sorted((e for e in entries if e.billable), key=lambda e: e.id)
    out = []
    cursor = 0
    retainer = bool(plan.client.retainer_fee)
    for end in _cycle_ends(ctx, plan):
        start = cursor
        while cursor < len(billable) and billable[cursor].day <= end:
            cursor += 1
        batch = billable[start:cursor]
        if not batch and not retainer:
            continue
        issue = min(end + timedelta(days=1 if plan.cycle == "monthly" else rng.randint(0, 1)), ctx.today)
        lines = _lines(plan, batch, 15, end)
        out.append(InvoicePlan(plan, "retainer" if retainer else "standard", issue, lines, batch))
    return out


def plan_invoices(ctx: Ctx, plans: list[ClientPlan], entries: list[EntryPlan],
                  rounding: int) -> list[InvoicePlan]:
    """Every invoice, sorted, with ids from ``first_id`` and gapless numbers per year."""
    by_client: dict[int, list[EntryPlan]] = {}
    for entry in entries:
        if entry.client is not None:
            by_client.setdefault(entry.client.id, []).append(entry)
    out: list[InvoicePlan] = []
    for plan in plans:
        deposit = _deposit(ctx, plan)
        if deposit:
            out.append(deposit)
        if plan.work_from is None:
            continue
        if not ctx.large and plan.client.created.date() < ctx.start:
            out += _imported(ctx, plan)
        out += _cycles(ctx, plan, by_client.get(plan.id, []), rounding)
    standard = [inv for inv in out if inv.kind != "deposit" and inv.issue < ctx.days_ago(20)]
    for original in ctx.rng.sample(standard, min(len(standard), max(1, len(out) // 60))):
        lines = [line.with_(time_entry_ids=()) for line in original.lines]
        out.append(InvoicePlan(original.plan, original.kind, original.issue, lines, void=True,
                               notes="Issued with the wrong rate; replaced by the next invoice."))
    out.sort(key=lambda inv: (inv.issue, inv.plan.id, KIND_ORDER[inv.kind], not inv.void))
    return out


def number(invoices: list[InvoicePlan], first_id: int) -> None:
    """Give ids in order and ``INV-YYYY-NNNN`` numbers, gapless per year; link the billed time."""
    counters: dict[int, int] = {}
    for offset, inv in enumerate(invoices):
        inv.id = first_id + offset
        counters[inv.issue.year] = counters.get(inv.issue.year, 0) + 1
        inv.number = f"INV-{inv.issue.year}-{counters[inv.issue.year]:04d}"
        for entry in inv.entries:
            entry.invoice_id = inv.id


def _delay(ctx: Ctx, payer: str) -> int:
    rng = ctx.rng
    if payer == "prompt":
        return rng.randint(-6, 1)
    if payer == "late":
        return rng.randint(46, 110) if rng.random() < 0.15 else rng.randint(8, 45)
    return rng.randint(5, 15) if rng.random() < 0.2 else rng.randint(-2, 4)


def settle(ctx: Ctx, invoices: list[InvoicePlan], protocol: tuple[ProtocolStep, ...],
           first_payment_id: int) -> Ledger:
    """Statuses, payments, reminders sent, and processor fees, for every invoice."""
    rng = ctx.rng
    methods: dict[int, str] = {}
    newest: dict[int, InvoicePlan] = {}
    for inv in invoices:
        if not inv.void:
            newest[inv.plan.id] = inv
    over_target = next((inv for inv in reversed(invoices) if inv.plan.index == 0 and not inv.void
                        and inv.kind != "deposit" and inv.issue < ctx.days_ago(45)), None)
    records: list[Invoice] = []
    payments: list[tuple[date, int, Money, str, str]] = []
    contacts: list[Contact] = []
    fees: list[tuple[date, Money, str, str]] = []
    for inv in invoices:
        client = inv.plan.client
        if inv.plan.id not in methods:
            methods[inv.plan.id] = rng.choice(words.PAYMENT_METHODS.get(client.currency, ("Wise",)))
        method = methods[inv.plan.id]
        terms = 7 if inv.kind == "deposit" else client.terms_days
        due = inv.issue + timedelta(days=terms)
        total = inv.total
        sent_on: date | None = inv.issue
        reminders: list[ReminderSent] = []
        if inv.void:
            status = "void"
        elif inv.plan.draft_last and newest.get(inv.plan.id) is inv and inv.issue >= ctx.days_ago(7):
            status, sent_on = "draft", None
        else:
            payer = "prompt" if inv.kind == "deposit" and not inv.plan.deposit_pending else inv.plan.payer
            if inv.plan.deposit_pending:
                paid_parts: list[tuple[date, Money]] = []
                pay_day = ctx.today + timedelta(days=30)
            elif payer == "partial":
                first = max(inv.issue + timedelta(days=1), due + timedelta(days=rng.randint(0, 5)))
                second = first + timedelta(days=rng.randint(10, 25))
                half = total.percent(50)
                paid_parts = [(first, half), (second, total - half)]
                pay_day = second
            else:
                pay_day = max(inv.issue + timedelta(days=1), due + timedelta(days=_delay(ctx, payer)))
                if client.status == "former":
                    pay_day = min(pay_day, ctx.days_ago(1))
                paid_parts = [(pay_day, total)]
            paid_parts = [(day, amount) for day, amount in paid_parts if day <= ctx.today]
            if inv is over_target and paid_parts:
                paid_parts = [(paid_parts[0][0], total + Money(500, total.currency))]
            received = sum(amount.minor for _d, amount in paid_parts)
            status = "paid" if received >= total.minor else "partial" if received else "sent"
            horizon = pay_day if status == "paid" else ctx.today + timedelta(days=1)
            for index, step in enumerate(protocol):
                day = due + timedelta(days=step.offset_days)
                if not (inv.issue < day < horizon):
                    continue
                if status != "paid" and day >= ctx.days_ago(1):
                    continue
                reminders.append(ReminderSent(step=index, on=day))
                contacts.append(Contact(client_id=inv.plan.id, at=ctx.moment(day, 9 * 60 + 15), channel="email",
                                        direction="out",
                                        summary=f"Payment reminder ({step.name}) for {inv.number}"))
            for day, amount in paid_parts:
                reference = inv.number if rng.random() < 0.7 else f"TRF-{rng.randint(100000, 999999)}"
                payments.append((day, inv.id, amount, method, reference))
                if method in ("PayPal", "Stripe"):
                    pct, fixed = (Decimal("3.49"), 49) if method == "PayPal" else (Decimal("2.9"), 30)
                    fee = amount.percent(pct) + Money(fixed if amount.currency != "JPY" else 0, amount.currency)
                    fees.append((day, fee, method, f"Fee on {inv.number}"))
        records.append(Invoice(
            id=inv.id, number=inv.number, client_id=inv.plan.id, kind=inv.kind, issue_date=inv.issue,
            due_date=due, currency=client.currency, items=tuple(inv.lines), notes=inv.notes, status=status,
            sent_on=sent_on, reminders=tuple(reminders),
        ))
    payments.sort(key=lambda p: (p[0], p[1]))
    payment_records = [Payment(id=first_payment_id + i, invoice_id=inv_id, on=day, amount=amount, method=method,
                               reference=ref)
                       for i, (day, inv_id, amount, method, ref) in enumerate(payments)]
    return Ledger(records, payment_records, contacts, fees)
