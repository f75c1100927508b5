"""Changes to a record, as the user meant them: applied to the record read inside the lock.

A change never carries a whole record read earlier (that would put back what another
session changed meanwhile). It names the fields it sets, and for list fields what it
adds and removes, so that two sessions changing one record at once both keep their
change: twelve notes added at once are twelve notes; a form saved untouched changes
nothing. ``between`` turns a form's values as opened and as saved into such a change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from vatui.domain.clients import Channel, Client, Note, Person, VettingCheck
from vatui.domain.tasks import ChecklistItem, Task

CLIENT_LISTS = ("notes", "tags", "people", "channels", "vetting")
"""Client fields that are lists: a change adds to or removes from them."""

TASK_LISTS = ("tags", "checklist")
"""Task fields that are lists."""


def _diff(before: Iterable[Any], after: Iterable[Any]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(added, removed): what ``after`` has that ``before`` had not, and the reverse, in order."""
    old, new = list(before), list(after)
    return tuple(x for x in new if x not in old), tuple(x for x in old if x not in new)


def merge_tags(current: Iterable[str], added: Iterable[str], removed: Iterable[str]) -> tuple[str, ...]:
    """``current`` without ``removed``, then ``added`` at the end; no duplicates, order kept."""
    drop = set(removed)
    return tuple(dict.fromkeys([*(t for t in current if t not in drop), *added]))


def _scalars(
    before: Mapping[str, Any] | None, after: Mapping[str, Any], lists: tuple[str, ...]
) -> dict[str, Any]:
    return {
        k: v
        for k, v in after.items()
        if k not in lists and (before is None or k not in before or before[k] != v)
    }


@dataclass(frozen=True, slots=True, kw_only=True)
class ClientChanges:
    """What to change on a client; fields not named are left as they are in the store."""

    values: Mapping[str, Any] = field(default_factory=dict)
    """Fields to set (a list field named here is replaced whole: only for an explicit 'set to')."""
    notes_added: tuple[Note, ...] = ()
    """Notes to add at the end."""
    tags_added: tuple[str, ...] = ()
    """Tags to add (already cleaned)."""
    tags_removed: tuple[str, ...] = ()
    """Tags to remove."""
    people_added: tuple[Person, ...] = ()
    """People to add; one with the name of someone there replaces them."""
    people_removed: tuple[str, ...] = ()
    """Names of people to remove (case-insensitive)."""
    channels_added: tuple[Channel, ...] = ()
    """Channels to add (a channel already there is not doubled)."""
    channels_removed: tuple[Channel, ...] = ()
    """Channels to remove; an empty handle removes every channel of that kind."""
    email: str | None = None
    """An e-mail address to put first among the channels (the client's main address)."""
    vetting_set: tuple[VettingCheck, ...] = ()
    """Vetting items to tick (or re-date)."""
    vetting_removed: tuple[str, ...] = ()
    """Vetting keys to untick."""

    @property
    def touches_channels(self) -> bool:
        """Whether the change sets the channels or the preferred channel, or adds or removes one."""
        return bool(
            "channels" in self.values
            or "preferred_channel" in self.values
            or self.channels_added
            or self.channels_removed
            or self.email
        )

    @property
    def empty(self) -> bool:
        """Whether the change changes nothing at all."""
        return not (
            self.values
            or self.notes_added
            or self.tags_added
            or self.tags_removed
            or self.people_added
            or self.people_removed
            or self.channels_added
            or self.channels_removed
            or self.email
            or self.vetting_set
            or self.vetting_removed
        )

    @classmethod
    def between(
        cls, before: Mapping[str, Any] | None, after: Mapping[str, Any], notes_added: tuple[Note, ...] = ()
    ) -> ClientChanges:
        """The change from a form's values as opened (``before``) to its values as saved.

        Only fields whose value differs are set; list fields become additions and removals,
        so what another session added meanwhile stays. With no ``before`` every field is set.
        """
        if before is None:
            return cls(values=dict(after), notes_added=notes_added)
        tags = _diff(before.get("tags", ()), after.get("tags", ()))
        people = _diff(before.get("people", ()), after.get("people", ()))
        channels = _diff(before.get("channels", ()), after.get("channels", ()))
        vetting = _diff(before.get("vetting", ()), after.get("vetting", ()))
        kept = {v.key for v in after.get("vetting", ())}
        new_channels = tuple(after.get("channels", ()))
        first = next((c.handle for c in new_channels if c.kind == "email"), None)
        old_first = next((c.handle for c in before.get("channels", ()) if c.kind == "email"), None)
        return cls(
            values=_scalars(before, after, CLIENT_LISTS),
            notes_added=notes_added,
            tags_added=tags[0],
            tags_removed=tags[1],
            people_added=people[0],
            people_removed=tuple(
                p.name for p in people[1] if p.name.lower() not in {a.name.lower() for a in people[0]}
            ),
            channels_added=channels[0],
            channels_removed=channels[1],
            email=first if first is not None and first != old_first else None,
            vetting_set=vetting[0],
            vetting_removed=tuple(v.key for v in vetting[1] if v.key not in kept),
        )

    def apply(self, client: Client) -> Client:
        """``client`` (as read inside the lock) with this change made.

        The billing contact is cleared when that person went away (invoices then go to
        the first person), unless this change sets it (the caller checks it is one of the
        people). The preferred channel is never cleared: when its channel went away the
        caller refuses the change (``client_contacts.check_preferred``).
        """
        merged = client.with_(**self.values) if self.values else client
        people = [p for p in merged.people if p.name.lower() not in {n.lower() for n in self.people_removed}]
        for person in self.people_added:
            same = [i for i, p in enumerate(people) if p.name.lower() == person.name.lower()]
            if same:
                people[same[0]] = person
            else:
                people.append(person)
        channels = [
            c
            for c in merged.channels
            if not any(
                r.kind == c.kind and (not r.handle or r.handle == c.handle) for r in self.channels_removed
            )
        ]
        for channel in self.channels_added:
            if channel not in channels:
                channels.append(channel)
        if self.email:
            main = Channel(kind="email", handle=self.email)
            channels = [main, *(c for c in channels if c != main)]
        vetting = {v.key: v for v in merged.vetting if v.key not in self.vetting_removed}
        vetting.update({v.key: v for v in self.vetting_set})
        merged = merged.with_(
            notes=(*merged.notes, *self.notes_added),
            tags=merge_tags(merged.tags, self.tags_added, self.tags_removed),
            people=tuple(people),
            channels=tuple(channels),
            vetting=tuple(sorted(vetting.values(), key=lambda v: _vetting_order(v.key))),
        )
        if (
            "billing_contact" not in self.values
            and merged.billing_contact
            and merged.billing_contact.casefold() not in {p.name.casefold() for p in people}
        ):
            merged = merged.with_(billing_contact="")
        return merged


