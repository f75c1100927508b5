"""Add an expense: amount, category, vendor, note, date, recurrence. Saves nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from vatui.domain.amounts import parse_amount
from vatui.domain.errors import VatuiError
from vatui.domain.ledger import EXPENSE_CATEGORIES, check_expense_amount
from vatui.domain.money import Money
from vatui.domain.money_display import format_money
from vatui.domain.numbers import NumberFormat, number_format
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.date_input import read_date
from vatui.ui.modals.form import FormModal, form_bindings
from vatui.ui.widgets.safe_input import SafeInput


@dataclass(frozen=True)
class ExpenseInput:
    """A checked expense."""

    amount: Money
    """How much."""
    category: str
    """One of the categories."""
    vendor: str
    """Who was paid."""
    note: str
    """What for."""
    on: date
    """When."""
    every: str | None
    """``monthly``, ``yearly`` or ``None``."""


class ExpenseFormModal(FormModal[ExpenseInput | None]):
    """The expense form; ``enter`` in any field adds it when everything is valid."""

    STATUS_ID: ClassVar[str] = "expense-status"
    ENTER_SAVES: ClassVar[bool] = True
    QUIET_REFUSAL: ClassVar[bool] = True
    BINDINGS: ClassVar[list[BindingType]] = form_bindings("expense", save=False)

    def __init__(self, currency: str, today: date, decimal_comma: bool | NumberFormat = False) -> None:
        super().__init__(classes="vatui-modal")
        self.currency = currency
        self.today = today
        self.decimal_comma = decimal_comma

    def compose(self) -> ComposeResult:
        with Vertical(id="expense-dialog", classes="modal-body") as body:
            body.border_title = _("New expense")
            body.border_subtitle = _("enter adds · esc cancels")
            yield Label(render.text(_("Amount (default currency {cur})").format(cur=self.currency)))
            yield SafeInput(id="expense-amount", compact=True)
            yield Label(_("Category"))
            yield Select(
                [(_(c), c) for c in EXPENSE_CATEGORIES],
                value="software",
                allow_blank=False,
                id="expense-category",
                compact=True,
            )
            yield Label(_("Vendor"))
            yield SafeInput(id="expense-vendor", compact=True)
            yield Label(_("Note"))
            yield SafeInput(id="expense-note", compact=True)
            yield Label(_("Date"))
            yield SafeInput(value="today", id="expense-date", compact=True)
            yield Label(_("Repeats"))
            yield Select(
                [(_("no"), "none"), (_("monthly"), "monthly"), (_("yearly"), "yearly")],
                value="none",
                allow_blank=False,
                id="expense-every",
                compact=True,
            )
            yield Static(id="expense-status", classes="preview")

    def on_mount(self) -> None:
        self.query_one("#expense-amount", Input).focus()

    def _value(self, wid: str) -> str:
        return self.query_one(f"#{wid}", Input).value

    def checked(self) -> ExpenseInput:
        """The form's values, or ``VatuiError``."""
        money = parse_amount(self._value("expense-amount"), self.currency, self.decimal_comma)
        check_expense_amount(money)
        day = read_date(self, self._value("expense-date") or "today", self.today)
        every = str(self.query_one("#expense-every", Select).value)
        return ExpenseInput(
            money,
            str(self.query_one("#expense-category", Select).value),
            self._value("expense-vendor").strip(),
            self._value("expense-note").strip(),
            day,
            None if every == "none" else every,
        )

    @on(Input.Changed)
    def _preview(self) -> None:
        if not self._value("expense-amount").strip():
            self.query_one("#expense-status", Static).update("")
            return
        try:
            got = self.checked()
        except VatuiError as exc:
            self.show_status(str(exc), error=True)
            return
        shown = format_money(got.amount, number_format(self.decimal_comma))
        self.show_status(f"→ {shown} · {got.on.isoformat()}")
