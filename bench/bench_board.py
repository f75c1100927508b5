"""Key press to repainted Board, with 2,000 open cards and with 20 (the baseline).

The app runs headless (``App.run_test`` at 80×24) on a throwaway workspace. Each sample
is one key press (``pilot.press``) until the last screen update it caused: the app's
``_display`` (called once the compositor has rendered an update, before it is written to
the terminal) is wrapped to note the time, and after ``pilot.pause()`` has let everything
settle the sample is "key sent → last update rendered". Pilot's own idle detection (tens
of milliseconds of sleeping) is thereby left out; a 20-card Board measured the same way
in the same run is the baseline.
``j`` moves the cursor (alternating with ``k``, so it always has somewhere to go); ``L`` moves a card to the next column, which includes the
durable write (temp file, fsync, atomic replace) and the reload of the whole Board (an
unmeasured ``H`` brings the card back before the next sample).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import Row

SAMPLES = 60
"""Key presses measured per figure."""

TARGET_MS = 50.0
"""PRODUCT.md: key press to repainted Board with 2,000 open cards, median."""

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def _workspace(directory: Path, cards: int) -> Any:
    """A workspace with ``cards`` open cards over 40 clients, written in one transaction."""
    from vatui.domain.clients import Client
    from vatui.domain.clock import FixedClock
    from vatui.domain.tasks import Task
    from vatui.store.workspace import Workspace

    ws = Workspace.open(directory, FixedClock(NOW))
    clients = [Client(name=f"Client {n:02d}", created=NOW, updated=NOW).to_doc() for n in range(40)]
    # Most cards in the first column, so `j` always has somewhere to go; the rest spread out.
    spread = [("Inbox", 0.6), ("Next", 0.25), ("Doing", 0.002), ("Waiting", 0.148)]
    docs = []
    position = 0
    for column, share in spread:
        for _ in range(max(1, round(cards * share))):
            position += 1
            if len(docs) >= cards:
                break
            docs.append(
                Task(
                    title=f"Task number {position} for the board benchmark",
                    client_id=position % 40 + 1,
                    column=column,
                    position=position,
                    priority=("high", "med", None)[position % 3],
                    due=date(2026, 11, 20) + timedelta(days=position % 30),
                    estimate_minutes=30 + position % 4 * 30,
                    created=NOW,
                    updated=NOW,
                ).to_doc()
            )
    with ws.transaction(None) as tx:
        tx.insert_many("clients", clients)
        tx.insert_many("tasks", docs)
    return ws


def _make_app(ws: Any) -> Any:
    """The real app on the benchmark's workspace (imported late: Textual only when run)."""
    from vatui.ui.app import make_app

    return make_app(ws.directory, clock=ws.clock)


async def _measure(cards: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        ws = _workspace(Path(tmp) / "data", cards)
        app = _make_app(ws)
        samples: dict[str, list[float]] = {"j": [], "L": []}
        shown: list[float] = []
        display = app._display

        def spy(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                shown.append(time.perf_counter())
            display(screen, renderable)

        app._display = spy

        async def sample(key: str) -> float:
            shown.clear()
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            if not shown:
                raise RuntimeError(f"key {key!r} repainted nothing")
            return shown[-1] - start

        async with app.run_test(size=(80, 24)) as pilot:
            when_ready = getattr(app, "when_ready", None)
            if when_ready is not None:
                await when_ready()
            await pilot.pause()
            if getattr(app, "current_mode", "board") != "board":
                await pilot.press("2")
                await pilot.pause()
            for n in range(SAMPLES):
                samples["j"].append(await sample("j" if n % 2 == 0 else "k"))
            for n in range(SAMPLES):
                samples["L"].append(await sample("L"))
                if n == 0 and app.screen.focused_column.column != "Next":
                    raise RuntimeError("`L` did not move the card to Next")
                await pilot.press("H")  # the card goes back, the cursor with it (not measured)
                await pilot.pause()
        ws.close()
        return samples


def run() -> list[Row]:
    """Median key-to-repaint times on a 2,000-card Board against a 20-card one."""
    small = asyncio.run(_measure(20))
    large = asyncio.run(_measure(2000))
    rows = []
    for key, what in (("j", "move the cursor"), ("L", "move a card (durable write)")):
        value = statistics.median(large[key]) * 1000
        base = statistics.median(small[key]) * 1000
        rows.append(
            Row(
                what=f"Board key `{key}` → repaint, 2,000 open cards ({what})",
                value=value,
                unit="ms",
                baseline="20 cards",
                baseline_value=base,
                target=f"≤ {TARGET_MS:.0f} ms",
                ok=value <= TARGET_MS,
            )
        )
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.common import print_table

    print_table(run())
