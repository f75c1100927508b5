"""The first run asks the VA's name, language, timezone, currency and number format in one screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Select

from tests.helpers.pilot import SIZE, Ready, screen_text
from vatui.domain.clock import FixedClock
from vatui.services.settings.first_run import detect_timezone, suggested_answers
from vatui.store.workspace import Workspace
from vatui.ui.app import make_app
from vatui.ui.screens.first_run import FirstRunScreen
from vatui.ui.screens.today import TodayScreen


def test_answers_come_from_the_system(tmp_path: Path) -> None:
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "localtime").symlink_to("/usr/share/zoneinfo/America/Bogota")
    assert detect_timezone({}, etc) == "America/Bogota"
    (etc / "timezone").write_text("Europe/Madrid\n")
    assert detect_timezone({}, etc) == "Europe/Madrid"
    assert detect_timezone({"TZ": ":America/Mexico_City"}, etc) == "America/Mexico_City"
    assert detect_timezone({"TZ": "Mars/Base"}, tmp_path / "none") == "UTC"
    assert suggested_answers({"LANG": "es_CO.UTF-8", "TZ": "America/Bogota"}, tmp_path) == {
        "business_name": "",
        "language": "es",
        "home_timezone": "America/Bogota",
        "default_currency": "COP",
        "number_format": "1.234,56",
    }
    assert suggested_answers({"LANG": "en_US.UTF-8", "TZ": "America/New_York"}, tmp_path) == {
        "business_name": "",
        "language": "en",
        "home_timezone": "America/New_York",
        "default_currency": "USD",
        "number_format": "1,234.56",
    }


@pytest.fixture
def bogota(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "vatui.services.settings.first_run.suggested_answers",
        lambda: {
            "business_name": "",
            "language": "es",
            "home_timezone": "America/Bogota",
            "default_currency": "COP",
            "number_format": "1.234,56",
        },
    )


async def test_start_empty_with_the_answers(
    data_dir: Path, clock: FixedClock, ready: Ready, bogota: None
) -> None:
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        text = screen_text(app)
        assert "America/Bogota" in text and "COP" in text and "1.234,56" in text and "Español" in text
        assert all(len(line) <= SIZE[0] for line in text.splitlines()) and len(text.splitlines()) <= SIZE[1]
        assert app.focused is not None and app.focused.id == "fr-business_name"  # asked first
        await pilot.press(*"Ana Gómez VA", "enter")
        assert app.focused is not None and app.focused.id == "fr-language"
        app.screen.query_one(OptionList).focus()
        await pilot.press("e")
        await ready(pilot)
        assert isinstance(app.screen, TodayScreen)
    settings = Workspace.open(data_dir, clock).settings()
    assert (
        settings.business_name,
        settings.language,
        settings.home_timezone,
        settings.default_currency,
        settings.number_format,
    ) == ("Ana Gómez VA", "es", "America/Bogota", "COP", "1.234,56")
    assert settings.decimal_comma is True


async def test_a_bad_answer_is_named_and_nothing_is_created(
    data_dir: Path, clock: FixedClock, bogota: None
) -> None:
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await pilot.pause()
        zone = app.screen.query_one("#fr-home_timezone", Input)
        zone.value = "Mars/Base"
        app.screen.query_one("#fr-number_format", Select).value = "1,234.56"
        await pilot.pause()
        app.screen.query_one(OptionList).focus()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        assert "'Mars/Base' is not a timezone" in screen_text(app)
        assert app.focused is zone
        assert not Workspace.exists(data_dir)
        await pilot.press("ctrl+a", "ctrl+k", *"Europe/Madrid")
        app.screen.query_one(OptionList).focus()
        await pilot.press("e")
        await app.when_ready()
    settings = Workspace.open(data_dir, clock).settings()
    assert settings.home_timezone == "Europe/Madrid" and settings.number_format == "1,234.56"
    assert settings.business_name == "My VA Business"


async def test_escape_in_an_answer_leaves_the_field_not_the_app(
    data_dir: Path, clock: FixedClock, ready: Ready, bogota: None
) -> None:
    """Typing a name then escape (to get out of the field) keeps the name and the app open."""
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.screen.query_one("#fr-business_name", Input).focus()
        await pilot.press(*"Ana", "escape")
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen) and app.is_running
        assert app.focused is app.screen.query_one(OptionList)
        assert app.screen.query_one("#fr-business_name", Input).value == "Ana"
        await pilot.press("e")
        await ready(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert Workspace.open(data_dir, clock).settings().business_name == "Ana"
