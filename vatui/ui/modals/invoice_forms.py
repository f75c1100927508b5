"""The Ledger's invoice forms: which kind of invoice, which unbilled entries, which lines.

``InvoiceKindModal`` picks what to create; ``EntriesModal`` lists a client's unbilled time
with every entry ticked (``space`` toggles, ``enter`` invoices); ``LinesFormModal`` types
free lines (description, quantity, unit price, each amount previewed as typed in the
workspace's number format), the invoice's tax lines (``TaxRows``: name, added or withheld,
rate; base + added − withheld = due previewed as typed) and notes: for a free-item invoice,
a deposit, and the draft editor. They save nothing: each returns what was typed, checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option

from vatui.domain.amounts import parse_amount
from vatui.domain.errors import VatuiError
from vatui.domain.invoicing import line_amount, read_quantity, totals_from
from vatui.domain.ledger import LineItem, TaxLine
from vatui.domain.money import Money
from vatui.domain.money_display import format_money
from vatui.domain.numbers import NumberFormat, number_format
from vatui.i18n import N_, _, ngettext
from vatui.ui import render
from vatui.ui.modals.form import FormModal
from vatui.ui.widgets.safe_input import SafeInput
from vatui.ui.widgets.tax_rows import TaxRows

KINDS: tuple[tuple[str, str], ...] = (
    ("time", N_("From unbilled time (choose the entries)")),
    ("items", N_("With free lines (description, quantity, price)")),
    ("deposit", N_("A deposit (from the client's deposit policy)")),
    ("retainer", N_("The monthly retainer fee")),
)
"""What ``n`` can create, in menu order."""


class InvoiceKindModal(ModalScreen[str | None]):
    """Which invoice to create; returns a key of ``KINDS`` or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel"), id="invoice_kind_cancel"),
        Binding("j", "move(1)", _("Down"), show=False, id="invoice_kind_down"),
        Binding("k", "move(-1)", _("Up"), show=False, id="invoice_kind_up"),
    ]
    DEFAULT_CSS = """
    InvoiceKindModal #invoice-kind { width: 60; }
    InvoiceKindModal OptionList, InvoiceKindModal OptionList:focus { height: auto; border: none; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="invoice-kind", classes="modal-body") as box:
            box.border_title = _("New invoice")
            box.border_subtitle = _("enter picks · esc cancels")
            yield OptionList(*[Option(_(label), id=key) for key, label in KINDS], id="invoice-kind-list")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = 0
        listing.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(str(event.option.id))

    def action_move(self, step: int) -> None:
        """``j``/``k``: the next or previous kind, as the arrows."""
        listing = self.query_one(OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_cancel(self) -> None:
        """Close without picking."""
        self.dismiss(None)


class EntriesModal(FormModal[tuple[int, ...] | None]):
    """A client's unbilled entries, all ticked; returns the ids still ticked."""

    STATUS_ID: ClassVar[str] = "entries-status"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "invoice", _("Invoice"), priority=True, id="entries_invoice"),
        Binding("escape", "cancel", _("Cancel"), id="entries_cancel"),
    ]
    DEFAULT_CSS = """
    EntriesModal SelectionList, EntriesModal SelectionList:focus { height: auto; max-height: 14; border: none; }
    """

    def __init__(self, title: str, entries: list[tuple[int, str, int]]) -> None:
        super().__init__(classes="vatui-modal")
        self.box_title = title
        self.entries = entries
        """(id, line shown, minutes) of each unbilled entry."""

    def compose(self) -> ComposeResult:
        with Vertical(id="entries-dialog", classes="modal-body") as box:
            box.border_title = render.text(self.box_title)
            box.border_subtitle = _("space toggles · enter invoices · esc cancels")
            yield SelectionList[int](
                *[(render.text(text), key, True) for key, text, _m in self.entries], id="entries-list"
            )
            yield Static(id="entries-status", classes="preview")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()
        self._show()

    @on(SelectionList.SelectedChanged)
    def _show(self) -> None:
        from vatui.domain.durations import format_duration

        chosen = set(self.query_one(SelectionList).selected)
        minutes = sum(m for key, _t, m in self.entries if key in chosen)
        status = self.query_one("#entries-status", Static)
        status.remove_class("-error")
        status.update(
            render.text(
                _("{n} of {all} entries · {time}").format(
                    n=len(chosen), all=len(self.entries), time=format_duration(minutes)
                )
            )
        )

    def action_invoice(self) -> None:
        """Invoice the ticked entries."""
        chosen = tuple(
            key for key, _t, _m in self.entries if key in set(self.query_one(SelectionList).selected)
        )
        if not chosen:
            self.show_refusal(_("tick at least one entry (space)"))
            return
        self.submit(chosen)


