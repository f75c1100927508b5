"""Today's first paint loads only what Today needs: the other panes, the modals, the
flows its keys call and the palette's commands load on first use (or in the background
once the workspace is open), so they never delay the first frame."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from vatui.store.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]

NOT_BEFORE_THE_FIRST_PAINT = (
    "vatui.ui.screens.board",
    "vatui.ui.screens.clients",
    "vatui.ui.screens.ledger",
    "vatui.ui.screens.plan",
    "vatui.ui.screens.help",
    "vatui.ui.screens.settings",
    "vatui.ui.screens.first_run",
    "vatui.ui.modals",
    "vatui.ui.flows",
    "vatui.ui.commands",
    "vatui.ui.settings_flow",
)


def first_paint(directory: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-m", "tests.helpers.first_paint", str(directory)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    found: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


def test_today_paints_before_the_other_panes_modals_and_palette_load(data_dir: Path) -> None:
    Workspace.open(data_dir).close()
    found = first_paint(data_dir)
    modules = found["modules"]
    assert isinstance(modules, list)
    assert found["ready"] is False  # the workspace was never opened: this is the first paint
    assert "vatui.ui.screens.today" in modules
    early = [m for m in modules if m.startswith(NOT_BEFORE_THE_FIRST_PAINT)]
    assert early == []


def test_the_kept_summary_is_painted_without_the_store_or_the_services(data_dir: Path) -> None:
    Workspace.open(data_dir).close()
    vatui = str(Path(sys.executable).with_name("vatui"))
    subprocess.run([vatui, "today"], check=True, capture_output=True, timeout=60)  # keeps the summary
    found = first_paint(data_dir)
    modules = found["modules"]
    assert isinstance(modules, list)
    assert found["ready"] is False
    assert found["triage_lines"] and "Opening the workspace" not in str(found["summary"])
    heavy = [m for m in modules if m.startswith(("vatui.store", "vatui.services.session", "tinydb"))]
    assert heavy == []
    assert [m for m in modules if m.startswith(NOT_BEFORE_THE_FIRST_PAINT)] == []
