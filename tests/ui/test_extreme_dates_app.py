"""The app opens a workspace holding dates at the ends of the calendar (issue 8: it hung on
"Opening the workspace…" when an invoice of year 9999 had been sent), and every pane draws.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.helpers.pilot import SIZE, screen_text
from tests.helpers.refusals import seed_extreme_dates
from vatui.domain.clock import FixedClock
from vatui.store.workspace import Workspace
from vatui.ui.app import make_app


async def test_the_app_opens_and_draws_every_pane_over_extreme_dates(
    data_dir: Path, clock: FixedClock, ws: Workspace
) -> None:
    seed_extreme_dates(ws)
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await asyncio.wait_for(app.when_ready(), timeout=15)
        await pilot.pause()
        assert "Opening the workspace" not in screen_text(app)
        for key in "23451":
            await pilot.press(key)
            await pilot.pause(0.2)
        assert app.is_running
