"""Demo tasks: the finished history with its bits of work, today's board, finishing each task.

History tasks are done, with their time spread over the working days they took (the day
they are logged on is laid out by ``demo.timelog``). The
board of today is partly scripted for the first five clients, so Today shows overdue
work, work due today and follow-ups whatever the seed.
"""

from __future__ import annotations

from datetime import date, timedelta

from vatui.demo import words
from vatui.demo.base import (
    ClientPlan,
    Ctx,
    EntryPlan,
    Load,
    TaskPlan,
    month_end,
    workdays,
)
from vatui.demo.clients import fill

CHUNKS = (5, 5, 5, 5, 10, 10, 15)
"""Lengths of the bits of work a task is logged in, minutes."""
CHECKLIST = ("Draft", "Review with the client", "Apply feedback", "Publish", "Send confirmation")

# Scripted open tasks: client index (None: the VA's own), title, column, due (days from
# today), priority, estimate, tags, follow-up (days from today), minutes logged so far.
Script = tuple[int | None, str, str, int | None, str | None, int | None, tuple[str, ...], int | None, int]
BOARD: tuple[Script, ...] = (
    (0, "Draft December newsletter", "Next", 0, "high", 120, ("email", "content"), None, 0),
    (0, "Schedule January discovery calls", "Inbox", 6, "med", 45, ("calendar",), None, 0),
    (0, "Update webinar landing page", "Waiting", 3, "med", 60, ("content",), -1, 35),
    (1, "Chase supplier quotes for the spring catalogue", "Doing", 2, "med", 90, ("research",), None, 50),
    (1, "Reconcile October invoices in Xero", "Next", -3, "high", 60, ("finance",), None, 0),
    (1, "Book Leeds warehouse visit", "Waiting", 5, None, 30, ("travel",), 0, 15),
    (2, "Translate menu update to English", "Doing", 0, "high", 45, ("content",), None, 20),
    (2, "Post 3 Instagram stories [weekend brunch]", "Next", 1, "low", 30, ("social",), None, 0),
    (2, "Order new coffee cups — check supplier list", "Next", -1, "med", 20, ("admin",), None, 0),
    (3, "Prepare English summary of 会議 notes", "Doing", 1, "med", 60, ("content",), None, 25),
    (3, "Translate portfolio captions", "Next", 4, "low", 90, ("content",), None, 0),
    (3, "Confirm Osaka trade fair booth", "Waiting", 9, "high", 20, ("events",), 3, 10),
    (4, "Onboarding: collect logins and brand assets", "Inbox", None, "med", 60, ("admin",), None, 0),
    (4, "Set up shared Google Drive", "Inbox", 5, None, 30, ("admin",), None, 0),
    (None, "Renew coworking pass", "Next", 3, "low", 10, ("admin",), None, 0),
    (None, "Back up laptop to external drive", "Inbox", None, None, 20, ("admin",), None, 0),
)


def _effort(ctx: Ctx, estimate: int) -> list[int]:
    """Split a task's real effort into logged bits."""
    rng = ctx.rng
    target = max(5, int(estimate * rng.uniform(0.35, 0.7)))
    bits: list[int] = []
    while sum(bits) < target:
        bits.append(rng.choice(CHUNKS))
    return bits


