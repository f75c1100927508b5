"""Every setting's rule: what it accepts, what it refuses, and reading a hand-edited record."""

from __future__ import annotations

import pytest

from vatui.domain import settings_rules as rules
from vatui.domain.dunning import fill, values_for
from vatui.domain.errors import InputError
from vatui.domain.reminder_texts import check_template, template_for
from vatui.domain.settings import Settings
from vatui.domain.settings_load import SettingsError, load_settings, read_settings

GOOD = [
    ("business_name", "Ana Gómez VA", "Ana Gómez VA"),
    ("business_address", "Calle 1\nBogotá", "Calle 1\nBogotá"),
    ("business_email", "ana@example.com", "ana@example.com"),
    ("business_email", "", ""),
    ("business_tax_id", "NIT 900.123.456-7", "NIT 900.123.456-7"),
    ("home_timezone", "America/Bogota", "America/Bogota"),
    ("home_timezone", "utc", "UTC"),
    ("default_currency", "cop", "COP"),
    ("language", "ES", "es"),
    ("language", "auto", "auto"),
    ("number_format", "1.234,56", "1.234,56"),
    ("number_format", "1 234,56", "1 234,56"),
    ("date_order", "dmy", "dmy"),
    ("week_start", "Sunday", "sunday"),
    ("weekly_hours", "40", "40"),
    ("wip_limit", "5", "5"),
    ("time_rounding", "6", "6"),
    ("time_rounding", "0", "0"),
    ("columns", " Inbox , Next,Doing,Waiting,Done", "Inbox,Next,Doing,Waiting,Done"),
    ("archive_after_days", "30", "30"),
    ("auto_archive", "no", "no"),
    ("workspace_name", "Mi negocio", "Mi negocio"),
    ("payment_details.EUR", "IBAN ES12 3456", "IBAN ES12 3456"),
    ("payment_details.*", "PayPal ana@example.com", "PayPal ana@example.com"),
    ("protocol.firm.days", "10", "10"),
]

BAD = [
    ("business_name", "", "cannot be empty"),
    ("business_name", "x" * 101, "too long"),
    ("business_name", "evil\x1b[31m", "control character"),
    ("business_email", "not-an-email", "not an e-mail"),
    ("home_timezone", "Mars/Base", "not a timezone"),
    ("home_timezone", "../etc/passwd", "not a timezone"),
    ("default_currency", "EURO", "not a currency"),
    ("language", "fr", "not a language"),
    ("number_format", "1_234.56", "1,234.56, 1.234,56, 1 234,56"),
    ("date_order", "ydm", "not one of"),
    ("week_start", "friday", "not one of"),
    ("weekly_hours", "three", "not a whole number"),
    ("weekly_hours", "0", "between 1 and 100"),
    ("wip_limit", "21", "between 1 and 20"),
    ("time_rounding", "7", "not one of"),
    ("columns", "Inbox,,Done", "empty"),
    ("columns", "Inbox,Done", "3 to 10"),
    ("columns", "Inbox,Doing,inbox,Waiting,Done", "named twice"),
    ("columns", "A,B,C", "must keep"),
    ("auto_archive", "maybe", "yes or no"),
    ("payment_details.EURO", "x", "not a currency"),
    ("protocol.nope.days", "3", "no collection step"),
    ("protocol.firm.days", "20", "in order"),
    ("protocol.firm.days", "soon", "whole number"),
    ("reminder.fr.polite", "Bonjour", "not a language"),
    ("reminder.es.polite", "Hola {cliente}", "not a placeholder"),
    ("reminder.es.polite", "Hola {0}", "not a placeholder"),
    ("reminder.es.polite", "Hola {client.__class__}", "not a placeholder"),
]


@pytest.mark.parametrize(("key", "text", "shown"), GOOD)
def test_good_values_are_kept(key: str, text: str, shown: str) -> None:
    settings = rules.apply(Settings(id=1), key, text)
    assert rules.value_of(settings, key) == shown
    again = rules.apply(settings, key, rules.value_of(settings, key))  # what is shown reads back
    assert again == settings


@pytest.mark.parametrize(("key", "text", "reason"), BAD)
def test_bad_values_are_refused_naming_the_key(key: str, text: str, reason: str) -> None:
    with pytest.raises(InputError) as refused:
        rules.apply(Settings(id=1), key, text)
    message = str(refused.value)
    assert reason in message
    if key in rules.RULES:
        assert message.startswith(f"{key}: ")


def test_unknown_key_lists_the_keys() -> None:
    with pytest.raises(InputError, match=r"there is no setting 'colour'.*time_rounding.*reminder.LANG.STEP"):
        rules.apply(Settings(), "colour", "blue")


def test_every_key_describes_its_values() -> None:
    settings = Settings()
    for key in rules.all_keys(settings):
        assert rules.describe(key)
        rules.apply(settings, key, rules.value_of(settings, key))  # today's values are all valid


def test_number_format_sets_the_decimal_comma() -> None:
    assert rules.apply(Settings(), "number_format", "1.234,56").decimal_comma is True
    assert rules.apply(Settings(decimal_comma=True), "number_format", "1,234.56").decimal_comma is False


def test_renaming_columns_in_place_moves_the_roles() -> None:
    renamed = rules.apply(Settings(), "columns", "Entrada,Siguiente,Haciendo,Esperando,Hecho")
    assert (renamed.doing_column, renamed.waiting_column, renamed.done_column) == (
        "Haciendo",
        "Esperando",
        "Hecho",
    )
    added = rules.apply(Settings(), "columns", "Inbox,Next,Doing,Review,Waiting,Done")
    assert added.doing_column == "Doing" and added.columns[3] == "Review"


