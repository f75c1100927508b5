"""Readers of stored dates: a date far outside the business range never crashes them.

A workspace may hold any date a ``date`` can (written before the range was checked, or by
hand); the reminder arithmetic of such an invoice used to overflow (issue 8).
"""

from __future__ import annotations

from datetime import date

import pytest

from vatui.domain.dunning import due_step, step_date
from vatui.domain.settings import DEFAULT_PROTOCOL

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize("due", [date.max, date(9999, 12, 17), date.min, date(1, 1, 2)])
def test_reminder_steps_of_an_extreme_due_date_do_not_overflow(due: date) -> None:
    for step in DEFAULT_PROTOCOL:
        assert date.min <= step_date(due, step) <= date.max
    expected = None if due > TODAY else len(DEFAULT_PROTOCOL) - 1
    assert due_step(due, (), DEFAULT_PROTOCOL, TODAY) == expected
    assert due_step(due, (), DEFAULT_PROTOCOL, date.max) == len(DEFAULT_PROTOCOL) - 1
