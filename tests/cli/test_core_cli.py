"""The command line of the foundation: real processes, exit codes, text as typed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

VATUI = str(Path(sys.executable).with_name("vatui"))


def run(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VATUI_DATA_DIR": str(data), "TZ": "UTC"}
    return subprocess.run([VATUI, *args], env=env, capture_output=True, text=True, input=stdin)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_version_and_python_m(data: Path) -> None:
    from vatui import __version__

    assert run(data, "--version").stdout.strip() == f"vatui {__version__}"
    result = subprocess.run([sys.executable, "-m", "vatui", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout


def test_exit_codes(data: Path) -> None:
    assert run(data, "today").returncode == 0
    bad_input = run(data, "add", "Call @nobody")
    assert bad_input.returncode == 1
    assert bad_input.stderr.startswith("vatui: ") and len(bad_input.stderr.strip().splitlines()) == 1
    assert run(data, "task", "frobnicate").returncode == 2
    assert run(data, "today", "--no-such-flag").returncode == 2
    assert run(data, "add", "x due:03/04").returncode == 1
    assert "ambiguous" in run(data, "add", "x due:03/04").stderr


def test_data_dir_option_and_env(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert run(one, "--data-dir", str(two), "add", "In two").returncode == 0
    assert (two / "workspace.json").exists() and not (one / "workspace.json").exists()
    listed = run(one, "--data-dir", str(two), "task", "list", "--json")
    assert [t["title"] for t in json.loads(listed.stdout)] == ["In two"]


def test_user_text_prints_as_typed(data: Path) -> None:
    for name in ("[/]", "[bold]x", "Smith [UK]"):
        assert run(data, "client", "add", name).returncode == 0
    listed = run(data, "client", "list").stdout
    for name in ("[/]", "[bold]x", "Smith [UK]"):
        assert name in listed
    refused = run(data, "add", "Pay \x1b[31mred\x1b[0m bill")  # stored text never acts: refused
    assert refused.returncode == 1 and "contains a control character (U+001B ESC)" in refused.stderr
    assert json.loads(run(data, "task", "list", "--json").stdout) == []


def test_task_lifecycle(data: Path) -> None:
    assert (
        run(
            data,
            "client",
            "add",
            "Acme Corp",
            "--email",
            "ops@acme.test",
            "--rate",
            "45",
            "--terms",
            "14",
            "--deposit",
            "30",
            "--tz",
            "America/New_York",
        ).returncode
        == 0
    )
    added = json.loads(
        run(
            data,
            "add",
            "Draft newsletter @acme due:2026-12-04 !high ~2h #email every:monday in:next",
            "--json",
        ).stdout
    )
    assert added["client"]["name"] == "Acme Corp"
    assert added["column"] == "Next" and added["priority"] == "high"
    assert added["estimate_minutes"] == 120 and added["tags"] == ["email"]
    tid = str(added["id"])
    assert run(data, "task", "move", tid, "doing").returncode == 0
    assert run(data, "task", "edit", tid, "--title", "Draft [Dec] newsletter").returncode == 0
    done = run(data, "task", "done", tid)
    assert done.returncode == 0 and "Next" in done.stdout
    tasks = json.loads(run(data, "task", "list", "--all", "--json").stdout)
    assert len(tasks) == 2
    finished = next(t for t in tasks if t["completed"])
    following = next(t for t in tasks if not t["completed"])
    assert finished["title"] == "Draft [Dec] newsletter"
    assert following["recurrence"] == finished["recurrence"]
    assert following["due"] > finished["due"]
    assert run(data, "task", "delete", str(following["id"]), "--yes").returncode == 0
    assert run(data, "undo").returncode == 0
    assert len(json.loads(run(data, "task", "list", "--all", "--json").stdout)) == 2
    show = json.loads(run(data, "task", "show", "draft", "--json").stdout)
    assert show["id"] == following["id"]


def test_delete_without_confirmation_saves_nothing(data: Path) -> None:
    run(data, "add", "Keep me")
    result = run(data, "task", "delete", "keep", stdin="n\n")
    assert result.returncode == 1
    assert len(json.loads(run(data, "task", "list", "--json").stdout)) == 1


def test_client_validation_saves_nothing(data: Path) -> None:
    for args in (
        ["--email", "not-an-email"],
        ["--tz", "Mars/Olympus"],
        ["--rate", "12,5"],
        ["--currency", "EURO"],
        ["--status", "vip"],
        ["--rate", "abc"],
    ):
        result = run(data, "client", "add", "Bad Co", *args)
        assert result.returncode in (1, 2), args
        assert result.stderr.strip(), args
    assert json.loads(run(data, "client", "list", "--json").stdout) == []


def test_time_start_stop_add_list(data: Path) -> None:
    run(data, "add", "Inbox zero")
    assert run(data, "time", "start", "inbox").returncode == 0
    timer = json.loads(run(data, "today", "--json").stdout)["timer"]
    assert timer["title"] == "Inbox zero"
    assert "stopped" in run(data, "time", "stop").stdout.lower()
    assert run(data, "time", "add", "inbox", "1h30m", "--on", "yesterday", "--note", "sorted").returncode == 0
    assert run(data, "time", "add", "inbox", "0m").returncode == 1
    assert run(data, "time", "add", "inbox", "1h", "--on", "tomorrow").returncode == 1
    entries = json.loads(run(data, "time", "list", "--json").stdout)
    assert sum(e["minutes"] for e in entries if not e["running"]) >= 90
    assert any(e["note"] == "sorted" and e["minutes"] == 90 for e in entries)


def test_today_json_shape(data: Path) -> None:
    run(data, "add", "Late thing due:yesterday")
    run(data, "add", "Now thing due:today")
    today = json.loads(run(data, "today", "--json").stdout)
    assert set(today) >= {"date", "sections", "capacity", "timer", "unbilled_minutes", "yesterday_minutes"}
    sections = {s["key"]: s for s in today["sections"]}
    assert [i["title"] for i in sections["overdue"]["items"]] == ["Late thing"]
    assert [i["title"] for i in sections["due_today"]["items"]] == ["Now thing"]
    later = json.loads(run(data, "today", "--json", "--on", "+2d").stdout)
    overdue = {i["title"] for s in later["sections"] if s["key"] == "overdue" for i in s["items"]}
    assert overdue == {"Late thing", "Now thing"}


def test_backup_restore_export(data: Path, tmp_path: Path) -> None:
    run(data, "client", "add", "Acme")
    first = run(data, "backup")
    assert first.returncode == 0 and "Backed up" in first.stdout
    assert "nothing changed" in run(data, "backup").stdout
    backup = sorted((data / "backups").iterdir())[-1]
    run(data, "client", "add", "Beta")
    assert run(data, "restore", str(backup)).returncode == 0
    names = [c["name"] for c in json.loads(run(data, "client", "list", "--json").stdout)]
    assert names == ["Acme"]
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{nope")
    assert run(data, "restore", str(garbage)).returncode == 1
    exported = json.loads(run(data, "export", "json").stdout)
    assert [c["name"] for c in exported["clients"]] == ["Acme"]
    out = tmp_path / "out.json"
    assert run(data, "export", "json", "-o", str(out)).returncode == 0
    assert json.loads(out.read_text())["clients"][0]["name"] == "Acme"
