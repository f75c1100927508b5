"""The first run (no workspace yet), the throwaway sample, ``--demo``, a refused file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.helpers.pilot import SIZE, Ready, screen_text
from vatui.domain.clock import FixedClock
from vatui.domain.tasks import Task
from vatui.store.workspace import Workspace
from vatui.ui.app import make_app
from vatui.ui.screens.first_run import FirstRunScreen, RefusedScreen
from vatui.ui.screens.today import TodayScreen


async def test_first_run_offers_both_choices(data_dir: Path, clock: FixedClock) -> None:
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        text = screen_text(app)
        assert "Start empty" in text and "Explore a throwaway sample" in text
        unwrapped = "".join(line.strip(" │") for line in text.splitlines())  # a long path wraps
        assert str(data_dir) in unwrapped
        assert not Workspace.exists(data_dir)


async def test_start_empty_creates_the_workspace(data_dir: Path, clock: FixedClock, ready: Ready) -> None:
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("escape", "e")  # out of the name field, then "Start empty"
        await ready(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert Workspace.exists(data_dir)
        assert "Nothing overdue." in screen_text(app)
        assert "SAMPLE" not in screen_text(app)
        await pilot.press("a", *"First task due:today", "enter")
        await pilot.pause()
    ws = Workspace.open(data_dir, clock)
    assert [t.title for t in ws.all(Task)] == ["First task"]


async def test_enter_on_the_highlighted_choice(data_dir: Path, clock: FixedClock, ready: Ready) -> None:
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")  # in the name field: on to the next answer
        assert app.focused is not None and app.focused.id == "fr-language"
        await pilot.press("escape", "enter")  # to the choices: "Start empty" is highlighted first
        await ready(pilot)
        assert Workspace.exists(data_dir)


async def test_quit_on_first_run_creates_nothing(data_dir: Path, clock: FixedClock) -> None:
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("escape", "q")  # out of the name field, then "Quit"
        await pilot.pause()
    assert not Workspace.exists(data_dir)


async def test_sample_is_throwaway(data_dir: Path, clock: FixedClock, ready: Ready) -> None:
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("escape", "s")
        await ready(pilot)
        assert isinstance(app.screen, TodayScreen)
        sample_dir = app.session.directory
        assert sample_dir != data_dir and Workspace.exists(sample_dir)
        assert app.session.records(Task)
        assert "SAMPLE — not saved" in screen_text(app).splitlines()[0]
    assert not sample_dir.exists()
    assert not Workspace.exists(data_dir)


async def test_demo_flag_skips_the_question(tmp_path: Path, clock: FixedClock, ready: Ready) -> None:
    demo_dir = tmp_path / "demo"
    demo_dir.mkdir()
    app = make_app(demo_dir, clock=clock, demo=True, size=SIZE)
    async with app.run_test() as pilot:
        await ready(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert app.session.records(Task)
        assert "SAMPLE — not saved" in screen_text(app)


async def test_a_damaged_file_is_refused_and_left_alone(data_dir: Path, clock: FixedClock) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "workspace.json"
    path.write_bytes(b"{not json")
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the workspace opens in a worker thread
        await pilot.pause()
        assert isinstance(app.screen, RefusedScreen)
        assert "refusing to open" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1
    assert path.read_bytes() == b"{not json"


async def test_a_name_typed_at_once_is_the_name_not_a_choice(
    data_dir: Path, clock: FixedClock, ready: Ready
) -> None:
    """The first question is asked first: "Sara Gómez" types into the name field; its
    "s" does not open the sample, its "e" does not start, its "q" would not quit."""
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"Sara Gómez q")
        await pilot.pause()
        assert app.is_running and not Workspace.exists(data_dir)
        assert app.screen.query_one("#fr-business_name", Input).value == "Sara Gómez q"
        await pilot.press("backspace", "backspace", "escape", "e")
        await ready(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert Workspace.open(data_dir, clock).settings().business_name == "Sara Gómez"
