"""No lost update, with real processes: many ``vatui`` commands changing one record at once
all keep their change (clients, tasks, draft invoices, settings).

Every process starts at once; each one reads, then changes the record inside the lock.
Before the fix, twelve ``client edit --note`` runs kept five notes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vatui.domain.clients import Client
from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Invoice, LineItem
from vatui.domain.money import Money
from vatui.domain.tasks import Task
from vatui.services.clients.manage import add_client
from vatui.services.tasks.manage import add_task
from vatui.store.workspace import Workspace

N = 20


def run_all(data_dir: Path, commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Start every command at once (``python -m vatui ARGS``) and wait for all."""
    env = {**os.environ, "VATUI_DATA_DIR": str(data_dir), "VATUI_CONFIG_DIR": str(data_dir.parent / "config")}
    procs = [
        subprocess.Popen(
            cmd if cmd[0] == sys.executable else [sys.executable, "-m", "vatui", *cmd],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for cmd in commands
    ]
    done = []
    for proc, cmd in zip(procs, commands, strict=True):
        out, err = proc.communicate(timeout=60)
        done.append(subprocess.CompletedProcess(cmd, proc.returncode, out, err))
    return done


def fresh(ws: Workspace) -> Workspace:
    ws.refresh()
    return ws


@pytest.mark.slow
def test_twenty_client_edits_at_once_keep_every_note_and_tag(ws: Workspace, data_dir: Path) -> None:
    acme = add_client(ws, "Acme", tags=("start",))
    runs = run_all(
        data_dir, [["client", "edit", "Acme", "--note", f"note {i}", "--tag", f"t{i}"] for i in range(N)]
    )
    assert [r.returncode for r in runs] == [0] * N, [r.stderr for r in runs if r.returncode]
    client = fresh(ws).get(Client, acme.id or 0)
    assert sorted(n.text for n in client.notes) == sorted(f"note {i}" for i in range(N))
    assert set(client.tags) == {"start", *(f"t{i}" for i in range(N))}


@pytest.mark.slow
def test_twelve_task_edits_at_once_keep_every_tag_and_field(ws: Workspace, data_dir: Path) -> None:
    task = add_task(ws, "Plan", tags=("start",))
    ref = str(task.id)
    fields = [
        ["--priority", "high"],
        ["--due", "2026-12-01"],
        ["--estimate", "2h"],
        ["--notes", "their notes"],
    ]
    commands = [["task", "edit", ref, *extra] for extra in fields]
    commands += [["task", "edit", ref, "--tag", f"t{i}", "--untag", "start"] for i in range(8)]
    runs = run_all(data_dir, commands)
    assert [r.returncode for r in runs] == [0] * len(commands), [r.stderr for r in runs if r.returncode]
    saved = fresh(ws).get(Task, task.id or 0)
    assert set(saved.tags) == {f"t{i}" for i in range(8)}
    assert (saved.priority, saved.due and saved.due.isoformat(), saved.estimate_minutes, saved.notes) == (
        "high",
        "2026-12-01",
        120,
        "their notes",
    )


@pytest.mark.slow
def test_drafts_made_and_sent_at_once_while_the_client_changes(
    ws: Workspace,
    data_dir: Path,
    clock: FixedClock,
) -> None:
    """Six drafts made at once; three drafts sent at once get three new numbers, gapless after
    the one a stored draft kept; a draft sent twice at once is sent once; the client's tags
    added meanwhile stay."""
    add_client(ws, "Acme")
    today = clock.now().date()
    with ws.transaction(None) as tx:
        for number in ("INV-2026-0001", "", "", ""):  # a draft stored with a number, three without
            tx.add(
                Invoice(
                    number=number,
                    client_id=1,
                    issue_date=today,
                    due_date=today,
                    currency="USD",
                    items=(LineItem(description="work", unit_price=Money(100, "USD")),),
                )
            )
    commands = [["invoice", "new", "Acme", "--item", "Work", "1", "100"] for _ in range(6)]
    commands += [["invoice", "send", "INV-2026-0001"]] * 2
    commands += [["invoice", "send", f"#{n}"] for n in (2, 3, 4)]
    commands += [["client", "edit", "Acme", "--tag", f"t{i}"] for i in range(4)]
    runs = run_all(data_dir, commands)
    sends = [r.returncode for r in runs if r.args[:3] == ["invoice", "send", "INV-2026-0001"]]
    assert sorted(sends) == [0, 1], "one send wins; the other is refused"
    others = [r for r in runs if r.args[:3] != ["invoice", "send", "INV-2026-0001"]]
    assert all(r.returncode == 0 for r in others), [r.stderr for r in others]
    invoices = fresh(ws).all(Invoice)
    assert sorted(i.number for i in invoices if i.number) == [f"INV-2026-{n:04d}" for n in range(1, 5)]
    assert [i.status for i in invoices].count("sent") == 4
    assert [i.number for i in invoices].count("") == 6  # the new drafts: numbered when sent
    assert set(ws.get(Client, 1).tags) == {f"t{i}" for i in range(4)}


SET = (
    "import sys; from pathlib import Path; from vatui.store.workspace import Workspace; "
    "from vatui.services.settings.theme import set_setting; "
    "set_setting(Workspace.open(Path(sys.argv[1])), sys.argv[2], eval(sys.argv[3]))"
)


@pytest.mark.slow
def test_settings_set_at_once_keep_every_setting(ws: Workspace, data_dir: Path) -> None:
    wanted = {
        "theme": "nord",
        "workspace_name": "Mine",
        "business_name": "Ann VA",
        "weekly_hours": 25,
        "wip_limit": 5,
        "rounding_minutes": 6,
        "archive_after_days": 120,
        "auto_archive": False,
    }
    runs = run_all(
        data_dir,
        [[sys.executable, "-c", SET, str(data_dir), key, repr(value)] for key, value in wanted.items()],
    )
    assert [r.returncode for r in runs] == [0] * len(wanted), [r.stderr for r in runs if r.returncode]
    settings = fresh(ws).settings()
    assert {key: getattr(settings, key) for key in wanted} == wanted
