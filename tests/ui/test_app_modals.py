"""The shared modals return typed values and save nothing: confirm, date prompt, text view."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen

from tests.helpers.pilot import Ready, Seed, screen_text
from vatui.ui.app import VatuiApp
from vatui.ui.flows.saving import FileSaver
from vatui.ui.modals.confirm import ConfirmModal
from vatui.ui.modals.date_prompt import DatePromptModal
from vatui.ui.modals.text_view import TextViewModal, slug

TODAY = date(2026, 11, 27)


class Host(App[None]):
    """Pushes one modal and keeps what it returned."""

    def __init__(self, modal: Screen[Any]) -> None:
        super().__init__()
        self.modal = modal
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.modal, self.results.append)


async def test_confirm_yes_no_escape() -> None:
    for keys, expected in (
        (["y"], True),
        (["n"], False),
        (["escape"], False),
        (["enter"], False),
        (["tab", "enter"], True),
    ):
        host = Host(ConfirmModal("Delete “[/]”?"))
        async with host.run_test() as pilot:
            await pilot.pause()
            assert "Delete “[/]”?" in screen_text(host)  # type: ignore[arg-type]
            await pilot.press(*keys)
            await pilot.pause()
        assert host.results == [expected], keys


async def test_date_prompt_default_typed_error_cancel() -> None:
    host = Host(DatePromptModal("Snooze until", TODAY))
    async with host.run_test() as pilot:
        await pilot.pause()
        assert "tomorrow" in screen_text(host)  # type: ignore[arg-type]
        await pilot.press("enter")
        await pilot.pause()
    assert host.results == [date(2026, 11, 28)]

    host = Host(DatePromptModal("Due", TODAY, default="fri"))
    async with host.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"5 dec")
        await pilot.pause()
        assert "Sat 5 Dec" in screen_text(host)  # type: ignore[arg-type]
        await pilot.press("enter")
        await pilot.pause()
    assert host.results == [date(2026, 12, 5)]

    host = Host(DatePromptModal("Due", TODAY))
    async with host.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"feb 30", "enter")
        await pilot.pause()
        assert host.results == []
        assert "feb 30" in screen_text(host).lower()  # type: ignore[arg-type]
        await pilot.press("escape")  # something typed: asks first
        await pilot.pause()
        assert "Discard what you typed?" in screen_text(host)  # type: ignore[arg-type]
        await pilot.press("y")
        await pilot.pause()
    assert host.results == [None]


async def test_text_view_copy_save_sent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    text = "Hi [bold]Acme[/bold],\n\x1b[31mInvoice INV-2026-0003 is due.\n"
    host = Host(TextViewModal("Reminder INV-2026-0003", text, saver=FileSaver(None)))
    async with host.run_test() as pilot:
        await pilot.pause()
        shown = screen_text(host)  # type: ignore[arg-type]
        assert "Hi [bold]Acme[/bold]," in shown and "␛[31mInvoice" in shown
        await pilot.press("c")
        await pilot.pause()
        assert host.clipboard == text
        await pilot.press("s")
        await pilot.pause()
        path_input = host.screen.query_one("#text-path")
        assert path_input.value == "~/vatui-reminder-inv-2026-0003.md"  # type: ignore[attr-defined]
        target = tmp_path / "reminder.md"
        path_input.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text() == text
        await pilot.press("s")
        await pilot.pause()
        path_input.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")  # exists: asks again
        await pilot.pause()
        assert "exists" in screen_text(host)  # type: ignore[arg-type]
        await pilot.press("escape")  # leave the path prompt
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert host.results == ["saved"]

    host = Host(TextViewModal("Status report", "Done this week", saver=FileSaver(None)))
    async with host.run_test() as pilot:
        await pilot.pause()
        await pilot.press("c", "m")
        await pilot.pause()
    assert host.results == ["sent"]

    host = Host(TextViewModal("Status report", "Done this week", saver=FileSaver(None)))
    async with host.run_test() as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert host.results == [None]


async def test_text_view_save_error_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    host = Host(TextViewModal("x", "text", saver=FileSaver(None)))
    async with host.run_test() as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        host.screen.query_one("#text-path").value = str(tmp_path / "missing" / "dir" / "x.md")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert "cannot save" in screen_text(host)  # type: ignore[arg-type]
        await pilot.press("escape", "escape")
        await pilot.pause()
    assert host.results == [None]


def test_slug() -> None:
    assert slug("Reminder INV-2026-0003") == "reminder-inv-2026-0003"
    assert slug("[/] 🎉") == "text"


async def test_open_record_switches_pane_and_focuses(app: VatuiApp, seeded: Seed, ready: Ready) -> None:
    seen: list[tuple[str, int]] = []
    async with app.run_test() as pilot:
        await ready(pilot)
        ledger = app.pane("ledger")
        ledger.focus_record = lambda kind, ref: seen.append((kind, ref))  # type: ignore[attr-defined]
        app.open_record("invoice", 7)
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "ledger"
        assert seen == [("invoice", 7)]
        app.open_record("nonsense", 1)
        assert app.messages[-1] == "Nothing to open for a nonsense."
