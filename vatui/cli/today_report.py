"""What ``vatui today`` prints: the full path, which opens the workspace and triages (no
click here: the executable's fast path calls it directly when no kept summary answers).

After printing it keeps the Today summary (``vatui.services.today.kept``) when the one on
disk does not answer for this moment, so that the next ``vatui today`` answers from it.
"""

from __future__ import annotations

import sys
import time

from vatui.cli.base import CliContext
from vatui.domain.triage import Triage
from vatui.services.today.report import today_json, today_text


def print_today(obj: CliContext, as_json: bool, on: str | None) -> None:
    """Triage today (or ``on``) and print it, as text or as the ``--json`` shape."""
    from vatui.services.today.triage import triage

    day = obj.parse_date(on) if on else None
    session = obj.session()
    result = session.run(triage, day)
    if as_json:
        sys.stdout.buffer.write(today_json(result.to_json()))
    else:
        sys.stdout.write(today_text(result))
    sys.stdout.flush()
    _keep(obj, result)


def _keep(obj: CliContext, printed: Triage | None) -> None:
    """Keep the summary unless the one on disk already answers now (``printed``: today's
    triage, just printed, reused)."""
    from vatui.services.today import kept_file

    now = time.time()
    doc = kept_file.valid_summary(obj.directory, now)
    if doc is not None and kept_file.day_of(doc, now) is not None:
        return
    from vatui.services.today.kept import keep_today

    session = obj.session()
    if not session.notices:  # a run that has more to say than Today is not kept
        keep_today(session, printed)
