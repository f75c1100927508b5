"""Demo expenses: subscriptions with their monthly (or yearly) occurrences, one-off purchases,
and the fees payment processors kept.

As in ``vatui.services.ledger.expenses``, a subscription is a template that is not itself
counted, and an occurrence is dated from the template's first date on, once a month (or
year), up to today.
"""

from __future__ import annotations

from datetime import date, timedelta

from vatui.demo import words
from vatui.demo.base import ClientPlan, Ctx
from vatui.domain.dates import add_months
from vatui.domain.ledger import Expense
from vatui.domain.money import Money

# (date, order, template key or -1, expense without ids, template key of an occurrence or -1)
Pending = tuple[date, int, int, Expense, int]


def build_expenses(
    ctx: Ctx, plans: list[ClientPlan], fees: list[tuple[date, Money, str, str]], first_id: int
) -> list[Expense]:
    """Every expense, sorted by date, with ids from ``first_id``; occurrences name their template."""
    rng = ctx.rng
    span = (ctx.today - ctx.start).days
    pending: list[Pending] = []
    for key, (vendor, category, minor, currency, rule) in enumerate(words.SUBSCRIPTIONS):
        first = ctx.start + timedelta(days=rng.randint(0, min(200, span // 3)))
        step = 1 if rule == "monthly" else 12
        template = Expense(
            on=first,
            amount=Money(minor, currency),
            category=category,
            vendor=vendor,
            note=f"{rule.capitalize()} subscription",
            recurrence=rule,
        )
        pending.append((first, 0, key, template, -1))
        n = 0
        while (day := add_months(first, step * n)) <= ctx.today:
            occurrence = template.with_(on=day, recurrence=None, note="")
            pending.append((day, 1, -1, occurrence, key))
            n += 1
    working = [p for p in plans if p.work_from is not None and p.work_to is not None]
    for _i in range(max(3, span // 9)):
        vendor, category, low, high, currency, note = rng.choice(words.ONE_OFF_EXPENSES)
        day = ctx.start + timedelta(days=rng.randint(0, span))
        client_id = None
        if category == "other" and working and rng.random() < 0.5:
            plan = rng.choice(working)
            assert plan.work_from is not None and plan.work_to is not None
            if plan.work_from <= day <= plan.work_to:
                client_id, currency = plan.id, plan.client.currency
                note = f"{note} for {plan.client.name}"
        minor = rng.randrange(low, high, 50)
        if currency == "JPY":
            minor = minor * 150 // 100
        pending.append(
            (
                day,
                1,
                -1,
                Expense(
                    on=day,
                    amount=Money(minor, currency),
                    category=category,
                    vendor=vendor,
                    note=note,
                    client_id=client_id,
                ),
                -1,
            )
        )
    for day, amount, vendor, note in fees:
        pending.append(
            (day, 2, -1, Expense(on=day, amount=amount, category="fees", vendor=vendor, note=note), -1)
        )
    pending.sort(key=lambda p: (p[0], p[1]))
    template_ids: dict[int, int] = {}
    out = []
    for offset, (_day, _order, key, expense, of) in enumerate(pending):
        expense_id = first_id + offset
        if key >= 0:
            template_ids[key] = expense_id
        out.append(expense.with_(id=expense_id, template_id=template_ids[of] if of >= 0 else None))
    return out
