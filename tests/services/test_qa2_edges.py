"""Dates vatui works out itself stay in the business range (QA round 2)."""

from __future__ import annotations

from datetime import date

import pytest

from vatui.domain.dates import MAX_DATE, derived_date, year_ahead
from vatui.domain.errors import InputError
from vatui.domain.ledger import check_payment_day
from vatui.domain.money import Money
from vatui.domain.recurrence import Recurrence
from vatui.services.clients.manage import add_client
from vatui.services.ledger.expenses import occurrence_dates
from vatui.services.ledger.invoices import ItemSpec, new_invoice
from vatui.services.tasks.manage import add_task, complete_task
from vatui.store.workspace import Workspace


def test_derived_date_at_the_edge() -> None:
    assert derived_date(date(2199, 12, 1), 30, "the due date") == MAX_DATE
    with pytest.raises(InputError, match="the due date would be 2200-01-01, past the last date vatui keeps"):
        derived_date(MAX_DATE, 1, "the due date")
    with pytest.raises(InputError):
        derived_date(date(9999, 12, 30), 5, "x")


@pytest.mark.parametrize(
    "rule", ["monthly", "daily", "weekly", "yearly", "last", "15th", "weekdays", "friday", "2w"]
)
def test_a_recurrence_ends_at_the_last_date(rule: str) -> None:
    parsed = Recurrence.parse(rule)
    assert parsed.next_in_range(MAX_DATE) is None
    assert parsed.next_in_range(date(9999, 12, 31)) is None
    assert parsed.next_in_range(date(2026, 1, 1)) == parsed.next_occurrence(date(2026, 1, 1))


def test_completing_the_last_occurrence_makes_no_next(ws: Workspace) -> None:
    task = add_task(ws, "Monthly", due=MAX_DATE, recurrence="monthly")
    done, following = complete_task(ws, task.id or 0)
    assert done.is_done and following is None
    early = add_task(ws, "Monthly", due=date(2199, 11, 30), recurrence="monthly")
    _done, nxt = complete_task(ws, early.id or 0)
    assert nxt is not None and nxt.due == date(2199, 12, 30)


def test_an_invoice_whose_due_date_would_pass_the_range_is_refused(ws: Workspace) -> None:
    client = add_client(ws, "Acme", currency="USD", terms_days=365)
    item = ItemSpec("x", "1", Money.from_decimal("10", "USD"))
    with pytest.raises(InputError, match="2200-12-31"):
        new_invoice(ws, client.id or 0, items=[item], on=MAX_DATE)
    assert ws.docs("invoices") == {}
    made = new_invoice(ws, client.id or 0, items=[item], on=date(2198, 12, 31))
    assert made.due_date == date(2199, 12, 31)


def test_expense_occurrences_stop_at_the_last_date() -> None:
    dates = occurrence_dates(date(2199, 10, 31), "monthly", date(2201, 1, 1))
    assert dates == [date(2199, 10, 31), date(2199, 11, 30), date(2199, 12, 31)]


def test_a_payment_at_most_a_year_ahead() -> None:
    today = date(2026, 12, 1)
    assert check_payment_day(date(2027, 12, 1), today) == date(2027, 12, 1)
    with pytest.raises(InputError, match="more than a year ahead"):
        check_payment_day(date(2027, 12, 2), today)
    leap = date(2028, 2, 29)
    assert year_ahead(leap) == date(2029, 2, 28)
    assert check_payment_day(date(2029, 2, 28), leap)
    with pytest.raises(InputError):
        check_payment_day(date(2029, 3, 1), leap)
    assert year_ahead(date(2027, 2, 28)) == date(2028, 2, 28)


def test_an_old_draft_due_after_the_range_is_not_sent(ws: Workspace) -> None:
    from vatui.domain.errors import RuleError
    from vatui.services.ledger.invoices import send_invoice

    client = add_client(ws, "Acme", currency="USD", terms_days=365)
    draft = new_invoice(
        ws, client.id or 0, items=[ItemSpec("x", "1", Money.from_decimal("10", "USD"))], on=date(2198, 12, 31)
    )
    with ws.transaction("old data") as tx:
        tx.update("invoices", draft.id or 0, {"issue_date": "2199-12-31", "due_date": "2200-12-31"})
    with pytest.raises(RuleError, match="is due 2200-12-31, past the last date vatui keeps"):
        send_invoice(ws, draft.id or 0, on=MAX_DATE)
    assert ws.docs("invoices")[str(draft.id)]["status"] == "draft"
