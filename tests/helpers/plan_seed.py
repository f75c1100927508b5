"""A workspace whose plan has one overloaded week (the week of Mon 30 Nov 2026).

The tests' clock is Friday 27 November 2026; 30 hours a week, Monday to Friday (6 h a
day). Three tasks of two clients start on Monday 30 November (they are snoozed until
then), so the current week holds only Friday's share of nothing:

- "Write the annual report" (Acme, high): 24 h due Fri 4 Dec → 24 h in the week of 30 Nov;
- "Migrate the mailing list" (Smith, low): 10 h due Thu 3 Dec → 10 h in that week;
- "Plan the offsite" (Smith, med): 10 h due Fri 11 Dec → 5 h in each of the next two weeks;
- "Weekly report" (no client): 1 h every Friday (occurrences in the later weeks);
- "Redo the website" (Acme): 3 h, undated.

So the week of 30 Nov has 40 h planned of 30 h (133 %, OVER, 10 h over), and "Plan the
offsite" is the one task that could move out of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vatui.services.clients.manage import add_client
from vatui.services.tasks.manage import add_task, edit_task
from vatui.store.workspace import Workspace

MONDAY = date(2026, 11, 30)
"""The first day of the overloaded week."""


@dataclass(frozen=True)
class PlanSeed:
    """Ids of what ``seed_plan`` made."""

    acme: int
    smith: int
    report: int
    mailing: int
    offsite: int
    weekly: int
    website: int


def seed_plan(ws: Workspace) -> PlanSeed:
    """The workspace described above."""
    acme = add_client(ws, "Acme Corp").id or 0
    smith = add_client(ws, "Smith [UK]").id or 0

    def task(title: str, client: int | None, due: date | None, hours: int, **more: object) -> int:
        made = add_task(ws, title, client_id=client, due=due, estimate_minutes=hours * 60, **more)  # type: ignore[arg-type]
        assert made.id is not None
        if due is not None and due > MONDAY and not more.get("recurrence"):
            edit_task(ws, made.id, snoozed_until=MONDAY)
        return made.id

    return PlanSeed(
        acme=acme,
        smith=smith,
        report=task("Write the annual report", acme, date(2026, 12, 4), 24, priority="high"),
        mailing=task("Migrate the mailing list", smith, date(2026, 12, 3), 10, priority="low"),
        offsite=task("Plan the offsite", smith, date(2026, 12, 11), 10, priority="med"),
        weekly=task("Weekly report", None, date(2026, 11, 27), 1, recurrence="weekly"),
        website=task("Redo the website", acme, None, 3),
    )
