"""The layers point the right way, and the command line never loads Textual."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_import_contracts_hold() -> None:
    result = subprocess.run([str(BIN / "lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_domain_imports_neither_textual_nor_tinydb() -> None:
    code = (
        "import sys, pkgutil, importlib, vatui.domain as d\n"
        "for m in pkgutil.iter_modules(d.__path__): importlib.import_module('vatui.domain.' + m.name)\n"
        "bad = [n for n in ('textual', 'tinydb', 'rich') if n in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_cli_commands_never_import_textual(tmp_path: Path) -> None:
    env = {**os.environ, "VATUI_DATA_DIR": str(tmp_path)}
    code = (
        "import sys\n"
        "from vatui.cli.main import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit as e:\n"
        "    assert e.code == 0, e.code\n"
        "print('textual' in sys.modules, 'rich' in sys.modules)\n"
    )
    for args in (
        ["today"],
        ["today", "--json"],
        ["add", "x @ due:tomorrow"],
        ["task", "list"],
        ["client", "list"],
        ["time", "list"],
    ):
        if args[0] == "add":
            args = ["add", "Draft the newsletter due:tomorrow"]
        result = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().splitlines()[-1] == "False False", args
