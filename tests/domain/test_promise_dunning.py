"""A promise to pay pauses the collection protocol: nothing is due on or before the
promised day, reminders come back the day after; with a snooze too, the later one wins."""

from __future__ import annotations

from datetime import date

from vatui.domain import dunning
from vatui.domain.settings import Settings

DUE = date(2026, 11, 1)
PROTOCOL = Settings().protocol


def test_nothing_is_due_until_the_day_after_the_promise() -> None:
    quiet = dunning.quiet_until(None, date(2026, 12, 15))
    assert quiet == date(2026, 12, 16)
    assert dunning.due_step(DUE, (), PROTOCOL, date(2026, 12, 15), snoozed_until=quiet) is None
    assert dunning.due_step(DUE, (), PROTOCOL, date(2026, 12, 16), snoozed_until=quiet) is not None


def test_the_later_of_a_snooze_and_a_promise_wins() -> None:
    assert dunning.quiet_until(date(2026, 12, 20), date(2026, 12, 15)) == date(2026, 12, 20)
    assert dunning.quiet_until(date(2026, 12, 10), date(2026, 12, 15)) == date(2026, 12, 16)
    assert dunning.quiet_until(None, None) is None
