"""What an invoice bills: free lines as typed (checked), unbilled time by task, the retainer
(its fee, or hours over it), billable expenses, and a deposit's proposed line.

``services.ledger.invoices.new_invoice`` builds every kind of invoice from these, inside its
transaction; the draft editor checks free lines with ``check_item`` too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from vatui.domain.clients import Client
from vatui.domain.dates_display import format_date
from vatui.domain.errors import InputError
from vatui.domain.invoicing import (
    check_quantity,
    hours_text,
    round_minutes,
)
from vatui.domain.ledger import LineItem
from vatui.domain.money import Money
from vatui.domain.settings import Settings
from vatui.domain.text import check_text, one_line
from vatui.i18n import _, language_of
from vatui.services.clients.language import client_language
from vatui.services.ledger.data import local_day
from vatui.services.queries import expense_docs, time_docs
from vatui.store.workspace import Tx

MAX_ITEMS = 500
MAX_DESCRIPTION = 300


@dataclass(frozen=True, slots=True)
class ItemSpec:
    """A free line typed by the user."""

    description: str
    """What is billed."""
    quantity: str
    """Exact decimal quantity."""
    price: Money
    """Unit price."""


def check_item(spec: ItemSpec, currency: str) -> LineItem:
    """A free line checked: a description, a positive quantity, a price in the invoice currency."""
    desc = check_text(spec.description, _("a line's description"), MAX_DESCRIPTION)
    if not desc:
        raise InputError(_("a line needs a description"))
    if spec.price.currency != currency:
        raise InputError(
            _("the price is in {a} but the invoice is in {b}").format(a=spec.price.currency, b=currency)
        )
    if spec.price.minor < 0:
        raise InputError(_("a price cannot be negative (use --discount)"))
    return LineItem(description=desc, quantity=check_quantity(spec.quantity), unit_price=spec.price)


def _month_name(day: date) -> str:
    return format_date(day, "%B %Y")


def retainer_label(settings: Settings, client: Client, day: date) -> str:
    """The retainer's line, "Retainer — December 2026", in the client's language."""

    with language_of(client_language(settings, client)):
        return _("Retainer — {month}").format(month=_month_name(day))


def hourly_rate(client: Client) -> Money:
    """The client's hourly rate for billing time; refused when missing or in another currency."""
    if client.hourly_rate is None:
        raise InputError(
            _(
                "{client} has no hourly rate: set one first (Clients pane: enter on the "
                "client; or vatui client edit NAME --rate 45)"
            ).format(client=one_line(client.name, 40))
        )
    if client.hourly_rate.currency != client.currency:
        raise InputError(
            _("the hourly rate is not in the client's currency {cur}").format(cur=client.currency)
        )
    return client.hourly_rate


def unbilled_time(tx: Tx, client_id: int, on: date, tz: ZoneInfo) -> list[tuple[int, dict[str, Any]]]:
    """The client's billable, stopped, not yet invoiced time entries up to ``on``, oldest first."""
    out = []
    for key, doc in time_docs(tx).items():
        if (
            doc.get("client_id") == client_id
            and doc.get("billable", True)
            and doc.get("end") is not None
            and doc.get("invoice_id") is None
            and local_day(doc["start"], tz) <= on
        ):
            out.append((int(key), doc))
    return sorted(out, key=lambda kv: (kv[1]["start"], kv[0]))


def task_lines(tx: Tx, entries: list[tuple[int, dict[str, Any]]], rate: Money, step: int) -> list[LineItem]:
    """Unbilled time grouped per task, each group rounded up to ``step`` minutes."""
    groups: dict[int | None, list[tuple[int, dict[str, Any]]]] = {}
    for key, doc in entries:
        groups.setdefault(doc.get("task_id"), []).append((key, doc))
    lines = []
    for task_id, group in groups.items():
        minutes = round_minutes(sum(int(d.get("minutes") or 0) for _k, d in group), step)
        if minutes <= 0:
            continue
        title = None
        if task_id is not None:
            task = tx.get_doc("tasks", task_id)
            title = str(task["title"]) if task else None
        if title is None:
            notes = [str(d.get("note") or "") for _k, d in group if d.get("note")]
            title = notes[0] if notes else _("Time")
        lines.append(
            LineItem(
                description=one_line(title, MAX_DESCRIPTION),
                quantity=hours_text(minutes),
                unit_price=rate,
                minutes=minutes,
                time_entry_ids=tuple(k for k, _d in group),
            )
        )
    return lines


