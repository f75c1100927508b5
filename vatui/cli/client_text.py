"""The client card as plain text lines (``vatui client show``), laid out from the card's
shared pieces (``services.clients.card_view``). User text goes through ``show``."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from vatui.cli.context import show
from vatui.domain.clients import Client
from vatui.i18n import _
from vatui.services.clients.card import ClientDetail
from vatui.services.clients.card_view import card_view, reliability_figures


def home_moment(moment: datetime, zone: str) -> str:
    """``YYYY-MM-DD HH:MM`` of a stored UTC moment, in the home timezone."""
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def billing_lines(client: Client) -> list[str]:
    """``  bills to: Acme S.A.S. · NIT: 900… · Calle 1, Bogotá · Attn: Ana`` (nothing when
    the client has no billing details)."""
    from vatui.domain.billing import billing_summary

    bits = billing_summary(client)
    if not bits:
        return []
    return [_("  bills to: {details}").format(details=show(" · ".join(bits), 200))]


def card_lines(detail: ClientDetail, *, confidential: bool = False, zone: str = "UTC") -> list[str]:
    """Every line of the card after the summary line."""
    view = card_view(detail, confidential=confidential)
    c = detail.client
    out: list[str] = []
    if detail.local is not None:
        from vatui.domain.localtime import offset_minutes_of

        home = offset_minutes_of(detail.local.moment, zone)
        diff = (
            _("same time as you")
            if home == detail.local.offset_minutes
            else _("{diff} from you").format(diff=detail.local.difference_from(home))
        )
        out.append(
            _("  clock: {label} ({zone}, {diff}, works {start}–{end})").format(
                label=detail.local.label(), zone=c.timezone, diff=diff, start=c.work_start, end=c.work_end
            )
        )
    else:
        out.append(_("  clock: no timezone set (vatui client edit NAME --tz Europe/Madrid)"))
    if c.language or c.number_format:
        out.append(
            _("  writes in: {language}{fmt}").format(
                language=c.language or _("your language"),
                fmt=f", {c.number_format}" if c.number_format else "",
            )
        )
    for person in view.people:
        bits = [show(b) for b in person.details]
        out.append(
            _("  person: {name}{rest}").format(
                name=show(person.name, 60), rest=f" ({', '.join(bits)})" if bits else ""
            )
        )
    out += billing_lines(c)
    for channel in view.channels:
        star = _(" (preferred)") if channel.preferred else ""
        out.append(f"  {channel.word}: {show(channel.handle)}{star}")
    terms = _("  terms: {cur} · {rate} · net {days} days · deposit {pct}%").format(
        cur=c.currency, rate=view.rate, days=c.terms_days, pct=c.deposit_percent
    )
    if c.late_fee_percent:
        terms += _(" · late fee {pct}% after {grace} days").format(
            pct=c.late_fee_percent, grace=c.late_fee_grace_days
        )
    out.append(terms)
    if c.default_taxes:
        from vatui.domain.taxes import taxes_text

        out.append(_("  taxes on new invoices: {taxes}").format(taxes=show(taxes_text(c.default_taxes))))
    if c.retainer_minutes or c.retainer_fee:
        fee = _(" for {fee}").format(fee=view.retainer_fee) if view.retainer_fee else ""
        used = ""
        if c.retainer_minutes:
            used = _(" · this month {used} ({pct} %)").format(used=view.month, pct=detail.retainer_percent)
        out.append(
            _("  retainer: {h} a month{fee}{used}").format(h=view.retainer or "0h", fee=fee, used=used)
        )
    else:
        out.append(_("  hours this month: {h}").format(h=view.month))
    marks = [
        f"[x] {v.label} {v.done_on.isoformat()}" if v.done_on else f"[ ] {v.label}" for v in view.vetting
    ]
    out.append(_("  vetting: {marks}").format(marks="; ".join(marks)))
    rel = detail.reliability
    if detail.on_hold:
        out.append(_("  on hold: unpaid — the final reminder was sent; work is paused until it is paid"))
    out.append(
        _("  reliability: {badge} — {reasons}").format(badge=view.badge, reasons="; ".join(rel.reasons))
    )
    if rel.invoices:
        out.append(
            _("    on time {pct}% of {n} · average {avg} days late · {rem} reminders per invoice").format(
                **reliability_figures(rel)
            )
        )
    oldest = ""
    if rel.oldest_overdue_number:
        oldest = _(" · oldest overdue {number} ({days} days)").format(
            number=rel.oldest_overdue_number, days=rel.oldest_overdue_days
        )
    offs = _(" · written off {n}").format(n=rel.write_offs) if rel.write_offs else ""
    out.append(
        _("    outstanding {owed}{oldest}{offs}").format(owed=view.outstanding, oldest=oldest, offs=offs)
    )
    out.append(
        _("  revenue: {rev} lifetime · effective rate {rate} ({h} logged)").format(
            rev=view.revenue, rate=view.effective_rate, h=view.logged
        )
    )
    if view.invoice_counts:
        out.append(_("  invoices: {counts}").format(counts=view.invoice_counts))
    out.append(_("  open tasks ({n}):").format(n=len(detail.open_tasks)))
    for task in detail.open_tasks[:8]:
        due = _(" due {d}").format(d=task.due.isoformat()) if task.due else ""
        out.append(f"    #{task.id} {show(task.title, 60)} [{show(task.column)}]{due}")
    out.append(_("  contacts ({n} shown):").format(n=len(detail.contacts)))
    for contact in detail.contacts[:8]:
        follow = ""
        if contact.follow_up:
            state = _("done") if contact.follow_up_done else _("open")
            follow = _(" · follow-up {d} ({state})").format(d=contact.follow_up.isoformat(), state=state)
        out.append(
            f"    {home_moment(contact.at, zone)} {contact.channel} {contact.direction}: "
            f"{show(contact.summary, 60)}{follow}"
        )
    for note in view.notes:
        if note.shown:
            mark = _(" (confidential)") if note.confidential else ""
            out.append(_("  note{mark}: {text}").format(mark=mark, text=show(note.text)))
    if view.hidden_notes:
        out.append(
            _("  {n} confidential note(s) hidden (show with --confidential)").format(n=view.hidden_notes)
        )
    if c.tags:
        out.append(_("  tags: {tags}").format(tags=" ".join(f"#{show(t)}" for t in c.tags)))
    if c.cadence_days:
        out.append(_("  cadence: every {n} days").format(n=c.cadence_days))
    return out
