"""Checking and converting a client's fields: names, statuses, zones, e-mail, people,
channels, vetting, money, tags. Every check raises ``InputError`` with a message for the
user before anything is saved; ``normalise`` runs them over a dict of fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from vatui.domain import billing
from vatui.domain.clients import (
    CHANNEL_KINDS,
    STATUSES,
    VETTING_KEYS,
    Channel,
    Client,
    Note,
    Person,
    VettingCheck,
)
from vatui.domain.errors import InputError
from vatui.domain.localtime import check_zone, parse_hhmm
from vatui.domain.money import Money, check_currency
from vatui.domain.numbers import NumberFormat, parse_decimal
from vatui.domain.text import (
    FIELD_SEPARATOR,
    LIST_SEPARATOR,
    check_tag,
    check_text,
    escape,
    has_visible,
    split_escaped,
    unescape,
)
from vatui.i18n import _
from vatui.store.workspace import Workspace

MAX_NAME = 200
MAX_NOTE = 5000
MAX_HANDLE = 200

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

VETTING_ALIASES = {
    "contract_signed": "contract",
    "deposit_agreed": "deposit",
    "refs": "references",
    "billing": "billing_contact",
    "billing_contact_confirmed": "billing_contact",
}
"""Other words accepted for a vetting key (hyphens and spaces count as underscores)."""

_NULLABLE = (
    "timezone",
    "hourly_rate",
    "retainer_fee",
    "retainer_minutes",
    "cadence_days",
    "late_fee_percent",
    "preferred_channel",
)


def check_name(name: str) -> str:
    """A client name, stripped; empty (or only invisible), overlong names and control
    characters are refused."""
    stripped = check_text(name, _("the name"), MAX_NAME)
    if not has_visible(stripped):
        raise InputError(_("a client needs a name"))
    return stripped


def check_status(status: str) -> str:
    """One of the pipeline statuses, or refused."""
    value = status.strip().lower()
    if value not in STATUSES:
        raise InputError(
            _("status must be one of {all}, not {s!r}").format(all=", ".join(STATUSES), s=status)
        )
    return value


def check_client_language(text: str) -> str:
    """A client's language (``en``, ``es``); empty or ``auto``: the VA's own."""
    from vatui.domain.settings_rules import RULES

    return str(RULES["language"].parse(text))


def check_client_number_format(text: str) -> str:
    """A client's number format (``1,234.56``, ``1.234,56``, ``1 234,56``); empty or ``auto``: the VA's own."""
    from vatui.domain.settings_rules import RULES

    return str(RULES["number_format"].parse(text))


def check_timezone(name: str) -> str:
    """A tz database name (``Europe/Madrid``), or refused."""
    return check_zone(name)


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


def check_percent(value: int, what: str) -> int:
    """A whole percentage from 0 to 100."""
    if not 0 <= value <= 100:
        raise InputError(_("{what} must be between 0 and 100 %").format(what=what))
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


def check_vetting_key(key: str) -> str:
    """A vetting checklist key (``contract``, ``billing-contact``…), or refused."""
    value = re.sub(r"[\s-]+", "_", key.strip().lower())
    value = VETTING_ALIASES.get(value, value)
    if value not in VETTING_KEYS:
        raise InputError(
            _("vetting item must be one of {all}, not {k!r}").format(all=", ".join(VETTING_KEYS), k=key)
        )
    return value


def parse_late_fee(text: str, setting: bool | NumberFormat = False) -> str | None:
    """A late-fee percentage (``1.5``, ``2 %``; ``1,5`` with a decimal comma) as an exact
    decimal string; ``0`` means none. Read by the one number parser (``1e1`` is refused)."""
    raw = text.strip()
    raw = raw[:-1] if raw.endswith("%") else raw
    value = parse_decimal(raw, setting, places=2, maximum=Decimal(100), what=_("a late fee"))
    if value == 0:
        return None
    return format(value.normalize(), "f")


def parse_retainer_hours(text: str, setting: bool | NumberFormat = False) -> int | None:
    """Retainer hours per month (``20``, ``7.5``, ``20h30m``) as minutes; ``0`` means none."""
    raw = text.strip()
    if re.fullmatch(r"[0-9.,]+", raw):
        minutes = parse_decimal(raw, setting, places=4, maximum=Decimal(744), what=_("retainer hours")) * 60
        if minutes != minutes.to_integral_value():
            raise InputError(_("{text!r}: retainer hours must come to whole minutes").format(text=text))
        result = int(minutes)
    else:
        from vatui.domain.durations import parse_duration

        result = parse_duration(raw, setting)
    if result > 744 * 60:
        raise InputError(_("a month has at most 744 hours"))
    return result or None


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


def parse_vet(text: str, today: date, date_order: str = "") -> VettingCheck:
    """``contract`` or ``contract:DATE`` (any date syntax; today by default) as a ticked check."""
    key, sep, when = text.partition(":")
    on = today
    if sep and when.strip():
        from vatui.domain.dates import parse_date

        on = parse_date(when.strip(), today, date_order)
    if on > today:
        raise InputError(_("a vetting check cannot be dated in the future"))
    return VettingCheck(key=check_vetting_key(key), done_on=on)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags lower-cased, without ``#``, spaces or duplicates, in order."""
    out: list[str] = []
    for tag in tags:
        value = check_tag(tag)
        if not value:
            continue
        if value not in out:
            out.append(value)
    return tuple(out)


