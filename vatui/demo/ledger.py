"""Demo invoices, payments and reminders, built from the billed time.

Each client is invoiced on its cycle (weekly, every other Friday, or monthly), the way
``vatui.services.ledger.invoices.new_invoice`` would have made it: lines group the billed time per
task, rounded up to the workspace's rounding, at the client's rate (``minutes`` set); a
retainer client gets the month's fee, its hours within the retainer at no charge and an
overage line. Every billed entry is linked from exactly one line. How each client pays
(prompt, normal, late, in two parts) decides payment dates, statuses and which
collection steps were sent; a paid deposit, and credit from an overpayment, are taken off
the next invoice sent, as ``send_invoice`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from vatui.demo import words
from vatui.demo.base import ClientPlan, Ctx, EntryPlan, month_end
from vatui.domain.clients import Contact
from vatui.domain.dates import add_months
from vatui.domain.invoicing import hours_text, line_amount, round_minutes
from vatui.domain.ledger import Invoice, LineItem, Payment, ReminderSent
from vatui.domain.money import Money
from vatui.domain.settings import ProtocolStep
from vatui.domain.text import one_line

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
        """The sum of its lines (no tax, no discount)."""
        total = Money(0, self.plan.client.currency)
        for line in self.lines:
            total = total + line_amount(line)
        return total


@dataclass
class Ledger:
    """What the ledger part of the generator produces."""

    invoices: list[Invoice]
    payments: list[Payment]
    reminder_contacts: list[Contact]
    fees: list[tuple[date, Money, str, str]]
    """Payment processor fees: (date, amount, vendor, note), for the expenses."""


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


def _month(day: date) -> str:
    return f"{words.MONTHS[day.month - 1]} {day.year}"


def _lines(plan: ClientPlan, entries: list[EntryPlan], rounding: int, issue: date) -> list[LineItem]:
    rate = plan.rate
    client = plan.client
    if client.retainer_minutes and client.retainer_fee:
        lines = [LineItem(description=f"Retainer — {_month(issue)}", unit_price=client.retainer_fee)]
        if not entries:
            return lines
        covered_ids, over_ids, covered, over = [], [], 0, 0
        for entry in entries:
            if covered + entry.minutes <= client.retainer_minutes:
                covered += entry.minutes
                covered_ids.append(entry.id)
            else:
                take = max(client.retainer_minutes - covered, 0)
                covered += take
                over += entry.minutes - take
                over_ids.append(entry.id)
        worked = _month(entries[0].day)
        lines.append(
            LineItem(
                description=f"Hours within the retainer, {worked}",
                quantity=hours_text(covered),
                unit_price=Money(0, client.currency),
                minutes=covered,
                time_entry_ids=tuple(covered_ids),
            )
        )
        if over_ids:
            billed = round_minutes(over, rounding)
            lines.append(
                LineItem(
                    description=f"Retainer overage, {worked}",
                    quantity=hours_text(billed),
                    unit_price=rate,
                    minutes=billed,
                    time_entry_ids=tuple(over_ids),
                )
            )
        return lines
    groups: dict[int, list[EntryPlan]] = {}
    for entry in entries:
        groups.setdefault(entry.task.id if entry.task else 0, []).append(entry)
    lines = []
    for _key, group in sorted(groups.items(), key=lambda kv: (kv[0] == 0, kv[1][0].id)):
        task = group[0].task
        title = one_line(task.title, 80) if task else GENERAL
        minutes = round_minutes(sum(e.minutes for e in group), rounding)
        lines.append(
            LineItem(
                description=title,
                quantity=hours_text(minutes),
                unit_price=rate,
                minutes=minutes,
                time_entry_ids=tuple(e.id for e in group),
            )
        )
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
    line = LineItem(
        description=f"Deposit ({client.deposit_percent} %) before work starts",
        quantity="1",
        unit_price=amount,
    )
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
        label = _month(period)
        if client.retainer_minutes and client.retainer_fee:
            lines = [LineItem(description=f"Retainer — {label}", unit_price=client.retainer_fee)]
        else:
            hours = Decimal(rng.randrange(16, 60)) / 2
            lines = [
                LineItem(
                    description=f"Virtual assistance — {label}", quantity=str(hours), unit_price=plan.rate
                )
            ]
        out.append(
            InvoicePlan(
                plan,
                "retainer" if client.retainer_fee else "standard",
                issue,
                lines,
                notes="Entered from the previous spreadsheet.",
            )
        )
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
        lines = _lines(plan, batch, rounding, issue)
        out.append(InvoicePlan(plan, "retainer" if retainer else "standard", issue, lines, batch))
    return out


def plan_invoices(
    ctx: Ctx, plans: list[ClientPlan], entries: list[EntryPlan], rounding: int
) -> list[InvoicePlan]:
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
        out.append(
            InvoicePlan(
                original.plan,
                original.kind,
                original.issue,
                lines,
                void=True,
                notes="Issued with the wrong rate; replaced by the next invoice.",
            )
        )
    out.sort(key=lambda inv: (inv.issue, inv.plan.id, KIND_ORDER[inv.kind], not inv.void))
    return out


def drafts(ctx: Ctx, invoices: list[InvoicePlan]) -> set[int]:
    """``id()`` of the invoices that stay drafts: a client's newest, of the last week, when
    its plan says so."""
    newest: dict[int, InvoicePlan] = {}
    for inv in invoices:
        if not inv.void:
            newest[inv.plan.id] = inv
    return {id(inv) for inv in newest.values() if inv.plan.draft_last and inv.issue >= ctx.days_ago(7)}


def number(invoices: list[InvoicePlan], first_id: int, unsent: set[int] | None = None) -> None:
    """Give ids in order and ``INV-YYYY-NNNN`` numbers, gapless per year (drafts, ``unsent``,
    get none: numbers come when an invoice is sent); link the billed time."""
    counters: dict[int, int] = {}
    for offset, inv in enumerate(invoices):
        inv.id = first_id + offset
        for entry in inv.entries:
            entry.invoice_id = inv.id
        if id(inv) in (unsent or set()):
            inv.number = ""
            continue
        counters[inv.issue.year] = counters.get(inv.issue.year, 0) + 1
        inv.number = f"INV-{inv.issue.year}-{counters[inv.issue.year]:04d}"


def _delay(ctx: Ctx, payer: str) -> int:
    rng = ctx.rng
    if payer == "prompt":
        return rng.randint(-6, 1)
    if payer == "late":
        return rng.randint(46, 110) if rng.random() < 0.15 else rng.randint(8, 45)
    return rng.randint(5, 15) if rng.random() < 0.2 else rng.randint(-2, 4)


class _Held:
    """Money held for one client: paid deposits and overpaid credit, each from a date."""

    def __init__(self) -> None:
        self.deposit: list[tuple[date, int]] = []
        self.credit: list[tuple[date, int]] = []

    @staticmethod
    def take(pool: list[tuple[date, int]], on: date, most: int) -> int:
        """Take up to ``most`` of what was available by ``on``."""
        taken = 0
        for i, (since, amount) in enumerate(pool):
            if since <= on and amount and taken < most:
                part = min(amount, most - taken)
                pool[i] = (since, amount - part)
                taken += part
        return taken


def _parts(ctx: Ctx, inv: InvoicePlan, due: date, owed: Money) -> tuple[list[tuple[date, Money]], date]:
    """When the client pays what is owed: (date, amount) parts, and the day it is all paid."""
    rng = ctx.rng
    payer = "prompt" if inv.kind == "deposit" else inv.plan.payer
    if inv.plan.deposit_pending:
        return [], ctx.today + timedelta(days=30)
    if payer == "partial":
        first = max(inv.issue + timedelta(days=1), due + timedelta(days=rng.randint(0, 5)))
        second = first + timedelta(days=rng.randint(10, 25))
        half = owed.percent(50)
        return [(first, half), (second, owed - half)], second
    pay_day = max(inv.issue + timedelta(days=1), due + timedelta(days=_delay(ctx, payer)))
    if inv.plan.client.status == "former":
        pay_day = min(pay_day, ctx.days_ago(1))
    return [(pay_day, owed)], pay_day


def settle(
    ctx: Ctx, invoices: list[InvoicePlan], protocol: tuple[ProtocolStep, ...], first_payment_id: int
) -> Ledger:
    """Statuses, payments, deposits and credit applied, reminders sent, and processor fees."""
    rng = ctx.rng
    methods: dict[int, str] = {}
    unsent = drafts(ctx, invoices)
    over_target = next(
        (
            inv
            for inv in reversed(invoices)
            if inv.plan.index == 0 and not inv.void and inv.kind != "deposit" and inv.issue < ctx.days_ago(45)
        ),
        None,
    )
    held: dict[int, _Held] = {}
    records: list[Invoice] = []
    payments: list[tuple[date, int, Money, str, str]] = []
    contacts: list[Contact] = []
    fees: list[tuple[date, Money, str, str]] = []
    for inv in invoices:
        client = inv.plan.client
        pool = held.setdefault(inv.plan.id, _Held())
        if inv.plan.id not in methods:
            methods[inv.plan.id] = rng.choice(words.PAYMENT_METHODS.get(client.currency, ("Wise",)))
        method = methods[inv.plan.id]
        due = inv.issue + timedelta(days=7 if inv.kind == "deposit" else client.terms_days)
        total = inv.total
        sent_on: date | None = inv.issue
        voided_on = deposit_applied = credit_applied = None
        reminders: list[ReminderSent] = []
        if inv.void:
            status, voided_on = "void", min(inv.issue + timedelta(days=1), ctx.today)
        elif id(inv) in unsent:
            status, sent_on = "draft", None
        else:
            owed = total.minor
            if inv.kind != "deposit":
                taken = _Held.take(pool.deposit, inv.issue, owed)
                deposit_applied = Money(taken, total.currency) if taken else None
                owed -= taken
                taken = _Held.take(pool.credit, inv.issue, owed)
                credit_applied = Money(taken, total.currency) if taken else None
                owed -= taken
            parts, pay_day = _parts(ctx, inv, due, Money(owed, total.currency)) if owed else ([], inv.issue)
            parts = [(day, amount) for day, amount in parts if day <= ctx.today]
            if inv is over_target and parts:
                parts = [(parts[0][0], parts[0][1] + Money(500, total.currency))]
                pool.credit.append((parts[0][0], 500))
            received = sum(amount.minor for _d, amount in parts)
            status = "paid" if received >= owed else "partial" if received or owed < total.minor else "sent"
            if inv.kind == "deposit" and status == "paid":
                pool.deposit.append((pay_day, total.minor))
            horizon = pay_day if status == "paid" else ctx.today + timedelta(days=1)
            for index, step in enumerate(protocol):
                day = due + timedelta(days=step.offset_days)
                if not (inv.issue < day < horizon) or (status != "paid" and day >= ctx.days_ago(1)):
                    continue
                reminders.append(ReminderSent(step=index, on=day))
                contacts.append(
                    Contact(
                        client_id=inv.plan.id,
                        at=ctx.moment(day, 9 * 60 + 15),
                        channel="email",
                        direction="out",
                        summary=f"Payment reminder ({step.name}) for {inv.number}",
                    )
                )
            for day, amount in parts:
                reference = inv.number if rng.random() < 0.7 else f"TRF-{rng.randint(100000, 999999)}"
                payments.append((day, inv.id, amount, method, reference))
                if method in ("PayPal", "Stripe"):
                    pct, fixed = (Decimal("3.49"), 49) if method == "PayPal" else (Decimal("2.9"), 30)
                    fee = amount.percent(pct) + Money(
                        fixed if amount.currency != "JPY" else 0, amount.currency
                    )
                    fees.append((day, fee, method, f"Fee on {inv.number}"))
        records.append(
            Invoice(
                id=inv.id,
                number=inv.number,
                client_id=inv.plan.id,
                kind=inv.kind,
                issue_date=inv.issue,
                due_date=due,
                currency=client.currency,
                items=tuple(inv.lines),
                notes=inv.notes,
                status=status,
                sent_on=sent_on,
                reminders=tuple(reminders),
                deposit_applied=deposit_applied,
                credit_applied=credit_applied,
                voided_on=voided_on,
            )
        )
    payments.sort(key=lambda p: (p[0], p[1]))
    payment_records = [
        Payment(
            id=first_payment_id + i, invoice_id=inv_id, on=day, amount=amount, method=method, reference=ref
        )
        for i, (day, inv_id, amount, method, ref) in enumerate(payments)
    ]
    return Ledger(records, payment_records, contacts, fees)
