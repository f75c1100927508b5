"""Demo clients (the pipeline, people, channels, terms, vetting, notes) and the contact log."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from vatui.demo import words
from vatui.demo.base import ClientPlan, Ctx, EntryPlan
from vatui.domain.clients import Channel, Client, Contact, Note, Person, VettingCheck
from vatui.domain.money import Money, decimals_of

RATES = {
    "USD": (3500, 4000, 4500, 5000, 5500, 6000),
    "EUR": (3000, 3500, 4000, 4500, 5000),
    "GBP": (2800, 3200, 3500, 4000, 4500),
    "JPY": (4500, 5000, 5500, 6000),
}
"""Hourly rates per currency, in minor units."""

STATUS_PATTERN = ("active",) * 13 + ("former",) * 11 + ("paused",) * 4 + ("lead",) * 4 + ("prospect",) * 3
"""The pipeline of the clients after the first five (the large demo: 40 clients)."""

CAST = {
    # index: (status, terms, deposit %, cadence, payer, cycle, retainer hours, routine, per week)
    0: ("active", 14, 0, 7, "prompt", "monthly", 20, 2, 2.5),
    1: ("active", 30, 0, 14, "late", "biweekly", 0, 1, 2.5),
    2: ("active", 7, 0, 14, "partial", "weekly", 0, 1, 2.0),
    3: ("active", 30, 0, 14, "prompt", "monthly", 0, 1, 2.0),
    4: ("active", 14, 50, 7, "normal", "monthly", 0, 0, 0.0),
}
"""The small demo's cast, fixed so its Today is the same for every seed."""


