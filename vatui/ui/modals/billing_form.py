"""A client's billing identity: legal name, tax ID and its label, address, billing contact,
and the tax lines new invoices start with (``TaxRows``: name, added or withheld, rate).

``BillingFormModal`` returns only the fields the user changed (a dict for
``ClientChanges.values``) and saves nothing; the service checks them (``check_text``,
caps, the contact must be one of the client's people; the tax lines are read with the
domain's ``read_tax_row`` / ``check_tax_lines``) and the form stays open with the refusal
when one is refused.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static, TextArea

from vatui.domain.clients import Client
from vatui.domain.errors import VatuiError
from vatui.domain.numbers import NumberFormat
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.modals.form import FormModal, form_bindings
from vatui.ui.widgets.safe_input import SafeInput
from vatui.ui.widgets.safe_text_area import SafeTextArea
from vatui.ui.widgets.tax_rows import TaxRows

BillingChanges = dict[str, Any]
"""Field → new value, only for the fields changed."""

_FIRST = "__first__"


class BillingFormModal(FormModal[BillingChanges | None]):
    """The billing form; ``ctrl+s`` (or ``enter`` in a one-line field) saves."""

    STATUS_ID: ClassVar[str] = "billing-status"
    ENTER_SAVES: ClassVar[bool] = True
    BINDINGS: ClassVar[list[BindingType]] = [
        *form_bindings("billing"),
        Binding("ctrl+t", "add_tax", _("Add a tax line"), id="billing_add_tax"),
    ]
    DEFAULT_CSS = """
    BillingFormModal #billing-address { height: 4; }
    """

    def __init__(self, client: Client, numbers: bool | NumberFormat = False) -> None:
        super().__init__(classes="vatui-modal")
        self.client = client
        self.numbers = numbers
        """The workspace's number format (tax rates are typed in it)."""

    def compose(self) -> ComposeResult:
        c = self.client
        with Vertical(id="billing-dialog", classes="modal-body") as body:
            body.border_title = render.text(_("Billing — {name}").format(name=one_line(c.name, 40)))
            body.border_subtitle = _("ctrl+s saves · ctrl+t adds a tax · esc cancels")
            yield Label(_("Legal name (empty: the client's name)"))
            yield SafeInput(
                c.legal_name, placeholder=_("e.g. Acme Holdings LLC"), id="billing-legal-name", compact=True
            )
            yield Label(_("Tax ID label (NIT, NIF, RFC, EIN…) and tax ID"))
            yield SafeInput(
                c.tax_id_label, placeholder=_("e.g. NIT"), id="billing-tax-id-label", compact=True
            )
            yield SafeInput(c.tax_id, placeholder=_("e.g. 900.123.456-7"), id="billing-tax-id", compact=True)
            yield Label(_("Billing address"))
            yield SafeTextArea(c.billing_address, id="billing-address", soft_wrap=True)
            yield Label(_("Billing contact (invoices and reminders go to them)"))
            options = [(_("the first person"), _FIRST)] + [(render.text(p.name), p.name) for p in c.people]
            current = next(
                (p.name for p in c.people if p.name.casefold() == c.billing_contact.casefold()), _FIRST
            )
            yield Select(options, value=current, allow_blank=False, id="billing-contact", compact=True)
            title = _("Taxes of new invoices: name · added or withheld · rate")
            yield TaxRows(self.client.default_taxes, self.numbers, title=title, id="billing-taxes")
            yield Static(id="billing-status", classes="preview")

    def on_mount(self) -> None:
        self.query_one("#billing-legal-name", Input).focus()
        super().on_mount()

    def action_add_tax(self) -> None:
        """Add an empty tax line and put the cursor in it."""
        if not self.query_one(TaxRows).add_row():
            self.app.bell()

    def values(self) -> BillingChanges:
        """The fields as typed (``VatuiError`` when a tax line does not read)."""
        contact = str(self.query_one("#billing-contact", Select).value)
        return {
            "legal_name": self.query_one("#billing-legal-name", Input).value,
            "tax_id_label": self.query_one("#billing-tax-id-label", Input).value,
            "tax_id": self.query_one("#billing-tax-id", Input).value,
            "billing_address": self.query_one("#billing-address", TextArea).text,
            "billing_contact": "" if contact == _FIRST else contact,
            "default_taxes": self.query_one(TaxRows).lines(),
        }

    def action_save(self) -> None:
        """Save what changed."""
        try:
            values = self.values()
        except VatuiError as exc:
            self.show_refusal(str(exc))
            return
        changed = {k: v for k, v in values.items() if v != getattr(self.client, k)}
        if not changed:
            self.dismiss(None)
            return
        self.submit(changed)

    @on(Input.Changed, ".tax-row Input")
    @on(Select.Changed, ".tax-row Select")
    def _check_taxes(self) -> None:
        """Say at once when a tax line does not read (saving still checks everything)."""
        try:
            self.query_one(TaxRows).lines()
        except VatuiError as exc:
            self.show_status(str(exc), error=True)
            return
        self.show_status("")
