"""Stopping a timer that ran past 12 hours: ask what to log first (it was probably forgotten)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from vatui.ui.modals.long_timer import LongTimerModal


def ask_if_long(app: App[Any], ws: Any, go: Callable[[int | None], object], stops: bool = True) -> None:
    """Call ``go(None)``, or, when a running timer that ``go`` would stop ran past 12 h, ask
    first and call ``go(minutes)`` with the answer (nothing at all when cancelled)."""
    from vatui.services.tasks.timer import LONG_TIMER_MINUTES, running_minutes

    elapsed = running_minutes(ws) if stops else None
    if elapsed is None or elapsed <= LONG_TIMER_MINUTES:
        go(None)
        return

    def answered(minutes: int | None) -> None:
        if minutes is not None:
            go(minutes)

    app.push_screen(LongTimerModal(elapsed, LONG_TIMER_MINUTES), answered)
