"""The contact log: validation, which follow-ups a new contact clears, listing."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from vatui.domain.clients import Contact
from vatui.domain.clock import FixedClock
from vatui.domain.errors import InputError, RuleError
from vatui.services.clients import contacts as svc
from vatui.services.clients.manage import add_client
from vatui.store.workspace import Workspace

TODAY = date(2026, 11, 27)


@pytest.fixture
def acme(ws: Workspace) -> int:
    return add_client(ws, "Acme").id or 0


def test_log_now_and_on_a_past_day(ws: Workspace, acme: int) -> None:
    now = svc.log_contact(
        ws,
        acme,
        channel="WhatsApp",
        summary=" Call about launch ",
        direction="in",
        follow_up=date(2026, 12, 1),
    )
    assert now.at == ws.clock.now() and now.channel == "whatsapp" and now.direction == "in"
    assert now.summary == "Call about launch" and now.follow_up == date(2026, 12, 1)
    past = svc.log_contact(ws, acme, channel="email", summary="sent brief", on=date(2026, 11, 20))
    assert past.at == datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    assert [c.summary for c in svc.list_contacts(ws, acme)] == ["Call about launch", "sent brief"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"channel": "pigeon", "summary": "x"},
        {"channel": "email", "summary": "  "},
        {"channel": "email", "summary": "x", "direction": "sideways"},
        {"channel": "email", "summary": "x" * 2001},
        {"channel": "email", "summary": "x", "follow_up": date(2026, 11, 26)},
        {"channel": "email", "summary": "x", "on": date(2026, 11, 28)},
    ],
)
def test_bad_contacts_save_nothing(ws: Workspace, acme: int, kwargs: dict[str, object]) -> None:
    with pytest.raises(InputError):
        svc.log_contact(ws, acme, **kwargs)  # type: ignore[arg-type]
    assert ws.all(Contact) == []


def test_new_contact_clears_due_follow_ups_of_that_client_only(ws: Workspace, clock: FixedClock) -> None:
    a = add_client(ws, "Acme").id or 0
    b = add_client(ws, "Beta").id or 0
    clock.moment = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    due = svc.log_contact(ws, a, channel="email", summary="asked for logo", follow_up=date(2026, 11, 25))
    later = svc.log_contact(ws, a, channel="email", summary="chase invoice", follow_up=date(2026, 12, 4))
    other = svc.log_contact(ws, b, channel="email", summary="beta thing", follow_up=date(2026, 11, 24))
    clock.moment = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    new = svc.log_contact(ws, a, channel="phone", summary="got the logo", follow_up=date(2026, 11, 30))
    done = {c.id: c.follow_up_done for c in ws.all(Contact)}
    assert done == {due.id: True, later.id: False, other.id: False, new.id: False}
    open_ids = [c.id for c in svc.list_contacts(ws, open_only=True)]
    assert set(open_ids) == {later.id, other.id, new.id}
    ws.undo()
    assert {c.id: c.follow_up_done for c in ws.all(Contact)}[due.id] is False


def test_backdated_contact_clears_only_follow_ups_due_by_its_day(ws: Workspace, clock: FixedClock) -> None:
    a = add_client(ws, "Acme").id or 0
    clock.moment = datetime(2026, 11, 10, 10, 0, tzinfo=UTC)
    early = svc.log_contact(ws, a, channel="email", summary="one", follow_up=date(2026, 11, 12))
    late = svc.log_contact(ws, a, channel="email", summary="two", follow_up=date(2026, 11, 20))
    clock.moment = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    svc.log_contact(ws, a, channel="email", summary="back-dated", on=date(2026, 11, 15))
    done = {c.id: c.follow_up_done for c in ws.all(Contact)}
    assert done[early.id] is True and done[late.id] is False


def test_follow_up_done_and_reschedule(ws: Workspace, acme: int) -> None:
    c = svc.log_contact(ws, acme, channel="email", summary="x", follow_up=date(2026, 11, 30))
    assert svc.follow_up_done(ws, c.id or 0).follow_up_done
    moved = svc.reschedule_follow_up(ws, c.id or 0, date(2026, 12, 2))
    assert moved.follow_up == date(2026, 12, 2) and not moved.follow_up_done
    plain = svc.log_contact(ws, acme, channel="email", summary="y")
    with pytest.raises(RuleError):
        svc.follow_up_done(ws, plain.id or 0)
    with pytest.raises(InputError):
        svc.reschedule_follow_up(ws, c.id or 0, date(2026, 11, 1))


def test_last_contacts(ws: Workspace, acme: int, clock: FixedClock) -> None:
    svc.log_contact(ws, acme, channel="email", summary="x", on=date(2026, 11, 2))
    svc.log_contact(ws, acme, channel="email", summary="y")
    assert svc.last_contacts(ws) == {acme: clock.now()}
