"""The layers point the right way, and the command line never loads Textual."""

from __future__ import annotations

import ast
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


TESTS = ROOT / "tests"


def _imports_of_test_modules(path: Path) -> set[str]:
    """The modules of the tests tree a file imports (``tests.x.y`` or a bare sibling name)."""
    local = {p.stem for p in TESTS.rglob("*.py")}
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.ImportFrom):  # a relative import: always a neighbour
            names = ["." * node.level + (node.module or "")]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            top = name.split(".")[0]
            if name.startswith(".") or top == "tests" or top in local:
                found.add(name)
    return found


def _may_be_imported(module: str) -> bool:
    """Only helpers are shared between test modules: ``tests.helpers`` and what is in it."""
    return module == "tests.helpers" or module.startswith("tests.helpers.")


def test_no_test_module_imports_another_test_module() -> None:
    """Test helpers live in fixtures (conftest.py) or ``tests/helpers/``: a test module (or a
    conftest) that imports a test module or a conftest runs that module's tests' set-up
    twice and hides where a helper lives."""
    bad = []
    for path in sorted(TESTS.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if "helpers" in relative.parts[:-1]:  # a helper may use its neighbours
            continue
        for module in sorted(_imports_of_test_modules(path)):
            if not _may_be_imported(module):
                bad.append(f"{relative}: {module}")
    assert bad == [], "\n".join(bad)


def test_the_import_rule_sees_a_test_module_imported(tmp_path: Path) -> None:
    """The rule above can fail: a sibling test module, a conftest and a ``tests.`` path are seen."""
    sample = tmp_path / "test_sample.py"
    sample.write_text(
        "from conftest import Ready\n"
        "import test_architecture\n"
        "from tests.ui.conftest import screen_text\n"
        "from tests.helpers.pilot import settle\n"
        "from vatui.domain.money import Money\n"
    )
    found = _imports_of_test_modules(sample)
    assert found == {"conftest", "test_architecture", "tests.ui.conftest", "tests.helpers.pilot"}
    assert [m for m in sorted(found) if not _may_be_imported(m)] == [
        "conftest",
        "test_architecture",
        "tests.ui.conftest",
    ]
