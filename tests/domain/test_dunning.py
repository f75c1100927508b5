"""The collection protocol: which step is due, one per day, safe templates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatui.domain.dunning import due_step, fill, last_sent, pauses_work, values_for
from vatui.domain.ledger import ReminderSent
from vatui.domain.settings import DEFAULT_PROTOCOL

DUE = date(2026, 11, 15)
P = DEFAULT_PROTOCOL  # -3 friendly, +1 polite, +7 firm, +14 final (pauses work)


def on(days: int) -> date:
    return DUE + timedelta(days=days)


@pytest.mark.parametrize(
    ("days", "step"), [(-4, None), (-3, 0), (0, 0), (1, 1), (6, 1), (7, 2), (14, 2), (90, 2)]
)
def test_latest_reachable_step_short_of_the_final_when_nothing_was_sent(days: int, step: int | None) -> None:
    assert due_step(DUE, (), P, on(days)) == step


def test_steps_move_forward_one_at_a_time() -> None:
    sent = (ReminderSent(step=0, on=on(-3)),)
    assert due_step(DUE, sent, P, on(0)) is None
    assert due_step(DUE, sent, P, on(1)) == 1
    assert due_step(DUE, sent, P, on(8)) == 1
    sent += (ReminderSent(step=1, on=on(8)),)
    assert due_step(DUE, sent, P, on(13)) is None  # polite → firm: 6 days of spacing
    assert due_step(DUE, sent, P, on(14)) == 2
    sent += (ReminderSent(step=2, on=on(14)),)
    assert due_step(DUE, sent, P, on(20)) is None
    assert due_step(DUE, sent, P, on(21)) == 3
    sent += (ReminderSent(step=3, on=on(14)),)
    assert due_step(DUE, sent, P, on(60)) is None
    assert last_sent(sent) == 3
    assert pauses_work(sent, P)
    assert not pauses_work(sent[:3], P)


def test_at_most_one_step_per_invoice_per_day() -> None:
    sent = (ReminderSent(step=2, on=on(14)),)
    assert due_step(DUE, sent, P, on(14)) is None
    assert due_step(DUE, sent, P, on(21)) == 3


def test_paid_or_closed_invoices_get_nothing() -> None:
    assert due_step(DUE, (), P, on(30), open_=False) is None
    assert due_step(DUE, (), (), on(30)) is None


NASTY = [
    "{number}",
    "{0}",
    "{client.__class__}",
    "{{client}}",
    "{",
    "}",
    "{amount_due!r}",
    "[/]",
    "%s",
    "\\1",
]


@pytest.mark.parametrize("name", NASTY)
def test_user_text_is_inserted_literally(name: str) -> None:
    values = values_for(
        client=name,
        number="INV-2026-0001",
        amount_due="EUR 10.00",
        due_date=DUE,
        on=on(3),
        business="B {business}",
    )
    text = fill(
        "Hi {client}, {number} for {amount_due} due {due_date}, {days_overdue} days. {business}", values
    )
    assert text == f"Hi {name}, INV-2026-0001 for EUR 10.00 due 2026-11-15, 3 days. B {{business}}"


def test_unknown_or_malformed_placeholders_stay_as_typed() -> None:
    values = values_for(client="Acme", number="N", amount_due="A", due_date=DUE, on=DUE, business="B")
    assert fill("{0} {client.__class__} {nope} {client", values) == "{0} {client.__class__} {nope} {client"
    assert fill("{days_overdue}", values) == "0"


@given(st.text(max_size=40), st.text(max_size=40))
def test_fill_never_fails_and_keeps_user_text(template: str, name: str) -> None:
    values = values_for(client=name, number="N", amount_due="A", due_date=DUE, on=DUE, business="B")
    out = fill(template + "{client}", values)
    assert out.endswith(name)
