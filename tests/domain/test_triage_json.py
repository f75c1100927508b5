"""``Triage.from_json``: the inverse of ``to_json`` (and of ``to_kept_json``, quiet lines kept)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from vatui.domain.triage import Capacity, Triage, TriageItem, TriageSection


def sample() -> Triage:
    items = (
        TriageItem("task", 4, "Send \x1b[31m report", "Acme", "2 days overdue", date(2026, 11, 25), "alert"),
        TriageItem("timer", None, "Untitled", None),
    )
    return Triage(
        date(2026, 11, 27),
        (
            TriageSection("overdue", "Overdue", items, "Nothing overdue."),
            TriageSection("due_today", "Due today"),
        ),
        Capacity(120, 2400, 95, 2, 3),
        {"task_id": 4, "title": "Send report", "started": "2026-11-27T09:00:00+00:00", "minutes": 30},
        45,
        0,
        ("No time logged yesterday.",),
    )


def test_the_kept_json_gives_the_triage_back_whole() -> None:
    triage = sample()
    assert Triage.from_json(triage.to_kept_json()) == triage


def test_the_stable_json_gives_it_back_without_quiet_lines() -> None:
    triage = sample()
    back = Triage.from_json(triage.to_json())
    assert back.sections[0].empty == "" and back.to_json() == triage.to_json()


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d.pop("capacity"),
        lambda d: d.update(date="27/11/2026"),
        lambda d: d["sections"][0]["items"][0].update(id="4"),
        lambda d: d["sections"][0].update(count=5),
        lambda d: d.update(timer=[1]),
        lambda d: d["capacity"].update(wip=True),
        lambda d: d.update(notes=[3]),
    ],
)
def test_anything_else_is_refused(spoil: Any) -> None:
    doc = sample().to_kept_json()
    spoil(doc)
    with pytest.raises((ValueError, KeyError, TypeError)):
        Triage.from_json(doc)
