"""Record a payment: amount (checked as typed), date, method. Saves nothing; returns the values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from vatui.domain.amounts import amount_input, parse_amount
from vatui.domain.dates import parse_date
from vatui.domain.errors import VatuiError
from vatui.domain.ledger import check_payment_amount, check_payment_day
from vatui.domain.money import Money
from vatui.domain.money_display import format_money
from vatui.domain.numbers import NumberFormat, number_format
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.modals.form import FormModal, form_bindings
from vatui.ui.widgets.safe_input import SafeInput


@dataclass(frozen=True)
class PaymentInput:
    """What the user typed, checked."""

    amount: Money
    """How much came in."""
    on: date
    """When."""
    method: str
    """How (free text)."""


def check(
    amount: str, when: str, currency: str, today: date, decimal_comma: bool | NumberFormat
) -> tuple[Money, date]:
    """The amount and date typed, or ``VatuiError`` saying what is wrong."""
    money = parse_amount(amount, currency, decimal_comma)
    if money.currency != currency:
        raise VatuiError(_("the invoice is in {cur}").format(cur=currency))
    check_payment_amount(money)
    return money, check_payment_day(parse_date(when or "today", today), today)


class PaymentModal(FormModal[PaymentInput | None]):
    """Amount, date and method of a payment on one invoice."""

    STATUS_ID: ClassVar[str] = "payment-status"
    ENTER_SAVES: ClassVar[bool] = True
    QUIET_REFUSAL: ClassVar[bool] = True
    BINDINGS: ClassVar[list[BindingType]] = form_bindings("payment", save=False)

    def __init__(
        self, title: str, due: Money, today: date, decimal_comma: bool | NumberFormat = False
    ) -> None:
        super().__init__(classes="vatui-modal")
        self.view_title = title
        self.due = due
        self.today = today
        self.decimal_comma = decimal_comma

    def compose(self) -> ComposeResult:
        with Vertical(id="payment-dialog", classes="modal-body") as body:
            body.border_title = render.text(self.view_title)
            body.border_subtitle = _("enter records · esc cancels")
            yield Label(render.text(_("Amount ({due} due)").format(due=self.due.format())))
            yield SafeInput(
                value=amount_input(self.due, self.decimal_comma), id="payment-amount", compact=True
            )
            yield Label(_("Date"))
            yield SafeInput(value="today", id="payment-date", compact=True)
            yield Label(_("Method (bank transfer, PayPal, …)"))
            yield SafeInput(id="payment-method", compact=True)
            yield Static(id="payment-status", classes="preview")

    def on_mount(self) -> None:
        self.query_one("#payment-amount", Input).focus()

    def _values(self) -> tuple[str, str, str]:
        return (
            self.query_one("#payment-amount", Input).value,
            self.query_one("#payment-date", Input).value,
            self.query_one("#payment-method", Input).value,
        )

    def checked(self) -> PaymentInput:
        """The payment typed; ``VatuiError`` says what is wrong."""
        amount, when, method = self._values()
        money, day = check(amount, when, self.due.currency, self.today, self.decimal_comma)
        return PaymentInput(money, day, method.strip())

    @on(Input.Changed)
    def _preview(self) -> None:
        try:
            got = self.checked()
        except VatuiError as exc:
            self.show_status(str(exc), error=True)
            return
        money, day = got.amount, got.on
        fmt = number_format(self.decimal_comma)
        extra = ""
        if money.minor > self.due.minor:
            extra = " · " + _("{credit} becomes the client's credit").format(
                credit=format_money(money - self.due, fmt)
            )
        shown = _("{amount} on {day}").format(amount=format_money(money, fmt), day=day.isoformat())
        self.show_status("→ " + shown + extra)
