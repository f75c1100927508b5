"""Reliability: figures from invoices and payments, the badge and its reasons."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from vatui.domain.ledger import Invoice, LineItem, Payment, ReminderSent, TaxLine
from vatui.domain.money import Money
from vatui.domain.reliability import VETTING_KEYS, invoice_total, reliability

ON = date(2026, 11, 27)


def inv(
    n: int,
    due: date,
    *,
    amount: int = 10000,
    status: str = "sent",
    cur: str = "USD",
    reminders: int = 0,
    sent: bool = True,
    **kw: object,
) -> Invoice:
    return Invoice(
        id=n,
        number=f"INV-2026-{n:04d}",
        client_id=1,
        issue_date=due - timedelta(days=14),
        due_date=due,
        currency=cur,
        items=(LineItem(description="work", quantity="1", unit_price=Money(amount, cur)),),
        status=status,
        sent_on=due - timedelta(days=14) if sent else None,
        reminders=tuple(ReminderSent(step=i, on=due + timedelta(days=i)) for i in range(reminders)),
        **kw,  # type: ignore[arg-type]
    )


def pay(n: int, invoice: int, on: date, amount: int = 10000, cur: str = "USD") -> Payment:
    return Payment(id=n, invoice_id=invoice, on=on, amount=Money(amount, cur))


def test_invoice_total_discount_then_tax() -> None:
    invoice = Invoice(
        number="INV-2026-0001",
        client_id=1,
        issue_date=ON,
        due_date=ON,
        currency="EUR",
        items=(
            LineItem(description="a", quantity="2.5", unit_price=Money(4000, "EUR")),
            LineItem(description="b", quantity="1", unit_price=Money(1999, "EUR")),
        ),
        discount=Money(999, "EUR"),
        taxes=(TaxLine(rate="21"),),
    )
    # 100.00 + 19.99 - 9.99 = 110.00; +21 % = 133.10
    assert invoice_total(invoice) == Money(13310, "EUR")


def test_no_history_is_unproven_and_vetting_says_so() -> None:
    rel = reliability([], [], ON, vetting_done=["contract"])
    assert rel.badge == "unproven"
    assert rel.reasons[0] == "no payment history yet"
    assert "vetting not finished" in rel.reasons[1]
    assert "references checked" in rel.reasons[1] and "contract signed" not in rel.reasons[1]
    assert rel.on_time_percent is None


def test_draft_and_not_yet_due_are_no_history() -> None:
    invoices = [inv(1, ON + timedelta(days=5)), inv(2, ON - timedelta(days=30), status="draft", sent=False)]
    rel = reliability(invoices, [], ON)
    assert rel.badge == "unproven"
    assert rel.outstanding == {"USD": Money(10000, "USD")}


def test_three_late_invoices_are_risky_with_reasons() -> None:
    invoices = [inv(i, date(2026, m, 10), status="paid", reminders=2) for i, m in ((1, 7), (2, 8), (3, 9))]
    payments = [pay(1, 1, date(2026, 7, 20)), pay(2, 2, date(2026, 8, 22)), pay(3, 3, date(2026, 9, 15))]
    rel = reliability(invoices, payments, ON, vetting_done=VETTING_KEYS)
    assert rel.badge == "risky"
    assert rel.invoices == 3 and rel.late == 3 and rel.on_time == 0
    assert rel.on_time_percent == 0
    assert str(rel.average_days_late) == "9.0"  # (10 + 12 + 5) / 3
    assert str(rel.reminders_per_invoice) == "2.0"
    assert "paid 3 of 3 invoices late" in rel.reasons
    assert "on average 9.0 days late" in rel.reasons
    assert "needed 2.0 reminders per invoice" in rel.reasons
    assert not any("vetting" in r for r in rel.reasons)


def test_all_on_time_is_good() -> None:
    invoices = [inv(i, date(2026, i + 5, 10), status="paid") for i in range(1, 5)]
    payments = [pay(i, i, date(2026, i + 5, 9)) for i in range(1, 5)]
    rel = reliability(invoices, payments, ON, vetting_done=VETTING_KEYS)
    assert rel.badge == "good"
    assert rel.reasons == ("paid all 4 invoices on time",)
    assert rel.on_time_percent == 100 and rel.average_days_late is None
    assert rel.outstanding == {}


def test_one_late_of_ten_stays_good_but_two_of_five_is_watch() -> None:
    invoices = [inv(i, date(2026, 1, 1) + timedelta(days=20 * i), status="paid") for i in range(1, 11)]
    payments = [
        pay(i, i, invoices[i - 1].due_date + timedelta(days=2 if i == 1 else 0)) for i in range(1, 11)
    ]
    assert reliability(invoices, payments, ON).badge == "good"
    payments5 = [
        pay(i, i, invoices[i - 1].due_date + timedelta(days=3 if i <= 2 else 0)) for i in range(1, 6)
    ]
    rel = reliability(invoices[:5], payments5, ON)
    assert rel.badge == "watch"
    assert "paid 2 of 5 invoices late" in rel.reasons


def test_overdue_open_invoice_counts_and_oldest_is_named() -> None:
    invoices = [
        inv(1, ON - timedelta(days=40)),
        inv(2, ON - timedelta(days=3), amount=5000),
        inv(3, ON + timedelta(days=10), amount=2500),
    ]
    payments = [pay(1, 2, ON - timedelta(days=1), amount=1000)]
    rel = reliability(invoices, payments, ON)
    assert rel.badge == "risky"
    assert rel.oldest_overdue_number == "INV-2026-0001" and rel.oldest_overdue_days == 40
    assert "INV-2026-0001 is 40 days overdue" in rel.reasons
    assert rel.outstanding == {"USD": Money(10000 + 4000 + 2500, "USD")}
    assert rel.overdue == {"USD": Money(14000, "USD")}


def test_partial_payments_settle_on_the_completing_payment() -> None:
    invoices = [inv(1, date(2026, 10, 1), status="paid")]
    payments = [pay(1, 1, date(2026, 9, 28), 4000), pay(2, 1, date(2026, 10, 6), 6000)]
    rel = reliability(invoices, payments, ON)
    assert rel.late == 1 and str(rel.average_days_late) == "5.0"
    assert rel.badge == "watch"


def test_payments_after_the_date_are_ignored() -> None:
    invoices = [inv(1, date(2026, 11, 20))]
    rel = reliability(invoices, [pay(1, 1, date(2026, 11, 30))], ON)
    assert rel.oldest_overdue_days == 7 and rel.badge == "watch"


def test_write_offs() -> None:
    chased = inv(1, date(2026, 9, 1), status="void", reminders=3)
    early = inv(2, date(2026, 9, 1), status="void")  # voided, never chased: a correction
    dated = inv(3, date(2026, 10, 1), status="void", amount=3000)  # void date after due date
    never_sent = inv(4, date(2026, 9, 1), status="void", sent=False, reminders=2)
    on_record = inv(5, date(2026, 10, 1), status="void", amount=700, voided_on=date(2026, 10, 5))
    before_due = inv(6, date(2026, 10, 1), status="void", reminders=2, voided_on=date(2026, 9, 25))
    rel = reliability(
        [chased, early, dated, never_sent, on_record, before_due], [], ON, voided_on={3: date(2026, 10, 20)}
    )
    assert rel.write_offs == 3
    assert rel.written_off == {"USD": Money(13700, "USD")}
    assert rel.badge == "risky"
    assert "3 invoices written off ($137.00)" in rel.reasons


def test_total_follows_the_ledger_for_billed_minutes_and_deposits() -> None:
    invoice = Invoice(
        id=1,
        number="INV-2026-0001",
        client_id=1,
        issue_date=date(2026, 10, 1),
        due_date=date(2026, 10, 15),
        currency="USD",
        status="paid",
        sent_on=date(2026, 10, 1),
        items=(LineItem(description="time", quantity="1.5", unit_price=Money(4000, "USD"), minutes=90),),
        deposit_applied=Money(2000, "USD"),
    )
    assert invoice_total(invoice) == Money(6000, "USD")
    rel = reliability([invoice], [pay(1, 1, date(2026, 10, 14), 4000)], ON)
    assert rel.badge == "good" and rel.on_time == 1


def test_currencies_never_mix() -> None:
    invoices = [
        inv(1, ON + timedelta(days=3), cur="EUR"),
        inv(2, ON + timedelta(days=3), cur="JPY", amount=5000),
    ]
    rel = reliability(invoices, [], ON)
    assert rel.outstanding == {"EUR": Money(10000, "EUR"), "JPY": Money(5000, "JPY")}
    data = rel.to_json()
    assert data["outstanding"] == [
        {"amount": "100.00", "currency": "EUR"},
        {"amount": "5000", "currency": "JPY"},
    ]


def test_credit_counts_as_paid_when_sent() -> None:
    invoice = inv(1, date(2026, 10, 1), status="paid", credit_applied=Money(10000, "USD"))
    rel = reliability([invoice], [], ON)
    assert rel.badge == "good" and rel.on_time == 1


def test_to_json_shape() -> None:
    invoices = [inv(1, date(2026, 10, 1), status="paid")]
    data = reliability(invoices, [pay(1, 1, date(2026, 10, 4))], ON).to_json()
    assert data["badge"] == "watch"
    assert data["average_days_late"] == "3.0"
    assert data["on_time_percent"] == 0
    assert set(data) == {
        "badge",
        "reasons",
        "invoices",
        "on_time",
        "late",
        "on_time_percent",
        "average_days_late",
        "reminders_per_invoice",
        "outstanding",
        "overdue",
        "oldest_overdue",
        "write_offs",
        "written_off",
    }


@given(st.lists(st.tuples(st.integers(-20, 60), st.booleans()), max_size=12))
def test_counts_add_up(cases: list[tuple[int, bool]]) -> None:
    invoices, payments = [], []
    for i, (delta, paid) in enumerate(cases, start=1):
        due = date(2026, 6, 1) + timedelta(days=i * 7)
        invoices.append(inv(i, due))
        if paid:
            payments.append(pay(i, i, due + timedelta(days=delta)))
    rel = reliability(invoices, payments, ON)
    assert rel.on_time + rel.late == rel.invoices
    assert rel.badge in ("good", "watch", "risky", "unproven")
    assert (rel.badge == "unproven") == (rel.invoices == 0)
    assert rel.reasons
