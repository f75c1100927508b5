"""Run in a child process (``python -m tests.helpers.first_paint DIR``): start the app
headless on the workspace in ``DIR`` with its opening held back (the worker never starts),
let it draw, and print what it imported up to then as JSON: the ``vatui`` modules, and
whether Today showed content (its first section heading) or the waiting line.

The test that runs it (tests/ui/test_first_paint.py) reads what was loaded before the
workspace was open: Today's first paint must not wait for the other panes, the modals or
the palette's commands.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path


async def _probe(directory: Path) -> dict[str, object]:
    from vatui.ui.app import VatuiApp
    from vatui.ui.widgets.today_summary import TodaySummary
    from vatui.ui.widgets.triage_list import TriageList

    VatuiApp._start_loading = lambda self, directory, sample: None  # type: ignore[method-assign]
    app = VatuiApp(directory, size=(80, 24))
    async with app.run_test() as pilot:
        await pilot.pause()
        modules = sorted(m for m in sys.modules if m.startswith("vatui"))
        lines = app.screen.query_one(TriageList).option_count
        summary = str(app.screen.query_one(TodaySummary).render())
        ready = app.is_ready
    return {"modules": modules, "triage_lines": lines, "summary": summary, "ready": ready}


def main() -> None:
    print(json.dumps(asyncio.run(_probe(Path(sys.argv[1])))))


if __name__ == "__main__":
    main()
