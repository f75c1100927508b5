"""The kept Today summary on disk (``today.kept``): its format, its key, and how it is read.

Light on purpose: a few modules of the standard library only (``json`` to read: importing
``orjson`` costs more than reading a summary with ``json``), so that ``vatui today`` can
answer from it without loading the store, the services or a date library
(``vatui.cli.today_fast``). What is kept and when is ``vatui.services.today.kept``.

The file holds the triage of today and of the next days, each day with its start and end
(UTC epoch seconds of midnight in ``home_timezone``), already rendered the way ``vatui
today`` prints it, and is trusted only while its **key** holds:

- ``fingerprint``: ``lstat`` (inode, size, mtime_ns) of ``workspace.json`` and of
  ``workspace.journal`` (missing: ``None``); every commit changes one of them;
- ``environment``: what picks the language and the look (``LANGUAGE``, ``LC_*``, ``LANG``,
  ``NO_COLOR``, ``TZ``);
- ``version``: vatui's version and this format's number;
- ``until``: the start of the first day on which the housekeeping done at open (recurring
  expenses, recurring invoice drafts, the automatic archive) has something to do.

A file that is not a regular file of this user's, is too big, does not parse, or has any
other shape is ignored: never trusted, never an error.
"""

from __future__ import annotations

import os
import stat

from vatui import __version__

TYPE_CHECKING = False  # not ``typing``: a few milliseconds more on every ``vatui today``

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

NAME = "today.kept"
FORMAT = 2
MAX_BYTES = 16 * 1024 * 1024
"""A summary bigger than this is not ours (a few hundred kilobytes at the largest)."""
WATCHED = ("workspace.json", "workspace.journal")
"""The files whose every change moves the fingerprint."""
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "TZ")
"""The variables that can change what ``vatui today`` prints."""
TIMER_MINUTES = "\x00vatui-kept:timer-minutes\x00"
"""Stands, in a kept text or JSON, for what moves with the clock: the running timer's minutes…"""
LOGGED = "\x00vatui-kept:logged\x00"
"""…the week's logged time (when the running timer counts in it)…"""
YESTERDAY = "\x00vatui-kept:yesterday\x00"
"""…and yesterday's minutes (when the running timer started yesterday)."""
HOLES = (TIMER_MINUTES, LOGGED, YESTERDAY)


def json_hole(hole: str) -> str:
    """How a placeholder reads in the kept ``--json`` output (a JSON string, quotes included)."""
    import json

    return json.dumps(hole)  # as orjson writes it: ``"\u0000…\u0000"``


def summary_path(directory: Path) -> Path:
    """Where the summary of the workspace in ``directory`` is kept."""
    return directory / NAME


def fingerprint(directory: Path) -> list[list[int] | None]:
    """``lstat`` (inode, size, mtime_ns) of each watched file; ``None`` for a missing one."""
    out: list[list[int] | None] = []
    for name in WATCHED:
        try:
            st = os.lstat(directory / name)
        except FileNotFoundError:
            out.append(None)
            continue
        out.append([st.st_ino, st.st_size, st.st_mtime_ns])
    return out


def rekey(directory: Path, before: list[list[int] | None], after: list[list[int] | None]) -> None:
    """After the journal was folded into ``workspace.json`` (no data changed, the lock held
    from ``before`` to ``after``): a summary keyed to ``before`` is keyed to ``after``, so
    the app's compaction as it ends does not throw away tomorrow morning's summary. Any
    other summary is left as it is (stale stays stale)."""
    doc = read_summary(directory)
    if doc is None or doc.get("fingerprint") != before or before == after:
        return
    import orjson

    from vatui.store.files import atomic_write_bytes

    doc["fingerprint"] = after
    try:
        atomic_write_bytes(summary_path(directory), orjson.dumps(doc), 0o600, durable=False)
    except Exception:  # a summary is an optimisation: never fail a close for it
        return


def environment() -> dict[str, str | None]:
    """The environment variables in the key, as they are now."""
    return {name: os.environ.get(name) for name in ENVIRONMENT}


def version() -> str:
    """vatui's version and this format's: a new vatui never trusts an old summary."""
    return f"{__version__}/{FORMAT}"


def read_summary(directory: Path) -> dict[str, Any] | None:
    """The summary kept in ``directory`` if it is one (shape checked, key not), else ``None``.

    Opened without following a link; refused unless a regular file of this user's, at
    most ``MAX_BYTES``."""
    raw = read_own(summary_path(directory), MAX_BYTES)
    if raw is None:
        return None
    import json

    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, nested too deep
        return None
    if not isinstance(doc, dict) or doc.get("version") != version():
        return None
    days = doc.get("days")
    if not isinstance(days, list) or not all(_day_shape(d) for d in days):
        return None
    if not isinstance(doc.get("until"), int | float) or not _timer_shape(doc.get("timer")):
        return None
    return doc


def read_own(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of a file vatui keeps beside the workspace, or ``None``: opened without
    following a link, read only if a regular file of this user's of at most ``max_bytes``."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_size > max_bytes:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(max_bytes + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


def _day_shape(day: Any) -> bool:
    return (
        isinstance(day, dict)
        and isinstance(day.get("day"), str)
        and isinstance(day.get("start"), int)
        and isinstance(day.get("end"), int)
        and isinstance(day.get("text"), str)
        and isinstance(day.get("json"), str)
        and isinstance(day.get("triage"), dict)
        and isinstance(day.get("logged"), int)
        and isinstance(day.get("logged_moves"), bool)
        and isinstance(day.get("yesterday"), int)
        and isinstance(day.get("yesterday_moves"), bool)
        and isinstance(day.get("timer_minutes"), int)
    )


def _timer_shape(timer: Any) -> bool:
    if timer is None:
        return True
    return isinstance(timer, dict) and isinstance(timer.get("started"), str)


def valid_summary(directory: Path, now: float) -> dict[str, Any] | None:
    """The summary in ``directory`` when its key holds at ``now`` (epoch seconds), else
    ``None``: same fingerprint, same environment, before the housekeeping is due."""
    doc = read_summary(directory)
    if doc is None or now >= doc["until"]:
        return None
    if doc.get("environment") != environment() or doc.get("fingerprint") != fingerprint(directory):
        return None
    return doc


def day_of(doc: dict[str, Any], now: float, on: str | None = None) -> dict[str, Any] | None:
    """The kept day to show at ``now``: today's (the day containing ``now``), or the day
    ``on`` (ISO) when today is kept too; ``None`` when either is missing."""
    today = next((d for d in doc["days"] if d["start"] <= now < d["end"]), None)
    if today is None or on is None:
        return today
    return next((d for d in doc["days"] if d["day"] == on), None)
