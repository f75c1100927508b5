"""Typed changes (``ClientChanges``, ``TaskChanges``): applied to the record as it is now,
they keep what another session changed meanwhile; ``between`` sends only what differs."""

from __future__ import annotations

from datetime import UTC, date, datetime

from vatui.domain.changes import ClientChanges, TaskChanges, merge_tags
from vatui.domain.clients import Channel, Client, Note, Person, VettingCheck
from vatui.domain.money import Money
from vatui.domain.tasks import ChecklistItem, Task

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def client(**fields: object) -> Client:
    return Client(name="Acme", created=NOW, updated=NOW, **fields)  # type: ignore[arg-type]


def note(text: str) -> Note:
    return Note(text=text, created=NOW)


def test_additions_land_on_the_record_as_it_is_now() -> None:
    # read by the change's author: no notes, tag "a"; meanwhile another session added a note and a tag
    now = client(notes=(note("theirs"),), tags=("a", "theirs"))
    mine = ClientChanges(notes_added=(note("mine"),), tags_added=("mine",), tags_removed=("a",))
    merged = mine.apply(now)
    assert [n.text for n in merged.notes] == ["theirs", "mine"]
    assert merged.tags == ("theirs", "mine")


def test_people_channels_and_vetting_merge() -> None:
    ann, bob = Person(name="Ann", role="owner"), Person(name="Bob")
    now = client(
        people=(ann, bob),
        channels=(Channel(kind="slack", handle="#acme"), Channel(kind="email", handle="old@acme.test")),
        preferred_channel="slack",
        vetting=(VettingCheck(key="nda", done_on=date(2026, 1, 1)),),
    )
    change = ClientChanges(
        people_added=(Person(name="ann", role="billing"), Person(name="Cy")),
        people_removed=("BOB",),
        channels_added=(Channel(kind="whatsapp", handle="+1"),),
        channels_removed=(Channel(kind="slack", handle=""),),
        email="new@acme.test",
        vetting_set=(VettingCheck(key="contract", done_on=date(2026, 11, 27)),),
    )
    merged = change.apply(now)
    assert [(p.name, p.role) for p in merged.people] == [("ann", "billing"), ("Cy", "")]
    assert [(c.kind, c.handle) for c in merged.channels] == [
        ("email", "new@acme.test"),
        ("email", "old@acme.test"),
        ("whatsapp", "+1"),
    ]
    assert merged.preferred_channel == "slack", "never cleared behind the user's back: the caller refuses"
    assert [v.key for v in merged.vetting] == ["contract", "nda"]


def test_between_an_untouched_form_changes_nothing() -> None:
    values = {
        "name": "Acme",
        "hourly_rate": Money(1000, "USD"),
        "tags": ("a",),
        "people": (Person(name="Ann"),),
        "channels": (),
        "vetting": (),
    }
    change = ClientChanges.between(values, dict(values))
    assert change.empty
    assert change.apply(client(tags=("a", "theirs"), hourly_rate=Money(9900, "USD"))) == client(
        tags=("a", "theirs"), hourly_rate=Money(9900, "USD")
    )


def test_between_sends_only_what_differs() -> None:
    before = {
        "name": "Acme",
        "terms_days": 14,
        "tags": ("a", "b"),
        "people": (Person(name="Ann"),),
        "channels": (Channel(kind="email", handle="a@x.test"), Channel(kind="slack", handle="#x")),
        "vetting": (),
    }
    after = {
        **before,
        "terms_days": 30,
        "tags": ("b", "c"),
        "people": (Person(name="Ann", role="owner"),),
        "channels": (Channel(kind="email", handle="b@x.test"), Channel(kind="slack", handle="#x")),
    }
    change = ClientChanges.between(before, after)
    assert dict(change.values) == {"terms_days": 30}
    assert change.tags_added == ("c",) and change.tags_removed == ("a",)
    assert change.people_added == (Person(name="Ann", role="owner"),) and change.people_removed == ()
    assert change.channels_removed == (Channel(kind="email", handle="a@x.test"),)
    assert change.email == "b@x.test"
    now = client(
        terms_days=14,
        hourly_rate=Money(9900, "USD"),
        tags=("a", "b", "theirs"),
        channels=(
            Channel(kind="email", handle="a@x.test"),
            Channel(kind="slack", handle="#x"),
            Channel(kind="phone", handle="555"),
        ),
    )
    merged = change.apply(now)
    assert merged.terms_days == 30 and merged.hourly_rate == Money(9900, "USD")
    assert merged.tags == ("b", "theirs", "c")
    assert merged.email == "b@x.test"
    assert Channel(kind="phone", handle="555") in merged.channels


def test_merge_tags_keeps_order_without_duplicates() -> None:
    assert merge_tags(("a", "b"), ("b", "c"), ("a",)) == ("b", "c")


def test_task_changes_merge_tags_and_checklist_and_set_only_what_differs() -> None:
    task = Task(
        title="Plan",
        tags=("a", "theirs"),
        notes="their notes",
        created=NOW,
        updated=NOW,
        checklist=(ChecklistItem(text="one"), ChecklistItem(text="theirs")),
    )
    before = {"title": "Plan", "notes": "old", "tags": ("a",), "due": None}
    after = {"title": "Plan v2", "notes": "old", "tags": ("a", "mine"), "due": None}
    change = TaskChanges.between(before, after)
    assert dict(change.values) == {"title": "Plan v2"}
    merged = TaskChanges(
        values=change.values,
        tags_added=change.tags_added,
        checklist_added=(ChecklistItem(text="mine"),),
        checklist_removed=("one",),
    ).apply(task)
    assert merged.title == "Plan v2" and merged.notes == "their notes"
    assert merged.tags == ("a", "theirs", "mine")
    assert [i.text for i in merged.checklist] == ["theirs", "mine"]
