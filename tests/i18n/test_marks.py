"""Words shown with ``_(variable)`` are in the catalog: the marks of
``vatui.domain.word_marks`` follow their sources, and the language choice behaves."""

from __future__ import annotations

import gettext
from pathlib import Path

import orjson
import pytest

from vatui import i18n
from vatui.cli.language import peek_language
from vatui.domain import dates, durations, quickadd, recurrence, words
from vatui.domain.clients import STATUSES
from vatui.domain.invoicing import AGING_BUCKETS
from vatui.domain.ledger import EXPENSE_CATEGORIES
from vatui.domain.reliability import BADGES, VETTING_LABELS
from vatui.domain.settings import DEFAULT_PROTOCOL

MO = Path(i18n.__file__).parent / "locale" / "es" / "LC_MESSAGES" / "vatui.mo"


@pytest.fixture
def spanish() -> gettext.GNUTranslations:
    with open(MO, "rb") as src:
        return gettext.GNUTranslations(src)


def test_words_shown_through_a_variable_have_a_spanish_entry(spanish: gettext.GNUTranslations) -> None:
    shown = [
        *words.WEEKDAY_ABBR,
        *words.WEEKDAY_NAMES,
        *words.MONTH_ABBR,
        *words.MONTH_NAMES,
        *STATUSES,
        *BADGES,
        *AGING_BUCKETS,
        *VETTING_LABELS.values(),
        *(step.name for step in DEFAULT_PROTOCOL),
        *quickadd.PRIORITY_LABELS.values(),
        *set(words.QUICKADD_KEYS.values()),
        dates._HINT,
        durations._HINT,
        recurrence._HINT,
        "draft",
        "sent",
        "partial",
        "paid",
        "overdue",
        "void",
        *(c for c in EXPENSE_CATEGORIES if c not in ("software", "internet", "marketing")),
    ]
    missing = [
        word
        for word in shown
        if spanish.gettext(word) == word and word not in ("1-30", "31-60", "61-90", "90+", "final")
    ]
    assert not missing, missing
    for month in words.MONTH_ABBR:
        assert spanish.pgettext("month abbreviation", month) != month
    assert spanish.gettext("May") == "mayo" and spanish.pgettext("month abbreviation", "May") == "may"


def test_set_language_and_back() -> None:
    try:
        i18n.set_language("es_CO")
        assert i18n.language() == "es" and i18n._("Today") == "Hoy"
        assert i18n.ngettext("{n} day", "{n} days", 2) == "{n} días"
        i18n.set_language("en")
        assert i18n.language() == "en" and i18n._("Today") == "Today"
    finally:
        i18n.set_language("en")


def test_peek_reads_the_setting_and_never_fails(tmp_path: Path) -> None:
    assert peek_language(str(tmp_path)) == ""  # no workspace: nothing created
    assert not (tmp_path / "workspace.json").exists()
    (tmp_path / "workspace.json").write_bytes(b"{not json")
    assert peek_language(str(tmp_path)) == ""
    (tmp_path / "workspace.json").write_bytes(orjson.dumps({"settings": {"1": {"language": "es"}}}))
    assert peek_language(str(tmp_path)) == "es"
    (tmp_path / "workspace.json").write_bytes(orjson.dumps({"settings": {"1": {"language": 7}}}))
    assert peek_language(str(tmp_path)) == ""
