"""What Today's first frame is painted from: the kept Today summary, read before the
workspace is open (``vatui.services.today.kept``; ``vatui today`` and the app keep it).

Read on the event loop before the first frame, so it must cost next to nothing: the
summary's file and key are checked by ``kept_file`` (the standard library and orjson), the
triage is rebuilt by the domain (``Triage.from_json``); neither the store nor the services
are imported. Only a summary with a running timer takes ``kept.kept_triage`` itself (its
minutes move with the clock, and that rule is kept there, once).

The app still opens the workspace behind it and shows the full triage when it comes; until
then the keys typed wait (the type-ahead queue), so nothing acts on a workspace not open.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from vatui import i18n
from vatui.domain.triage import Triage
from vatui.i18n import _
from vatui.services.today import kept_file


def kept_today(directory: Path, now: datetime) -> Triage | None:
    """The kept triage of today for ``now``, when the summary in ``directory`` is valid;
    ``None`` otherwise (the app waits for the workspace). Never raises."""
    moment = now.timestamp()
    if abs(moment - datetime.now(UTC).timestamp()) > 5.0:
        return None  # a clock that is not the real one (tests, --on): never a kept day
    doc = kept_file.valid_summary(directory, moment)
    if doc is None:
        return None
    if doc["timer"] is not None:  # its minutes move with the clock: the one rule is there
        from vatui.services.today.kept import kept_triage

        result = kept_triage(directory, now)
    else:
        day = kept_file.day_of(doc, moment)
        if day is None:
            return None
        try:
            result = Triage.from_json(day["triage"])
        except (ValueError, KeyError, TypeError):
            return None
    return result


def language_of(result: Triage) -> str | None:
    """The language ``result`` was made in (the language in use when it cannot tell),
    ``None`` when none vatui speaks.

    A workspace whose ``language`` setting differs from the environment's is kept in its
    own language, which the app would otherwise speak only once the workspace is open (its
    settings read): the app switches to it before the first frame, so that Today does not
    mix two languages. The section headings tell which it is."""
    overdue = next((s for s in result.sections if s.key == "overdue"), None)
    if overdue is None or overdue.title == _("Overdue"):
        return i18n.language()
    for code in i18n.LANGUAGES:
        with i18n.language_of(code):
            if overdue.title == _("Overdue"):
                return code
    return None
