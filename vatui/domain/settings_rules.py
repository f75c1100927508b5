"""One rule per setting: how it is typed, what it allows, how it is shown.

The command line (``vatui settings set KEY VALUE``), the Settings screen and the loading of
a stored (perhaps hand-edited) settings record all go through these rules, so a value is
accepted or refused the same way everywhere.

Keys are the names in ``RULES`` plus three families written with dots:

- ``payment_details.EUR`` (or ``payment_details.*`` for any other currency): how to pay;
- ``reminder.LANG.STEP`` (``reminder.es.polite``): a reminder text in one language;
- ``protocol.STEP.days``: when a collection step is due, in days after the due date;
- ``email_subject.LANG``, ``email_body.LANG``, ``email_reminder_subject.LANG``: the e-mail
  drafts' texts in one language (``vatui.domain.mail_texts``).

Setting a text to the empty string removes it (a reminder goes back to the built-in text).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Final

from vatui.domain.errors import InputError
from vatui.domain.mail_texts import KEY_PREFIX, check_mail_template, mail_template_for, with_mail_template
from vatui.domain.money import check_currency
from vatui.domain.paper import PAPER_SIZES
from vatui.domain.public_holidays import region_shape
from vatui.domain.reminder_texts import check_language, check_template, template_for, with_template
from vatui.domain.settings import PaymentDetail, Settings
from vatui.domain.settings_values import (
    DATE_ORDERS,
    NUMBER_FORMATS,
    ROUNDINGS,
    WEEK_STARTS,
    Rule,
    check_zone,
    choice_rule,
    int_rule,
    or_auto,
    parse_bool,
    parse_columns,
    parse_email,
    parse_holiday_country,
    parse_language,
    text_rule,
    yes_no,
)
from vatui.domain.text import check_text
from vatui.domain.weeks import parse_work_days
from vatui.i18n import _

RULES: Final[dict[str, Rule]] = {
    "business_name": Rule(
        "business_name",
        text_rule("business_name", 100, required=True),
        lambda: _("any text, up to 100 characters"),
    ),
    "business_address": Rule(
        "business_address",
        text_rule("business_address", 300, multiline=True),
        lambda: _("any text, up to 300 characters (lines allowed)"),
    ),
    "business_email": Rule("business_email", parse_email, lambda: _("an e-mail address, or empty")),
    "business_tax_id": Rule(
        "business_tax_id", text_rule("business_tax_id", 50), lambda: _("any text, up to 50 characters")
    ),
    "business_details": Rule(
        "business_details",
        text_rule("business_details", 500, multiline=True),
        lambda: _("any text, up to 500 characters (lines allowed)"),
    ),
    "home_timezone": Rule(
        "home_timezone", check_zone, lambda: _("a tz database name, like America/Bogota or Europe/Madrid")
    ),
    "default_currency": Rule(
        "default_currency", check_currency, lambda: _("three letters, like COP, EUR or USD")
    ),
    "language": Rule("language", parse_language, lambda: _("en, es or auto (from the environment)"), or_auto),
    "number_format": Rule(
        "number_format",
        choice_rule(NUMBER_FORMATS, auto=True),
        lambda: ", ".join(NUMBER_FORMATS) + _(" or auto"),
        or_auto,
    ),
    "date_order": Rule(
        "date_order",
        choice_rule(DATE_ORDERS, auto=True),
        lambda: _("ymd, dmy, mdy or auto (only dates that read one way)"),
        or_auto,
    ),
    "week_start": Rule("week_start", choice_rule(WEEK_STARTS), lambda: _("monday or sunday")),
    "paper_size": Rule(
        "paper_size",
        choice_rule(PAPER_SIZES, auto=True),
        lambda: _("a4, letter or auto (from your timezone: letter in the Americas that use it, else a4)"),
        or_auto,
    ),
    "weekly_hours": Rule("weekly_hours", int_rule(1, 100), lambda: _("a whole number of hours, 1 to 100")),
    "wip_limit": Rule("wip_limit", int_rule(1, 20), lambda: _("a whole number, 1 to 20")),
    "time_rounding": Rule(
        "rounding_minutes",
        int_rule(0, 60, ROUNDINGS),
        lambda: _("minutes: {values} (0: no rounding)").format(values=", ".join(map(str, ROUNDINGS))),
    ),
    "columns": Rule(
        "columns", parse_columns, lambda: _("3 to 10 column names, separated by commas"), ",".join
    ),
    "archive_after_days": Rule(
        "archive_after_days", int_rule(1, 3650), lambda: _("a whole number of days, 1 to 3650")
    ),
    "auto_archive": Rule("auto_archive", parse_bool, lambda: _("yes or no"), yes_no),
    "workspace_name": Rule(
        "workspace_name",
        text_rule("workspace_name", 40, required=True),
        lambda: _("any text, up to 40 characters"),
    ),
    "theme": Rule(
        "theme", text_rule("theme", 100, required=True), lambda: _("a theme name, like textual-dark")
    ),
    "work_days": Rule(
        "work_days", parse_work_days, lambda: _("working weekdays, like mon,tue,wed,thu,fri or mon-fri")
    ),
    "forecast_weeks": Rule("forecast_weeks", int_rule(1, 52), lambda: _("a whole number of weeks, 1 to 52")),
    "forecast_correction": Rule("forecast_correction", parse_bool, lambda: _("yes or no"), yes_no),
    "holiday_country": Rule(
        "holiday_country", parse_holiday_country, lambda: _("a country code like CO, MX, ES or US, or none")
    ),
    "holiday_region": Rule(
        "holiday_region",
        region_shape,
        lambda: _("a region code of the holiday country, like MD for Madrid, or empty for national"),
    ),
}
"""The settings with one value each, by the key the CLI and the Settings screen use."""

FREE_TEXT: Final = frozenset(
    {"business_name", "business_address", "business_tax_id", "business_details", "workspace_name", "theme"}
)
"""Keys of any text: a stored value is only checked to be text (old or hand-edited text
with a control character is shown neutralised, as everywhere, rather than refused)."""

FAMILIES: Final = (
    "payment_details.CUR",
    "reminder.LANG.STEP",
    "protocol.STEP.days",
    "email_subject.LANG",
    "email_body.LANG",
    "email_reminder_subject.LANG",
)
"""The keys written with dots (``CUR``: a currency or ``*``)."""


def key_error(key: str) -> InputError:
    """The message for a key that is not a setting, listing the keys."""
    return InputError(
        _("there is no setting {key!r} (settings: {keys})").format(
            key=key, keys=", ".join((*RULES, *FAMILIES))
        )
    )


def describe(key: str) -> str:
    """The values ``key`` allows, in words."""
    if key in RULES:
        return RULES[key].allowed()
    if key.startswith("payment_details."):
        return _("any text, up to 500 characters (empty: remove)")
    if key.startswith("reminder."):
        from vatui.domain.reminder_texts import allowed_placeholders

        return _("text with {placeholders} (empty: the built-in text)").format(
            placeholders=allowed_placeholders()
        )
    if key.startswith("protocol."):
        return _("a whole number of days after the due date, -60 to 365 (negative: before)")
    if key.split(".")[0] in KEY_PREFIX:
        from vatui.domain.mail_texts import allowed_placeholders as mail_placeholders

        return _("text with {placeholders} (empty: the built-in text)").format(
            placeholders=mail_placeholders()
        )
    raise key_error(key)


def _step_names(settings: Settings) -> tuple[str, ...]:
    return tuple(step.name for step in settings.protocol)


def _split(settings: Settings, key: str) -> tuple[str, ...]:
    """``key`` split at its dots, checked against the families."""
    parts = tuple(key.split("."))
    if parts[0] == "payment_details" and len(parts) == 2:
        currency = parts[1] if parts[1] == "*" else check_currency(parts[1])
        return parts[0], currency
    if parts[0] == "reminder" and len(parts) == 3:
        return parts[0], check_language(parts[1]), _known_step(settings, parts[2])
    if parts[0] == "protocol" and len(parts) == 3 and parts[2] == "days":
        return parts[0], _known_step(settings, parts[1]), parts[2]
    if parts[0] in KEY_PREFIX and len(parts) == 2:
        return parts[0], check_language(parts[1])
    raise key_error(key)


def _known_step(settings: Settings, name: str) -> str:
    if name not in _step_names(settings):
        raise InputError(
            _("there is no collection step {name!r} (steps: {steps})").format(
                name=name, steps=", ".join(_step_names(settings))
            )
        )
    return name


def apply(settings: Settings, key: str, text: str) -> Settings:
    """``settings`` with ``key`` set from the typed ``text``; ``InputError`` naming the key
    and the values allowed when refused (nothing changes)."""
    try:
        return _apply(settings, key, text)
    except InputError as exc:
        if key in RULES or ("." in key and _is_family(key)):
            problem = str(exc)
            if "(" in problem:  # the reason already says what is allowed
                raise InputError(_("{key}: {problem}").format(key=key, problem=problem)) from None
            raise InputError(
                _("{key}: {problem} (allowed: {allowed})").format(
                    key=key, problem=problem, allowed=describe(key)
                )
            ) from None
        raise


def _is_family(key: str) -> bool:
    return key.split(".")[0] in ("payment_details", "reminder", "protocol", *KEY_PREFIX)


def _apply(settings: Settings, key: str, text: str) -> Settings:
    rule = RULES.get(key)
    if rule is not None:
        value = rule.parse(text)
        changes: dict[str, Any] = {rule.field: value}
        if key == "number_format" and value:
            changes["decimal_comma"] = value != "1,234.56"
        if key == "columns":
            changes.update(_column_roles(settings, value))
        if key == "holiday_region":
            from vatui.domain.public_holidays import check_region

            changes["holiday_region"] = check_region(settings.holiday_country, value)
        if key == "holiday_country" and settings.holiday_region:
            from vatui.domain.public_holidays import regions

            if settings.holiday_region not in (regions(value) if value else []):
                changes["holiday_region"] = ""  # another country's region means nothing here
        return settings.with_(**changes)
    parts = _split(settings, key)
    if parts[0] == "payment_details":
        detail = check_text(text, _("the payment details"), 500, multiline=True)
        kept = tuple(p for p in settings.payment_details if p.currency != parts[1])
        added = (PaymentDetail(currency=parts[1], text=detail),) if detail else ()
        return settings.with_(payment_details=kept + added)
    if parts[0] == "reminder":
        body = check_template(text) if text.strip() else ""
        return settings.with_(
            reminder_templates=with_template(settings.reminder_templates, parts[1], parts[2], body)
        )
    if parts[0] in KEY_PREFIX:
        part = KEY_PREFIX[parts[0]]
        body = check_mail_template(part, text) if text.strip() else ""
        return settings.with_(
            email_templates=with_mail_template(settings.email_templates, parts[1], part, body)
        )
    days = int_rule(-60, 365)(text)
    protocol = tuple(
        step.with_(offset_days=days) if step.name == parts[1] else step for step in settings.protocol
    )
    offsets = [step.offset_days for step in protocol]
    if offsets != sorted(offsets) or len(set(offsets)) != len(offsets):
        raise InputError(
            _("the steps must stay in order, each later than the one before ({days})").format(
                days=", ".join(f"{s.name} {s.offset_days}" for s in protocol)
            )
        )
    return settings.with_(protocol=protocol)


def _column_roles(settings: Settings, columns: tuple[str, ...]) -> dict[str, str]:
    """The doing, waiting and done columns in the new list: kept by name, else by position
    when the board keeps its number of columns (a rename), else refused."""
    roles: dict[str, str] = {}
    for role in ("doing_column", "waiting_column", "done_column"):
        name = getattr(settings, role)
        if name in columns:
            continue
        if name in settings.columns and len(columns) == len(settings.columns):
            roles[role] = columns[settings.columns.index(name)]
        else:
            raise InputError(_("the columns must keep {name!r} (or rename it in place)").format(name=name))
    return roles


def value_of(settings: Settings, key: str) -> str:
    """The value of ``key`` as it would be typed."""
    rule = RULES.get(key)
    if rule is not None:
        return rule.show(getattr(settings, rule.field))
    parts = _split(settings, key)
    if parts[0] == "payment_details":
        return next((p.text for p in settings.payment_details if p.currency == parts[1]), "")
    if parts[0] == "reminder":
        return template_for(settings, parts[1], parts[2]) or ""
    if parts[0] in KEY_PREFIX:
        return mail_template_for(settings, parts[1], KEY_PREFIX[parts[0]])
    return str(next(s.offset_days for s in settings.protocol if s.name == parts[1]))


def all_keys(settings: Settings) -> list[str]:
    """Every key with a value in ``settings``, in the order shown."""
    from vatui.domain.reminder_texts import LANGUAGES

    keys = list(RULES)
    keys += [f"payment_details.{p.currency}" for p in settings.payment_details]
    keys += [f"protocol.{step.name}.days" for step in settings.protocol]
    keys += [f"reminder.{lang}.{step.name}" for lang in LANGUAGES for step in settings.protocol]
    keys += [f"{prefix}.{lang}" for prefix in KEY_PREFIX for lang in LANGUAGES]
    return keys


def changed_fields(before: Settings, after: Settings) -> dict[str, Any]:
    """The stored document's fields that differ between two settings."""
    old, new = before.to_doc(), after.to_doc()
    return {
        f.name: new[f.name]
        for f in dataclasses.fields(Settings)
        if f.name != "id" and old.get(f.name) != new.get(f.name)
    }