def _attach(ctx: Ctx, task: TaskPlan, first: date, last: date, bits: list[int], billable: bool) -> None:
    days = workdays(first, min(last, ctx.today)) or workdays(first, min(first + timedelta(days=3), ctx.today))
    if not days:
        return
    days.sort()
    for i, minutes in enumerate(bits):
        day = days[min(len(days) - 1, i * len(days) // len(bits))]
        note = ctx.rng.choice(words.WORK_NOTES)
        task.entries.append(EntryPlan(task.client, task, day, minutes, billable, note))


def _history(ctx: Ctx, load: Load, plan: ClientPlan, out: list[TaskPlan]) -> None:
    """Finished tasks of one client, week by week over its working window."""
    rng = ctx.rng
    assert plan.work_from is not None and plan.work_to is not None
    last = min(plan.work_to, ctx.days_ago(1))
    week = plan.work_from - timedelta(days=plan.work_from.weekday())
    while week <= last:
        per_week = plan.tasks_per_week * load.task_share(week)
        whole, frac = int(per_week), per_week % 1
        for _i in range(whole + (rng.random() < frac)):
            day = week + timedelta(days=rng.randint(0, 4))
            if not plan.work_from <= day <= last:
                continue
            template, tags, typical = rng.choice(words.TASKS)
            estimate = max(15, round(typical * rng.uniform(0.6, 1.3) / 15) * 15)
            task = TaskPlan(
                title=fill(ctx, template, plan, day),
                client=plan,
                column="Done",
                created=ctx.moment(day, rng.randint(8 * 60, 18 * 60)),
                due=day + timedelta(days=rng.randint(1, 10)) if rng.random() < 0.65 else None,
                priority=rng.choice((None, "low", "med", "med", "high")),
                estimate=estimate if rng.random() < 0.85 else None,
                tags=tags,
                done=True,
                checklist=CHECKLIST[: rng.randint(2, 4)] if rng.random() < 0.1 else (),
                notes="See the shared folder for the brief." if rng.random() < 0.08 else "",
            )
            span = rng.choice((0, 1, 1, 2, 3, 5, 8))
            _attach(
                ctx,
                task,
                day,
                min(day + timedelta(days=span), plan.work_to),
                _effort(ctx, estimate),
                billable=rng.random() > 0.06,
            )
            out.append(task)
        if plan.weekly_report:
            friday = week + timedelta(days=4)
            if plan.work_from <= friday <= last:
                task = TaskPlan(
                    title="Weekly status report",
                    client=plan,
                    column="Done",
                    created=ctx.moment(friday - timedelta(days=7), 17 * 60),
                    due=friday,
                    priority="med",
                    estimate=30,
                    tags=("report",),
                    recurrence="friday",
                    done=True,
                )
                _attach(ctx, task, friday, friday, [rng.choice((20, 25, 30))], billable=True)
                out.append(task)
        week += timedelta(days=7)


def _own_history(ctx: Ctx, out: list[TaskPlan]) -> None:
    """The VA's own month-end bookkeeping: recurring, not billable."""
    day = month_end(ctx.start)
    while day < ctx.today:
        task = TaskPlan(
            title="Month-end bookkeeping and invoices",
            client=None,
            column="Done",
            created=ctx.moment(day - timedelta(days=20), 9 * 60),
            due=day,
            priority="high",
            estimate=90,
            tags=("admin", "finance"),
            recurrence="last",
            done=True,
        )
        last_workday = workdays(day - timedelta(days=4), day)[-1:]
        if last_workday:
            _attach(ctx, task, last_workday[0], last_workday[0], [30, 20, 15, 20], billable=False)
        out.append(task)
        day = month_end(day + timedelta(days=1))


def _open_task(
    ctx: Ctx,
    plan: ClientPlan | None,
    title: str,
    column: str,
    due: int | None,
    priority: str | None,
    estimate: int | None,
    tags: tuple[str, ...],
    follow: int | None,
    logged: int,
) -> TaskPlan:
    rng = ctx.rng
    created_ago = (
        rng.randint(4, 20)
        if column in ("Waiting", "Doing") or (due is not None and due < 0)
        else rng.randint(0, 10)
    )
    created_day = ctx.days_ago(created_ago)
    task = TaskPlan(
        title=title,
        client=plan,
        column=column,
        created=ctx.moment(created_day, rng.randint(8 * 60, 11 * 60)),
        due=ctx.today + timedelta(days=due) if due is not None else None,
        priority=priority,
        estimate=estimate,
        tags=tags,
        follow_up=ctx.today + timedelta(days=follow) if follow is not None else None,
        notes=f"Waiting for {rng.choice(plan.people) if plan and plan.people else 'them'} to reply."
        if column == "Waiting"
        else "",
    )
    if logged:
        bits: list[int] = []
        while sum(bits) < logged:
            bits.append(rng.choice((5, 10, 15)))
        _attach(ctx, task, created_day, ctx.days_ago(1), bits, billable=True)
    return task


PipelineTask = tuple[
    str, str, tuple[int, int] | None, str | None, int, tuple[str, ...], tuple[int, int] | None
]

PIPELINE_TASKS: dict[str, PipelineTask] = {
    "lead": ("Send proposal to {name}", "Inbox", (1, 7), "med", 60, ("sales",), None),
    "prospect": ("Prepare onboarding checklist", "Next", (2, 9), "low", 45, ("admin",), None),
    "paused": ("Confirm restart date", "Waiting", None, None, 15, ("admin",), (3, 20)),
}
"""The open task a client of each pipeline status gets: (title, column, due in days from
today — a random range —, priority, estimate in minutes, tags, follow-up in days — a range)."""


def _pipeline_task(
    ctx: Ctx,
    plan: ClientPlan,
    title: str,
    column: str,
    due: tuple[int, int] | None,
    priority: str | None,
    estimate: int,
    tags: tuple[str, ...],
    follow: tuple[int, int] | None,
) -> TaskPlan:
    rng = ctx.rng
    due_in = rng.randint(*due) if due else None
    follow_in = rng.randint(*follow) if follow else None
    return _open_task(
        ctx, plan, title.format(name=plan.client.name), column, due_in, priority, estimate, tags, follow_in, 0
    )


def _board(ctx: Ctx, plans: list[ClientPlan], out: list[TaskPlan]) -> None:
    """Today's open tasks: scripted for the cast, random for the rest."""
    for index, title, column, due, prio, est, tags, follow, logged in BOARD:
        plan = plans[index] if index is not None and index < len(plans) else None
        if index is not None and plan is None:
            continue
        out.append(_open_task(ctx, plan, title, column, due, prio, est, tags, follow, logged))
    friday = ctx.today + timedelta(days=(4 - ctx.today.weekday()) % 7)
    for plan in plans:
        status = plan.client.status
        if plan.weekly_report and status == "active":
            out.append(
                TaskPlan(
                    title="Weekly status report",
                    client=plan,
                    column="Next",
                    created=ctx.moment(friday - timedelta(days=7), 17 * 60 + 10),
                    due=friday,
                    priority="med",
                    estimate=30,
                    tags=("report",),
                    recurrence="friday",
                )
            )
        if plan.index < 5:
            continue
        if status in PIPELINE_TASKS:
            out.append(_pipeline_task(ctx, plan, *PIPELINE_TASKS[status]))
        elif status == "active":
            _random_open(ctx, plan, out)
    out.append(
        TaskPlan(
            title="Month-end bookkeeping and invoices",
            client=None,
            column="Next",
            created=ctx.moment(month_end(ctx.today) - timedelta(days=20), 9 * 60),
            due=month_end(ctx.today),
            priority="high",
            estimate=90,
            tags=("admin", "finance"),
            recurrence="last",
        )
    )


def _random_open(ctx: Ctx, plan: ClientPlan, out: list[TaskPlan]) -> None:
    rng = ctx.rng

    def title() -> tuple[str, tuple[str, ...], int]:
        template, tags, typical = rng.choice(words.TASKS)
        return fill(ctx, template, plan, ctx.today), tags, typical

    for _i in range(rng.randint(0, 2)):
        text, tags, est = title()
        out.append(
            _open_task(
                ctx,
                plan,
                text,
                "Inbox",
                rng.randint(5, 20) if rng.random() < 0.4 else None,
                rng.choice((None, "low", "med")),
                est,
                tags,
                None,
                0,
            )
        )
    for _i in range(rng.randint(1, 2)):
        text, tags, est = title()
        out.append(
            _open_task(
                ctx,
                plan,
                text,
                "Next",
                rng.randint(0, 7),
                rng.choice(("low", "med", "high")),
                est,
                tags,
                None,
                0,
            )
        )
    if rng.random() < 0.35:
        text, tags, est = title()
        task = _open_task(ctx, plan, text, "Next", -rng.randint(1, 9), "high", est, tags, None, 10)
        if rng.random() < 0.25:
            task.snoozed_until = ctx.today + timedelta(days=rng.randint(1, 4))
        out.append(task)
    if rng.random() < 0.4:
        text, tags, est = title()
        out.append(
            _open_task(
                ctx, plan, text, "Waiting", rng.randint(2, 12), "med", est, tags, rng.randint(-4, 5), 15
            )
        )


def build_tasks(ctx: Ctx, load: Load, plans: list[ClientPlan]) -> list[TaskPlan]:
    """Every task: the finished history and today's board (ids not yet given)."""
    out: list[TaskPlan] = []
    for plan in plans:
        if plan.work_from is not None:
            _history(ctx, load, plan, out)
    _own_history(ctx, out)
    _board(ctx, plans, out)
    if ctx.large:
        spare = [t for t in out if not t.done and t.column == "Next" and t.client and t.client.index >= 5]
        if spare:
            ctx.rng.choice(spare).column = "Doing"
    return out


def finish_tasks(ctx: Ctx, tasks: list[TaskPlan]) -> None:
    """Created before the first bit of work, completed after the last, never in the future."""
    rng = ctx.rng
    for task in tasks:
        task.created = min(task.created, ctx.now - timedelta(minutes=rng.randint(5, 60)))
        task.entries = [e for e in task.entries if e.start is not None]
        if task.entries:
            first = min(e.start for e in task.entries if e.start is not None)
            task.created = min(task.created, first - timedelta(minutes=rng.randint(5, 120)))
        if not task.done:
            continue
        if task.entries:
            last = max(e.end for e in task.entries)
            task.completed = last + timedelta(minutes=rng.randint(1, 30))
        else:
            task.completed = task.created + timedelta(minutes=rng.randint(30, 600))
        task.completed = min(task.completed, ctx.now - timedelta(minutes=1))
        task.created = min(task.created, task.completed - timedelta(minutes=1))