def _seed(index: int) -> words.ClientSeed:
    if index < len(words.CLIENT_SEEDS):
        return words.CLIENT_SEEDS[index]
    extra = index - len(words.CLIENT_SEEDS)
    first = words.EXTRA_FIRST[extra % len(words.EXTRA_FIRST)]
    second = words.EXTRA_SECOND[(extra // len(words.EXTRA_FIRST)) % len(words.EXTRA_SECOND)]
    round_ = extra // (len(words.EXTRA_FIRST) * len(words.EXTRA_SECOND))
    name = f"{first} {second}" + (f" {round_ + 1}" if round_ else "")
    zone = words.EXTRA_ZONES[extra % len(words.EXTRA_ZONES)]
    currency = {"Europe/London": "GBP", "Europe/Berlin": "EUR", "Europe/Paris": "EUR"}.get(zone, "USD")
    slug = name.lower().replace(" ", "")
    return words.ClientSeed(name, "consulting", zone, currency, f"{slug}.com")


def _region(zone: str) -> str:
    if zone in words.REGION_OF_ZONE:
        return words.REGION_OF_ZONE[zone]
    return "au" if zone.startswith("Australia/") else "us"


def _windows(ctx: Ctx, status: str, share: float) -> tuple[date, date | None, date | None]:
    """(created, work_from, work_to) for a client of ``status``.

    ``share`` (0 to 1) spreads the clients of one status evenly over the history, so the
    volume of work, and the size of the large demo, hardly depends on the seed.
    """
    rng = ctx.rng
    span = (ctx.today - ctx.start).days
    if status == "lead":
        return ctx.days_ago(rng.randint(3, 45)), None, None
    if status == "prospect":
        return ctx.days_ago(rng.randint(7, 40)), None, None
    if not ctx.large:
        created = ctx.days_ago(rng.randint(120, 500))
        if status == "former":
            return created, None, None
        return created, ctx.start, ctx.days_ago(10) if status == "paused" else ctx.today
    if status == "active":
        work_from = ctx.days_ago(45 + int(share * (span - 45)))
        return work_from - timedelta(days=rng.randint(3, 20)), work_from, ctx.today
    if status == "paused":
        work_from = ctx.start + timedelta(days=int(share * (span - 240)))
        return work_from - timedelta(days=rng.randint(3, 20)), work_from, ctx.days_ago(rng.randint(20, 75))
    work_from = ctx.start + timedelta(days=int(share * (span - 460)))
    work_to = min(work_from + timedelta(days=90 + int((1 - share) * 410)), ctx.days_ago(60))
    return work_from - timedelta(days=rng.randint(3, 20)), work_from, work_to


def _people(ctx: Ctx, region: str, domain: str, n: int) -> tuple[list[Person], list[str]]:
    rng = ctx.rng
    firsts = rng.sample(words.FIRST_NAMES[region], n)
    people, names = [], []
    for i, first in enumerate(firsts):
        last = rng.choice(words.LAST_NAMES[region])
        email_name = first.split()[0].lower().encode("ascii", "ignore").decode() or "hello"
        phone = (
            words.PHONE_FORMATS[region].format(n=rng.randint(1, 99)) if i == 0 or rng.random() < 0.4 else ""
        )
        role = "Owner" if i == 0 else rng.choice(words.ROLES[1:])
        people.append(Person(name=f"{first} {last}", role=role, email=f"{email_name}@{domain}", phone=phone))
        names.append(first)
    return people, names


def _channels(ctx: Ctx, region: str, people: list[Person], slug: str) -> tuple[list[Channel], str]:
    rng = ctx.rng
    owner = people[0]
    channels = [Channel(kind="email", handle=owner.email)]
    if owner.phone and rng.random() < (0.4 if region == "us" else 0.7):
        channels.append(Channel(kind="whatsapp", handle=owner.phone))
    if rng.random() < 0.3:
        channels.append(Channel(kind="slack", handle=f"{slug}.slack.com #va-support"))
    if rng.random() < 0.15:
        channels.append(Channel(kind="telegram", handle=f"@{owner.email.split('@')[0]}_{slug[:6]}"))
    if owner.phone and rng.random() < 0.3:
        channels.append(Channel(kind="phone", handle=owner.phone))
    preferred = channels[0].kind if rng.random() < 0.45 else rng.choice(channels).kind
    return channels, preferred


def _retainer_fee(rate: Money, hours: int) -> Money:
    unit = 10 ** decimals_of(rate.currency)
    fee = rate.minor * hours * 9 // 10
    return Money(fee - fee % unit, rate.currency)


def build_clients(ctx: Ctx, count: int, first_id: int) -> list[ClientPlan]:
    """The cast: ``count`` clients, with ids from ``first_id`` in order."""
    rng = ctx.rng
    pattern = list(STATUS_PATTERN)
    rng.shuffle(pattern)
    statuses = [
        CAST[i][0] if i in CAST else "active" if i == 6 else pattern[(i - 5) % len(pattern)]
        for i in range(count)
    ]
    order = list(range(count))
    if ctx.large:
        rng.shuffle(order)
    shares = [0.5] * count
    ranks: dict[str, int] = {}
    for index in order if ctx.large else ():
        status = statuses[index]
        ranks[status] = ranks.get(status, 0) + 1
        shares[index] = (ranks[status] - 1 + rng.random()) / statuses.count(status)
    plans: list[ClientPlan] = []
    burn_alert_given = False
    for index in range(count):
        seed = _seed(index)
        region = _region(seed.timezone)
        if index in CAST:
            status, terms, deposit, cadence, payer, cycle, hours, routine, per_week = CAST[index]
        else:
            status = statuses[index]
            terms = rng.choice((7, 14, 14, 30))
            deposit = rng.choice((25, 50)) if rng.random() < 0.15 else 0
            cadence = rng.choice((7, 14, 14, 30, 0))
            payer = "late" if index == 6 else rng.choice(("prompt", "prompt", "normal", "normal", "normal"))
            hours = rng.choice((10, 20, 30, 40)) if rng.random() < 0.25 else 0
            cycle = "monthly" if hours else rng.choice(("weekly", "biweekly", "biweekly", "monthly"))
            routine = rng.choice((2, 2, 3, 3)) if hours else rng.choice((1, 1, 2, 2))
            per_week = rng.uniform(1.5, 4.0)
        created_day, work_from, work_to = _windows(ctx, status, shares[index])
        pending = index == 4
        if pending:
            created_day, work_from, work_to = ctx.days_ago(9), None, None
        rate = Money(rng.choice(RATES.get(seed.currency, RATES["USD"])), seed.currency)
        n_people = 1 if status == "lead" else rng.choice((1, 2, 2, 3))
        people, first_names = _people(ctx, region, seed.domain, n_people)
        slug = seed.domain.split(".")[0]
        channels, preferred = _channels(ctx, region, people, slug)
        created = ctx.moment(created_day, 10 * 60 + rng.randrange(0, 300, 5))
        vetting = _vetting(ctx, status, created_day, pending)
        notes = _notes(ctx, created_day)
        tags = [seed.industry] + (["retainer"] if hours else []) + (["vip"] if rng.random() < 0.1 else [])
        start_h = rng.choice((8, 9, 9, 9, 10))
        client = Client(
            id=first_id + index,
            name=seed.name,
            status=status,
            people=tuple(people),
            channels=tuple(channels),
            preferred_channel=preferred,
            timezone=seed.timezone,
            work_start=f"{start_h:02d}:00",
            work_end=f"{start_h + 8:02d}:00",
            currency=seed.currency,
            hourly_rate=rate,
            retainer_minutes=hours * 60 if hours else None,
            retainer_fee=_retainer_fee(rate, hours) if hours else None,
            terms_days=terms,
            deposit_percent=deposit,
            late_fee_percent=("2" if index == 1 else "1.5" if rng.random() < 0.2 else None),
            late_fee_grace_days=7,
            vetting=vetting,
            cadence_days=cadence or None,
            notes=notes,
            tags=tuple(tags),
            archived=status == "former" and rng.random() < 0.2,
            created=created,
            updated=max(created, ctx.moment(ctx.days_ago(rng.randint(1, 30)), 600)),
        )
        plan = ClientPlan(
            client=client,
            index=index,
            region=region,
            work_from=work_from,
            work_to=work_to,
            tasks_per_week=per_week,
            routine=routine,
            cycle=cycle,
            payer=payer,
            weekly_report=index == 0 or (index >= 5 and rng.random() < 0.3),
            quiet_days=17 if index == 3 else 0,
            deposit_pending=pending,
            draft_last=index == 2 or (index >= 5 and rng.random() < 0.1),
            city=rng.choice(words.CITIES),
            people=first_names,
        )
        if index == 0:
            plan.burn = 0.85
        elif hours and status == "active" and not burn_alert_given:
            plan.burn, burn_alert_given = 1.08, True
        plans.append(plan)
    return plans


def fit_retainers(ctx: Ctx, plans: list[ClientPlan], entries: list[EntryPlan]) -> None:
    """Size each retainer to the client's real monthly hours (with years of history)."""
    if not ctx.large:
        return
    month_start = ctx.today.replace(day=1)
    minutes: dict[int, int] = {}
    for entry in entries:
        if entry.client is not None and entry.billable and entry.day < month_start:
            minutes[entry.client.id] = minutes.get(entry.client.id, 0) + entry.minutes
    for plan in plans:
        client = plan.client
        if not client.retainer_minutes or plan.work_from is None or plan.work_to is None:
            continue
        months = max(1.0, (min(plan.work_to, month_start) - plan.work_from).days / 30.4)
        monthly = minutes.get(plan.id, 0) / months / 60 * ctx.rng.uniform(0.9, 1.15)
        hours = max(5, round(monthly / 5) * 5)
        plan.client = client.with_(retainer_minutes=hours * 60, retainer_fee=_retainer_fee(plan.rate, hours))


def _vetting(ctx: Ctx, status: str, created: date, pending: bool) -> tuple[VettingCheck, ...]:
    rng = ctx.rng
    if status == "lead":
        return ()
    keys = (
        ("references", "billing_contact")
        if status == "prospect"
        else (
            ("contract", "deposit", "billing_contact")
            if pending
            else ("contract", "deposit", "references", "billing_contact", "nda")
        )
    )
    checks = []
    for key in keys:
        if not pending and status != "prospect" and rng.random() < 0.1:
            continue
        day = min(created + timedelta(days=rng.randint(0, 6)), ctx.today)
        checks.append(VettingCheck(key=key, done_on=day))
    return tuple(checks)


def _notes(ctx: Ctx, created: date) -> tuple[Note, ...]:
    rng = ctx.rng
    notes = []
    for _i in range(rng.choice((0, 1, 1, 2, 3))):
        confidential = rng.random() < 0.4
        text = rng.choice(words.NOTES_CONFIDENTIAL if confidential else words.NOTES_PLAIN)
        span = max(0, (ctx.today - created).days - 1)
        day = created + timedelta(days=rng.randint(0, span))
        notes.append(Note(text=text, confidential=confidential, created=ctx.moment(day, 11 * 60)))
    return tuple(notes)


def fill(ctx: Ctx, template: str, plan: ClientPlan | None, day: date) -> str:
    """A template with its placeholders filled in (``{month}`` is ``day``'s month)."""
    rng = ctx.rng
    person = rng.choice(plan.people) if plan and plan.people else "Lucía"
    return template.format(
        month=words.MONTHS[day.month - 1],
        n=rng.randint(2, 48),
        city=plan.city if plan else "Lisbon",
        person=person,
        event=rng.choice(words.EVENTS),
        topic=rng.choice(words.TOPICS),
    )


def _contact_at(ctx: Ctx, day: date) -> datetime:
    """A moment in the working day (08:30–19:00 at home) of ``day``; today's is at least ten
    minutes ago, and before 08:41 (no working time yet) it is yesterday's instead."""
    latest = 19 * 60
    if day == ctx.today:
        latest = ctx.now_minute() - 10
        if latest < 8 * 60 + 31:
            day, latest = day - timedelta(days=1), 19 * 60
    return ctx.moment(day, ctx.rng.randint(8 * 60 + 30, max(8 * 60 + 31, latest)))


def build_contacts(ctx: Ctx, plans: list[ClientPlan]) -> list[Contact]:
    """The contact log: a rhythm per client around its cadence, and a few follow-ups due now."""
    rng = ctx.rng
    out: list[Contact] = []
    for plan in plans:
        client = plan.client
        kinds = [c.kind for c in client.channels]
        first = client.created.astimezone(ctx.tz).date()
        if plan.work_from is not None:
            first = max(first, plan.work_from - timedelta(days=5), ctx.start)
        last = plan.work_to or ctx.today
        if client.status in ("lead", "prospect") or plan.deposit_pending:
            last = ctx.today
        if plan.quiet_days:
            last = ctx.days_ago(plan.quiet_days)
        step = max(2, (client.cadence_days or 14) * 2 // 3)
        day = max(first, ctx.start)
        while day <= last:
            at = _contact_at(ctx, day)
            kind = (
                client.preferred_channel
                if rng.random() < 0.6 and client.preferred_channel
                else rng.choice(kinds)
            )
            incoming = rng.random() < 0.45
            summary = fill(ctx, rng.choice(words.CONTACT_IN if incoming else words.CONTACT_OUT), plan, day)
            follow = None
            if rng.random() < 0.15:
                follow = day + timedelta(days=rng.randint(2, 7))
            out.append(
                Contact(
                    client_id=plan.id,
                    at=at,
                    channel=kind or "email",
                    direction="in" if incoming else "out",
                    summary=summary,
                    follow_up=follow,
                    follow_up_done=follow is not None and follow < ctx.days_ago(2),
                )
            )
            day += timedelta(days=rng.randint(1, step))
    out += _scripted_contacts(ctx, plans)
    return out


def _scripted_contacts(ctx: Ctx, plans: list[ClientPlan]) -> list[Contact]:
    """Follow-ups that are due on the demo's today, so Today always has some."""
    script = (
        (1, 6, "in", "Promised the supplier list by Wednesday", 1),
        (2, 3, "in", "Asked for a quote for printing the spring menu", 0),
        (0, 2, "out", "Sent two options for the January webinar date", 0),
    )
    out = []
    for index, ago, direction, summary, follow_ago in script:
        if index >= len(plans):
            continue
        plan = plans[index]
        out.append(
            Contact(
                client_id=plan.id,
                at=_contact_at(ctx, ctx.days_ago(ago)),
                channel=plan.client.preferred_channel or "email",
                direction=direction,
                summary=summary,
                follow_up=ctx.days_ago(follow_ago),
            )
        )
    return out
