"""Every pane at once: key to first painted frame, and a switch back, on the large demo workspace.

The app runs headless (``App.run_test`` at 80×24). **First paint** is measured from the
moment the pane's key reaches the app (``App.on_event``; Pilot's ``press`` first waits for the
process to go idle, which is not the app's time) to the first frame that shows the pane
with its content: ``App._display`` (called with each update once the compositor has
rendered it, just before it is written to the terminal) is wrapped to note, for every
frame, its time, the screen drawn and whether that screen shows its content at that
moment (``CONTENT``: the Board's cards read, the client list filled, the Ledger's invoice
list filled, the Plan's weeks computed, Today's triage shown). A frame of the pane with
its lists still empty ("reading…") does not count; the figure is the frame a user sees
the pane's rows in.

- **first paint** (target ≤ 100 ms): a fresh app per sample opens the workspace and
  settles (Today shown, every worker done, the panes read ahead: ``read_ahead.py``), then
  visits the panes as a user does, ``2`` ``3`` ``4`` ``5``: each key is that pane's first
  paint (its own workers are let finish before the next key); median of 20 apps. Its
  baseline, in the same run, is the same visit with nothing read ahead (``read_ahead``
  switched off: what keys typed the moment Today appears meet), median of 5.
- **switch back** (target ≤ 50 ms): in each of those apps, after the visit, ``2`` ``3``
  ``4`` ``5`` and ``1`` again, nothing changed meanwhile: each a switch back; median of 20.
  Its baseline, in the same run: a bare Textual app switching between two one-line screens
  (modes), key to the first frame, median of 20 — Textual's own switch, which holds every
  update back 50 ms (``App.delay_update``) to mask a screen being composed; vatui skips that
  delay for a pane already drawn.
- **first paint at size 500** (target ≤ 300 ms): the first paint on
  ``archived_copy_of_huge`` (``demo-data --size 500`` after its archive), median of 5.

The large workspace is ``large_workspace_dir()`` (50,000+ records, nothing archived: the
worst case). Python's garbage collector runs as it would for a user (a collection of the
oldest generation lands in some samples: the median leaves it out).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import Row

FIRST_TARGET_MS = 100.0
BACK_TARGET_MS = 50.0
HUGE_TARGET_MS = 300.0
SAMPLES = 20
"""Fresh apps (each gives one first paint and one switch back of every pane)."""
SMALL_SAMPLES = 5
"""Samples of the baseline and of the size-500 figure (each app opens 85,000 records)."""

KEYS = {"today": "1", "board": "2", "clients": "3", "ledger": "4", "plan": "5"}
"""The pane keys (``VatuiApp.BINDINGS``)."""


def _content(mode: str) -> Callable[[Any], bool]:
    """Whether a screen is pane ``mode`` with its content on it."""
    from vatui.ui.screens.board import BoardScreen
    from vatui.ui.screens.clients import ClientsScreen
    from vatui.ui.screens.ledger import LedgerScreen
    from vatui.ui.screens.plan import PlanScreen
    from vatui.ui.screens.today import TodayScreen
    from vatui.ui.widgets.client_list import ClientList
    from vatui.ui.widgets.ledger_list import LedgerList

    checks: dict[str, Callable[[Any], bool]] = {
        "today": lambda s: isinstance(s, TodayScreen) and s.is_mounted,
        "board": lambda s: isinstance(s, BoardScreen) and s.snapshot is not None,
        "clients": lambda s: isinstance(s, ClientsScreen) and bool(s.query_one(ClientList).option_count),
        "ledger": lambda s: (
            isinstance(s, LedgerScreen)
            and s.view is not None
            and s.query_one("#ledger-invoices", LedgerList).option_count == len(s.view.invoices)
        ),
        "plan": lambda s: isinstance(s, PlanScreen) and s.plan is not None,
    }
    return checks[mode]


ORDER = ("board", "clients", "ledger", "plan")


def _stamp_keys(app: Any, arrived: list[float]) -> None:
    """Note when each key event reaches ``app`` (what a terminal's key read is): Pilot's
    ``press`` first waits for the process to go idle (tens of milliseconds of its own), so
    the clock starts when the key arrives, not when ``press`` is called."""
    from textual import events

    real = app.on_event

    async def stamped(event: Any) -> None:
        if isinstance(event, events.Key):
            arrived.append(time.perf_counter())
        await real(event)

    app.on_event = stamped


async def _visit(directory: Path, *, ahead: bool = True, back: bool = True) -> dict[str, float]:
    """One fresh app, one visit of every pane as a user makes it: ``2``, ``3``, ``4``, ``5``
    (each pane's first paint), then, with ``back``, ``2``, ``3``, ``4``, ``5`` and ``1`` again
    (each a switch back). Returns seconds by ``first:MODE`` / ``back:MODE``."""
    from vatui.ui.app import make_app
    from vatui.ui.screens import read_ahead

    original_read_ahead = read_ahead.read_ahead
    if not ahead:
        read_ahead.read_ahead = lambda app, pane_class: None
    try:
        app = make_app(directory, size=(80, 24))
        frames: list[tuple[float, bool]] = []
        display = app._display
        drawn: Callable[[Any], bool] = lambda screen: False  # noqa: E731

        def spy(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                frames.append((time.perf_counter(), drawn(screen)))
            display(screen, renderable)

        out: dict[str, float] = {}
        arrived: list[float] = []
        _stamp_keys(app, arrived)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.when_ready()
            await pilot.pause()
            await app.workers.wait_for_complete()  # the read-ahead, and its styles
            await pilot.pause()

            async def paint(mode: str) -> float:
                nonlocal drawn
                drawn = _content(mode)
                frames.clear()
                arrived.clear()
                await pilot.press(KEYS[mode])
                for _ in range(5000):
                    if any(shown for _at, shown in frames):
                        break
                    await asyncio.sleep(0.001)
                at = next((t for t, shown in frames if shown), None)
                if at is None or not arrived:
                    raise RuntimeError(f"pane {mode!r} never painted its content")
                start = arrived[0]
                await pilot.pause()
                await app.workers.wait_for_complete()  # the pane's own workers (badges)
                await pilot.pause()
                return at - start

            app._display = spy  # type: ignore[method-assign]
            for mode in ORDER:
                out[f"first:{mode}"] = await paint(mode)
            if back:
                for mode in (*ORDER, "today"):
                    out[f"back:{mode}"] = await paint(mode)
        return out
    finally:
        read_ahead.read_ahead = original_read_ahead


async def _bare_switches(samples: int) -> list[float]:
    """A bare Textual app with two one-line screens as modes: seconds from a key to the first
    frame of the other screen, ``samples`` switches back and forth (the floor of any switch)."""
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import Static

    class One(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("one line")

    class Bare(App[None]):
        MODES = {"a": One, "b": One}  # noqa: RUF012
        BINDINGS = [("1", "switch_mode('a')"), ("2", "switch_mode('b')")]  # noqa: RUF012

        def on_mount(self) -> None:
            self.switch_mode("a")

    app = Bare()
    frames: list[float] = []
    display = app._display

    def spy(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            frames.append(time.perf_counter())
        display(screen, renderable)

    out: list[float] = []
    arrived: list[float] = []
    _stamp_keys(app, arrived)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")  # both screens made once, as the panes are before a switch back
        await pilot.press("1")
        await pilot.pause()
        app._display = spy  # type: ignore[method-assign]
        for n in range(samples):
            frames.clear()
            arrived.clear()
            await pilot.press("2" if n % 2 == 0 else "1")
            while not frames:
                await asyncio.sleep(0.001)
            out.append(frames[0] - arrived[0])
            await pilot.pause()
    return out


def _medians(directory: Path, samples: int, **kwargs: bool) -> dict[str, float]:
    """The median, in ms, of each figure over ``samples`` fresh apps."""
    got = [asyncio.run(_visit(directory, **kwargs)) for _ in range(samples)]
    return {key: statistics.median(g[key] for g in got) * 1000 for key in got[0]}


def run() -> list[Row]:
    """Each pane's first paint and switch back at the large workspace, first paint at size 500."""
    from bench.fixtures import archived_copy_of_huge, large_workspace_dir

    large = large_workspace_dir()
    print("  panes: large workspace", file=sys.stderr)
    warm = _medians(large, SAMPLES)
    cold = _medians(large, SMALL_SAMPLES, ahead=False, back=False)
    bare = statistics.median(asyncio.run(_bare_switches(SAMPLES))) * 1000
    floor = "bare Textual app, switch between two one-line screens"
    rows: list[Row] = []
    for mode in ORDER:
        first, back = warm[f"first:{mode}"], warm[f"back:{mode}"]
        rows.append(
            Row(
                f"{mode.title()} `{KEYS[mode]}` → first paint with its rows, large workspace (read ahead)",
                first,
                "ms",
                "nothing read ahead",
                cold[f"first:{mode}"],
                f"≤ {FIRST_TARGET_MS:.0f} ms",
                first <= FIRST_TARGET_MS,
            )
        )
        rows.append(
            Row(
                f"{mode.title()} `{KEYS[mode]}` again → first paint (switch back), large workspace",
                back,
                "ms",
                floor,
                bare,
                target=f"≤ {BACK_TARGET_MS:.0f} ms",
                ok=back <= BACK_TARGET_MS,
            )
        )
    rows.append(
        Row(
            "Today `1` → first paint (switch back), large workspace",
            warm["back:today"],
            "ms",
            floor,
            bare,
            target=f"≤ {BACK_TARGET_MS:.0f} ms",
            ok=warm["back:today"] <= BACK_TARGET_MS,
        )
    )
    print("  panes: size 500", file=sys.stderr)
    huge = _medians(archived_copy_of_huge("panes-huge"), SMALL_SAMPLES, back=False)
    for mode in ORDER:
        first = huge[f"first:{mode}"]
        rows.append(
            Row(
                f"{mode.title()} `{KEYS[mode]}` → first paint, size 500 (archived)",
                first,
                "ms",
                target=f"≤ {HUGE_TARGET_MS:.0f} ms",
                ok=first <= HUGE_TARGET_MS,
            )
        )
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.common import print_table

    print_table(run())
