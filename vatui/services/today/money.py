"""Today's money sections: reminders due, unpaid deposits, payments expected, retainer burn.

Also ``blocked_clients`` (required deposit unpaid) and ``on_hold_clients`` (the final
collection step was sent and money is still due), which the Board and Clients panes call.
Everything reads raw documents and converts only the open invoices it shows.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from vatui.domain.dates_display import format_date, short_date
from vatui.domain.durations import format_duration
from vatui.i18n import _, ngettext
from vatui.services.ledger.collect import (
    blocked_clients,
    deposit_blocks,
    on_hold_clients,
    open_invoices,
    reminders_due,
    reminders_exhausted,
    retainer_burn,
)
from vatui.services.queries import client_docs

if TYPE_CHECKING:
    from vatui.domain.ledger import Invoice
    from vatui.domain.triage import TriageSection
    from vatui.store.workspace import Workspace

__all__ = ["BURN_ALERT", "BURN_WARN", "blocked_clients", "on_hold_clients", "sections"]

BURN_WARN = 80
"""Retainer burn, per cent, from which Today warns."""
BURN_ALERT = 100
"""Retainer burn, per cent, from which Today alerts."""
EXPECTED_DAYS = 7
"""Payments due within this many days (today included) are "expected this week"."""


def expected_on(invoice: Invoice, on: date) -> date:
    """When the money of an open invoice is expected: the day promised (while it is still to
    come), else its due date."""
    if invoice.promised_on is not None and invoice.promised_on >= on:
        return invoice.promised_on
    return invoice.due_date


def _days(n: int) -> str:
    return _("1 day") if n == 1 else _("{n} days").format(n=n)


def sections(ws: Workspace, on: date) -> list[TriageSection]:
    """The money sections of Today for ``on``."""
    from vatui.domain.triage import TriageItem, TriageSection

    names = {int(k): str(d["name"]) for k, d in client_docs(ws).items()}
    opened = open_invoices(ws)

    reminders = []
    held = on_hold_clients(ws)
    for r in reminders_due(ws, on, opened):
        late = (on - r.invoice.due_date).days
        when = (
            _("{d} overdue").format(d=_days(late))
            if late > 0
            else (_("due today") if late == 0 else _("due in {d}").format(d=_days(-late)))
        )
        detail = _("step: {step} · {amount} · {when}").format(
            step=_(r.name), amount=r.due.format(), when=when
        )
        if r.invoice.client_id in held:
            detail = _("on hold: unpaid") + " · " + detail
        reminders.append(
            TriageItem(
                "invoice",
                r.invoice.id,
                r.invoice.number,
                names.get(r.invoice.client_id),
                detail,
                r.when,
                "alert" if r.final or late > 0 else "warn",
            )
        )
    for x in reminders_exhausted(ws, on, opened):
        overdue = _("{d} overdue").format(d=_days((on - x.invoice.due_date).days))
        state = _("all reminders sent — client on hold") if x.on_hold else _("all reminders sent")
        reminders.append(
            TriageItem(
                "invoice",
                x.invoice.id,
                x.invoice.number,
                names.get(x.invoice.client_id),
                f"{state} · {x.due.format()} · {overdue}",
                x.invoice.due_date,
                "alert",
            )
        )

    deposits = []
    for block in deposit_blocks(ws):
        client = names.get(block.client_id)
        if not block.unpaid:
            deposits.append(
                TriageItem(
                    "client",
                    block.client_id,
                    client or "",
                    client,
                    _("deposit required: no deposit invoice yet"),
                    None,
                    "alert",
                )
            )
        for inv in block.unpaid:
            status = _("draft, not sent") if inv.status == "draft" else _("unpaid")
            deposits.append(
                TriageItem(
                    "invoice",
                    inv.id,
                    inv.label,
                    client,
                    _("deposit {status} · work blocked").format(status=status),
                    inv.due_date,
                    "alert",
                )
            )

    horizon = on + timedelta(days=EXPECTED_DAYS - 1)
    expected = []
    for invoice, due, day in sorted(
        ((i, d, expected_on(i, on)) for i, d in opened), key=lambda o: (o[2], o[0].number)
    ):
        if on <= day <= horizon:
            if day == invoice.promised_on:
                when = _("promised for {day}").format(day=format_date(day, "%d %b").lstrip("0"))
            elif day == on:
                when = _("due today")
            else:
                when = _("due {day}").format(day=short_date(day, on))
            expected.append(
                TriageItem(
                    "invoice",
                    invoice.id,
                    invoice.number,
                    names.get(invoice.client_id),
                    f"{due.format()} · {when}",
                    day,
                )
            )

    burn = []
    for b in sorted(retainer_burn(ws, on), key=lambda b: -b.percent):
        if b.percent < BURN_WARN:
            continue
        detail = _("{used} of {cap} this month ({pct} %)").format(
            used=format_duration(b.used_minutes), cap=format_duration(b.cap_minutes), pct=b.percent
        )
        burn.append(
            TriageItem(
                "client",
                b.client_id,
                names.get(b.client_id, ""),
                names.get(b.client_id),
                detail,
                None,
                "alert" if b.percent >= BURN_ALERT else "warn",
            )
        )

    from vatui.services.ledger.recurring import recurring_drafts

    drafts = recurring_drafts(ws)
    to_send = []
    if drafts:  # a section only on the days there is something: a quiet day stays short
        count = len(drafts)
        to_send.append(
            TriageSection(
                "recurring_drafts",
                _("Invoices to send"),
                (
                    TriageItem(
                        "drafts",
                        None,
                        ngettext(
                            "{n} recurring draft to review and send",
                            "{n} recurring drafts to review and send",
                            count,
                        ).format(n=count),
                        None,
                        _("drafts in the Ledger (4)"),
                        None,
                        "warn",
                    ),
                ),
            )
        )
    return [
        *to_send,
        TriageSection("reminders", _("Reminders due"), tuple(reminders), _("No reminder to send.")),
        TriageSection(
            "deposits", _("Deposits unpaid (work blocked)"), tuple(deposits), _("No deposit waiting.")
        ),
        TriageSection(
            "payments_expected",
            _("Payments expected this week"),
            tuple(expected),
            _("No payment expected this week."),
        ),
        TriageSection("retainer_burn", _("Retainer burn"), tuple(burn), _("Every retainer under 80 %.")),
    ]
