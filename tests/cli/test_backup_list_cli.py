"""``vatui backup --list``: each backup with its size, then the count and the total (issue 13, item 6)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.cli_run import one_line_error, run_vatui


def test_backup_list_shows_sizes_count_and_total(data_dir: Path) -> None:
    empty = run_vatui(data_dir, "backup", "--list")
    assert empty.returncode == 0, empty.stderr
    assert "No backups yet" in empty.stdout
    assert json.loads(run_vatui(data_dir, "backup", "--list", "--json").stdout) == {
        "backups": [],
        "count": 0,
        "total_bytes": 0,
    }
    assert run_vatui(data_dir, "add", "First").returncode == 0
    assert run_vatui(data_dir, "backup").returncode == 0
    assert run_vatui(data_dir, "add", "Second").returncode == 0
    assert run_vatui(data_dir, "backup").returncode == 0
    folder = data_dir / "backups"
    old = folder / "workspace-20250101T000000000000Z-0123456789ab.json"  # an old uncompressed one
    old.write_bytes(b"x" * 3000)
    files = sorted(folder.iterdir())
    total = sum(p.stat().st_size for p in files)

    result = run_vatui(data_dir, "backup", "--list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 4
    for line, path in zip(lines, files, strict=False):
        assert line.endswith(str(path)), line
    assert "2.9 KB" in lines[0]
    assert lines[-1] == f"3 backups, {_size(total)} in all"

    listed = json.loads(run_vatui(data_dir, "backup", "--list", "--json").stdout)
    assert listed["count"] == 3 and listed["total_bytes"] == total
    assert [b["path"] for b in listed["backups"]] == [str(p) for p in files]
    assert [b["bytes"] for b in listed["backups"]] == [p.stat().st_size for p in files]
    assert [b["compressed"] for b in listed["backups"]] == [False, True, True]
    assert [b["reason"] for b in listed["backups"]] == ["", "manual", "manual"]
    assert listed["backups"][0]["at"] == "2025-01-01T00:00:00Z"


def test_backup_list_in_spanish(data_dir: Path) -> None:
    assert run_vatui(data_dir, "add", "Primera").returncode == 0
    assert run_vatui(data_dir, "backup").returncode == 0
    assert run_vatui(data_dir, "settings", "set", "language", "es").returncode == 0
    result = run_vatui(data_dir, "backup", "--list")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("1 copia de seguridad, ")
    backup = next((data_dir / "backups").glob("*.json.gz"))
    cut = data_dir.parent / "cut.json.gz"
    cut.write_bytes(backup.read_bytes()[:100])
    before = (data_dir / "workspace.json").read_bytes()
    refused = run_vatui(
        data_dir, "restore", str(cut)
    )  # the workspace is not opened, its language still holds
    assert one_line_error(refused) == f"vatui: {cut} es un archivo gzip dañado o incompleto"
    assert (data_dir / "workspace.json").read_bytes() == before


def test_json_without_list_is_refused(data_dir: Path) -> None:
    result = run_vatui(data_dir, "backup", "--json")
    assert result.returncode == 1 and "--list" in result.stderr and "Traceback" not in result.stderr


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"
