"""``vatui today`` from the kept Today summary: a few modules of the standard library only.

``serve`` prints exactly what the full path (``vatui.cli.today_report``) would print, from
the summary the full path or the app kept (``vatui.services.today.kept_file`` says when it
can be trusted), and returns ``False`` at the first doubt: no summary, another fingerprint,
environment or day, housekeeping due, an ``--on`` that is not an ISO date of a kept day.
The running timer's minutes (and the logged time it adds to) are worked out now.
"""

from __future__ import annotations

import sys
import time

from vatui.services.today import kept_file

TYPE_CHECKING = False  # not ``typing``: a few milliseconds more on every ``vatui today``

if TYPE_CHECKING:
    from typing import Any


def _iso_day(text: str) -> bool:
    """Whether ``text`` is written ``YYYY-MM-DD`` (any other date syntax: the full path)."""
    return len(text) == 10 and text[4] == text[7] == "-" and (text[:4] + text[5:7] + text[8:]).isdigit()


def serve(data_dir: str | None, as_json: bool, on: str | None) -> bool:
    """Print today's kept triage (or the kept day ``on``); whether it did. Prints nothing
    when it returns ``False``."""
    if on is not None and not _iso_day(on):
        return False
    from vatui.paths import data_dir as resolve

    try:
        directory = resolve(data_dir)
    except (OSError, ValueError):
        return False
    now = time.time()
    doc = kept_file.valid_summary(directory, now)
    day = None if doc is None else kept_file.day_of(doc, now, on)
    if doc is None or day is None:
        return False
    try:
        output = _output(doc, day, now, as_json)
    except (KeyError, TypeError, ValueError):
        return False
    if as_json:
        sys.stdout.buffer.write(output.encode("utf-8"))
    else:
        sys.stdout.write(output)
    sys.stdout.flush()
    return True


def _output(doc: dict[str, Any], day: dict[str, Any], now: float, as_json: bool) -> str:
    """The kept output of ``day`` with the clock's figures filled in for ``now``."""
    out: str = day["json"] if as_json else day["text"]
    timer = doc["timer"]
    if timer is None:
        if kept_file.TIMER_MINUTES in out or kept_file.LOGGED in out:
            raise ValueError("placeholder without a timer")
        return out
    from datetime import UTC, datetime

    from vatui.domain.clock import minutes_since

    minutes = minutes_since(datetime.fromisoformat(timer["started"]), datetime.fromtimestamp(now, UTC))
    delta = minutes - timer["minutes"]
    logged = day["logged"] + delta
    if as_json:
        out = out.replace(kept_file.json_hole(kept_file.TIMER_MINUTES), str(minutes))
        out = out.replace(kept_file.json_hole(kept_file.LOGGED), str(logged))
        return out.replace(kept_file.json_hole(kept_file.YESTERDAY), str(day["yesterday"] + delta))
    out = out.replace(kept_file.TIMER_MINUTES, str(minutes))
    if day["logged_moves"]:
        from vatui.domain.durations import week_hours

        out = out.replace(kept_file.LOGGED, week_hours(logged))
    return out
