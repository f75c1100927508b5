"""What every part of the demo generator shares: the clock, the dice, the plans, the day planner.

The generator works on plain mutable plans (``ClientPlan``, ``TaskPlan``, ``EntryPlan``)
and turns them into records only at the end, once every id is known.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vatui.domain.clients import Client
from vatui.domain.money import Money

DAY_START = 8 * 60
"""The VA's day starts around 08:00 home time (minutes after midnight)."""
DAY_END = 20 * 60
"""…and ends by 20:00."""
TASKS_A_WEEK = 45.0
"""Most tasks a week across every client: beyond that, each client sends fewer."""
ROUTINE_A_DAY = 18.5
"""Most short routine entries a day across every client."""


@dataclass
class Ctx:
    """The generator's shared state."""

    rng: random.Random
    """The seeded dice; the only source of chance."""
    now: datetime
    """The workspace clock's now (UTC)."""
    tz: ZoneInfo
    """The home timezone."""
    today: date
    """Today at home."""
    start: date
    """The first day of the history."""
    large: bool
    """Years of history (``True``) or about a month."""

    def moment(self, day: date, minute: int) -> datetime:
        """``minute`` after local midnight of ``day``, as a UTC moment."""
        local = datetime.combine(day, time(0), tzinfo=self.tz) + timedelta(minutes=minute)
        return local.astimezone(UTC)

    def now_minute(self) -> int:
        """Minutes after local midnight now."""
        local = self.now.astimezone(self.tz)
        return local.hour * 60 + local.minute

    def days_ago(self, n: int) -> date:
        """The date ``n`` days before today."""
        return self.today - timedelta(days=n)


@dataclass
class ClientPlan:
    """A demo client and how it behaves."""

    client: Client
    """The record (with its id)."""
    index: int
    """Its place in the cast (0 is the first)."""
    region: str
    """Where its people come from (``us``, ``uk``, …)."""
    work_from: date | None = None
    """First day of work in the history; ``None`` when no work happened."""
    work_to: date | None = None
    """Last day of work (today for active clients)."""
    tasks_per_week: float = 2.0
    """How many tasks they send a week."""
    routine: int = 0
    """Short daily entries (inbox, calendar) per workday."""
    cycle: str = "monthly"
    """Billing cycle: ``weekly``, ``biweekly`` or ``monthly``."""
    payer: str = "normal"
    """How they pay: ``prompt``, ``normal``, ``late`` or ``partial``."""
    weekly_report: bool = False
    """Whether a recurring Friday status report runs for them."""
    quiet_days: int = 0
    """No contact logged in the last this many days (to go past their cadence)."""
    burn: float | None = None
    """Retainer hours this month as a share of the retainer (tops time up to it)."""
    deposit_pending: bool = False
    """A new client whose deposit invoice is still unpaid: no work yet."""
    draft_last: bool = False
    """Their newest invoice stays a draft."""
    city: str = "Madrid"
    """A city for titles."""
    people: list[str] = field(default_factory=list)
    """First names of their people, for titles."""

    @property
    def id(self) -> int:
        """The client's id."""
        return self.client.id or 0

    @property
    def rate(self) -> Money:
        """The hourly rate."""
        return self.client.hourly_rate or Money(0, self.client.currency)


@dataclass
class TaskPlan:
    """A task on its way to becoming a ``Task``."""

    title: str
    client: ClientPlan | None
    column: str
    created: datetime
    due: date | None = None
    priority: str | None = None
    estimate: int | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""
    checklist: tuple[str, ...] = ()
    recurrence: str | None = None
    follow_up: date | None = None
    snoozed_until: date | None = None
    done: bool = False
    completed: datetime | None = None
    entries: list[EntryPlan] = field(default_factory=list)
    id: int = 0


@dataclass
class EntryPlan:
    """A time entry on its way: a day and a length first, a start once the day is laid out."""

    client: ClientPlan | None
    task: TaskPlan | None
    day: date
    minutes: int
    billable: bool = True
    note: str = ""
    start: datetime | None = None
    id: int = 0
    invoice_id: int | None = None

    @property
    def end(self) -> datetime:
        """When it ended."""
        assert self.start is not None
        return self.start + timedelta(minutes=self.minutes)


class DayPlanner:
    """Lays out each day's entries one after another, in random order, without overlap."""

    def __init__(self, ctx: Ctx) -> None:
        self._ctx = ctx
        self._cursor: dict[date, int] = {}
        self._today_cap = ctx.now_minute() - 5

    def cap(self, day: date) -> int:
        """The latest minute work may end on ``day``."""
        if day == self._ctx.today:
            return self._today_cap
        return DAY_END

    def free(self, day: date) -> int:
        """Minutes still free on ``day``."""
        return max(0, self.cap(day) - self._cursor.get(day, DAY_START))

    def lay_out(self, day: date, entries: list[EntryPlan]) -> list[EntryPlan]:
        """Give each entry a start on ``day``; returns those that did not fit."""
        rng = self._ctx.rng
        cursor = self._cursor.get(day)
        if cursor is None:
            cursor = DAY_START + rng.randrange(0, 40, 5)
        cap = self.cap(day)
        left: list[EntryPlan] = []
        rng.shuffle(entries)
        for entry in entries:
            if cursor + entry.minutes > cap:
                left.append(entry)
                continue
            entry.start = self._ctx.moment(day, cursor)
            cursor += entry.minutes + rng.choice((0, 0, 0, 1, 2, 3, 5))
        self._cursor[day] = cursor
        return left


class Load:
    """How busy the VA is: clients send less when many are working at once."""

    def __init__(self, plans: list[ClientPlan]) -> None:
        self._tasks: dict[date, float] = {}
        self._routine: dict[date, float] = {}
        for plan in plans:
            if plan.work_from is None or plan.work_to is None:
                continue
            week = plan.work_from - timedelta(days=plan.work_from.weekday())
            while week <= plan.work_to:
                self._tasks[week] = self._tasks.get(week, 0.0) + plan.tasks_per_week
                self._routine[week] = self._routine.get(week, 0.0) + plan.routine
                week += timedelta(days=7)

    def task_share(self, day: date) -> float:
        """The share of its usual tasks a client sends in ``day``'s week."""
        load = self._tasks.get(day - timedelta(days=day.weekday()), 0.0)
        return min(1.0, TASKS_A_WEEK / load) if load else 1.0

    def routine_share(self, day: date) -> float:
        """The share of its usual routine entries a client gets on ``day``."""
        load = self._routine.get(day - timedelta(days=day.weekday()), 0.0)
        return min(1.0, ROUTINE_A_DAY / load) if load else 1.0


def workdays(first: date, last: date) -> list[date]:
    """Monday-to-Friday dates from ``first`` to ``last`` inclusive."""
    out = []
    day = first
    while day <= last:
        if day.weekday() < 5:
            out.append(day)
        day += timedelta(days=1)
    return out


def month_end(day: date) -> date:
    """The last day of ``day``'s month."""
    nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return nxt - timedelta(days=1)
