"""The kept Today summary: the triage of today and of the next days, kept beside the
workspace so that ``vatui today`` and the app's first frame need not read every record.

``keep_today(session)`` (``vatui today``'s full path, after printing) and ``keeper(session)``
(the app, after it re-triages Today: the returned work runs in a worker) write it;
``kept_triage(directory)`` gives it back while it is valid. The file, its key and why it
can be trusted are ``vatui.services.today.kept_file``; in short: the same data (the files'
fingerprint, taken before reading and checked again after), the same environment, the
same day at home, and no housekeeping due.

Nothing here raises to the caller: a summary that cannot be kept (a read-only folder, a
full disk, a clock that is not the real one, a second open timer) is simply not kept.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import orjson

from vatui.domain.clock import minutes_since
from vatui.domain.errors import VatuiError
from vatui.domain.triage import Triage
from vatui.domain.weeks import week_first_day
from vatui.i18n import language
from vatui.services.clients.language import environment_language
from vatui.services.queries import home_today, time_docs
from vatui.services.session import Session, Workspace, housekeeping_due
from vatui.services.today import kept_file
from vatui.services.today.report import today_json, today_text
from vatui.services.today.triage import triage
from vatui.store.errors import DiskWriteError
from vatui.store.storage import atomic_write_bytes

DAYS = 4
"""The app keeps today and the next three days (in a worker): tomorrow morning's first ``vatui
today`` (and Monday's, after a weekend) finds its day kept."""
COMMAND_DAYS = 2
"""``vatui today``'s full path keeps today and tomorrow: each day costs one triage while the
command still runs (≈ 35 ms at the large workspace, ≈ 145 ms at ``--size 500``)."""
REAL_CLOCK_SLACK = 5.0
"""Seconds a clock may differ from ``time.time()`` and still be the real one (a test's
fixed clock is not: nothing it computes is kept)."""


def kept_triage(directory: Path, now: datetime | None = None) -> Triage | None:
    """The kept triage of today for this moment (``now``: the real time), or ``None`` when
    there is none valid: another fingerprint, environment or day, housekeeping due, or a
    file that is not a summary. Never raises."""
    moment = (now or datetime.now(UTC)).timestamp()
    doc = kept_file.valid_summary(directory, moment)
    day = None if doc is None else kept_file.day_of(doc, moment)
    if doc is None or day is None:
        return None
    try:
        result = Triage.from_json(day["triage"])
    except (ValueError, KeyError, TypeError):
        return None
    return _at(result, doc, day, moment)


def _at(result: Triage, doc: dict[str, Any], day: dict[str, Any], moment: float) -> Triage:
    """``result`` with the figures that move with the clock brought to ``moment``."""
    from dataclasses import replace

    timer = doc["timer"]
    if timer is None or result.timer is None:
        return result
    minutes = minutes_since(datetime.fromisoformat(timer["started"]), datetime.fromtimestamp(moment, UTC))
    delta = minutes - day["timer_minutes"]
    capacity = result.capacity
    if day["logged_moves"]:
        capacity = replace(capacity, logged_minutes=day["logged"] + delta)
    yesterday = day["yesterday"] + delta if day["yesterday_moves"] else result.yesterday_minutes
    return replace(
        result, timer={**result.timer, "minutes": minutes}, capacity=capacity, yesterday_minutes=yesterday
    )


def keep_today(session: Session, first: Triage | None = None, days: int = COMMAND_DAYS) -> bool:
    """Keep the summary of the workspace ``session`` has open for today and the next
    ``days - 1`` days (the command line, after ``vatui today`` printed ``first``, today's
    triage); whether it was kept."""
    before = kept_file.fingerprint(session.directory)
    if session.changed_on_disk():
        return False
    try:
        return session.run(_keep, before, first, days)
    except (VatuiError, OSError, ValueError):
        return False


def keeper(session: Session) -> Callable[[], bool] | None:
    """For the app, on its own thread after it re-triaged Today: the work that keeps the
    summary, to run in a worker (it reads a snapshot taken now), or ``None`` when the
    session's data is not what is on disk (another process wrote: the next open keeps)."""
    before = kept_file.fingerprint(session.directory)
    if not _real(session.now()) or session.read_only or session.changed_on_disk():
        return None
    frozen = session.snapshot()

    def work() -> bool:
        try:
            return frozen.run(_keep, before, None, DAYS)
        except (VatuiError, OSError, ValueError):
            return False

    return work


def _keep(ws: Workspace, before: list[list[int] | None], first: Triage | None, count: int) -> bool:
    """Compute and write the summary when everything it rests on holds."""
    settings = ws.settings()
    speaking = _language(settings.language)
    if not _real(ws.clock.now()) or not ws.writable() or speaking is None:
        return False
    zone = ZoneInfo(settings.home_timezone)
    today = home_today(ws)
    due = housekeeping_due(ws, today, today + timedelta(days=count - 1))
    if due == today:  # housekeeping could not be done (an import on top…): no summary
        return False
    open_entries = [d for d in time_docs(ws).values() if d.get("end") is None]
    days: list[dict[str, Any]] = []
    timer: dict[str, Any] | None = None
    last = (due - timedelta(days=1)) if due else today + timedelta(days=count - 1)
    day = today
    while day <= last:
        result = first if first is not None and first.on == day and day == today else triage(ws, day)
        if len(open_entries) > (1 if result.timer else 0):
            return False  # a second open entry, or one Today does not show: not kept
        if result.timer is not None:
            timer = {"started": result.timer["started"]}
        kept = _kept_day(result, zone, settings.week_start)
        if kept is not None:
            days.append(kept)
        day += timedelta(days=1)
    if not days:
        return False
    summary = {
        "version": kept_file.version(),
        "fingerprint": before,
        "environment": kept_file.environment(),
        "until": _midnight(last + timedelta(days=1), zone),
        "timer": timer,
        "days": days,
    }
    if kept_file.fingerprint(ws.directory) != before:
        return False  # written meanwhile: what was read may not be what the key says
    if language() != speaking:
        return False  # another thread switched the catalog meanwhile (``language_of``)
    try:
        atomic_write_bytes(kept_file.summary_path(ws.directory), orjson.dumps(summary), 0o600, durable=False)
    except (DiskWriteError, OSError):
        return False
    return True


def _real(now: datetime) -> bool:
    """Whether ``now`` is the real time (not a test's fixed clock)."""
    return abs(now.timestamp() - time.time()) <= REAL_CLOCK_SLACK


def _language(setting: str) -> str | None:
    """The catalog in use when it is the one ``vatui today`` would pick (the setting, else
    the environment's), else ``None``: the app may be writing a document in a client's
    language on another thread."""
    expected = setting.split("_")[0] if setting else environment_language()
    return expected if language() == expected else None


def _kept_day(result: Triage, zone: ZoneInfo, week_start: str) -> dict[str, Any] | None:
    """One day of the summary: ``result`` rendered with the clock's figures as placeholders;
    ``None`` when the day cannot be kept (a placeholder collides with user text, or the
    running timer would change the day's notes as it runs)."""
    day = result.on
    logged_moves = yesterday_moves = False
    doc = result.to_json()
    text_holes: dict[str, str] = {}
    if result.timer is not None:
        started = datetime.fromisoformat(result.timer["started"]).astimezone(zone).date()
        logged_moves = week_first_day(day, week_start) <= started <= day
        yesterday_moves = started == day - timedelta(days=1)
        if yesterday_moves and result.yesterday_minutes == 0:
            return None  # "No time logged yesterday" goes away within the minute
        doc["timer"] = {**doc["timer"], "minutes": kept_file.TIMER_MINUTES}
        text_holes["timer_minutes"] = kept_file.TIMER_MINUTES
        if logged_moves:
            doc["capacity"]["logged_minutes"] = kept_file.LOGGED
            text_holes["logged"] = kept_file.LOGGED
        if yesterday_moves:
            doc["yesterday_minutes"] = kept_file.YESTERDAY
    text = today_text(result, **text_holes)
    output = today_json(doc).decode("utf-8")
    for hole in (kept_file.TIMER_MINUTES, kept_file.LOGGED, kept_file.YESTERDAY):
        expected = int(hole == kept_file.TIMER_MINUTES and result.timer is not None)
        expected = expected or int(hole == kept_file.LOGGED and logged_moves)
        if text.count(hole) != expected:
            return None
        in_json = int(hole in doc["timer"].values()) if doc["timer"] else 0
        in_json += int(hole in (doc["capacity"]["logged_minutes"], doc["yesterday_minutes"]))
        if output.count(kept_file.json_hole(hole)) != in_json:
            return None
    return {
        "day": day.isoformat(),
        "start": _midnight(day, zone),
        "end": _midnight(day + timedelta(days=1), zone),
        "triage": result.to_kept_json(),
        "text": text,
        "json": output,
        "logged": result.capacity.logged_minutes,
        "logged_moves": logged_moves,
        "yesterday": result.yesterday_minutes,
        "yesterday_moves": yesterday_moves,
        "timer_minutes": result.timer["minutes"] if result.timer else 0,
    }


def _midnight(day: date, zone: ZoneInfo) -> int:
    """The start of ``day`` at home, as UTC epoch seconds."""
    return int(datetime.combine(day, datetime.min.time(), tzinfo=zone).timestamp())