@dataclass(frozen=True)
class Line:
    """A free line as typed, checked."""

    description: str
    """What is billed."""
    quantity: str
    """Canonical decimal quantity."""
    price: Money
    """Unit price."""


@dataclass(frozen=True)
class LinesInput:
    """What the lines form returns."""

    lines: tuple[Line, ...]
    """The free lines, in order (blank rows left out)."""
    notes: str
    """The notes printed on the invoice."""
    taxes: tuple[TaxLine, ...] = ()
    """The invoice's tax lines, checked, in order (empty rows left out)."""


MAX_FIXED_SHOWN = 4
"""Billed lines listed one by one above the form; more are summed in one line (80×24)."""


class LinesFormModal(FormModal[LinesInput | None]):
    """Free lines, tax lines and notes; each amount and the totals are previewed as typed.

    ``fixed`` lines (billed time, expenses) are shown above, not editable. ``ctrl+n`` adds a
    line, ``ctrl+t`` a tax line; a row left blank is ignored; ``enter`` in any field saves
    when everything reads. ``taxes`` are the tax lines it opens with (the client's defaults
    for a new invoice, the draft's own in the editor); ``discount`` comes off the base.
    """

    STATUS_ID: ClassVar[str] = "lines-status"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "add_row", _("Add a line"), id="lines_add"),
        Binding("ctrl+t", "add_tax", _("Add a tax line"), id="lines_add_tax"),
        Binding("escape", "cancel", _("Cancel"), id="lines_cancel"),
    ]
    DEFAULT_CSS = """
    LinesFormModal #lines-dialog { width: 78; }
    LinesFormModal #lines-rows { height: auto; max-height: 8; }
    LinesFormModal .line-row { height: 1; }
    LinesFormModal .line-amount { width: 16; text-align: right; color: $text-muted; }
    LinesFormModal #lines-fixed { color: $text-muted; height: auto; }
    """

    def __init__(
        self,
        title: str,
        currency: str,
        numbers: bool | NumberFormat,
        rows: list[tuple[str, str, str]] | None = None,
        *,
        notes: str = "",
        fixed: tuple[LineItem, ...] = (),
        min_rows: int = 3,
        taxes: Sequence[TaxLine] = (),
        discount: Money | None = None,
    ) -> None:
        super().__init__(classes="vatui-modal")
        self.form_title = title
        self.currency = currency
        self.numbers = numbers
        self.rows = list(rows or [])
        self.rows += [("", "1", "")] * max(min_rows - len(self.rows), 0)
        self.notes = notes
        self.fixed = fixed
        self.taxes = tuple(taxes)
        self.discount = discount
        self._count = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="lines-dialog", classes="modal-body") as box:
            box.border_title = render.text(self.form_title)
            box.border_subtitle = _("enter saves · ctrl+n adds a line · ctrl+t a tax · esc cancels")
            if self.fixed:
                fmt = number_format(self.numbers)
                listed = (
                    self.fixed if len(self.fixed) <= MAX_FIXED_SHOWN else self.fixed[: MAX_FIXED_SHOWN - 1]
                )
                shown = "\n".join(
                    f"{item.description[:50]}  {format_money(line_amount(item), fmt)}" for item in listed
                )
                if len(listed) < len(self.fixed):
                    rest = self.fixed[len(listed) :]
                    more = Money.zero(self.currency)
                    for item in rest:
                        more = more + line_amount(item)
                    shown += "\n" + ngettext(
                        "… and {n} more billed line  {amount}",
                        "… and {n} more billed lines  {amount}",
                        len(rest),
                    ).format(n=len(rest), amount=format_money(more, fmt))
                yield Static(render.block(_("Billed lines (kept):") + "\n" + shown), id="lines-fixed")
            yield Label(_("Description · quantity · unit price"))
            with VerticalScroll(id="lines-rows"):
                for desc, qty, price in self.rows:
                    yield self._row(desc, qty, price)
            yield TaxRows(self.taxes, self.numbers, id="lines-taxes")
            yield Label(_("Notes"))
            yield SafeInput(self.notes, id="lines-notes", compact=True)
            yield Static(id="lines-status", classes="preview")

    def _row(self, desc: str, qty: str, price: str) -> Horizontal:
        n = self._count
        self._count += 1
        return Horizontal(
            SafeInput(desc, id=f"line-desc-{n}", classes="line-desc", compact=True),
            SafeInput(qty, id=f"line-qty-{n}", classes="line-qty", compact=True),
            SafeInput(price, id=f"line-price-{n}", classes="line-price", compact=True),
            Static(id=f"line-amount-{n}", classes="line-amount"),
            classes="line-row",
        )

    def on_mount(self) -> None:
        self.query_one("#line-desc-0", Input).focus()
        self._preview()

    def action_add_row(self) -> None:
        """Add an empty line and put the cursor in it."""
        row = self._row("", "1", "")
        self.query_one("#lines-rows", VerticalScroll).mount(row)
        self.call_after_refresh(lambda: row.query_one(".line-desc", Input).focus())

    def action_add_tax(self) -> None:
        """Add an empty tax line and put the cursor in it."""
        if not self.query_one(TaxRows).add_row():
            self.app.bell()

    def _value(self, wid: str) -> str:
        return self.query_one(f"#{wid}", Input).value

    def read_lines(self) -> tuple[LinesInput, list[Money | None]]:
        """The lines typed (and each row's amount), or ``VatuiError`` naming the row."""
        lines: list[Line] = []
        amounts: list[Money | None] = []
        for n in range(self._count):
            desc, qty, price = (self._value(f"line-{part}-{n}") for part in ("desc", "qty", "price"))
            if not desc.strip() and not price.strip():
                amounts.append(None)
                continue
            try:
                if not desc.strip():
                    raise VatuiError(_("a line needs a description"))
                quantity = read_quantity(qty or "1", self.numbers)
                money = parse_amount(price, self.currency, self.numbers)
                if money.currency != self.currency:
                    raise VatuiError(_("the invoice is in {cur}").format(cur=self.currency))
            except VatuiError as exc:
                raise VatuiError(_("line {n}: {why}").format(n=n + 1, why=exc)) from exc
            line = Line(desc.strip(), quantity, money)
            lines.append(line)
            amounts.append(line_amount(LineItem(description=desc, quantity=quantity, unit_price=money)))
        taxes = self.query_one(TaxRows).lines()
        return LinesInput(tuple(lines), self._value("lines-notes").strip(), taxes), amounts

    @on(Input.Changed)
    @on(Select.Changed)
    def _preview(self) -> None:
        fmt = number_format(self.numbers)
        status = self.query_one("#lines-status", Static)
        tax_rows = self.query_one(TaxRows)
        try:
            got, amounts = self.read_lines()
        except VatuiError as exc:
            status.update(render.text(str(exc)))
            status.add_class("-error")
            tax_rows.clear_amounts()
            return
        status.remove_class("-error")
        for n, amount in enumerate(amounts):
            self.query_one(f"#line-amount-{n}", Static).update(
                render.text(format_money(amount, fmt) if amount is not None else "")
            )
        total = Money.zero(self.currency)
        for item in self.fixed:
            total = total + line_amount(item)
        for amount in amounts:
            total = total + (amount or Money.zero(self.currency))
        count = len(got.lines) + len(self.fixed)
        if not got.taxes and not self.discount:
            tax_rows.show_amounts(())
            status.update(
                render.text(
                    "→ "
                    + ngettext("{n} line · total {total}", "{n} lines · total {total}", count).format(
                        n=count, total=format_money(total, fmt)
                    )
                )
            )
            return
        sums = totals_from(total, self.discount or Money.zero(self.currency), got.taxes)
        tax_rows.show_amounts(sums.taxes)
        status.update(
            render.text(
                "→ "
                + ngettext(
                    "{n} line · base {base} + {added} − {withheld} = {due} due",
                    "{n} lines · base {base} + {added} − {withheld} = {due} due",
                    count,
                ).format(
                    n=count,
                    base=format_money(sums.base, fmt),
                    added=format_money(sums.added, fmt),
                    withheld=format_money(sums.withheld, fmt),
                    due=format_money(sums.total, fmt),
                )
            )
        )

    @on(Input.Submitted)
    def _submit(self) -> None:
        try:
            got, _amounts = self.read_lines()
        except VatuiError as exc:
            self.show_refusal(str(exc))
            return
        if not got.lines and not self.fixed:
            self.show_refusal(_("type at least one line"))
            return
        self.submit(got)
