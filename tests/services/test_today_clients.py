"""Today's client sections: follow-ups due and clients past their contact cadence."""

from __future__ import annotations

from datetime import UTC, date, datetime

from vatui.domain.clock import FixedClock
from vatui.services.clients.contacts import log_contact
from vatui.services.clients.manage import add_client, archive_client
from vatui.services.today.triage import triage
from vatui.store.workspace import Workspace


def section(ws: Workspace, key: str, on: date | None = None) -> list[tuple[str, int | None, str]]:
    result = triage(ws, on)
    found = next(s for s in result.sections if s.key == key)
    return [(i.kind, i.ref, i.title) for i in found.items]


def test_follow_up_shows_the_day_it_is_due_and_clears(ws: Workspace, clock: FixedClock) -> None:
    acme = add_client(ws, "Acme", status="active").id or 0
    call = log_contact(ws, acme, channel="whatsapp", summary="Call about launch", follow_up=date(2026, 12, 2))
    assert section(ws, "follow_ups") == []
    assert section(ws, "follow_ups", date(2026, 12, 1)) == []
    assert section(ws, "follow_ups", date(2026, 12, 2)) == [("contact", call.id, "Call about launch")]
    item = next(s for s in triage(ws, date(2026, 12, 4)).sections if s.key == "follow_ups").items[0]
    assert item.client == "Acme" and item.detail.startswith("follow-up 2 days late") and item.level == "warn"
    clock.moment = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    log_contact(ws, acme, channel="whatsapp", summary="Followed up")
    assert section(ws, "follow_ups", date(2026, 12, 2)) == []


def test_archived_clients_follow_ups_hidden(ws: Workspace) -> None:
    acme = add_client(ws, "Acme").id or 0
    log_contact(ws, acme, channel="email", summary="x", follow_up=date(2026, 11, 27))
    assert len(section(ws, "follow_ups")) == 1
    archive_client(ws, acme)
    assert section(ws, "follow_ups") == []


def test_past_cadence(ws: Workspace, clock: FixedClock) -> None:
    clock.moment = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    quiet = add_client(ws, "Quiet", status="active", cadence_days=7).id or 0
    fresh = add_client(ws, "Fresh", status="active", cadence_days=7).id or 0
    add_client(ws, "Lead", status="lead", cadence_days=1)
    add_client(ws, "NoCadence", status="active")
    log_contact(ws, quiet, channel="email", summary="hi")
    clock.moment = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    log_contact(ws, fresh, channel="email", summary="hi")
    result = next(s for s in triage(ws).sections if s.key == "cadence")
    assert [(i.kind, i.ref) for i in result.items] == [("client", quiet)]
    assert result.items[0].detail == "last contact 26 days ago (every 7 days)"
    assert result.items[0].level == "alert"
    # On an earlier day, later contacts do not count and Fresh (added Nov 1) was past cadence too.
    assert {ref for _k, ref, _t in section(ws, "cadence", date(2026, 11, 20))} == {quiet, fresh}
    log_contact(ws, quiet, channel="email", summary="back in touch")
    assert section(ws, "cadence") == []


def test_today_json_has_the_client_sections(ws: Workspace) -> None:
    data = triage(ws).to_json()
    keys = [s["key"] for s in data["sections"]]
    assert "follow_ups" in keys and "cadence" in keys
