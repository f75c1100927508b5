"""The palette's "Import…" and "Export…": ask a kind and a path, preview, ask before writing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar
import pytest
from textual.widgets import Input

from tests.helpers.fake_imports import FakeImports, install
from tests.helpers.pilot import Ready, Seed, screen_text
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.confirm import ConfirmModal
from vatui.ui.modals.exchange import ExchangeModal
from vatui.ui.modals.text_view import TextViewModal


async def _open(pilot, what: str) -> ExchangeModal:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p", *f"App: {what}")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.3)
    modal = pilot.app.screen
    assert isinstance(modal, ExchangeModal)
    return modal


async def test_export_a_calendar_from_the_palette(
    app: VatuiApp, seeded: Seed, ready: Ready, tmp_path: Path
) -> None:
    target = tmp_path / "work.ics"
    async with app.run_test() as pilot:
        await ready(pilot)
        modal = await _open(pilot, "Export…")
        path = modal.query_one("#exchange-path", Input)
        assert path.value == "~/vatui-export.json"
        for _ in range(4):
            await pilot.press("down")
        await pilot.pause()
        assert modal.kind == "ics" and path.value == "~/vatui.ics"
        path.value = str(target)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert not isinstance(app.screen, ExchangeModal)
        assert any("Exported to" in m for m in app.messages)
    events = icalendar.Calendar.from_ical(target.read_text()).walk("VEVENT")
    assert date(2026, 12, 4) in {e.decoded("DTSTART") for e in events}


async def test_export_asks_before_replacing_a_file(
    app: VatuiApp, seeded: Seed, ready: Ready, tmp_path: Path
) -> None:
    target = tmp_path / "books.json"
    target.write_text("keep me")
    async with app.run_test() as pilot:
        await ready(pilot)
        modal = await _open(pilot, "Export…")
        modal.query_one("#exchange-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause(0.2)
        assert target.read_text() == "keep me"
        modal = await _open(pilot, "Export…")
        modal.query_one("#exchange-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("y")
        await pilot.pause(0.3)
    assert target.read_text().startswith("{")


async def test_import_previews_then_asks_then_imports(
    app: VatuiApp, seeded: Seed, ready: Ready, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeImports()
    install(monkeypatch, fake)
    source = tmp_path / "toggl.csv"
    async with app.run_test() as pilot:
        await ready(pilot)
        modal = await _open(pilot, "Import…")
        for _ in range(3):
            await pilot.press("down")
        assert modal.kind == "csv-time"
        modal.query_one("#exchange-path", Input).value = str(source)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, TextViewModal)
        assert "Tasks: 2 to add" in screen_text(app) and "csv time 1" in screen_text(app)
        assert fake.calls == [("csv time", source, True)]
        assert "mark sent" not in screen_text(app)  # a preview is not a draft to send
        await pilot.press("m")  # does nothing here: the preview stays
        await pilot.pause(0.1)
        assert isinstance(app.screen, TextViewModal)
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause(0.2)
        assert len(fake.calls) == 1
        modal = await _open(pilot, "Import…")
        modal.query_one("#exchange-path", Input).value = str(source)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.pause(0.3)
        await pilot.press("y")
        await pilot.pause(0.3)
    assert fake.calls[-1] == ("trello", source, False)
    assert any("Imported toggl.csv" in m for m in app.messages)


async def test_a_refused_import_shows_its_problems_and_writes_nothing(
    app: VatuiApp, seeded: Seed, ready: Ready, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeImports(problems=["board.json:12: a card without a name", "board.json:40: bad due date"])
    install(monkeypatch, fake)
    async with app.run_test() as pilot:
        await ready(pilot)
        modal = await _open(pilot, "Import…")
        modal.query_one("#exchange-path", Input).value = str(tmp_path / "board.json")
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, TextViewModal)
        text = screen_text(app)
        assert "board.json:12: a card without a name" in text and "board.json:40" in text
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert not isinstance(app.screen, (ConfirmModal, TextViewModal))
    assert all(dry for _what, _path, dry in fake.calls)
