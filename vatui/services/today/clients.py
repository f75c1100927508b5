"""Today's client sections: follow-ups due and clients past their contact cadence.

- **Follow-ups due** (``follow_ups``): contacts whose follow-up date is on or before the
  day and not done, of clients that are not archived; oldest first. Items are
  ``TriageItem(kind="contact", ref=<contact id>)``; the title is the contact's summary.
- **Past contact cadence** (``cadence``): active, not archived clients with a cadence
  whose last contact (on or before the day, home time) is more than ``cadence_days``
  ago; a client never contacted counts from the day it was added. Items are
  ``TriageItem(kind="client", ref=<client id>)``; longest silence first; ``alert`` past
  twice the cadence.

Both read raw documents in one pass each, so Today stays fast on a large workspace.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from vatui.domain.clients import channel_word
from vatui.domain.dates import clamp_moment
from vatui.domain.fold import sort_key
from vatui.i18n import _, ngettext
from vatui.services.queries import client_docs, contact_docs

if TYPE_CHECKING:
    from vatui.domain.triage import TriageItem, TriageSection
    from vatui.store.workspace import Workspace


def _days(n: int) -> str:
    return ngettext("{n} day", "{n} days", n).format(n=n)


def sections(ws: Workspace, on: date) -> list[TriageSection]:
    """The client sections of Today for ``on``."""
    from vatui.domain.triage import TriageSection

    clients = client_docs(ws)
    zone = ZoneInfo(ws.settings().home_timezone)
    day_end = datetime.combine(on + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC).isoformat()
    day_iso = on.isoformat()
    follow_ups: list[TriageItem] = []
    latest: dict[int, str] = {}
    for key, doc in contact_docs(ws).items():
        cid = doc.get("client_id")
        at = str(doc.get("at", ""))
        if isinstance(cid, int) and at < day_end and at > latest.get(cid, ""):
            latest[cid] = at
        due = doc.get("follow_up")
        if due is None or doc.get("follow_up_done") or due > day_iso:
            continue
        client = clients.get(str(cid))
        if client is None or client.get("archived"):
            continue
        follow_ups.append(_follow_up_item(int(key), doc, str(client.get("name", "")), on))
    follow_ups.sort(key=lambda i: (i.when or on, i.ref or 0))
    cadence = _cadence_items(clients, latest, on, zone)
    return [
        TriageSection("follow_ups", _("Follow-ups due"), tuple(follow_ups), _("No follow-ups due.")),
        TriageSection(
            "cadence", _("Past contact cadence"), tuple(cadence), _("Every client heard from in time.")
        ),
    ]


def _follow_up_item(contact_id: int, doc: Mapping[str, Any], client: str, on: date) -> TriageItem:
    from vatui.domain.triage import TriageItem

    due = date.fromisoformat(str(doc["follow_up"]))
    late = (on - due).days
    detail = _("follow up today") if late == 0 else _("follow-up {d} late").format(d=_days(late))
    channel = str(doc.get("channel", ""))
    if channel:
        detail = f"{detail} · {channel_word(channel)}"
    return TriageItem(
        "contact", contact_id, str(doc.get("summary", "")), client, detail, due, "warn" if late else "normal"
    )


def _cadence_items(
    clients: Mapping[str, Mapping[str, Any]],
    latest: dict[int, str],
    on: date,
    zone: ZoneInfo,
) -> list[TriageItem]:
    from vatui.domain.triage import TriageItem

    items: list[tuple[int, TriageItem]] = []
    for key, doc in clients.items():
        cadence = doc.get("cadence_days")
        if not cadence or doc.get("archived") or doc.get("status") != "active":
            continue
        cid = int(key)
        last = latest.get(cid)
        if last is not None:
            since = clamp_moment(datetime.fromisoformat(last)).astimezone(zone).date()
            detail = _("last contact {d} ago (every {c})")
        else:
            created = doc.get("created")
            if not created:
                continue
            since = clamp_moment(datetime.fromisoformat(str(created))).astimezone(zone).date()
            detail = _("no contact since added {d} ago (every {c})")
        silent = (on - since).days
        if silent <= cadence:
            continue
        level = "alert" if silent > 2 * cadence else "warn"
        name = str(doc.get("name", ""))
        items.append(
            (
                silent,
                TriageItem(
                    "client",
                    cid,
                    name,
                    name,
                    detail.format(d=_days(silent), c=_days(int(cadence))),
                    since,
                    level,
                ),
            )
        )
    items.sort(key=lambda pair: (-pair[0], sort_key(pair[1].title)))
    return [item for _silent, item in items]
