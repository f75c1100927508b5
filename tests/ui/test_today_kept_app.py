"""The app keeps the Today summary (``services.today.kept``) when it re-triages Today after a
change, in a worker: ``vatui today`` and the next first frame read it."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.pilot import SIZE, wait_ready
from vatui.domain.clock import FixedClock, SystemClock
from vatui.services.tasks.manage import add_task
from vatui.services.today import kept_file
from vatui.services.today.kept import kept_triage
from vatui.store.workspace import Workspace
from vatui.ui.app import make_app
from vatui.ui.screens.today import TodayScreen


async def test_a_change_in_the_app_keeps_the_summary(data_dir: Path) -> None:
    clock = SystemClock()  # the real time: a test clock keeps nothing (nor one fixed at the
    # test's start: under a loaded machine the app may reach its keeping > 5 s later)
    Workspace.open(data_dir, clock).close()
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        app.session.run(add_task, "Made in the app", due=app.session.today())
        today = app.screen
        assert isinstance(today, TodayScreen)
        today.reload()
        kept = None
        for _ in range(100):  # the worker starts after the next frame
            await pilot.pause(0.05)
            await app.workers.wait_for_complete()
            kept = kept_triage(data_dir)
            if kept is not None:
                break
        assert kept is not None and kept == today.triage
        assert any(i.title == "Made in the app" for s in kept.sections for i in s.items)


async def test_on_a_test_clock_nothing_is_kept(data_dir: Path, clock: FixedClock) -> None:
    Workspace.open(data_dir, clock).close()
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        app.session.run(add_task, "Made in the app")
        today = app.screen
        assert isinstance(today, TodayScreen)
        today.reload()
        for _ in range(5):
            await pilot.pause(0.05)
            await app.workers.wait_for_complete()
        assert today.triage is not None and not kept_file.summary_path(data_dir).exists()


async def test_the_summary_painted_first_is_kept_again_after_the_open_folds_the_journal(
    data_dir: Path,
) -> None:
    """A change made with the command line sits in the journal; the app's backup at open folds
    it into a new ``workspace.json``: same data, other files. The summary painted first must
    then be kept again, or every start after a change would leave tomorrow's first
    ``vatui today`` without one."""
    from vatui.services.session import Session
    from vatui.services.today.kept import keep_today

    clock = SystemClock()
    session = Session.open(data_dir, clock)
    session.run(add_task, "In the journal", due=session.today())
    assert keep_today(session)
    session.close()  # no compaction: the change stays in the journal, the summary is valid
    assert kept_triage(data_dir) is not None
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        kept = None
        for _ in range(100):
            await pilot.pause(0.05)
            await app.workers.wait_for_complete()
            kept = kept_triage(data_dir)
            if kept is not None:
                break
        assert kept is not None
        assert any(i.title == "In the journal" for s in kept.sections for i in s.items)