def make_note(ws: Workspace, text: str, confidential: bool = False) -> Note:
    """A new note, written now; empty or overlong notes and control characters are refused."""
    value = check_text(text, _("the note"), MAX_NOTE, multiline=True)
    if not value:
        raise InputError(_("the note is empty"))
    return Note(text=value, confidential=confidential, created=ws.clock.now())


def _check_money(value: Any, what: str) -> Money | None:
    if value is None:
        return None
    if not isinstance(value, Money):
        raise InputError(_("{what} must be an amount").format(what=what))
    if value.minor < 0:
        raise InputError(_("{what} cannot be negative").format(what=what))
    return value


def _check_days(key: str, value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or value < 0 or value > 3650:
        raise InputError(_("{what} must be between 0 and 3650 days").format(what=key.split("_")[0]))
    if key == "cadence_days" and value == 0:
        return None
    return value


def normalise(ws: Workspace, fields: dict[str, Any]) -> dict[str, Any]:
    """Check and convert every field a caller may set; raises before anything is saved."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if value is None and key not in _NULLABLE:
            continue
        if key == "name":
            out[key] = check_name(value)
        elif key == "status":
            out[key] = check_status(value)
        elif key == "timezone":
            out[key] = check_timezone(value) if value else None
        elif key == "currency":
            out[key] = check_currency(value)
        elif key == "language":
            out[key] = check_client_language(value)
        elif key == "number_format":
            out[key] = check_client_number_format(value)
        elif key in ("terms_days", "cadence_days", "late_fee_grace_days"):
            out[key] = _check_days(key, value)
        elif key == "deposit_percent":
            out[key] = check_percent(value, _("the deposit"))
        elif key == "preferred_channel":
            out[key] = check_channel_kind(value) if value else None
        elif key in ("work_start", "work_end"):
            minutes = parse_hhmm(value)
            out[key] = f"{minutes // 60:02d}:{minutes % 60:02d}"
        elif key in ("hourly_rate", "retainer_fee"):
            out[key] = _check_money(value, _("the rate") if key == "hourly_rate" else _("the retainer fee"))
        elif key == "retainer_minutes":
            if value is not None and (not isinstance(value, int) or value < 0 or value > 744 * 60):
                raise InputError(_("retainer hours must be between 0 and 744 a month"))
            out[key] = value or None
        elif key == "late_fee_percent":
            out[key] = parse_late_fee(str(value)) if value is not None else None
        elif key == "people":
            out[key] = tuple(check_person(p) for p in value)
        elif key == "channels":
            out[key] = _unique_channels(check_channel(c) for c in value)
        elif key == "vetting":
            out[key] = _unique_vetting(value)
        elif key == "notes":
            out[key] = tuple(value)
        elif key == "tags":
            out[key] = clean_tags(value)
        elif key == "archived":
            out[key] = bool(value)
        elif key in _BILLING_CHECKS:
            out[key] = _BILLING_CHECKS[key](value)
        elif key == "default_taxes":
            from vatui.domain.taxes import check_tax_lines

            out[key] = check_tax_lines(value)
        else:
            out[key] = value
    if out.get("work_start") is not None and out.get("work_start") == out.get("work_end"):
        raise InputError(_("working hours cannot start and end at the same time"))
    return out


def _contact_text(text: str) -> str:
    return check_text(text, _("the billing contact"), MAX_HANDLE)


_BILLING_CHECKS = {
    "legal_name": billing.check_legal_name,
    "tax_id": billing.check_tax_id,
    "tax_id_label": billing.check_tax_id_label,
    "billing_address": billing.check_billing_address,
    "billing_contact": _contact_text,  # who it names is checked against the people in the lock
}


def _unique_channels(channels: Iterable[Channel]) -> tuple[Channel, ...]:
    out: list[Channel] = []
    for channel in channels:
        if all((c.kind, c.handle) != (channel.kind, channel.handle) for c in out):
            out.append(channel)
    return tuple(out)


def _unique_vetting(checks: Iterable[VettingCheck]) -> tuple[VettingCheck, ...]:
    by_key: dict[str, VettingCheck] = {}
    for check in checks:
        by_key[check_vetting_key(check.key)] = check
    return tuple(by_key[k].with_(key=k) for k in VETTING_KEYS if k in by_key)


def check_currencies(clean: dict[str, Any], client: Client | None) -> None:
    """Rate and retainer fee must be in the client's currency."""
    currency = clean.get("currency", client.currency if client else None)
    for key, what in (("hourly_rate", _("the rate")), ("retainer_fee", _("the retainer fee"))):
        value = clean.get(key, getattr(client, key) if client else None)
        if value is not None and value.currency != currency:
            raise InputError(
                _("{what} is in {a} but the client is billed in {b}").format(
                    what=what, a=value.currency, b=currency
                )
            )


def check_billing_contact(clean: dict[str, Any], client: Client) -> Client:
    """``client`` (merged) with its billing contact spelled as the person it names; refused
    when it was set (``clean`` names it) to someone who is not one of the client's people."""
    if "billing_contact" not in clean or not client.billing_contact:
        return client
    return client.with_(billing_contact=billing.check_billing_contact(client, client.billing_contact))


def check_preferred(clean: dict[str, Any], client: Client | None) -> None:
    """The preferred channel must be one of the channels (checked when either changes)."""
    if client is not None and "preferred_channel" not in clean and "channels" not in clean:
        return
    preferred = clean.get("preferred_channel", client.preferred_channel if client else None)
    channels = clean.get("channels", client.channels if client else ())
    if preferred and preferred not in {c.kind for c in channels}:
        raise InputError(
            _("the preferred channel {kind} is not one of the client's channels").format(kind=preferred)
        )