def retainer_lines(
    tx: Tx, client: Client, entries: list[tuple[int, dict[str, Any]]], step: int, tz: ZoneInfo
) -> list[LineItem]:
    """Unbilled time of a retainer client: per month, hours covered, then an overage line."""
    cap = client.retainer_minutes or 0
    by_month: dict[tuple[int, int], list[tuple[int, dict[str, Any]]]] = {}
    for key, doc in entries:
        day = local_day(doc["start"], tz)
        by_month.setdefault((day.year, day.month), []).append((key, doc))
    billed_before: dict[tuple[int, int], int] = {}
    for doc in time_docs(tx).values():
        if (
            doc.get("client_id") == client.id
            and doc.get("billable", True)
            and doc.get("invoice_id") is not None
        ):
            day = local_day(doc["start"], tz)
            billed_before[(day.year, day.month)] = billed_before.get((day.year, day.month), 0) + int(
                doc.get("minutes") or 0
            )
    lines = []
    for (year, month), group in sorted(by_month.items()):
        left = max(cap - billed_before.get((year, month), 0), 0)
        covered_ids, over_ids, covered, over = [], [], 0, 0
        for key, doc in group:
            minutes = int(doc.get("minutes") or 0)
            if covered + minutes <= left:
                covered += minutes
                covered_ids.append(key)
            else:
                take = max(left - covered, 0)
                covered += take
                over += minutes - take
                over_ids.append(key)
        label = _month_name(date(year, month, 1))
        if covered_ids or covered:
            lines.append(
                LineItem(
                    description=_("Hours within the retainer, {month}").format(month=label),
                    quantity=hours_text(covered),
                    unit_price=Money.zero(client.currency),
                    minutes=covered,
                    time_entry_ids=tuple(covered_ids),
                )
            )
        if over_ids:
            billed_over = round_minutes(over, step)
            lines.append(
                LineItem(
                    description=_("Retainer overage, {month}").format(month=label),
                    quantity=hours_text(billed_over),
                    unit_price=hourly_rate(client),
                    minutes=billed_over,
                    time_entry_ids=tuple(over_ids),
                )
            )
    return lines


def expense_lines(tx: Tx, client: Client, currency: str, on: date) -> list[LineItem]:
    """The client's expenses in the invoice's currency up to ``on``, not yet invoiced and not a
    recurring template: one line each."""
    lines = []
    for key, doc in sorted(expense_docs(tx).items(), key=lambda kv: (kv[1]["on"], int(kv[0]))):
        if (
            doc.get("client_id") != client.id
            or doc.get("invoice_id") is not None
            or doc.get("recurrence")
            or doc["amount"]["currency"] != currency
            or date.fromisoformat(doc["on"]) > on
        ):
            continue
        what = " — ".join(p for p in (str(doc.get("vendor") or ""), str(doc.get("note") or "")) if p)
        desc = _("Expense: {what} ({day})").format(what=what or doc.get("category", ""), day=doc["on"])
        lines.append(
            LineItem(
                description=one_line(desc, MAX_DESCRIPTION),
                unit_price=Money(int(doc["amount"]["minor"]), currency),
                expense_ids=(int(key),),
            )
        )
    return lines


def deposit_label(percent: int) -> str:
    """The line a deposit invoice proposes: "Deposit (30 %)" in the language in use."""
    return _("Deposit ({pct} %)").format(pct=percent)
