"""A progress bar on stderr for long work, shown only when stderr is a terminal.

``with terminal_progress(label) as progress: work(..., progress=progress)``: ``progress`` is
``None`` on a pipe or a file (the work then reports nothing and nothing is printed), else a
callable taking (steps done, steps in all) that draws click's bar.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

Progress = Callable[[int, int], None]


def on_terminal() -> bool:
    """Whether stderr is a terminal (a bar there helps; in a pipe or a log it is noise)."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def terminal_progress(label: str) -> Iterator[Progress | None]:
    """A progress callback drawing a bar on stderr, or ``None`` when stderr is no terminal."""
    if not on_terminal():
        yield None
        return
    state: dict[str, Any] = {"bar": None, "done": 0}

    def progress(done: int, total: int) -> None:
        bar = state["bar"]
        if bar is None:
            bar = click.progressbar(
                length=max(total, 1), label=label, file=sys.stderr, show_eta=False, show_percent=True
            )
            bar.__enter__()
            state["bar"] = bar
        step = max(min(done, total) - state["done"], 0)
        if step:
            bar.update(step)
            state["done"] += step

    try:
        yield progress
    finally:
        if state["bar"] is not None:
            state["bar"].__exit__(None, None, None)