def test_empty_text_removes_payment_details_and_own_reminders() -> None:
    with_eur = rules.apply(Settings(), "payment_details.EUR", "IBAN")
    assert rules.apply(with_eur, "payment_details.EUR", "").payment_details == ()
    own = rules.apply(Settings(), "reminder.es.polite", "Hola {contact}")
    assert rules.value_of(own, "reminder.es.polite") == "Hola {contact}"
    back = rules.apply(own, "reminder.es.polite", "")
    assert rules.value_of(back, "reminder.es.polite").startswith("Hola {contact}:\n\nLa factura")


# reminder templates ---------------------------------------------------------------------


def test_template_keeps_braces_and_markup_literally() -> None:
    text = "Hi {contact}, [b]bold[/b] {{not this}} { } $x {amount} ${days_late}"
    assert check_template(text) == text
    values = {
        **values_for(
            client="{number}",
            number="INV-7",
            amount_due="$ 85.000",
            due_date=__import__("datetime").date(2026, 11, 20),
            on=__import__("datetime").date(2026, 12, 1),
            business="[red]Ana[/]",
            contact="{client} %s {0}",
        ),
    }
    filled = fill(text, values)
    assert filled == "Hi {client} %s {0}, [b]bold[/b] {{not this}} { } $x $ 85.000 $11"


def test_template_for_language_falls_back_to_the_built_in() -> None:
    settings = Settings()
    assert template_for(settings, "en", "polite") == settings.protocol[1].template
    assert "factura" in (template_for(settings, "es", "polite") or "")
    assert template_for(settings, "es", "unknown") is None


# a stored record edited by hand ----------------------------------------------------------


def test_bad_stored_values_are_named() -> None:
    doc = {**Settings().to_doc(), "home_timezone": "Mars/Base", "wip_limit": "three", "columns": "Inbox"}
    with pytest.raises(SettingsError) as refused:
        load_settings(doc)
    message = str(refused.value)
    assert "settings: home_timezone 'Mars/Base' is not a timezone" in message
    assert "settings: wip_limit 'three' is not a whole number" in message
    assert "settings: columns 'Inbox' is not a list of column names" in message
    settings, problems = read_settings(doc)
    assert len(problems) == 3 and settings.home_timezone == "UTC" and settings.wip_limit == 3


@pytest.mark.parametrize(
    "field, value",
    [
        ("protocol", "none"),
        ("protocol", [{"name": "x"}]),
        ("protocol", [{"offset_days": "3", "name": "x", "template": "t"}]),
        ("payment_details", [1]),
        ("auto_archive", "yes"),
        ("weekly_hours", True),
        ("theme", 3),
        ("language", "klingon"),
        ("rounding_minutes", -5),
        ("reminder_templates", [{"language": "es"}]),
    ],
)
def test_any_bad_shape_is_a_named_problem(field: str, value: object) -> None:
    _settings, problems = read_settings({**Settings().to_doc(), field: value})
    assert len(problems) == 1 and problems[0].startswith(f"settings: {field} ")


def test_a_good_record_and_an_old_one_load() -> None:
    assert load_settings(Settings().to_doc()) == Settings(id=1)
    old = Settings().to_doc()
    for new_field in ("business_address", "payment_details", "reminder_templates", "language"):
        old.pop(new_field)
    assert load_settings(old) == Settings(id=1)
    assert load_settings(None) == Settings(id=1)


def test_stored_free_text_with_a_control_character_loads_to_be_shown_neutralised() -> None:
    doc = {**Settings().to_doc(), "business_name": "Biz\x1b]52;c;x\x07", "workspace_name": "w" * 300}
    settings = load_settings(doc)
    assert settings.business_name == "Biz\x1b]52;c;x\x07"  # refused when typed, shown cleaned when stored
    with pytest.raises(InputError, match="control character"):
        rules.apply(settings, "business_name", "Biz\x1b]52;c;x\x07")


def test_an_old_record_with_any_rounding_still_loads() -> None:
    assert load_settings({**Settings().to_doc(), "rounding_minutes": 20}).rounding_minutes == 20
    with pytest.raises(InputError, match="not one of"):
        rules.apply(Settings(), "time_rounding", "20")  # what is offered when typed


def test_paper_size_is_a4_letter_or_from_the_home_timezone() -> None:
    from vatui.domain.paper import A4, LETTER, paper_of

    assert paper_of(Settings()) == A4  # UTC
    bogota = rules.apply(Settings(), "home_timezone", "America/Bogota")
    assert paper_of(bogota) == LETTER and rules.value_of(bogota, "paper_size") == "auto"
    assert paper_of(rules.apply(Settings(), "home_timezone", "America/New_York")) == LETTER
    assert paper_of(rules.apply(Settings(), "home_timezone", "Europe/Madrid")) == A4
    assert paper_of(rules.apply(Settings(), "home_timezone", "America/Buenos_Aires")) == A4
    chosen = rules.apply(bogota, "paper_size", "A4")
    assert paper_of(chosen) == A4 and rules.value_of(chosen, "paper_size") == "a4"
    assert paper_of(rules.apply(Settings(), "paper_size", "letter")) == LETTER
    assert rules.apply(chosen, "paper_size", "auto").paper_size == ""
    with pytest.raises(InputError, match="a4, letter"):
        rules.apply(Settings(), "paper_size", "a5")
    _settings, problems = read_settings({**Settings().to_doc(), "paper_size": "legal"})
    assert len(problems) == 1 and problems[0].startswith("settings: paper_size ")
