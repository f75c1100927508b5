"""The demo's time log: routine entries, every entry laid out in its day, retainers topped up."""

from __future__ import annotations

import bisect
from datetime import date, timedelta

from vatui.demo import words
from vatui.demo.base import ClientPlan, Ctx, DayPlanner, EntryPlan, Load, workdays


def routine_entries(ctx: Ctx, load: Load, plans: list[ClientPlan]) -> list[EntryPlan]:
    """Short daily entries (inbox, calendar, messages) logged against a client, no task."""
    rng = ctx.rng
    out = []
    for plan in plans:
        if plan.work_from is None or plan.work_to is None or not plan.routine:
            continue
        for day in workdays(plan.work_from, min(plan.work_to, ctx.today)):
            share = load.routine_share(day)
            for _i in range(max(0, plan.routine + rng.choice((-1, 0, 0, 1)))):
                if share < 1.0 and rng.random() > share:
                    continue
                out.append(
                    EntryPlan(
                        plan,
                        None,
                        day,
                        rng.choice((5, 5, 5, 10, 10, 15)),
                        True,
                        rng.choice(words.ROUTINE_NOTES),
                    )
                )
    return out


def lay_out(ctx: Ctx, planner: DayPlanner, entries: list[EntryPlan]) -> list[EntryPlan]:
    """Give every entry a start, day by day; what does not fit moves a workday on, or is dropped."""
    by_day: dict[date, list[EntryPlan]] = {}
    for entry in entries:
        by_day.setdefault(entry.day, []).append(entry)
    placed: list[EntryPlan] = []
    days = sorted(by_day)
    i = 0
    while i < len(days):
        day = days[i]
        todays = by_day[day]
        left = planner.lay_out(day, todays)
        placed += [e for e in todays if e.start is not None]
        nxt = day + timedelta(days=3 if day.weekday() == 4 else 1)
        carry = [e for e in left if e.task is not None and nxt <= ctx.today]
        for entry in carry:
            entry.day = nxt
        if carry:
            if nxt not in by_day:
                bisect.insort(days, nxt)
            by_day.setdefault(nxt, []).extend(carry)
        i += 1
    return placed


def top_up_retainers(
    ctx: Ctx, planner: DayPlanner, plans: list[ClientPlan], placed: list[EntryPlan]
) -> list[EntryPlan]:
    """Log routine time this month until a retainer client's burn reaches its target."""
    rng = ctx.rng
    month_start = ctx.today.replace(day=1)
    added: list[EntryPlan] = []
    for plan in plans:
        retainer = plan.client.retainer_minutes
        if plan.burn is None or not retainer or plan.work_from is None:
            continue
        used = sum(e.minutes for e in placed if e.client is plan and e.day >= month_start)
        missing = int(retainer * plan.burn) - used
        days = [d for d in workdays(max(month_start, plan.work_from), ctx.today) if planner.free(d) > 30]
        while missing > 0 and days:
            day = rng.choice(days)
            minutes = min(missing, rng.choice((10, 15, 20, 30)))
            entry = EntryPlan(plan, None, day, minutes, True, rng.choice(words.ROUTINE_NOTES))
            if planner.lay_out(day, [entry]):
                days.remove(day)
                continue
            added.append(entry)
            missing -= minutes
    return added
