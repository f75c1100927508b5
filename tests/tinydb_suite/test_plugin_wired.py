"""The TinyDB-suite plugin really swaps vatui's storage into the suite's db fixture."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_suite_db_fixture_uses_vatui_storage(tmp_path: Path) -> None:
    suite = sorted((ROOT / ".cache").glob("tinydb-*/tests"))
    if not suite:
        pytest.fail("TinyDB's suite is missing: run `make tinydb-suite` (make test does)")
    probe = suite[-1] / "test_vatui_probe_tmp.py"
    probe.write_text(
        "from vatui.store.storage import AtomicJSONStorage\n"
        "def test_probe(db):\n"
        "    if db.storage.__class__.__name__ != 'MemoryStorage':\n"
        "        assert isinstance(db.storage, AtomicJSONStorage)\n"
    )
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "-c",
                str(ROOT / "tests/tinydb_suite/pytest.ini"),
                "--rootdir",
                str(suite[-1].parent),
                str(probe),
            ],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(ROOT / "tests/tinydb_suite"), "PATH": "/usr/bin:/bin"},
        )
    finally:
        probe.unlink()
    assert "2 passed" in result.stdout, result.stdout + result.stderr
