"""Reading a stored settings record, which may have been edited by hand.

Every stored value is checked with the same rule that ``vatui settings set`` uses; a bad one
is reported by its name (``settings: home_timezone 'Mars/Base' is not a timezone``), never
as a traceback from deep inside the app.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from typing import Any, Final

from vatui.domain.errors import InputError
from vatui.domain.public_holidays import country_shape, region_shape
from vatui.domain.records import Record
from vatui.domain.settings import EmailTemplate, PaymentDetail, ProtocolStep, ReminderTemplate, Settings
from vatui.domain.settings_rules import FREE_TEXT, RULES
from vatui.domain.settings_values import int_rule, parse_columns
from vatui.i18n import _

_KEY_OF_FIELD: Final = {rule.field: key for key, rule in RULES.items()}
_RECORDS: Final[dict[str, type[Record]]] = {
    "protocol": ProtocolStep,
    "payment_details": PaymentDetail,
    "reminder_templates": ReminderTemplate,
    "email_templates": EmailTemplate,
}


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(kind: type[Record]) -> dict[str, Any]:
    """The type hints of a record's fields (worked out once)."""
    hints = _HINTS.get(kind)
    if hints is None:
        hints = _HINTS[kind] = typing.get_type_hints(kind)
    return hints


class SettingsError(InputError):
    """A stored setting has a value vatui cannot use; the message names it."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _check_field(name: str, hint: Any, raw: Any) -> Any:
    """The field's value from its stored ``raw`` value; ``InputError`` (the reason) when bad."""
    if name == "columns":
        if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
            raise InputError(_("{value} is not a list of column names").format(value=_short(raw)))
        if not raw:  # no columns at all: the record reads the default board (Settings.__post_init__)
            return ()
        return parse_columns(",".join(raw))
    if name in _RECORDS:
        kind = _RECORDS[name]
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            raise InputError(_("{value} is not a list of records").format(value=_short(raw)))
        try:
            items = tuple(kind.from_doc(item) for item in raw)
        except (TypeError, ValueError, KeyError) as exc:
            raise InputError(
                _("{value} has a record vatui cannot read ({reason})").format(value=_short(raw), reason=exc)
            ) from None
        for item in items:
            for field in dataclasses.fields(item):
                value = getattr(item, field.name)
                wanted = _hints(kind)[field.name]
                if field.name != "id" and not _is_a(value, wanted):
                    raise InputError(
                        _("{value} has a {field} that is not a {kind}").format(
                            value=_short(raw), field=field.name, kind=_type_name(wanted)
                        )
                    )
        return items
    if not _is_a(raw, hint):
        raise InputError(_("{value} is not a {kind}").format(value=_short(raw), kind=_type_name(hint)))
    key = _KEY_OF_FIELD.get(name)
    if key is None or isinstance(raw, bool) or key in FREE_TEXT:
        return raw
    if key in _SHAPE_ONLY:  # the holiday calendar is asked only when a forecast needs it
        return _SHAPE_ONLY[key](str(raw))
    if key == "time_rounding":  # any whole minutes work; the choices are what is offered when typed
        return _any_rounding(str(raw))
    return RULES[key].parse(str(raw))


_any_rounding: Final = int_rule(0, 1440)
_SHAPE_ONLY: Final = {"holiday_country": country_shape, "holiday_region": region_shape}


def _is_a(value: Any, hint: Any) -> bool:
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    return True


def _type_name(hint: Any) -> str:
    return {bool: _("yes/no value (true or false)"), int: _("whole number"), str: _("text")}.get(
        hint, str(hint)
    )


def _short(raw: Any) -> str:
    text = repr(raw)
    return text if len(text) <= 40 else text[:39] + "…"


def read_settings(doc: Mapping[str, Any] | None) -> tuple[Settings, list[str]]:
    """The settings in ``doc`` (bad values replaced by their defaults) and one line per bad value."""
    if doc is None:
        return Settings(id=1), []
    hints = _hints(Settings)
    values: dict[str, Any] = {}
    problems: list[str] = []
    for field in dataclasses.fields(Settings):
        if field.name == "id" or field.name not in doc:
            continue
        try:
            values[field.name] = _check_field(field.name, hints[field.name], doc[field.name])
        except InputError as exc:
            problems.append(_("settings: {name} {problem}").format(name=field.name, problem=str(exc)))
    return Settings(id=1, **values), problems


def bad_fields(doc: Mapping[str, Any] | None) -> dict[str, Any]:
    """The stored fields whose values are refused, with those values as stored."""
    if doc is None:
        return {}
    hints = _hints(Settings)
    bad: dict[str, Any] = {}
    for field in dataclasses.fields(Settings):
        if field.name != "id" and field.name in doc:
            try:
                _check_field(field.name, hints[field.name], doc[field.name])
            except InputError:
                bad[field.name] = doc[field.name]
    return bad


def load_settings(doc: Mapping[str, Any] | None) -> Settings:
    """The settings in ``doc``, or ``SettingsError`` naming every bad value and how to fix it."""
    settings, problems = read_settings(doc)
    if problems:
        problems[-1] += _(" (fix it with: vatui settings set KEY VALUE; see vatui settings)")
        raise SettingsError(problems)
    return settings
