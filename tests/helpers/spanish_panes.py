"""Render every pane of the demo workspace at 80×24 with ``language=es`` and print the
screens as JSON: ``python -m tests.helpers.spanish_panes DATA_DIR [LANGUAGE [today]]`` (``es`` by
default; ``today``: only the Today pane, for the tests of which language is chosen).

Run in its own process (tests/i18n/test_panes_spanish.py): switching the language changes
module-level state (the catalog, the key descriptions of every class) that other tests in
the same process must not see.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import orjson

from tests.helpers.clock import NOW
from tests.helpers.pilot import screen_text
from vatui.demo.workspace import generate
from vatui.domain.clock import FixedClock
from vatui.services.settings.theme import set_setting
from vatui.store.workspace import Workspace
from vatui.ui.app import make_app


async def _screens(directory: Path, today_only: bool = False) -> dict[str, str]:
    app = make_app(directory, clock=FixedClock(NOW), size=(80, 24))
    shown: dict[str, str] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await app.when_ready()
        await pilot.pause()
        for key, pane in (("1", "today"), ("2", "board"), ("3", "clients"), ("4", "ledger"), ("5", "plan")):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            shown[pane] = screen_text(app)
            if today_only:
                return shown
            await pilot.press("question_mark")
            await pilot.pause()
            shown[f"{pane} help"] = screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("5", "j", "enter")
        await pilot.pause()
        await pilot.pause()
        shown["plan week"] = screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        for pane, key, name in (
            ("5", "t", "time off form"),
            ("1", "a", "quick add"),
            ("2", "n", "card form"),
            ("3", "n", "client form"),
            ("4", "e", "expense form"),
        ):
            await pilot.press(pane)
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            shown[name] = screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        for tab in ("aging", "payments", "expenses", "pnl", "ledger clients"):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            await pilot.pause()
            shown[tab] = screen_text(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.pause()
        shown["palette"] = screen_text(app)
    return shown


def main() -> None:
    directory = Path(sys.argv[1])
    language = sys.argv[2] if len(sys.argv) > 2 else "es"  # "": the environment decides
    today_only = sys.argv[3:] == ["today"]
    ws = Workspace.open(directory, FixedClock(NOW))
    generate(ws, clients=5, seed=7)
    set_setting(ws, "language", language)
    ws.close()
    sys.stdout.write(orjson.dumps(asyncio.run(_screens(directory, today_only))).decode())


if __name__ == "__main__":
    main()
