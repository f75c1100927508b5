"""The pane contract: every pane is a ``Pane``, the app calls it typed, actions live in flows."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from vatui.ui.app_base import PANES, PaneApp, pane_class
from vatui.ui.pane import Pane, PaneHost

UI = Path(__file__).resolve().parents[2] / "vatui" / "ui"


@pytest.mark.parametrize("mode", list(PANES))
def test_every_pane_is_a_pane_named_for_its_mode(mode: str) -> None:
    cls = pane_class(mode)
    assert issubclass(cls, Pane)
    assert cls.PANE == mode


def test_the_app_offers_everything_a_pane_asks_of_it() -> None:
    wanted = {name for name in vars(PaneHost) if not name.startswith("_")}
    missing = {name for name in wanted if not hasattr(PaneApp, name)}
    assert wanted and not missing


def _calls_named(path: Path, name: str) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
    ]


def test_no_pane_method_is_looked_up_by_name() -> None:
    files = [UI / "app.py", UI / "app_base.py", UI / "pane.py", *sorted((UI / "screens").glob("*.py"))]
    found = {str(f.relative_to(UI)): lines for f in files if (lines := _calls_named(f, "getattr"))}
    assert found == {}


def test_no_pane_routes_an_action_to_another_by_name() -> None:
    for path in [UI / "app.py", UI / "app_base.py", *sorted((UI / "screens").glob("*.py"))]:
        text = path.read_text(encoding="utf-8")
        assert "pane_action" not in text and "today_action" not in text, path


def test_flows_never_import_a_screen() -> None:
    for path in sorted((UI / "flows").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [m for m in modules if m.startswith(("vatui.ui.screens", "vatui.ui.app"))], path


def test_the_first_screen_and_its_flows_load_no_store() -> None:
    """The first frame draws before the workspace is read: Today and the flows its keys call
    import neither the store nor TinyDB (they load with the workspace, in the background)."""
    import subprocess
    import sys

    code = (
        "import sys, vatui.ui.app, vatui.ui.screens.today\n"
        "print(sorted(m for m in sys.modules if m.startswith(('tinydb', 'vatui.store'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
