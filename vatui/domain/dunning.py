"""The collection protocol: which reminder step is due, and its text.

Rules (documented in ``docs/ledger.md``):

- only an invoice that is sent or partly paid, with money still due, gets reminders;
- step ``i`` is reachable on ``due_date + offset_days`` or later;
- the step due is the LATEST reachable step after the last one sent (earlier steps that
  were never sent are skipped: an invoice found 10 days late gets the +7 "firm" step, not
  the −3 "friendly" one);
- at most one step per invoice per day: nothing is due on a day a step was already sent;
- after a step that ``pauses_work`` is sent and while money is still due, the client is
  on hold.

Templates are filled by a safe substitution: only the six known ``{name}`` placeholders
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

PLACEHOLDERS = ("client", "number", "amount_due", "due_date", "days_overdue", "business")
"""The names a template may use, in braces."""

_PLACEHOLDER_RE = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")


def step_date(due_date: date, step: ProtocolStep) -> date:
    """The first day ``step`` may be sent."""
    return shift_days(due_date, step.offset_days)


def last_sent(reminders: Sequence[ReminderSent]) -> int:
    """Index of the furthest step sent, or -1."""
    return max((r.step for r in reminders), default=-1)


def due_step(
    due_date: date, reminders: Sequence[ReminderSent], protocol: Sequence[ProtocolStep], on: date,
    *, open_: bool = True,
) -> int | None:
    """Index of the protocol step to send on ``on``, or ``None``.

    ``open_`` says whether money is still due on an issued invoice (paid, void and draft
    invoices get nothing).
    """
    if not open_ or not protocol:
        return None
    if any(r.on == on for r in reminders):
        return None
    start = last_sent(reminders) + 1
    found = None
    for index in range(start, len(protocol)):
        if step_date(due_date, protocol[index]) <= on:
            found = index
    return found


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
    *, client: str, number: str, amount_due: str, due_date: date, on: date, business: str
) -> dict[str, str]:
    """The placeholder values of one reminder."""
    return {
        "client": client,
        "number": number,
        "amount_due": amount_due,
        "due_date": due_date.isoformat(),
        "days_overdue": str(max((on - due_date).days, 0)),
        "business": business,
    }
