"""The Ledger pane's lists (invoices, payments, expenses, clients): one line per row.

Built on ``OptionList`` like Today's triage: one widget renders only the visible lines.
Each option's id is ``"<kind>:<id>"``; rows are ``Content`` (user text never parsed as
markup) cut to the list's width. The row builders are plain functions so tests can read
the exact text. A row may be given as its builder (``partial(invoice_line, row, width)``):
its line is built the first time it is drawn, so a list of thousands of invoices builds
the twenty on screen, and every line is one line high (``text-wrap: nowrap``), so none
is drawn just to learn its height.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from vatui.domain import reports
from vatui.domain.durations import format_duration
from vatui.domain.ledger import Expense
from vatui.domain.ledger_rows import InvoiceRow, PaymentRow
from vatui.domain.money_display import plain_amount
from vatui.i18n import _
from vatui.ui import render

STATUS_STYLE = {
    "overdue": "bold $text-error",
    "partial": "$text-warning",
    "sent": "$text",
    "paid": "$text-success",
    "draft": "$text-muted",
    "void": "$text-muted strike",
}
"""How each invoice status word looks."""

BUCKET_STYLE = {
    "current": "$text-muted",
    "1-30": "$text-warning",
    "31-60": "bold $text-error",
    "61-90": "bold $text-error",
    "90+": "bold reverse $text-error",
}
"""Aging colour of each bucket (the word is always shown too)."""

Row = tuple[str, Content | Callable[[], Content]]
"""An option id and its line (or what builds it when it is first drawn)."""


class LazyOption(Option):
    """An option whose line is built the first time something reads it (drawing it)."""

    def __init__(self, build: Callable[[], Content], id: str) -> None:
        super().__init__("", id=id)
        self._build: Callable[[], Content] | None = build

    @property
    def prompt(self) -> VisualType:
        """The line, built now if it was not yet."""
        if self._build is not None:
            self._prompt, self._build = self._build(), None
        return self._prompt


def _name_width(width: int, fixed: int) -> int:
    return max(width - fixed, 8)


NUMBER_W = 16
"""The invoices list's number column: ``INV-2026-0001``, and a draft's ``borrador #10208``
(fifteen characters in Spanish), then a space."""


def invoice_header(width: int) -> Content:
    """The column titles of the invoices list."""
    name_w = _name_width(width, 48 + NUMBER_W)
    return render.label(
        f"{_('number'):<{NUMBER_W}}{_('due on'):<11}{_('client'):<{name_w + 1}}{_('status'):<9}"
        f"{_('aging'):<7}{_('still owed'):>17}",
        "bold $text-muted",
    )


def invoice_line(row: InvoiceRow, width: int) -> Content:
    """One invoice: number, due date, client, status word, aging word, amount still owed."""
    name_w = _name_width(width, 48 + NUMBER_W)
    bucket = row.bucket or ""
    return Content.assemble(
        render.label(f"{row.number:<{NUMBER_W - 1}} {row.due_date or row.issue_date:<11}"),
        render.pad(render.fit(row.client, name_w, "$secondary"), name_w + 1),
        render.label(f"{_(row.status):<9}", STATUS_STYLE.get(row.status, "")),
        render.label(f"{_(bucket) if bucket else bucket:<7}", BUCKET_STYLE.get(bucket, "")),
        render.label(f"{row.due.format():>17}"),
    )


def payment_header(width: int) -> Content:
    """The column titles of the payments list."""
    name_w = _name_width(width, 58)
    return render.label(
        f"{_('date'):<11}{_('invoice'):<14}{_('client'):<{name_w + 1}}{_('amount'):>17} {_('method'):<14}",
        "bold $text-muted",
    )


def payment_line(row: PaymentRow, width: int) -> Content:
    """One payment."""
    name_w = _name_width(width, 58)
    return Content.assemble(
        render.label(f"{row.on:<11}{row.number:<14}"),
        render.pad(render.fit(row.client, name_w, "$secondary"), name_w + 1),
        render.label(f"{row.amount.format():>17} "),
        render.fit(row.method, 14, "$text-muted"),
    )


def expense_header(width: int) -> Content:
    """The column titles of the expenses list."""
    name_w = _name_width(width, 42)
    return render.label(
        f"{_('date'):<11}{_('category'):<12}{_('amount'):>17}  {_('vendor — note'):<{name_w}}",
        "bold $text-muted",
    )


def expense_line(expense: Expense, width: int) -> Content:
    """One expense."""
    name_w = _name_width(width, 42)
    who = " — ".join(p for p in (expense.vendor, expense.note) if p)
    mark = " ↻" if expense.template_id is not None else ""
    return Content.assemble(
        render.label(f"{expense.on.isoformat():<11}{_(expense.category):<12}{expense.amount.format():>17}  "),
        render.fit(who + mark, name_w),
    )


def client_header(width: int) -> Content:
    """The column titles of the revenue-by-client list."""
    name_w = _name_width(width, 56)
    return render.label(
        f"{_('client'):<{name_w + 1}}{_('revenue'):>17}{_('outstanding'):>17}{_('hours'):>9}{_('per h'):>12}",
        "bold $text-muted",
    )


def client_line(row: reports.ClientRow, width: int) -> Content:
    """One client's revenue, outstanding, hours and effective rate."""
    name_w = _name_width(width, 56)
    rate = plain_amount(row.effective_rate) if row.effective_rate else "—"
    return Content.assemble(
        render.pad(render.fit(row.client, name_w, "$secondary"), name_w + 1),
        render.label(
            f"{row.revenue.format():>17}{row.outstanding.format():>17}"
            f"{format_duration(row.minutes):>9}{rate:>12}"
        ),
    )


class LedgerList(OptionList):
    """A navigable list of ledger rows; ``enter`` posts ``OptionSelected`` with the row id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", _("Down"), show=False),
        Binding("k", "cursor_up", _("Up"), show=False),
    ]

    DEFAULT_CSS = """
    LedgerList {
        height: 1fr; border: none; padding: 0; background: $background;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    LedgerList:focus { border: none; background-tint: $foreground 0%; }
    """

    def show(self, rows: Sequence[Row]) -> None:
        """Replace the rows, keeping the cursor on the same id when it is still there."""
        keep = self.selected_id
        self.clear_options()
        self.add_options(
            [
                Option(line, id=row_id) if isinstance(line, Content) else LazyOption(line, row_id)
                for row_id, line in rows
            ]
        )
        index = 0
        if keep is not None:
            for n, (row_id, _line) in enumerate(rows):
                if row_id == keep:
                    index = n
                    break
        self.highlighted = index if rows else None

    def _update_lines(self) -> None:
        """Textual's (8.2.8) line map, with every option one line high (``text-wrap:
        nowrap``): no option is built and measured until it is drawn."""
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        lines = cache.lines
        start = lines[-1][0] + 1 if lines else 0
        for index in range(start, len(self.options)):
            cache.index_to_line[index] = len(lines)
            cache.heights[index] = 1
            lines.append((index, 0))
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        virtual_size = Size(width, len(lines))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    @property
    def selected_id(self) -> str | None:
        """``"<kind>:<id>"`` of the row under the cursor."""
        if self.highlighted is None or self.highlighted >= self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    def select_id(self, row_id: str) -> bool:
        """Put the cursor on ``row_id``; returns whether it is in the list."""
        for index in range(self.option_count):
            if self.get_option_at_index(index).id == row_id:
                self.highlighted = index
                return True
        return False
