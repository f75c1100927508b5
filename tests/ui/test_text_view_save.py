"""The text viewer's "save to file" uses vatui's one safe writer (issue 8, item 6): 0600
under umask 000, never through a link, never onto vatui's own files, an error shown in
place with nothing written."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import Input, Static

from vatui.ui.modals.text_view import TextViewModal


class Host(App[None]):
    """Pushes one modal; ``_session`` stands in for the app's open session (its data folder)."""

    def __init__(self, modal: Screen[Any], data_dir: Path | None = None) -> None:
        super().__init__()
        self.modal = modal
        self._session = SimpleNamespace(directory=data_dir) if data_dir else None
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.modal, self.results.append)


async def _save(host: Host, pilot: Any, path: Path) -> str:
    await pilot.press("s")
    await pilot.pause()
    host.screen.query_one("#text-path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()
    return str(host.screen.query_one("#text-status", Static).render())


async def test_saved_0600_under_umask_000_links_and_own_files_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "workspace.json").write_text("{}")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "link.md"
    link.symlink_to(victim)
    old = os.umask(0)
    try:
        host = Host(TextViewModal("Status report", "Confidential: the plan"), data)
        async with host.run_test() as pilot:
            await pilot.pause()
            status = await _save(host, pilot, tmp_path / "report.md")
            assert "Saved" in status
            status = await _save(host, pilot, link)
            assert "symbolic link" in status
            status = await _save(host, pilot, data / "workspace.json")
            assert "vatui's own" in status
            await pilot.press("escape", "escape")
            await pilot.pause()
    finally:
        os.umask(old)
    saved = tmp_path / "report.md"
    assert saved.read_text() == "Confidential: the plan\n"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert victim.read_text() == "precious" and link.is_symlink()
    assert (data / "workspace.json").read_text() == "{}"
    assert [p.name for p in tmp_path.rglob("*.tmp")] == []


@pytest.mark.parametrize("umask", [0o022])
async def test_replacing_a_file_makes_it_private(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "old.md"
    target.write_text("old")
    os.chmod(target, 0o644)
    host = Host(TextViewModal("x", "new"))
    async with host.run_test() as pilot:
        await pilot.pause()
        await _save(host, pilot, target)
        status = await _save(host, pilot, target)  # exists: the second enter replaces it
        assert "Saved" in status
    assert target.read_text() == "new\n" and stat.S_IMODE(target.stat().st_mode) == 0o600
