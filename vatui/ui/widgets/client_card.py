"""A client's card: contacts and channels, their clock, terms, vetting, reliability, money,
open tasks, invoices, the contact log and notes.

The card only shows a ``ClientDetail`` it is given (it reads nothing itself), from the
pieces ``services.clients.card_view`` works out for it and for ``vatui client show``: it
only styles them. Every piece
of user text goes through ``vatui.ui.render`` (never markup). Confidential notes are
masked until the screen asks for them to be revealed.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from vatui.domain.clients import Client, channel_word, direction_word
from vatui.domain.dates_display import format_date
from vatui.i18n import _
from vatui.services.clients.card import ClientDetail
from vatui.services.clients.card_view import card_view, reliability_figures
from vatui.ui import render
from vatui.ui.widgets.client_list import BADGE_STYLE

MASK = "••••••••"
"""What a confidential note shows until revealed."""


def _heading(title: str) -> Content:
    return render.label(f"─ {title} ", "bold $accent")


def _local(moment: datetime, zone: str) -> str:
    return format_date(moment.astimezone(ZoneInfo(zone)), "%d %b %H:%M")


def _billing(client: Client) -> Content:
    """``Acme S.A.S. · NIT: 900… · Calle 1 · Attn: Ana`` (``B`` edits), or how to add it."""
    from vatui.domain.billing import billing_summary

    bits = billing_summary(client)
    if not bits:
        return render.label(_("no billing details (B adds them)"), "$text-muted")
    return render.text(" · ".join(bits))


def card_content(
    detail: ClientDetail, *, reveal: bool = False, home_offset: int = 0, home_zone: str = "UTC"
) -> Content:
    """The whole card as one ``Content`` (lines joined by newlines)."""
    view = card_view(detail, confidential=reveal)
    c = detail.client
    rel = detail.reliability
    lines: list[Content] = []
    add = lines.append
    tags = " ".join("#" + t for t in c.tags)
    add(
        Content.assemble(
            render.text(c.name, "bold"),
            render.label(f"  [{_(c.status)}]", "$text-muted"),
            render.label(_("  archived") if c.archived else "", "$text-warning"),
            render.text(f"  {tags}" if tags else "", "$secondary"),
        )
    )
    if detail.local is not None:
        state = "$text-success" if detail.local.inside_hours else "$text-warning"
        add(
            Content.assemble(
                render.label(detail.local.label(), state),
                render.label(
                    f"  {c.timezone} ({detail.local.difference_from(home_offset)}) · {c.work_start}–{c.work_end}",
                    "$text-muted",
                ),
            )
        )
    else:
        add(render.label(_("no timezone set (enter edits)"), "$text-muted"))

    add(_heading(_("Contacts")))
    for person in view.people:
        bits = " · ".join(person.details)
        add(
            Content.assemble(
                render.text(person.name), render.text(f" · {bits}" if bits else "", "$text-muted")
            )
        )
    for channel in view.channels:
        star = render.label(_(" ★ preferred"), "$accent") if channel.preferred else Content("")
        add(
            Content.assemble(
                render.label(f"{channel.word}: ", "$text-muted"),
                render.text(channel.handle),
                star,
            )
        )
    if not c.people and not c.channels:
        add(render.label(_("no people or channels yet"), "$text-muted"))

    add(_heading(_("Billing")))
    add(_billing(c))

    add(_heading(_("Terms")))
    add(
        render.label(
            _("{rate} · net {days} days · deposit {pct}%").format(
                rate=view.rate, days=c.terms_days, pct=c.deposit_percent
            )
        )
    )
    if c.default_taxes:
        from vatui.domain.taxes import taxes_text

        add(render.label(_("taxes on new invoices: {taxes}").format(taxes=taxes_text(c.default_taxes))))
    if c.late_fee_percent:
        add(
            render.label(
                _("late fee {pct}% after {grace} days").format(
                    pct=c.late_fee_percent, grace=c.late_fee_grace_days
                )
            )
        )
    if c.retainer_minutes:
        pct = detail.retainer_percent or 0
        style = "bold $text-error" if pct >= 100 else "$text-warning" if pct >= 80 else ""
        fee = f" · {view.retainer_fee}" if view.retainer_fee else ""
        add(
            render.label(
                _("retainer {used} of {cap} this month ({pct} %){fee}").format(
                    used=view.month, cap=view.retainer, pct=pct, fee=fee
                ),
                style,
            )
        )
    else:
        add(render.label(_("{h} logged this month").format(h=view.month)))
    if c.cadence_days:
        add(render.label(_("contact every {n} days").format(n=c.cadence_days)))

    add(_heading(_("Vetting")))
    for item in view.vetting:
        if item.done_on:
            add(render.label(f"[x] {item.label} {item.done_on.isoformat()}", "$text-success"))
        else:
            add(render.label(f"[ ] {item.label}", "$text-warning"))

    add(
        Content.assemble(_heading(_("Reliability")), render.label(view.badge, BADGE_STYLE.get(rel.badge, "")))
    )
    if detail.on_hold:
        add(
            render.label(
                _("on hold: unpaid — the final reminder was sent; work paused until paid"), "$text-error"
            )
        )
    for reason in rel.reasons:
        add(render.label(f"• {reason}"))
    if rel.invoices:
        add(
            render.label(
                _("on time {pct}% of {n} · {avg} days late on average · {rem} reminders each").format(
                    **reliability_figures(rel)
                ),
                "$text-muted",
            )
        )
    oldest = (
        _(" · oldest overdue {n} ({d} days)").format(n=rel.oldest_overdue_number, d=rel.oldest_overdue_days)
        if rel.oldest_overdue_number
        else ""
    )
    add(render.label(_("outstanding {owed}{oldest}").format(owed=view.outstanding, oldest=oldest)))
    if rel.write_offs:
        add(render.label(_("written off: {n}").format(n=rel.write_offs), "$text-error"))

    add(_heading(_("Money")))
    add(render.label(_("lifetime revenue {rev}").format(rev=view.revenue)))
    add(render.label(_("effective rate {rate} · {h} logged").format(rate=view.effective_rate, h=view.logged)))
    if view.invoice_counts:
        add(render.label(_("invoices: {counts}").format(counts=view.invoice_counts)))
    for line in detail.invoices[:5]:
        style = "$text-error" if line.status == "overdue" else "$text-muted"
        add(
            render.label(
                f"  {line.number} {_(line.status)} {line.total.format()} "
                + _("due {d}").format(d=line.due_date.isoformat()),
                style,
            )
        )

    add(_heading(_("Open tasks ({n})").format(n=len(detail.open_tasks))))
    for task in detail.open_tasks[:8]:
        due = _(" · due {d}").format(d=format_date(task.due, "%a %d %b")) if task.due else ""
        add(
            Content.assemble(
                render.text(f"{task.title}"),
                render.text(f" [{task.column}]", "$text-muted"),
                render.label(due, "$text-muted"),
            )
        )

    add(_heading(_("Contact log")))
    for contact in detail.contacts[:10]:
        follow = ""
        if contact.follow_up and not contact.follow_up_done:
            follow = _(" → follow up {d}").format(d=format_date(contact.follow_up, "%d %b"))
        add(
            Content.assemble(
                render.label(
                    f"{_local(contact.at, home_zone)} {channel_word(contact.channel)} {direction_word(contact.direction)} ",
                    "$text-muted",
                ),
                render.text(contact.summary),
                render.label(follow, "$text-warning"),
            )
        )
    if not detail.contacts:
        add(render.label(_("no contact yet (c logs one)"), "$text-muted"))

    add(_heading(_("Notes")))
    for note in view.notes:
        if not note.shown:
            add(render.label(f"{MASK} " + _("(confidential · v reveals)"), "$text-muted"))
        elif note.confidential:
            add(Content.assemble(render.label(_("[confidential] "), "$text-warning"), render.text(note.text)))
        else:
            add(render.text(note.text))
    if not c.notes:
        add(render.label(_("no notes"), "$text-muted"))
    return Content("\n").join(lines)


class ClientCard(VerticalScroll):
    """The selected client's card (scrolls)."""

    DEFAULT_CSS = """
    ClientCard {
        height: 1fr;
        padding: 0 1;
    }
    ClientCard > #client-card-body {
        width: 1fr;
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(render.label(_("No client selected.")), id="client-card-body")

    def show(
        self,
        detail: ClientDetail | None,
        *,
        reveal: bool = False,
        home_offset: int = 0,
        home_zone: str = "UTC",
    ) -> None:
        """Show a client's card (or the empty state)."""
        body = self.query_one("#client-card-body", Static)
        if detail is None:
            body.update(render.label(_("No client yet: n adds one."), "$text-muted"))
            return
        body.update(card_content(detail, reveal=reveal, home_offset=home_offset, home_zone=home_zone))

    def text(self) -> str:
        """The card as plain text (tests, copying)."""
        content = self.query_one("#client-card-body", Static).content
        return content.plain if isinstance(content, Content) else str(content)
