"""The collection protocol: which reminder step is due, and its text.

Rules (documented in ``docs/ledger.md``):

- only an invoice that is sent or partly paid, with money still due, gets reminders;
- step ``i`` is reachable on ``due_date + offset_days`` or later;
- first contact (nothing sent yet): the LATEST reachable step, but never a step that
  pauses work while an earlier step exists (an invoice found 10 days late gets the +7
  "firm" step, not the −3 "friendly" one; found 90 days late it still gets "firm", not
  the final "work paused" one: the client is warned before work stops);
- escalation: after that, the step due is only ever the NEXT one (never more than one
  step beyond the last sent), reachable on its own date and, at the earliest, the
  protocol's spacing after the last step actually sent (``offset_next − offset_last``
  days: a late first "firm" is followed by "final" 7 days later, not the next day);
- at most one step per invoice per day: nothing is due on a day a step was already sent;
- a snoozed invoice (``snoozed_until``) gets nothing before that date; an invoice the client
  promised to pay by a date gets nothing on or before it (``quiet_until``);
- after a step that ``pauses_work`` is sent and while money is still due, the client is
  on hold.

Templates are filled by a safe substitution: only the known ``{name}`` placeholders
are replaced, in ONE pass over the template; anything else in braces stays as typed, and
user text inserted (a client called ``{number}`` or ``{0}``) is never read as a template.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from vatui.domain.dates import shift_days
from vatui.domain.ledger import ReminderSent
from vatui.domain.settings import ProtocolStep

PLACEHOLDERS = (
    "client",
    "number",
    "amount_due",
    "due_date",
    "days_overdue",
    "business",
    "contact",
    "amount",
    "due",
    "days_late",
    "signature",
)
"""The names a template may use, in braces."""

_PLACEHOLDER_RE = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")


def quiet_until(snoozed_until: date | None, promised_on: date | None) -> date | None:
    """The first day a reminder may be due again: after a snooze (its day) and after a
    promise to pay (the day after the promised day), whichever is later."""
    after_promise = shift_days(promised_on, 1) if promised_on is not None else None
    found = [d for d in (snoozed_until, after_promise) if d is not None]
    return max(found) if found else None


def step_date(due_date: date, step: ProtocolStep) -> date:
    """The first day ``step`` may be sent."""
    return shift_days(due_date, step.offset_days)


def last_sent(reminders: Sequence[ReminderSent]) -> int:
    """Index of the furthest step sent, or -1."""
    return max((r.step for r in reminders), default=-1)


def due_step(
    due_date: date,
    reminders: Sequence[ReminderSent],
    protocol: Sequence[ProtocolStep],
    on: date,
    *,
    open_: bool = True,
    snoozed_until: date | None = None,
) -> int | None:
    """Index of the protocol step to send on ``on``, or ``None``.

    ``open_`` says whether money is still due on an issued invoice (paid, void and draft
    invoices get nothing). ``snoozed_until``: nothing is due before that day.
    """
    if not open_ or not protocol:
        return None
    if snoozed_until is not None and on < snoozed_until:
        return None
    if any(r.on == on for r in reminders):
        return None
    last = last_sent(reminders)
    if last < 0:
        reachable = [i for i, p in enumerate(protocol) if step_date(due_date, p) <= on]
        if not reachable:
            return None
        warned = [i for i in reachable if not protocol[i].pauses_work]
        return warned[-1] if warned else reachable[0]
    step = last + 1
    if step >= len(protocol):
        return None
    when = step_date(due_date, protocol[step])
    if 0 <= last < len(protocol):
        sent_on = max(r.on for r in reminders if r.step == last)
        when = max(when, shift_days(sent_on, protocol[step].offset_days - protocol[last].offset_days))
    return step if when <= on else None


def next_step_date(
    due_date: date, reminders: Sequence[ReminderSent], protocol: Sequence[ProtocolStep]
) -> date | None:
    """The first day the next step may be sent once one was sent (``None``: all sent, or none yet)."""
    last = last_sent(reminders)
    step = last + 1
    if last < 0 or step >= len(protocol) or last >= len(protocol):
        return None
    sent_on = max(r.on for r in reminders if r.step == last)
    return max(
        step_date(due_date, protocol[step]),
        shift_days(sent_on, protocol[step].offset_days - protocol[last].offset_days),
    )


def all_sent(reminders: Sequence[ReminderSent], protocol: Sequence[ProtocolStep]) -> bool:
    """Whether the protocol's last step was sent (nothing is left to send)."""
    return bool(protocol) and last_sent(reminders) >= len(protocol) - 1


def pauses_work(reminders: Sequence[ReminderSent], protocol: Sequence[ProtocolStep]) -> bool:
    """Whether a step that puts the client on hold has been sent."""
    return any(0 <= r.step < len(protocol) and protocol[r.step].pauses_work for r in reminders)


def fill(template: str, values: Mapping[str, str]) -> str:
    """``template`` with the known placeholders replaced by ``values``, literally.

    Unknown or malformed placeholders (``{0}``, ``{client.__class__}``, ``{``) stay as typed.
    """

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        return values[name] if name in values else match.group(0)

    return _PLACEHOLDER_RE.sub(one, template)


def values_for(
    *,
    client: str,
    number: str,
    amount_due: str,
    due_date: date,
    on: date,
    business: str,
    contact: str = "",
    due: str = "",
    signature: str = "",
) -> dict[str, str]:
    """The placeholder values of one reminder (``contact``: the person written to, else the
    client; ``due``: the due date as the client reads it, else ISO; ``signature``: the
    business's name and e-mail, else ``business``)."""
    days_late = str(max((on - due_date).days, 0))
    return {
        "contact": contact or client,
        "amount": amount_due,
        "due": due or due_date.isoformat(),
        "days_late": days_late,
        "client": client,
        "number": number,
        "amount_due": amount_due,
        "due_date": due_date.isoformat(),
        "days_overdue": str(max((on - due_date).days, 0)),
        "business": business,
        "signature": signature or business,
    }
