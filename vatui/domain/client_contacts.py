"""A client's people and channels as typed: checked, parsed from one line and written back
to one, and the preferred-channel rule that the app's form and the command line share.

Every check raises ``InputError`` with a one-line message before anything is saved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from vatui.domain.clients import CHANNEL_KINDS, Channel, Person
from vatui.domain.errors import InputError
from vatui.domain.text import (
    FIELD_SEPARATOR,
    LIST_SEPARATOR,
    check_text,
    escape,
    has_visible,
    split_escaped,
    unescape,
)
from vatui.i18n import _

MAX_SUMMARY = 2000
"""The longest summary accepted."""

MAX_HANDLE = 200
"""The longest handle, person's name, role or phone."""

CHANNEL_ALIASES = {
    "mail": "email",
    "e-mail": "email",
    "wa": "whatsapp",
    "whats": "whatsapp",
    "tg": "telegram",
    "tel": "phone",
    "call": "phone",
    "sms": "phone",
}
"""Other words accepted for a channel kind."""

_EMAIL_LOCAL_RE = re.compile(r"^[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*$")
_EMAIL_LABEL_RE = re.compile(r"^[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?$")


def check_email(email: str) -> str:
    """An e-mail address (``name@example.com``; letters of any script), or refused.

    Refused: no ``@`` or two, an empty or dotted-at-the-ends local part, ``..``, spaces,
    quotes, commas, brackets or control characters, a domain without a dot, a label that
    starts or ends with a hyphen, a top-level domain that is not letters, more than 254
    characters.
    """
    value = email.strip()
    local, at, domain = value.rpartition("@")
    labels = domain.split(".")
    if (
        not at
        or len(value) > 254
        or len(local) > 64
        or not _EMAIL_LOCAL_RE.match(local)
        or len(labels) < 2
        or not all(_EMAIL_LABEL_RE.match(label) for label in labels)
        or len(labels[-1]) < 2
        or not labels[-1].isalpha()
    ):
        raise InputError(_("{email!r} is not an e-mail address").format(email=email))
    return value


def check_channel_kind(kind: str) -> str:
    """A channel kind (``whatsapp``, ``email``…; a few aliases such as ``wa``), or refused."""
    value = kind.strip().lower()
    value = CHANNEL_ALIASES.get(value, value)
    if value not in CHANNEL_KINDS:
        raise InputError(
            _("channel must be one of {all}, not {k!r}").format(all=", ".join(CHANNEL_KINDS), k=kind)
        )
    return value


def check_preferred(preferred: str | None, channels: Iterable[Channel]) -> str | None:
    """The preferred channel kind, refused unless the client has a channel of that kind:
    the form and ``vatui client edit`` both refuse (nothing clears it behind the user's back).
    Empty: none."""
    if not preferred:
        return None
    if preferred not in {c.kind for c in channels}:
        raise InputError(
            _("the preferred channel {kind} is not one of the client's channels").format(kind=preferred)
        )
    return preferred


def parse_person(text: str) -> Person:
    """``Name|role|email|phone`` (trailing parts optional) as a ``Person``; a ``|`` or ``;``
    inside a part is written ``\\|`` / ``\\;`` (and a backslash ``\\\\``)."""
    parts = [unescape(p.strip()) for p in split_escaped(text, FIELD_SEPARATOR)]
    if len(parts) > 4:
        raise InputError(_("a person is Name|role|email|phone, not {text!r}").format(text=text))
    parts += [""] * (4 - len(parts))
    return check_person(Person(name=parts[0], role=parts[1], email=parts[2], phone=parts[3]))


def check_person(person: Person) -> Person:
    """A person with a name, a valid e-mail (if any), short fields."""
    name = check_text(person.name, _("a person's name"), MAX_HANDLE)
    if not has_visible(name):
        raise InputError(_("a person needs a name"))
    role = check_text(person.role, _("a person's role"), MAX_HANDLE)
    phone = check_text(person.phone, _("a person's phone"), MAX_HANDLE)
    email = check_email(person.email) if person.email.strip() else ""
    return person.with_(name=name, role=role, email=email, phone=phone)


def parse_channel(text: str) -> Channel:
    """``kind:handle`` (``whatsapp:+34 600 000 000``) as a ``Channel``; the handle is taken as
    typed (any character but controls, ``;`` included: a list of channels on one line escapes
    it, see ``channels_line``)."""
    kind, sep, handle = text.partition(":")
    if not sep:
        raise InputError(
            _("a channel is kind:handle, like whatsapp:+34600000000, not {text!r}").format(text=text)
        )
    return check_channel(Channel(kind=kind, handle=handle))


def check_channel(channel: Channel) -> Channel:
    """A channel of a known kind with a handle (an address for e-mail)."""
    kind = check_channel_kind(channel.kind)
    handle = check_text(channel.handle, _("the {kind} handle").format(kind=kind), MAX_HANDLE)
    if not handle:
        raise InputError(_("the {kind} channel needs a handle").format(kind=kind))
    if kind == "email":
        handle = check_email(handle)
    return Channel(kind=kind, handle=handle)


def unique_channels(channels: Iterable[Channel]) -> tuple[Channel, ...]:
    """``channels`` without repeats (same kind and handle), in order."""
    out: list[Channel] = []
    for channel in channels:
        if all((c.kind, c.handle) != (channel.kind, channel.handle) for c in out):
            out.append(channel)
    return tuple(out)


def channels_line(channels: Iterable[Channel]) -> str:
    """Channels on one line, ``kind:handle; kind:handle``, each ``;`` or backslash in a
    handle escaped: ``read_channels`` gives them back as they were."""
    return "; ".join(f"{c.kind}:{escape(c.handle, LIST_SEPARATOR)}" for c in channels)


def read_channels(text: str) -> tuple[Channel, ...]:
    """The channels of a ``channels_line`` (an unescaped ``;`` separates two)."""
    return tuple(
        parse_channel(unescape(part.strip())) for part in split_escaped(text, LIST_SEPARATOR) if part.strip()
    )


def people_line(people: Iterable[Person]) -> str:
    """People on one line, ``Name|role|email|phone; ...``, each ``|``, ``;`` or backslash in
    a field escaped: ``read_people`` gives them back as they were."""

    def one(p: Person) -> str:
        fields = [p.name, p.role, p.email, p.phone]
        while len(fields) > 1 and not fields[-1]:
            fields.pop()
        return FIELD_SEPARATOR.join(escape(f) for f in fields)

    return "; ".join(one(p) for p in people)


def read_people(text: str) -> tuple[Person, ...]:
    """The people of a ``people_line`` (an unescaped ``;`` separates two)."""
    return tuple(parse_person(part.strip()) for part in split_escaped(text, LIST_SEPARATOR) if part.strip())


def check_summary(summary: str) -> str:
    """A non-empty summary of reasonable length, without control characters."""
    value = check_text(summary, _("the summary"), MAX_SUMMARY, multiline=True)
    if not value:
        raise InputError(_("a contact needs a summary of what was said"))
    return value
