"""``vatui import``: real processes, the printed summary, refusals, and the progress bar."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.import_files import DATA, toggl_report, workspace_bytes

VATUI = str(Path(sys.executable).with_name("vatui"))


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VATUI_DATA_DIR": str(data), "TZ": "UTC"}
    return subprocess.run([VATUI, *args], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_dry_run_prints_exactly_what_the_import_then_does(data: Path) -> None:
    board = str(DATA / "trello" / "board.json")
    assert run(data, "client", "add", "Café Olé").returncode == 0
    dry = run(data, "import", "trello", board, "--client", "café olé", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines()[0] == f"Dry run of {board}: nothing was written."
    assert "No tasks." in run(data, "task", "list").stdout
    real = run(data, "import", "trello", board, "--client", "café olé")
    assert real.returncode == 0 and real.stderr == ""
    assert real.stdout.splitlines()[0].startswith(f"Imported {board} ")
    assert dry.stdout.splitlines()[1:] == real.stdout.splitlines()[1:]
    assert "  + task “Factura ␛[31mnoviembre␛[0m enviada” — Done (from Hecho ✅)" in real.stdout
    assert "\x1b" not in real.stdout
    undo = run(data, "undo")
    assert undo.returncode == 0 and "import Trello board" in undo.stdout
    assert "No tasks." in run(data, "task", "list").stdout


def test_json_summary(data: Path) -> None:
    result = run(
        data,
        "import",
        "csv",
        str(DATA / "csv" / "toggl_detailed.csv"),
        "--kind",
        "time",
        "--create-clients",
        "--dry-run",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    shape = json.loads(result.stdout)
    assert shape["dry_run"] is True
    assert shape["counts"] == {
        "client": {"add": 2, "update": 0, "skip": 0},
        "task": {"add": 4, "update": 0, "skip": 0},
        "time": {"add": 6, "update": 0, "skip": 0},
    }
    assert {"from": "Duration", "to": "duration"} in shape["mapping"]
    assert shape["items"][0] == {"action": "add", "kind": "client", "label": "Café Olé", "detail": "line 2"}


def test_a_broken_file_is_refused_line_by_line_and_nothing_written(data: Path) -> None:
    assert run(data, "client", "add", "Café Olé").returncode == 0
    before = workspace_bytes(data)
    broken = str(DATA / "csv" / "toggl_broken.csv")
    result = run(data, "import", "csv", broken, "--kind", "time")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"vatui: {broken}:4: 'una hora' is not a duration: try 30m, 1h30m, 1.5h, 90 or 0:45",
        f"vatui: {broken}:6: no client called “Northwind Traders”; add it first or use --create-clients",
        f"vatui: {broken}:7: no client called “Northwind Traders”; add it first or use --create-clients",
        "vatui: nothing was imported.",
    ]
    assert workspace_bytes(data) == before
    missing = run(data, "import", "trello", str(data / "nope.json"))
    assert missing.returncode == 1 and missing.stderr == f"vatui: {data / 'nope.json'}: no such file\n"
    bad_map = run(data, "import", "csv", broken, "--kind", "time", "--map", "Duration=length")
    assert bad_map.returncode == 1 and len(bad_map.stderr.splitlines()) == 1
    assert run(data, "import", "csv", broken, "--kind", "invoices").returncode == 2


def test_progress_is_drawn_on_a_terminal_and_never_on_a_pipe(data: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.csv"
    report.write_bytes(toggl_report(3000))
    args = [VATUI, "import", "csv", str(report), "--kind", "time", "--create-clients", "--dry-run"]
    piped = run(data, *args[1:])
    assert piped.returncode == 0 and piped.stderr == ""
    env = {**os.environ, "VATUI_DATA_DIR": str(data), "TZ": "UTC", "COLUMNS": "80"}
    main, side = pty.openpty()
    summary = tmp_path / "summary.txt"
    with summary.open("wb") as stdout:  # a file, not a pipe: a full pipe would stall the import
        proc = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL, stdout=stdout, stderr=side)
    os.close(side)
    drawn = b""
    while True:
        ready, _w, _x = select.select([main], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        drawn += chunk
    assert proc.wait(timeout=60) == 0
    out = summary.read_bytes()
    os.close(main)
    text = drawn.decode("utf-8", errors="replace")
    assert "Importing" in text and "100%" in text and "#" in text
    assert b"Importing" not in out and out.startswith(b"Dry run of ")