def _vetting_order(key: str) -> int:
    from vatui.domain.clients import VETTING_KEYS

    return VETTING_KEYS.index(key) if key in VETTING_KEYS else len(VETTING_KEYS)


@dataclass(frozen=True, slots=True, kw_only=True)
class TaskChanges:
    """What to change on a task; fields not named are left as they are in the store."""

    values: Mapping[str, Any] = field(default_factory=dict)
    """Fields to set (``tags`` or ``checklist`` named here are replaced whole)."""
    tags_added: tuple[str, ...] = ()
    """Tags to add."""
    tags_removed: tuple[str, ...] = ()
    """Tags to remove."""
    checklist_added: tuple[ChecklistItem, ...] = ()
    """Checklist lines to add at the end."""
    checklist_removed: tuple[str, ...] = ()
    """Texts of checklist lines to remove."""

    @property
    def empty(self) -> bool:
        """Whether the change changes nothing at all."""
        return not (
            self.values
            or self.tags_added
            or self.tags_removed
            or self.checklist_added
            or self.checklist_removed
        )

    @classmethod
    def between(cls, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> TaskChanges:
        """The change from a form's values as opened to its values as saved (see ``ClientChanges``)."""
        if before is None:
            return cls(values=dict(after))
        tags = _diff(before.get("tags", ()), after.get("tags", ()))
        checklist = _diff(before.get("checklist", ()), after.get("checklist", ()))
        return cls(
            values=_scalars(before, after, TASK_LISTS),
            tags_added=tags[0],
            tags_removed=tags[1],
            checklist_added=checklist[0],
            checklist_removed=tuple(i.text for i in checklist[1]),
        )

    def apply(self, task: Task) -> Task:
        """``task`` (as read inside the lock) with this change made."""
        merged = task.with_(**self.values) if self.values else task
        checklist = [i for i in merged.checklist if i.text not in self.checklist_removed]
        checklist += [i for i in self.checklist_added if i not in checklist]
        return merged.with_(
            tags=merge_tags(merged.tags, self.tags_added, self.tags_removed), checklist=tuple(checklist)
        )
