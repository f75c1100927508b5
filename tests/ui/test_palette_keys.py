"""The palette's help names the keys as bound now: the user's keymap.toml, not a fixed "(p)"."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.pilot import SIZE, Ready, Seed, screen_text
from vatui.domain.clock import FixedClock
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp, make_app
from vatui.ui.commands import key_label


def test_keys_are_shown_as_their_signs() -> None:
    assert key_label("shift+right") == "shift+→"
    assert key_label("slash") == "/"
    assert key_label("right_square_bracket") == "]"
    assert key_label("ctrl+n") == "ctrl+n"


async def _palette_help(app: VatuiApp, ready: Ready, query: str) -> str:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*query)
        await pilot.pause(0.3)
        return screen_text(app)


async def test_palette_help_shows_the_default_key(app: VatuiApp, seeded: Seed, ready: Ready) -> None:
    text = await _palette_help(app, ready, "mark done")
    assert "Complete the selected task (space)" in text


async def test_palette_help_shows_a_remapped_key(
    data_dir: Path, clock: FixedClock, ws: Workspace, seeded: Seed, ready: Ready, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keymap.toml").write_text('[keys]\ntoday_done = "x"\nquick_add = "ctrl+n"\n')
    app = make_app(data_dir, clock=clock, size=SIZE)
    text = await _palette_help(app, ready, "mark done")
    assert "Complete the selected task (x)" in text
    assert "(space)" not in text


async def test_board_palette_help_shows_a_remapped_key(
    data_dir: Path, clock: FixedClock, ws: Workspace, seeded: Seed, ready: Ready, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keymap.toml").write_text('[keys]\nboard_move_right = "ctrl+l"\n')
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"move card right")
        await pilot.pause(0.3)
        text = screen_text(app)
    assert "ctrl+l: to the next column" in text
    assert "shift+→" not in text


async def test_ledger_palette_help_shows_the_keys_of_the_binding(
    app: VatuiApp, seeded: Seed, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"delete payment")
        await pilot.pause(0.3)
        text = screen_text(app)
    assert "The selected payment, with a reason (x on Payments)" in text
