"""Corrections end to end: real ``vatui`` processes, and the app in a real terminal (tmux)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.helpers.terminal import VATUI, Terminal, wait_until
from vatui.store.workspace import Workspace


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([VATUI, *args], env=env, capture_output=True, text=True, timeout=30)


def test_a_stray_timer_and_a_wrong_payment_are_corrected_and_undone(terminal: Terminal) -> None:
    env = {**terminal.env, "TZ": "UTC"}
    assert _run(env, "client", "add", "Acme", "--currency", "EUR", "--rate", "60").returncode == 0
    assert _run(env, "add", "Newsletter @acme").returncode == 0
    assert _run(env, "time", "start", "1").returncode == 0
    assert _run(env, "time", "stop").returncode == 0  # a stray tap: 1 minute
    [stray] = json.loads(_run(env, "time", "list", "--json").stdout)
    deleted = _run(env, "time", "delete", str(stray["id"]))
    assert deleted.returncode == 0 and "vatui undo" in deleted.stdout
    assert json.loads(_run(env, "time", "list", "--json").stdout) == []
    assert _run(env, "undo").returncode == 0
    assert [e["id"] for e in json.loads(_run(env, "time", "list", "--json").stdout)] == [stray["id"]]
    assert (
        _run(env, "time", "edit", str(stray["id"]), "--duration", "2h", "--note", "real work").returncode == 0
    )
    assert _run(env, "invoice", "new", "acme", "--unbilled").returncode == 0
    locked = _run(env, "time", "delete", str(stray["id"]))
    assert locked.returncode == 1 and "void the invoice first" in locked.stderr
    assert len(locked.stderr.strip().splitlines()) == 1 and "Traceback" not in locked.stderr
    draft = json.loads(_run(env, "invoice", "list", "--json").stdout)["invoices"][0]
    sent = _run(env, "invoice", "send", f"#{draft['id']}", "--json")
    assert sent.returncode == 0, sent.stderr
    number = json.loads(sent.stdout)["number"]
    pay = json.loads(_run(env, "pay", number, "50", "--json").stdout)
    bad = _run(env, "payment", "delete", str(pay["id"]), "--reason", "oops\x1b]2;pwned\x07")
    assert bad.returncode == 1 and "\x1b" not in bad.stderr
    gone = _run(env, "payment", "delete", str(pay["id"]), "--reason", "bounced", "--json")
    assert gone.returncode == 0 and json.loads(gone.stdout)["invoice_status"] == "sent"
    assert json.loads(_run(env, "payment", "list", "--deleted", "--json").stdout)[0]["reason"] == "bounced"


def test_board_T_x_deletes_a_stray_entry_in_a_real_terminal(terminal: Terminal, tmp_path: Path) -> None:
    env = {**terminal.env, "TZ": "UTC"}
    assert _run(env, "add", "Stray timer card").returncode == 0
    assert _run(env, "time", "add", "1", "15m", "--note", "stray").returncode == 0
    data = Path(env["VATUI_DATA_DIR"])
    terminal.start(VATUI)
    terminal.wait_for("Week ")  # the workspace is read
    terminal.keys("2")
    terminal.wait_for("Stray timer card")
    terminal.keys("T")
    terminal.wait_for("stray")
    terminal.keys("x")
    terminal.wait_for("Delete time entry")
    terminal.keys("y")

    def emptied() -> bool:
        ws = Workspace.open(data, create=False)
        try:
            return not ws.docs("time")
        finally:
            ws.close()

    wait_until(emptied)
    terminal.keys("Escape")
    terminal.keys("q")


@pytest.mark.slow
def test_concurrent_corrections_lose_nothing(terminal: Terminal) -> None:
    env = {**terminal.env, "TZ": "UTC"}
    assert (
        _run(env, "client", "add", "Acme", "--note", "one", "--note", "two", "--note", "three").returncode
        == 0
    )
    assert _run(env, "add", "Launch").returncode == 0
    assert _run(env, "time", "add", "1", "15m").returncode == 0
    [entry] = json.loads(_run(env, "time", "list", "--json").stdout)
    eid = str(entry["id"])
    commands = [
        ["time", "edit", eid, "--no-billable"],
        ["time", "edit", eid, "--duration", "45m"],
        ["time", "edit", eid, "--note", "real work"],
        *(["task", "checklist", "1", "--add", f"line {i}"] for i in range(8)),
        ["client", "note", "delete", "acme", "1"],
        ["client", "note", "delete", "acme", "1"],
    ]
    procs = [
        subprocess.Popen([VATUI, *c], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    results = [(p.wait(timeout=60), p.stderr.read() if p.stderr else "") for p in procs]
    assert all(code == 0 for code, _err in results[:-2]), results
    [edited] = json.loads(_run(env, "time", "list", "--json").stdout)
    assert (edited["billable"], edited["minutes"], edited["note"]) == (False, 45, "real work")
    lines = [i["text"] for i in json.loads(_run(env, "task", "show", "1", "--json").stdout)["checklist"]]
    assert sorted(lines) == sorted(f"line {i}" for i in range(8))
    # two "delete note 1" at once: each deletes the note it saw, or is refused; never a note unseen
    notes = [n["text"] for n in json.loads(_run(env, "client", "note", "list", "acme", "--json").stdout)]
    deleted = sum(code == 0 for code, _err in results[-2:])
    assert len(notes) == 3 - deleted and notes[-1] == "three" and "one" not in notes
    for code, err in results[-2:]:
        assert code == 0 or "another session" in err, err
