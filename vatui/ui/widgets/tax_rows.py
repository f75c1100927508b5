"""A form's tax lines: one row each, name · added or withheld · rate, its amount beside it.

Shared by the invoice lines form (the invoice's tax lines) and the billing form (the
client's default tax lines). Each row is read with ``vatui.domain.taxes.read_tax_row`` and
the whole with ``check_tax_lines``: the rules live in the domain, the widget only gathers
what was typed. A row left empty (no name, no rate) is no line: emptying a row removes it.
The widget saves nothing; the form that holds it asks ``lines()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static

from vatui.domain.errors import VatuiError
from vatui.domain.invoicing import TaxAmount
from vatui.domain.ledger import TaxLine
from vatui.domain.money_display import format_money
from vatui.domain.numbers import NumberFormat, number_format, write
from vatui.domain.taxes import MAX_TAX_LINES, check_tax_lines, read_tax_row
from vatui.i18n import N_, _
from vatui.ui import render
from vatui.ui.widgets.safe_input import SafeInput

KIND_LABELS: tuple[tuple[str, str], ...] = (("added", N_("added")), ("withheld", N_("withheld")))
"""The kinds of a tax line, as the row's choice shows them."""


class TaxRows(Vertical):
    """Tax line rows; ``add_row`` adds one, ``lines`` reads them all (or raises naming the row)."""

    DEFAULT_CSS = """
    TaxRows { height: auto; }
    TaxRows .tax-row { height: 1; }
    TaxRows .tax-percent { width: 2; padding-left: 1; }
    TaxRows .tax-amount { width: 14; text-align: right; color: $text-muted; }
    """

    def __init__(
        self,
        lines: Sequence[TaxLine],
        numbers: bool | NumberFormat,
        *,
        title: str = "",
        min_rows: int = 1,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.heading = title or _("Taxes: name · added or withheld · rate (an empty row is none)")
        """The label above the rows."""
        self.initial = tuple(lines)
        """The lines the rows open with."""
        self.numbers = numbers
        """The workspace's number format (rates are typed and shown in it)."""
        self.min_rows = min_rows
        self._count = 0

    def compose(self) -> ComposeResult:
        yield Label(self.heading)
        fmt = number_format(self.numbers)
        for line in self.initial:
            yield self._row(line.name, line.kind, write(Decimal(line.rate), fmt))
        for _n in range(max(self.min_rows - len(self.initial), 0)):
            yield self._row("", "added", "")

    def _row(self, name: str, kind: str, rate: str) -> Horizontal:
        n = self._count
        self._count += 1
        return Horizontal(
            SafeInput(name, placeholder=_("e.g. IVA"), id=f"tax-name-{n}", classes="tax-name", compact=True),
            Select(
                [(_(label), key) for key, label in KIND_LABELS],
                value=kind,
                allow_blank=False,
                id=f"tax-kind-{n}",
                classes="tax-kind",
                compact=True,
            ),
            SafeInput(rate, placeholder="21", id=f"tax-rate-{n}", classes="tax-rate", compact=True),
            Static("%", classes="tax-percent"),
            Static(id=f"tax-amount-{n}", classes="tax-amount"),
            classes="tax-row",
        )

    def add_row(self) -> bool:
        """Add an empty row and put the cursor in it (``False`` when there are as many rows as lines may be)."""
        if self._count >= MAX_TAX_LINES:
            return False
        row = self._row("", "added", "")
        self.mount(row)
        self.call_after_refresh(lambda: row.query_one(".tax-name", Input).focus())
        return True

    def lines(self) -> tuple[TaxLine, ...]:
        """The lines typed, checked (``VatuiError`` naming the row when one does not read)."""
        out: list[TaxLine] = []
        for n in range(self._count):
            name = self.query_one(f"#tax-name-{n}", Input).value
            rate = self.query_one(f"#tax-rate-{n}", Input).value
            if not name.strip() and not rate.strip():
                continue
            kind = str(self.query_one(f"#tax-kind-{n}", Select).value)
            try:
                out.append(read_tax_row(name, kind, rate, self.numbers))
            except VatuiError as exc:
                raise VatuiError(_("tax {n}: {why}").format(n=n + 1, why=exc)) from exc
        return check_tax_lines(out)

    def show_amounts(self, amounts: Sequence[TaxAmount]) -> None:
        """Each row's amount (``amounts`` in the order of ``lines()``); rows without a line show none."""
        fmt = number_format(self.numbers)
        left = list(amounts)
        for n in range(self._count):
            cell = self.query_one(f"#tax-amount-{n}", Static)
            name = self.query_one(f"#tax-name-{n}", Input).value
            rate = self.query_one(f"#tax-rate-{n}", Input).value
            if (name.strip() or rate.strip()) and left:
                tax = left.pop(0)
                cell.update(render.text(format_money(tax.signed, fmt)))
            else:
                cell.update("")

    def clear_amounts(self) -> None:
        """No amounts shown (while something does not read)."""
        for cell in self.query(".tax-amount").results(Static):
            cell.update("")
