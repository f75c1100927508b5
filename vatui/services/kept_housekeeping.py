"""The kept housekeeping stamp (``housekeeping.kept``): "the housekeeping done at open has
nothing left to do on this data, this day".

Every open (``services.session.open_workspace``) does the once-per-open housekeeping:
recurring expenses, drafts of recurring invoices, the automatic archive. When nothing is due
that costs a scan of the tasks, the expenses and the invoices, on every command, though its
answer can only change with the data or the day. So after a housekeeping that changed
nothing, the open keeps a stamp of what it saw, and the next open of the same data on the
same day at home skips it. The stamp is trusted only while its **key** holds:

- ``fingerprint``: ``lstat`` (inode, size, mtime_ns) of ``workspace.json``, of
  ``workspace.journal`` and of the ``archive`` folder (the kept Today summary's, plus the
  archive), taken *before* the open read anything and found the same after the
  housekeeping: a change by anyone in between keeps no stamp;
- ``day``: the day at home the housekeeping was done for (every rule is by day);
- ``environment`` and ``version``: as the kept Today summary's (``TZ`` can move the day
  at home; a new vatui may have new rules).

A stamp that is not a regular file of this user's, is too big, does not parse, or has any
other shape is ignored; one that cannot be written is not written. Never an error: at
worst the housekeeping runs, as it did before stamps.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from vatui.services.today import kept_file

NAME = "housekeeping.kept"
MAX_BYTES = 4096
"""A stamp is about two hundred bytes: anything bigger is not ours."""
Fingerprint = list[list[int] | None]


def stamp_path(directory: Path) -> Path:
    """Where the stamp of the workspace in ``directory`` is kept."""
    return directory / NAME


def fingerprint(directory: Path) -> Fingerprint | None:
    """The kept Today summary's fingerprint of the workspace files, and the archive folder's
    (a year file written or removed moves its ``mtime``); ``None`` when it cannot be taken
    (the data folder is a file, or cannot be read: the open itself says why)."""
    try:
        out = kept_file.fingerprint(directory)  # a missing file is ``None`` in it
    except OSError:
        return None
    try:
        st = os.lstat(directory / "archive")
    except FileNotFoundError:  # no archive yet
        return [*out, None]
    except OSError:
        return None
    return [*out, [st.st_ino, st.st_size, st.st_mtime_ns]]


def _key(before: Fingerprint | None, day: date) -> dict[str, Any]:
    return {
        "fingerprint": before,
        "day": day.isoformat(),
        "environment": kept_file.environment(),
        "version": kept_file.version(),
    }


def is_done(directory: Path, before: Fingerprint | None, day: date) -> bool:
    """Whether a stamp says the housekeeping of the data seen as ``before``, on ``day``, has
    nothing to do."""
    if before is None:
        return False
    raw = kept_file.read_own(stamp_path(directory), MAX_BYTES)
    if raw is None:
        return False
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError):
        return False
    return bool(doc == _key(before, day))


def keep(directory: Path, before: Fingerprint | None, day: date) -> None:
    """Stamp the housekeeping of ``day`` done on the data seen as ``before``, if the files
    are still as they were then (the housekeeping wrote nothing, nor did anyone else)."""
    if before is None or fingerprint(directory) != before or is_done(directory, before, day):
        return
    from vatui.store.files import atomic_write_bytes

    try:
        atomic_write_bytes(
            stamp_path(directory), json.dumps(_key(before, day)).encode(), 0o600, durable=False
        )
    except Exception:  # a stamp is an optimisation: never fail an open for it
        return
