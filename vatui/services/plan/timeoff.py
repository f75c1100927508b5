"""Time off: add, list and delete days off (the forecast takes them off the available hours)."""

from __future__ import annotations

from datetime import date

from vatui.domain.timeoff import TimeOff, check_note, check_range
from vatui.i18n import _
from vatui.store.workspace import Workspace


def add_timeoff(ws: Workspace, start: date, end: date, note: str = "") -> TimeOff:
    """Record days off from ``start`` to ``end`` (both included); ``InputError`` when ``end``
    is before ``start``, a date is out of range or the note holds a control character."""
    check_range(start, end)
    text = check_note(note)
    label = _("time off {start} – {end}").format(start=start.isoformat(), end=end.isoformat())
    with ws.transaction(label) as tx:
        return tx.add(TimeOff(start=start, end=end, note=text))


def list_timeoff(ws: Workspace, *, first: date | None = None, last: date | None = None) -> list[TimeOff]:
    """Time off, earliest first; only ranges touching ``first``…``last`` when given."""
    found = [
        t for t in ws.all(TimeOff) if (first is None or t.end >= first) and (last is None or t.start <= last)
    ]
    return sorted(found, key=lambda t: (t.start, t.end, t.id or 0))


def delete_timeoff(ws: Workspace, timeoff_id: int) -> TimeOff:
    """Delete a time-off record (undoable); ``NotFoundError`` when there is none."""
    found = ws.get(TimeOff, timeoff_id)
    label = _("delete time off {start} – {end}").format(
        start=found.start.isoformat(), end=found.end.isoformat()
    )
    with ws.transaction(label) as tx:
        record = tx.get(TimeOff, timeoff_id)
        tx.delete(TimeOff, timeoff_id)
    return record


def timeoff_json(record: TimeOff) -> dict[str, object]:
    """The stable ``--json`` shape of a time-off record."""
    return {
        "id": record.id,
        "from": record.start.isoformat(),
        "to": record.end.isoformat(),
        "note": record.note,
    }
