"""The Ledger pane's lists as plain records: a line per invoice and per payment, and the
lists of one day (what ``services.ledger.view`` reads and the Ledger pane shows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vatui.domain.ledger import Expense
from vatui.domain.money import Money


@dataclass(frozen=True, slots=True)
class InvoiceRow:
    """One line of the invoices list."""

    id: int
    """The invoice's id."""
    number: str
    """Its number."""
    issue_date: str
    """``YYYY-MM-DD``."""
    kind: str
    """standard, deposit or retainer."""
    client: str
    """The client's name."""
    due: Money
    """Still due (the total for a draft, zero when paid or void)."""
    status: str
    """The word shown: draft, sent, partial, paid, void or overdue."""
    bucket: str | None
    """Aging bucket when money is due on an issued invoice."""
    due_date: str = ""
    """``YYYY-MM-DD``: when payment is due."""


@dataclass(frozen=True, slots=True)
class PaymentRow:
    """One line of the payments list."""

    id: int
    """The payment's id."""
    invoice_id: int
    """The invoice it paid."""
    on: str
    """``YYYY-MM-DD``."""
    amount: Money
    """How much."""
    method: str
    """How."""
    number: str
    """The invoice's number."""
    client: str
    """Who paid."""


@dataclass(frozen=True, slots=True)
class LedgerView:
    """The pane's lists for one day."""

    on: date
    """The day."""
    invoices: list[InvoiceRow]
    """Newest first."""
    payments: list[PaymentRow]
    """Newest first."""
    expenses: list[Expense]
    """Newest first (recurring templates left out)."""
