"""Recurring invoices are drafted exactly once per period, even with two sessions opening
the workspace at the same moment: two real processes (``helpers/opener.py``) open it
together, month after month, and every period of every schedule has one draft, no more.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from vatui.domain.clients import Client
from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Invoice
from vatui.domain.money import Money
from vatui.domain.recurring import RecurringInvoice, periods
from vatui.services.clients.manage import add_client
from vatui.services.ledger.invoices import ItemSpec
from vatui.services.ledger.recurring import add_recurring
from vatui.store.workspace import Workspace

HELPERS = Path(__file__).parent / "helpers"
DAYS = ["2027-01-02", "2027-02-01", "2027-02-28", "2027-04-15", "2027-04-16", "2027-07-31", "2027-08-01"]


def test_two_sessions_opening_together_draft_each_period_once(data_dir: Path, clock: FixedClock) -> None:
    ws = Workspace.open(data_dir, clock)
    for n in range(6):
        client: Client = add_client(ws, f"Client {n}", currency="EUR")
        add_recurring(
            ws,
            client.id or 0,
            day=[1, 15, 28, 31, 2, 16][n],
            start=date(2026, 12, 1),
            items=[ItemSpec("Support", "1", Money(10000 + n, "EUR"))],
        )
    assert ws.docs("invoices") == {}, "nothing was due on 27 Nov"
    procs = [
        subprocess.Popen(
            [sys.executable, str(HELPERS / "opener.py"), str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
    for day in DAYS:  # both open on the same day at the same moment
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write(day.encode() + b"\n")
            proc.stdin.flush()
        for proc in procs:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert line == f"opened {day}\n".encode(), (line, proc.stderr.read() if proc.stderr else b"")
    for proc in procs:
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()

    ws.refresh()
    drafts = [i for i in ws.all(Invoice) if i.recurring_id is not None]
    made = Counter((i.recurring_id, i.issue_date) for i in drafts)
    duplicated = {k: n for k, n in made.items() if n > 1}
    assert not duplicated, f"periods drafted more than once: {duplicated}"
    last = date.fromisoformat(DAYS[-1])
    for schedule in ws.all(RecurringInvoice):
        wanted = set(periods(schedule, last))
        got = {d for (rid, d) in made if rid == schedule.id}
        assert got == wanted, (schedule.day, sorted(wanted - got), sorted(got - wanted))
        assert schedule.last_period == max(wanted)
    assert all(i.number == "" for i in drafts), "a draft gets its number when sent, not before"
    assert len({i.id for i in drafts}) == len(drafts), "every draft is its own record"
    assert len(drafts) == sum(len(periods(s, last)) for s in ws.all(RecurringInvoice)) == 49
