"""A client's own fields as typed: name, status, zone, language, money, days, percentages,
retainer, late fee, vetting, tags and notes; the defaults a new client starts with; and
``normalise``, which runs the checks over a dict of fields. The app's client form and
``vatui client add|edit`` use these same rules, so they cannot disagree.

Every check raises ``InputError`` with a one-line message before anything is saved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

from vatui.domain import billing
from vatui.domain.client_contacts import (
    MAX_HANDLE,
    check_channel,
    check_channel_kind,
    check_person,
    unique_channels,
)
from vatui.domain.clients import STATUSES, VETTING_KEYS, Client, Note, VettingCheck
from vatui.domain.errors import InputError
from vatui.domain.localtime import check_zone, parse_hhmm
from vatui.domain.money import Money, check_currency
from vatui.domain.numbers import NumberFormat, parse_decimal
from vatui.domain.text import check_tag, check_text, has_visible
from vatui.i18n import _

MAX_NAME = 200
"""The longest client name."""
MAX_NOTE = 5000
"""The longest note."""
MAX_DAYS = 3650
"""The most days of payment terms, grace or contact cadence."""


def _default(name: str) -> Any:
    return next(f.default for f in dataclass_fields(Client) if f.name == name)


@dataclass(frozen=True, slots=True)
class ClientDefaults:
    """What a client's field is when left empty (``Client``'s own defaults, named once)."""

    terms_days: int = _default("terms_days")
    """Payment terms: 14 days."""
    late_fee_grace_days: int = _default("late_fee_grace_days")
    """Days past due before a late fee is proposed: 7."""
    deposit_percent: int = _default("deposit_percent")
    """No deposit."""
    work_start: str = _default("work_start")
    """09:00."""
    work_end: str = _default("work_end")
    """17:00."""

    @property
    def hours(self) -> str:
        """The working hours as typed: ``09:00-17:00``."""
        return f"{self.work_start}-{self.work_end}"


DEFAULTS: Final = ClientDefaults()
"""The defaults of a client's fields."""

NEW_CLIENT_STATUS: Final = "lead"
"""The status a new client starts at, in the app's new-client form and in ``vatui client
add`` without ``--status`` (``Client``'s own default, ``active``, is what an older record
without a status reads as)."""

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


def check_percent(value: int, what: str) -> int:
    """A whole percentage from 0 to 100."""
    if not 0 <= value <= 100:
        raise InputError(_("{what} must be between 0 and 100 %").format(what=what))
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


def check_note_text(text: str) -> str:
    """A note's text: not empty, of reasonable length, without control characters."""
    return check_text(text, _("the note"), MAX_NOTE, multiline=True, empty=_("the note is empty"))


def new_note(text: str, now: datetime, confidential: bool = False) -> Note:
    """A note written ``now``; empty or overlong notes and control characters are refused."""
    return Note(text=check_note_text(text), confidential=confidential, created=now)


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
    if not isinstance(value, int) or value < 0 or value > MAX_DAYS:
        raise InputError(_("{what} must be between 0 and 3650 days").format(what=key.split("_")[0]))
    if key == "cadence_days" and value == 0:
        return None
    return value


def _hhmm(value: str) -> str:
    minutes = parse_hhmm(value)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _check_retainer_minutes(value: Any) -> int | None:
    if value is not None and (not isinstance(value, int) or value < 0 or value > 744 * 60):
        raise InputError(_("retainer hours must be between 0 and 744 a month"))
    return value or None


def _check_taxes(value: Any) -> Any:
    from vatui.domain.taxes import check_tax_lines

    return check_tax_lines(value)


def _contact_text(text: str) -> str:
    return check_text(text, _("the billing contact"), MAX_HANDLE)


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "name": check_name,
    "status": check_status,
    "timezone": lambda v: check_timezone(v) if v else None,
    "currency": check_currency,
    "language": check_client_language,
    "number_format": check_client_number_format,
    "terms_days": lambda v: _check_days("terms_days", v),
    "cadence_days": lambda v: _check_days("cadence_days", v),
    "late_fee_grace_days": lambda v: _check_days("late_fee_grace_days", v),
    "deposit_percent": lambda v: check_percent(v, _("the deposit")),
    "preferred_channel": lambda v: check_channel_kind(v) if v else None,
    "work_start": _hhmm,
    "work_end": _hhmm,
    "hourly_rate": lambda v: _check_money(v, _("the rate")),
    "retainer_fee": lambda v: _check_money(v, _("the retainer fee")),
    "retainer_minutes": _check_retainer_minutes,
    "late_fee_percent": lambda v: parse_late_fee(str(v)) if v is not None else None,
    "people": lambda v: tuple(check_person(p) for p in v),
    "channels": lambda v: unique_channels(check_channel(c) for c in v),
    "vetting": lambda v: _unique_vetting(v),
    "notes": tuple,
    "tags": clean_tags,
    "archived": bool,
    "legal_name": billing.check_legal_name,
    "tax_id": billing.check_tax_id,
    "tax_id_label": billing.check_tax_id_label,
    "billing_address": billing.check_billing_address,
    "billing_contact": _contact_text,  # who it names is checked against the people in the lock
    "default_taxes": _check_taxes,
}
"""The check of each field a caller may set (a field not named here is taken as given)."""


def normalise(fields: dict[str, Any]) -> dict[str, Any]:
    """Check and convert every field a caller may set; raises before anything is saved."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if value is None and key not in _NULLABLE:
            continue
        check = _CHECKS.get(key)
        out[key] = check(value) if check else value
    if out.get("work_start") is not None and out.get("work_start") == out.get("work_end"):
        raise InputError(_("working hours cannot start and end at the same time"))
    return out


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
