"""``vatui restore`` and ``demo-data --force`` as real processes (issue 8, item 3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson

from tests.helpers.backup_files import backup_bytes
from tests.helpers.cli_run import one_line_error, run_vatui
from tests.helpers.workspace_file import files_state, read_workspace, workspace_bytes


def _titles(data: Path) -> list[str]:
    result = run_vatui(data, "task", "list", "--json")
    assert result.returncode == 0, result.stderr
    return sorted(t["title"] for t in json.loads(result.stdout))


def test_a_json_file_that_is_not_a_workspace_is_refused_and_the_workspace_kept(
    data_dir: Path, tmp_path: Path
) -> None:
    assert run_vatui(data_dir, "add", "Keep me").returncode == 0
    good = read_workspace(data_dir)
    before = files_state(data_dir)
    for change in (
        lambda d: d["tasks"].update({"1": {**d["tasks"]["1"], "title": 7}}),
        lambda d: d["tasks"].update({"1": "a task"}),
        lambda d: d["tasks"].update({"1": {**d["tasks"]["1"], "position": "0"}}),
        lambda d: d.update(
            {
                "payments": {
                    "1": {"invoice_id": 1, "on": "2026-11-01", "amount": {"minor": 15.5, "currency": "USD"}}
                }
            }
        ),
    ):
        candidate = json.loads(json.dumps(good))
        change(candidate)
        bad = tmp_path / "bad.json"
        bad.write_bytes(orjson.dumps(candidate))
        line = one_line_error(run_vatui(data_dir, "restore", str(bad)))
        assert "not a vatui workspace" in line and "untouched" not in line
        assert files_state(data_dir) == before
        assert not (data_dir / "backups").exists() or not list((data_dir / "backups").glob("*prerestore*"))
    assert _titles(data_dir) == ["Keep me"]


def test_restore_then_undo_it_with_the_prerestore_backup(data_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    assert run_vatui(other, "add", "Other task").returncode == 0
    assert run_vatui(data_dir, "add", "Mine").returncode == 0
    done = run_vatui(data_dir, "restore", str(other / "workspace.json"))
    assert done.returncode == 0, done.stderr
    assert _titles(data_dir) == ["Other task"]
    saved = Path(done.stdout.strip().rsplit(" ", 1)[-1])
    assert saved.name.endswith("-prerestore.json.gz") and saved.exists()
    again = run_vatui(data_dir, "restore", str(saved))
    assert again.returncode == 0, again.stderr
    assert _titles(data_dir) == ["Mine"]


def test_restore_over_a_damaged_workspace(data_dir: Path, tmp_path: Path) -> None:
    assert run_vatui(data_dir, "add", "Mine").returncode == 0
    copy = tmp_path / "copy.json"
    copy.write_bytes(workspace_bytes(data_dir))
    (data_dir / "workspace.json").write_text('{"tasks": {"1": 5}}')
    one_line_error(run_vatui(data_dir, "today"))
    assert run_vatui(data_dir, "restore", str(copy)).returncode == 0
    assert _titles(data_dir) == ["Mine"]


def test_demo_data_force_backs_up_first_and_says_where(data_dir: Path) -> None:
    assert run_vatui(data_dir, "add", "Real work").returncode == 0
    before = workspace_bytes(data_dir)
    result = run_vatui(data_dir, "demo-data", "--force")
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if "Backed up" in x)
    saved = Path(line.rsplit(" ", 1)[-1])
    assert saved.parent == data_dir / "backups" and backup_bytes(saved) == before
    assert "Real work" not in _titles(data_dir)
    assert run_vatui(data_dir, "restore", str(saved)).returncode == 0
    assert _titles(data_dir) == ["Real work"]


def test_a_file_breaking_the_domains_rules_is_refused_and_a_real_backup_restores(
    data_dir: Path, tmp_path: Path
) -> None:
    assert run_vatui(data_dir, "demo-data", "--size", "3", "--seed", "11").returncode == 0
    assert run_vatui(data_dir, "add", "Newest, then deleted").returncode == 0
    newest = max(int(k) for k in orjson.loads((data_dir / "workspace.json").read_bytes())["tasks"])
    assert run_vatui(data_dir, "time", "start", str(newest)).returncode == 0
    assert (
        run_vatui(data_dir, "task", "delete", str(newest), "--yes").returncode == 0
    )  # its running time stays
    assert run_vatui(data_dir, "backup").returncode == 0
    backup = next((data_dir / "backups").glob("*manual*.json.gz"))
    good = orjson.loads(backup_bytes(backup))
    before = files_state(data_dir)

    def first(d: dict[str, Any], table: str) -> dict[str, Any]:
        found: dict[str, Any] = d[table][min(d[table], key=int)]
        return found

    for change, words in (
        (lambda d: first(d, "time").update(minutes=-60), "time #"),
        (lambda d: first(d, "tasks").update(title="A" * 1_000_000), "at most 500"),
        (lambda d: d["settings"]["1"].update(columns=[]), "settings #1.columns"),
        (lambda d: first(d, "payments").update(invoice_id=9999), "invoices #9999"),
    ):
        candidate = json.loads(json.dumps(good))
        change(candidate)
        bad = tmp_path / "bad.json"
        bad.write_bytes(orjson.dumps(candidate))
        line = one_line_error(run_vatui(data_dir, "restore", str(bad)))
        assert "not a vatui workspace" in line and words in line
        assert files_state(data_dir) == before
    restored = run_vatui(data_dir, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert run_vatui(data_dir, "add", "After the restore").returncode == 0
