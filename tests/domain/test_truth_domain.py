"""Issue 8 item 5 at the domain layer: figures and words that tell the truth."""

from __future__ import annotations

from datetime import date, timedelta

from vatui.domain.dunning import due_step
from vatui.domain.invoicing import payments_split
from vatui.domain.ledger import Invoice, LineItem, Payment, ReminderSent, legacy_taxes
from vatui.domain.money import Money
from vatui.domain.reliability import reliability
from vatui.domain.reports import client_revenue
from vatui.domain.settings import DEFAULT_PROTOCOL

ON = date(2026, 11, 27)


def inv(
    n: int,
    due: date,
    amount: int = 15000,
    *,
    status: str = "sent",
    tax: str = "0",
    client: int = 1,
    **kw: object,
) -> Invoice:
    return Invoice(
        id=n,
        number=f"INV-2026-{n:04d}",
        client_id=client,
        issue_date=due - timedelta(days=14),
        due_date=due,
        currency="EUR",
        items=(LineItem(description="work", quantity="1", unit_price=Money(amount, "EUR")),),
        status=status,
        sent_on=due - timedelta(days=14),
        taxes=legacy_taxes(tax),
        **kw,  # type: ignore[arg-type]
    )


def pay(n: int, invoice: int, on: date, amount: int) -> Payment:
    return Payment(id=n, invoice_id=invoice, on=on, amount=Money(amount, "EUR"))


# an invoice of 150 paid 100 + 100 -------------------------------------------------


def test_payments_split_into_what_paid_the_invoice_and_the_credit() -> None:
    invoice = inv(1, date(2026, 11, 1), status="paid")
    applied, credit = payments_split(
        invoice, [pay(1, 1, date(2026, 11, 2), 10000), pay(2, 1, date(2026, 11, 3), 10000)]
    )
    assert applied == Money(15000, "EUR") and credit == Money(5000, "EUR")


def test_payments_split_leaves_room_for_credit_and_deposit_applied() -> None:
    invoice = inv(1, date(2026, 11, 1), status="paid", credit_applied=Money(4000, "EUR"))
    applied, credit = payments_split(invoice, [pay(1, 1, date(2026, 11, 2), 15000)])
    assert applied == Money(11000, "EUR") and credit == Money(4000, "EUR")


# revenue: one function ------------------------------------------------------------


def test_client_revenue_is_net_of_tax_and_ignores_deposits_and_overpayment() -> None:
    taxed = inv(1, date(2026, 10, 1), 10000, status="paid", tax="10")  # total 110
    billed = [
        (taxed, [pay(1, 1, date(2026, 10, 2), 13000)]),  # 20 over → credit
        (
            inv(2, date(2026, 10, 5), 5000, status="paid", kind="deposit"),
            [pay(2, 2, date(2026, 10, 5), 5000)],
        ),
        (inv(3, date(2026, 10, 5), 7000, client=2, status="paid"), [pay(3, 3, date(2026, 10, 6), 7000)]),
    ]
    assert client_revenue(billed, 1) == {"EUR": Money(10000, "EUR")}
    assert client_revenue(billed, 2) == {"EUR": Money(7000, "EUR")}
    assert client_revenue(billed, 1, on=date(2026, 10, 1)) == {}


# reliability words ----------------------------------------------------------------


def test_an_unpaid_overdue_invoice_is_not_paid_late() -> None:
    rel = reliability([inv(1, ON - timedelta(days=10))], [], ON)
    assert not any("paid" in r and "late" in r for r in rel.reasons), rel.reasons
    assert any("unpaid" in r for r in rel.reasons), rel.reasons


def test_paid_late_and_unpaid_are_counted_apart() -> None:
    invoices = [
        inv(1, date(2026, 9, 1), 10000, status="paid"),
        inv(2, date(2026, 10, 1), 10000),
        inv(3, date(2026, 10, 20), 10000),
    ]
    rel = reliability(invoices, [pay(1, 1, date(2026, 9, 20), 10000)], ON)
    assert "paid 1 of 3 invoices late" in rel.reasons
    assert "2 of 3 invoices unpaid past their due date" in rel.reasons


# dunning escalation ---------------------------------------------------------------

DUE = date(2026, 11, 15)
P = DEFAULT_PROTOCOL  # -3 friendly, +1 polite, +7 firm, +14 final (pauses work)


def test_a_back_dated_invoice_never_starts_at_the_final_step() -> None:
    assert due_step(DUE, (), P, DUE + timedelta(days=90)) == 2
    assert not P[due_step(DUE, (), P, DUE + timedelta(days=90)) or 0].pauses_work


def test_each_step_is_at_most_one_beyond_the_last_sent_with_the_protocol_spacing() -> None:
    first = DUE + timedelta(days=90)
    sent = (ReminderSent(step=2, on=first),)
    assert due_step(DUE, sent, P, first + timedelta(days=6)) is None  # firm → final is 7 days
    assert due_step(DUE, sent, P, first + timedelta(days=7)) == 3
    sent = (ReminderSent(step=0, on=DUE + timedelta(days=30)),)
    assert due_step(DUE, sent, P, DUE + timedelta(days=31)) is None  # friendly → polite is 4 days
    assert due_step(DUE, sent, P, DUE + timedelta(days=34)) == 1


def test_a_snoozed_reminder_waits_until_its_date() -> None:
    day = DUE + timedelta(days=10)
    assert due_step(DUE, (), P, day, snoozed_until=day + timedelta(days=2)) is None
    assert due_step(DUE, (), P, day + timedelta(days=2), snoozed_until=day + timedelta(days=2)) == 2


def test_a_protocol_of_one_pausing_step_still_sends_it() -> None:
    only = (P[3],)
    assert due_step(DUE, (), only, DUE + timedelta(days=30)) == 0
    assert (
        due_step(DUE, (ReminderSent(step=0, on=DUE + timedelta(days=30)),), only, DUE + timedelta(days=60))
        is None
    )


def test_a_document_split_with_a_deposit_and_an_overpayment() -> None:
    invoice = inv(1, date(2026, 11, 1), 10000, status="paid", deposit_applied=Money(3000, "EUR"))
    applied, credit = payments_split(invoice, [pay(1, 1, date(2026, 11, 2), 9000)])
    assert applied == Money(7000, "EUR") and credit == Money(2000, "EUR")
