"""The Settings screen: the same rules as ``vatui settings set``, errors inline, only changes saved."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input, TextArea

from tests.helpers.pilot import SIZE, Ready, screen_text
from vatui.domain.clock import FixedClock
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp, make_app
from vatui.ui.screens.settings import SettingsScreen


def _field(app: VatuiApp, key: str) -> Input | TextArea:
    screen = app.screen
    assert isinstance(screen, SettingsScreen)
    widget = screen.query_one(f"#setting-{screen.keys.index(key)}")
    assert isinstance(widget, Input | TextArea)
    return widget


async def test_comma_opens_settings_and_a_bad_value_is_named(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        text = screen_text(app)
        assert "Your name or business" in text and "ctrl+s saves" in text
        assert all(len(line) <= SIZE[0] for line in text.splitlines())
        zone = _field(app, "home_timezone")
        assert isinstance(zone, Input)
        zone.focus()
        zone.value = "Mars/Base"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)  # refused: still open
        assert "'Mars/Base' is not a timezone" in screen_text(app)
        zone.value = "America/Bogota"
        wip = _field(app, "wip_limit")
        assert isinstance(wip, Input)
        wip.value = "5"
        reminder = _field(app, "reminder.es.polite")
        assert isinstance(reminder, TextArea)
        reminder.text = "Hola {contact}: [b]{amount}[/b] { }"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
    settings = Workspace.open(ws.directory, ws.clock).settings()
    assert settings.home_timezone == "America/Bogota" and settings.wip_limit == 5
    assert settings.reminder_templates[0].text == "Hola {contact}: [b]{amount}[/b] { }"
    assert settings.business_name == "My VA Business"


async def test_palette_has_settings_and_escape_saves_nothing(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    before = (ws.directory / "workspace.json").read_text()
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Settings")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        name = _field(app, "business_name")
        assert isinstance(name, Input)
        name.value = "Ana Gómez"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
    assert (ws.directory / "workspace.json").read_text() == before


async def test_hand_edited_bad_settings_are_named_in_the_app(
    data_dir: Path, clock: FixedClock, ws: Workspace, ready: Ready
) -> None:
    path = ws.directory / "workspace.json"
    ws.close()
    doc = json.loads(path.read_text())
    doc["settings"]["1"]["home_timezone"] = "Mars/Base"
    doc["settings"]["1"]["columns"] = "Inbox"
    path.write_text(json.dumps(doc))
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await ready(pilot)  # opens on the defaults for the bad values, and names them
        assert any("settings: home_timezone 'Mars/Base' is not a timezone" in m for m in app.messages)
        assert any("settings: columns 'Inbox' is not a list of column names" in m for m in app.messages)
        await pilot.press("2", "comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        zone = _field(app, "home_timezone")
        assert isinstance(zone, Input) and zone.value == "Mars/Base" and app.focused is not None
        assert "'Mars/Base' is not a timezone" in screen_text(app)
        zone.value = "Europe/Madrid"
        columns = _field(app, "columns")
        assert isinstance(columns, Input)
        columns.value = "Inbox,Next,Doing,Waiting,Done"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
    fixed = Workspace.open(data_dir, clock)
    assert fixed.settings().home_timezone == "Europe/Madrid" and fixed.settings_problems() == []


async def test_client_form_sets_the_client_language(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    from textual.widgets import Select

    from vatui.domain.clients import Client
    from vatui.ui.modals.client_form import ClientFormModal

    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("3", "n")
        await pilot.pause()
        assert isinstance(app.screen, ClientFormModal)
        await pilot.press(*"Bright LLC")
        app.screen.query_one("#client-language", Select).value = "en"
        app.screen.query_one("#client-number-format", Select).value = "1,234.56"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ClientFormModal)
    bright = next(c for c in Workspace.open(ws.directory, ws.clock).all(Client) if c.name == "Bright LLC")
    assert (bright.language, bright.number_format) == ("en", "1,234.56")


async def test_a_bad_hand_edit_while_the_app_runs_is_named_once(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        path = ws.directory / "workspace.json"
        doc = json.loads(path.read_text())
        doc["settings"]["1"]["wip_limit"] = "three"
        path.write_text(json.dumps(doc))
        app.check_for_changes()
        app.check_for_changes()
        app.refresh_header()
        await pilot.pause()
        said = [m for m in app.messages if "settings: wip_limit 'three' is not a whole number" in m]
        assert len(said) == 1
        await pilot.press("2", "1")  # the panes still work on what they showed
        await pilot.pause()
        assert app.is_running
