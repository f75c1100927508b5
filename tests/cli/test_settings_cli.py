"""``vatui settings`` and ``vatui settings set``: real processes, exit codes, nothing saved when refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.workspace_file import read_workspace

VATUI = str(Path(sys.executable).with_name("vatui"))


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VATUI_DATA_DIR": str(data), "TZ": "UTC"}
    return subprocess.run([VATUI, *args], env=env, capture_output=True, text=True)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def stored(data: Path) -> dict[str, object]:
    return dict(read_workspace(data)["settings"]["1"])


def test_show_and_json(data: Path) -> None:
    shown = run(data, "settings")
    assert shown.returncode == 0, shown.stderr
    assert "home_timezone" in shown.stdout and "time_rounding" in shown.stdout
    assert "reminder.es.polite" in shown.stdout
    out = json.loads(run(data, "settings", "--json").stdout)
    assert out["settings"]["time_rounding"] == "15"
    assert out["settings"]["columns"] == "Inbox,Next,Doing,Waiting,Done"
    assert "tz database" in out["allowed"]["home_timezone"]
    assert out["problems"] == []


def test_set_saves_one_key(data: Path) -> None:
    ok = run(data, "settings", "set", "home_timezone", "America/Bogota")
    assert ok.returncode == 0 and "home_timezone = America/Bogota" in ok.stdout
    assert run(data, "settings", "set", "payment_details.EUR", "IBAN ES12 3456").returncode == 0
    assert (
        run(data, "settings", "set", "reminder.es.polite", "Hola {contact}, {amount} [b]x[/b]").returncode
        == 0
    )
    assert run(data, "settings", "set", "time_rounding", "6").returncode == 0
    assert run(data, "settings", "set", "protocol.friendly.days", "-5").returncode == 0  # a negative value
    doc = stored(data)
    assert doc["home_timezone"] == "America/Bogota" and doc["rounding_minutes"] == 6
    assert [step["offset_days"] for step in doc["protocol"]] == [-5, 1, 7, 14]
    assert doc["payment_details"] == [{"currency": "EUR", "text": "IBAN ES12 3456"}]
    assert doc["reminder_templates"] == [
        {"language": "es", "step": "polite", "text": "Hola {contact}, {amount} [b]x[/b]"}
    ]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("nope", "1"), "there is no setting 'nope'"),
        (("wip_limit", "three"), "wip_limit: 'three' is not a whole number"),
        (("home_timezone", "Mars/Base"), "'Mars/Base' is not a timezone"),
        (("language", "fr"), "en, es"),
        (("reminder.es.polite", "Hola {cliente}"), "{cliente} is not a placeholder"),
    ],
)
def test_refused_saves_nothing(data: Path, args: tuple[str, str], words: str) -> None:
    run(data, "settings")
    before = (data / "workspace.json").read_text()
    refused = run(data, "settings", "set", *args)
    assert refused.returncode == 1
    assert words in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert (data / "workspace.json").read_text() == before


def test_renaming_columns_moves_the_tasks(data: Path) -> None:
    assert run(data, "add", "Llamar a Ana").returncode == 0
    assert (
        run(data, "settings", "set", "columns", "Entrada,Siguiente,Haciendo,Esperando,Hecho").returncode == 0
    )
    tasks = json.loads(run(data, "task", "list", "--json").stdout)
    assert [t["column"] for t in tasks] == ["Entrada"]
    gone = run(data, "settings", "set", "columns", "Siguiente,Haciendo,Esperando,Hecho")
    assert gone.returncode == 1 and "'Entrada' still holds tasks" in gone.stderr


def test_hand_edited_bad_settings_are_named_and_fixable(data: Path) -> None:
    run(data, "settings")
    path = data / "workspace.json"
    doc = json.loads(path.read_text())
    doc["settings"]["1"]["home_timezone"] = "Mars/Base"
    doc["settings"]["1"]["wip_limit"] = "three"
    path.write_text(json.dumps(doc))
    today = run(data, "today")
    assert today.returncode == 1 and "Traceback" not in today.stderr
    assert "settings: home_timezone 'Mars/Base' is not a timezone" in today.stderr
    assert "settings: wip_limit 'three' is not a whole number" in today.stderr
    shown = run(data, "settings")
    assert shown.returncode == 0 and "home_timezone 'Mars/Base'" in shown.stderr
    assert run(data, "settings", "set", "home_timezone", "Europe/Madrid").returncode == 0
    assert run(data, "settings", "set", "wip_limit", "3").returncode == 0
    assert run(data, "today").returncode == 0


def test_client_language_and_clock_offset_on_the_card(data: Path) -> None:
    assert run(data, "settings", "set", "home_timezone", "America/Bogota").returncode == 0
    added = run(
        data,
        "client",
        "add",
        "Bright LLC",
        "--tz",
        "Europe/Madrid",
        "--language",
        "en",
        "--number-format",
        "1,234.56",
    )
    assert added.returncode == 0, added.stderr
    card = run(data, "client", "show", "bright").stdout
    assert "(Europe/Madrid, +6h from you," in card and "writes in: en, 1,234.56" in card
    assert run(data, "client", "edit", "bright", "--language", "es").returncode == 0
    assert json.loads(run(data, "client", "show", "bright", "--json").stdout)["language"] == "es"
    refused = run(data, "client", "edit", "bright", "--language", "fr")
    assert refused.returncode == 1 and "not a language" in refused.stderr
