"""The demo's season: a crunch week for the forecast to show, and the VA's days off."""

from __future__ import annotations

from datetime import date, timedelta

from vatui.demo.base import ClientPlan, Ctx, TaskPlan

# The season's crunch: a new client's onboarding lands in the week the VA is away for three
# days, so the plan (``vatui plan``, the Plan pane, Today's early warning) has a week over
# capacity to show. Built after every random draw (no draw of its own), so the rest of the
# demo is the same as without it. Title, estimate (minutes), priority, due (days after next
# Monday); all snoozed until next Monday.
CRUNCH: tuple[tuple[str, int, str | None, int], ...] = (
    ("Migrate the contact list into the new CRM", 480, "high", 1),
    ("Set up booking workflows and e-mail templates", 360, "med", 1),
    ("Write the welcome e-mail sequence", 240, "low", 9),
    ("Draft the FAQ page for the website", 180, None, 11),
)


def next_monday(today: date) -> date:
    """The Monday of next week."""
    return today + timedelta(days=7 - today.weekday())


def season_crunch(ctx: Ctx, plans: list[ClientPlan]) -> list[TaskPlan]:
    """The crunch's tasks, for the fifth client (the one onboarding) or the VA's own."""
    plan = plans[4] if len(plans) > 4 else None
    monday = next_monday(ctx.today)
    return [
        TaskPlan(
            title=title,
            client=plan,
            column="Next",
            created=ctx.now - timedelta(minutes=1),
            due=monday + timedelta(days=due),
            priority=priority,
            estimate=estimate,
            tags=("admin",),
            snoozed_until=monday,
        )
        for title, estimate, priority, due in CRUNCH
    ]


def days_off(ctx: Ctx) -> tuple[date, date, str]:
    """The VA's days off in the demo: Wednesday to Friday of next week."""
    monday = next_monday(ctx.today)
    return monday + timedelta(days=2), monday + timedelta(days=4), "Family visit"
