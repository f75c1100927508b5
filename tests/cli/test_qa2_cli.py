"""QA round 2 from the command line: real processes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.helpers.refusals import run, workspace_bytes
from vatui.domain.clock import SystemClock
from vatui.store.workspace import Workspace


def test_an_invoice_due_after_2199_is_refused_and_a_series_ends(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "client", "add", "X", "--currency", "USD", "--terms", "365").returncode == 0
    before = workspace_bytes(data)
    bad = run(data, "invoice", "new", "X", "--item", "x", "1", "10", "--on", "2199-12-31")
    assert bad.returncode == 1 and "2200-12-31" in bad.stderr and "Traceback" not in bad.stderr
    assert workspace_bytes(data) == before
    assert run(data, "add", "Monthly every:monthly due:2199-12-31").returncode == 0
    done = run(data, "task", "done", "Monthly")
    assert done.returncode == 0, done.stderr
    assert "series ends" in done.stdout and "2200" not in done.stdout


def test_look_alike_and_blank_client_names_are_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "client", "add", "Brightpath Coaching").returncode == 0
    before = workspace_bytes(data)
    twin = run(data, "client", "add", "Brightpath\u00a0Coaching\u200e")
    assert twin.returncode == 1
    assert twin.stderr.strip() == "vatui: a client called “Brightpath\u00a0Coaching\u200e” already exists"
    for blank in ("\u200e", "\u3164", "\u2800", "\U000e0041"):
        refused = run(data, "client", "add", blank)
        assert refused.returncode == 1 and "needs a name" in refused.stderr
    assert workspace_bytes(data) == before


def test_messages_name_the_real_limit_and_show_the_quantity_as_typed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "client", "add", "Gulf", "--currency", "BHD").returncode == 0
    item = run(data, "invoice", "new", "Gulf", "--item", "a", "1.333", "10.125")
    assert item.returncode == 1
    assert "could be 1.333 or 1333: write 1.3330 or 1333" in item.stderr
    assert run(data, "add", "Sort files").returncode == 0
    assert run(data, "time", "add", "Sort files", "1h").returncode == 0
    long = run(data, "time", "edit", "1", "--duration", "99999h")
    assert long.returncode == 1 and "one time entry holds at most 24 hours" in long.stderr
    assert "8760" not in long.stderr


ACTIVE_RAW = re.compile("[\u0080-\u009f\u202a-\u202e\u2066-\u2069]")


def test_json_output_escapes_c1_and_bidi_held_as_old_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "client", "add", "Acme", "--currency", "USD").returncode == 0
    assert run(data, "invoice", "new", "Acme", "--item", "Work", "1", "100").returncode == 0
    evil = "Acme\u009b31m\u202eevil\u2066x\u2069"
    ws = Workspace.open(data, SystemClock())
    try:
        with ws.transaction("old data") as tx:
            tx.update("clients", 1, {"name": evil})
            tx.update("invoices", 1, {"notes": "note\u0085\u202d"})
    finally:
        ws.close()
    draft = json.loads(run(data, "invoice", "list", "--json").stdout)["invoices"][0]
    shown = run(data, "invoice", "show", f"#{draft['id']}", "--json")
    assert shown.returncode == 0, shown.stderr
    assert not ACTIVE_RAW.search(shown.stdout) and "\\u009b" in shown.stdout
    assert json.loads(shown.stdout)["notes"] == "note\u0085\u202d"
    exported = run(data, "export", "json")
    assert exported.returncode == 0 and not ACTIVE_RAW.search(exported.stdout)
    assert any(c["name"] == evil for c in json.loads(exported.stdout)["clients"])
    out = tmp_path / "out.json"
    assert run(data, "export", "json", "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert not ACTIVE_RAW.search(text) and json.loads(text) == json.loads(exported.stdout)
