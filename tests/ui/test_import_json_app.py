"""The palette's "Import…" with a vatui JSON export: the dry-run summary, a question, then the import."""

from __future__ import annotations

from pathlib import Path

import orjson
from textual.widgets import Input

from tests.helpers.pilot import Ready, screen_text
from vatui.demo.workspace import generate, parse_size
from vatui.domain.clock import FixedClock
from vatui.services.exchange.backup import export_json
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.confirm import ConfirmModal
from vatui.ui.modals.exchange import ExchangeModal
from vatui.ui.modals.text_view import TextViewModal


def _demo_export(tmp_path: Path, clock: FixedClock) -> Path:
    source = Workspace.open(tmp_path / "demo", clock)
    try:
        generate(source, clients=parse_size("small"), seed=1)
        path = tmp_path / "demo.json"
        path.write_bytes(orjson.dumps(export_json(source, confidential=True), option=orjson.OPT_INDENT_2))
    finally:
        source.close()
    return path


async def test_import_a_json_export_from_the_palette(
    app: VatuiApp, ready: Ready, ws: Workspace, tmp_path: Path, clock: FixedClock
) -> None:
    file = _demo_export(tmp_path, clock)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"App: Import…")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        modal = app.screen
        assert isinstance(modal, ExchangeModal)
        while modal.kind != "json":
            await pilot.press("down")
        modal.query_one("#exchange-path", Input).value = str(file)
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert isinstance(app.screen, TextViewModal)
        assert "Clients: 5 to add, 0 to update, 0 skipped" in screen_text(app)
        ws.refresh()
        assert not ws.docs("clients")
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause(0.5)
        assert any("Imported demo.json" in m for m in app.messages)
        ws.refresh()
        assert len(ws.docs("clients")) == 5 and len(ws.docs("time")) > 100
        assert ws.undo_label() == "import JSON export demo.json"
