"""Render every pane of the demo workspace at 80×24 with ``language=es`` and print the
screens as JSON: ``python -m tests.helpers.spanish_panes DATA_DIR [LANGUAGE]`` (``es`` by default).

Run in its own process (tests/i18n/test_panes_spanish.py): switching the language changes
module-level state (the catalog, the key descriptions of every class) that other tests in
the same process must not see.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

import orjson

from vatui.demo.workspace import generate
from vatui.domain.clock import FixedClock
from vatui.services.settings.theme import set_setting
from vatui.store.workspace import Workspace
from vatui.ui.app import make_app

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def _text(app: object) -> str:
    strips = app.screen._compositor.render_strips()  # type: ignore[attr-defined]
    return "\n".join(strip.text for strip in strips)


async def _screens(directory: Path) -> dict[str, str]:
    app = make_app(directory, clock=FixedClock(NOW), size=(80, 24))
    shown: dict[str, str] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await app.when_ready()
        await pilot.pause()
        for key, pane in (("1", "today"), ("2", "board"), ("3", "clients"), ("4", "ledger"), ("5", "plan")):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            shown[pane] = _text(app)
            await pilot.press("question_mark")
            await pilot.pause()
            shown[f"{pane} help"] = _text(app)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("5", "j", "enter")
        await pilot.pause()
        await pilot.pause()
        shown["plan week"] = _text(app)
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
            shown[name] = _text(app)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        for tab in ("aging", "payments", "expenses", "pnl", "ledger clients"):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            await pilot.pause()
            shown[tab] = _text(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.pause()
        shown["palette"] = _text(app)
    return shown


def main() -> None:
    directory = Path(sys.argv[1])
    language = sys.argv[2] if len(sys.argv) > 2 else "es"  # "": the environment decides
    ws = Workspace.open(directory, FixedClock(NOW))
    generate(ws, clients=5, seed=7)
    set_setting(ws, "language", language)
    ws.close()
    sys.stdout.write(orjson.dumps(asyncio.run(_screens(directory))).decode())


if __name__ == "__main__":
    main()
