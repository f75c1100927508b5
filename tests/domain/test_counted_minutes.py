"""What a stored time entry adds to a client's hours: one rule for the clients report, the
archive's sums of a year and the client card (``tasks.counted_minutes``, ``minutes_for``)."""

from __future__ import annotations

from vatui.domain.tasks import counted_minutes, minutes_for

END = "2026-11-02T10:00:00+00:00"


def test_a_finished_entry_of_a_client_counts_its_minutes() -> None:
    assert counted_minutes({"client_id": 3, "end": END, "minutes": 90}) == (3, 90, 90)
    assert counted_minutes({"client_id": 3, "end": END, "minutes": 90, "billable": False}) == (3, 90, 0)
    assert counted_minutes({"client_id": 3, "end": END, "minutes": None}) == (3, 0, 0)


def test_a_running_timer_or_an_entry_without_client_counts_nothing() -> None:
    assert counted_minutes({"client_id": 3, "end": None, "minutes": 90}) is None
    assert counted_minutes({"client_id": None, "end": END, "minutes": 90}) is None


def test_minutes_for_one_client_counts_only_its_entries_by_the_same_rule() -> None:
    docs = [
        {"client_id": 3, "end": END, "minutes": 90},
        {"client_id": 3, "end": END, "minutes": 30, "billable": False},
        {"client_id": 3, "end": None, "minutes": 45},  # the timer still running
        {"client_id": 4, "end": END, "minutes": 600},
        {"client_id": "3", "end": END, "minutes": 600},  # not client 3 (edited by hand)
    ]
    assert minutes_for(3, docs) == (120, 90)
    assert minutes_for(4, docs) == (600, 600)
    assert minutes_for(5, docs) == (0, 0)
