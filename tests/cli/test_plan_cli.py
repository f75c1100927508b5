"""``vatui plan`` and ``vatui timeoff`` on a fixed clock (Friday 27 November 2026), the holiday
settings, time off in backup/restore and JSON, and the Spanish output."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.cli_inprocess import Vatui
from tests.helpers.workspace_file import workspace_bytes
from vatui.services.plan.forecast import build_plan
from vatui.store.workspace import Workspace

WEEK_KEYS = {
    "start",
    "end",
    "available_minutes",
    "planned_minutes",
    "percent",
    "flag",
    "timeoff_minutes",
    "clients",
    "items",
    "holidays",
    "timeoff",
}


def test_timeoff_add_list_delete(vatui: Vatui) -> None:
    added = vatui("timeoff", "add", "2026-12-21", "dec 24", "--note", "Vacation", "--json")
    assert added.code == 0, added.err
    assert added.json() == {"id": 1, "from": "2026-12-21", "to": "2026-12-24", "note": "Vacation"}
    assert vatui("timeoff", "add", "mon").code == 0  # Monday 30 November: without TO, one day
    listed = vatui("timeoff", "list", "--json").json()
    assert [(t["from"], t["to"]) for t in listed] == [
        ("2026-11-30", "2026-11-30"),
        ("2026-12-21", "2026-12-24"),
    ]
    text = vatui("timeoff", "list").out
    assert "Mon 21 Dec – Thu 24 Dec (4 days)  Vacation" in text and "(1 day)" in text
    assert vatui("timeoff", "delete", "1").code == 0
    assert [t["id"] for t in vatui("timeoff", "list", "--json").json()] == [2]
    gone = vatui("timeoff", "delete", "1")
    assert gone.code == 1 and "no such time off #1" in gone.err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("2026-12-10", "2026-12-02"), "ends (2026-12-02) before it starts (2026-12-10)"),
        (("2026-02-30", "2026-03-02"), "February 2026 has 28 days"),
        (("2026-12-01", "2300-01-01"), "out of range"),
        (("2026-12-01", "2026-12-02", "--note", "a\x1b[31mred"), "control character"),
        (("2026-12-01", "2026-12-02", "--note", "two\nlines"), "control character"),
    ],
)
def test_bad_timeoff_is_refused_in_one_line_and_nothing_saved(
    vatui: Vatui, args: tuple[str, ...], words: str
) -> None:
    result = vatui("timeoff", "add", *args)
    assert result.code == 1, result.out
    assert words in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "\x1b" not in result.err
    assert vatui("timeoff", "list", "--json").json() == []


def test_spanish_dates_are_read(vatui: Vatui) -> None:
    assert vatui("timeoff", "add", "lunes", "5 de diciembre", "--json").json()["to"] == "2026-12-05"


def _plan_setup(vatui: Vatui) -> None:
    assert vatui("client", "add", "Café Olé").code == 0
    for text in (
        "Big launch @caf due:2026-11-30 ~20h",
        "Write FAQ @caf due:2026-12-18 ~6h !low",
        "Someday ~2h",
    ):
        assert vatui("add", text).code == 0, text
    assert vatui("timeoff", "add", "2026-12-09", "2026-12-10", "--note", "Dentist").code == 0
    assert vatui("settings", "set", "weekly_hours", "30").code == 0


def test_plan_json_has_the_documented_shape(vatui: Vatui) -> None:
    _plan_setup(vatui)
    result = vatui("plan", "--weeks", "3", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert set(data) == {"from", "weeks", "undated", "corrections"}
    assert data["from"] == "2026-11-27"
    assert [w["start"] for w in data["weeks"]] == ["2026-11-23", "2026-11-30", "2026-12-07"]
    assert all(set(w) == WEEK_KEYS for w in data["weeks"])
    this, nxt, third = data["weeks"]
    assert this["available_minutes"] == 360  # only Friday is left of this week
    assert this["flag"] == "over" and this["percent"] > 100
    assert {c["source"] for c in this["clients"]} == {"estimates"}
    assert this["clients"][0]["name"] == "Café Olé"
    assert this["items"][0]["kind"] == "task" and this["items"][0]["title"] == "Big launch"
    assert third["timeoff_minutes"] == 720 and third["available_minutes"] == 1800 - 720
    assert third["timeoff"] == [{"id": 1, "from": "2026-12-09", "to": "2026-12-10", "note": "Dentist"}]
    assert data["undated"]["count"] == 1 and data["undated"]["minutes"] == 120
    assert data["corrections"] == []
    assert nxt["flag"] in ("ok", "busy", "over")


def test_plan_text_fits_80_columns_and_says_over_in_words(vatui: Vatui) -> None:
    _plan_setup(vatui)
    result = vatui("plan")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].startswith("Plan from Mon 23 Nov · 8 weeks · 30h a week")
    assert any(line.startswith("Mon 23 Nov") and "OVER" in line for line in lines)
    assert "Undated: 1 open task, 2h estimated (not in any week)" in result.out
    assert "Time off in these weeks:" in result.out and "Dentist" in result.out


def test_plan_from_a_later_week_and_no_correction(vatui: Vatui) -> None:
    _plan_setup(vatui)
    data = vatui("plan", "--from", "2026-12-14", "--weeks", "1", "--no-correction", "--json").json()
    assert [w["start"] for w in data["weeks"]] == ["2026-12-14"]
    assert vatui("plan", "--weeks", "0").code == 2


def test_holiday_settings_are_validated(vatui: Vatui) -> None:
    assert vatui("settings", "set", "holiday_country", "co").code == 0
    bad = vatui("settings", "set", "holiday_country", "XX")
    assert bad.code == 1 and "holiday_country" in bad.err and "'XX'" in bad.err
    no_region = vatui("settings", "set", "holiday_region", "MD")
    assert no_region.code == 1 and "not a region of CO" in no_region.err
    assert vatui("settings", "set", "holiday_country", "ES").code == 0
    assert vatui("settings", "set", "holiday_region", "md").code == 0
    shown = vatui("settings", "--json").json()["settings"]
    assert (shown["holiday_country"], shown["holiday_region"]) == ("ES", "MD")
    assert vatui("settings", "set", "holiday_country", "MX").code == 0  # MD is not Mexico's: dropped
    assert vatui("settings", "--json").json()["settings"]["holiday_region"] == ""
    assert vatui("settings", "set", "work_days", "lun-jue").code == 0
    assert vatui("settings", "--json").json()["settings"]["work_days"] == "mon,tue,wed,thu"
    assert vatui("settings", "set", "work_days", "funday").code == 1
    assert vatui("settings", "set", "forecast_weeks", "53").code == 1


@pytest.mark.parametrize(
    ("country", "region", "day", "name"),
    [
        ("CO", "", date(2026, 12, 8), "Immaculate Conception"),
        ("MX", "", date(2027, 2, 1), "Constitution Day"),  # first Monday of February
        ("ES", "MD", date(2026, 12, 7), "Constitution Day"),  # Madrid moves it to Monday
    ],
)
def test_holidays_come_off_the_available_hours(
    ws: Workspace, country: str, region: str, day: date, name: str
) -> None:
    from vatui.services.settings.theme import set_setting

    set_setting(ws, "holiday_country", country)
    if region:
        set_setting(ws, "holiday_region", region)
    plan = build_plan(ws, start=day, weeks=1)
    week = plan.weeks[0]
    assert day in dict(week.holidays)
    assert name in dict(week.holidays)[day]
    share = ws.settings().weekly_hours * 60 // 5
    assert week.available_minutes == 5 * share - share * len(week.holidays)


def test_spain_without_a_region_has_no_madrid_holiday(ws: Workspace) -> None:
    from vatui.services.settings.theme import set_setting

    set_setting(ws, "holiday_country", "ES")
    national = build_plan(ws, start=date(2026, 12, 7), weeks=1).weeks[0]
    assert date(2026, 12, 7) not in dict(national.holidays)


def test_restore_of_a_backup_with_timeoff(vatui: Vatui, data_dir: Path, tmp_path: Path) -> None:
    assert vatui("timeoff", "add", "2026-12-21", "2026-12-24", "--note", "Vacation").code == 0
    copy = tmp_path / "backup.json"
    copy.write_bytes(workspace_bytes(data_dir))
    assert vatui("timeoff", "delete", "1").code == 0
    restored = vatui("restore", str(copy))
    assert restored.code == 0, restored.err
    assert [t["note"] for t in vatui("timeoff", "list", "--json").json()] == ["Vacation"]
    data = json.loads(copy.read_text())
    data["timeoff"]["1"]["end"] = "2026-12-01"
    copy.write_text(json.dumps(data))
    refused = vatui("restore", str(copy))
    assert refused.code == 1 and "timeoff #1" in refused.err and "before it starts" in refused.err


def test_export_and_import_json_carry_timeoff(
    vatui: Vatui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert vatui("timeoff", "add", "2026-12-21", "2026-12-24", "--note", "Vacation").code == 0
    out = tmp_path / "export.json"
    assert vatui("export", "json", "-o", str(out)).code == 0
    data = json.loads(out.read_text())
    assert data["timeoff"] == [{"id": 1, "start": "2026-12-21", "end": "2026-12-24", "note": "Vacation"}]
    monkeypatch.setenv("VATUI_DATA_DIR", str(tmp_path / "other"))
    imported = vatui("import", "json", str(out))
    assert imported.code == 0, imported.err
    assert [t["note"] for t in vatui("timeoff", "list", "--json").json()] == ["Vacation"]


def _spanish(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    vatui_bin = str(Path(sys.executable).with_name("vatui"))
    env = {"VATUI_DATA_DIR": str(data), "TZ": "UTC", "LANG": "C", "PATH": "/usr/bin:/bin"}
    return subprocess.run([vatui_bin, *args], env=env, capture_output=True, text=True, timeout=120)


def test_plan_and_timeoff_in_spanish(tmp_path: Path) -> None:
    for args in (
        ("settings", "set", "language", "es"),
        ("settings", "set", "holiday_country", "CO"),
        ("add", "Informe anual due:+10d ~12h"),
        ("timeoff", "add", "+3d", "+4d", "--note", "Médico"),
    ):
        assert _spanish(tmp_path, *args).returncode == 0, args
    listed = _spanish(tmp_path, "timeoff", "list")
    assert "(2 días)  Médico" in listed.stdout, listed.stdout
    plan = _spanish(tmp_path, "plan")
    assert plan.returncode == 0, plan.stderr
    assert plan.stdout.startswith("Plan desde ")
    assert "Disponible" in plan.stdout and "Available" not in plan.stdout
    assert "Sin fecha" in plan.stdout
    assert max(len(line) for line in plan.stdout.splitlines()) <= 80


def test_timeoff_end_weekday_is_read_from_the_start(vatui: Vatui) -> None:
    # the clock's today is Friday 27 Nov 2026: "wed tue" is Wednesday 2 Dec to the Tuesday
    # after it, where "tue" read from today alone (1 Dec) falls before the start
    added = vatui("timeoff", "add", "wed", "tue", "--json")
    assert added.code == 0, added.err
    assert (added.json()["from"], added.json()["to"]) == ("2026-12-02", "2026-12-08")
    reversed_dates = vatui("timeoff", "add", "2026-12-10", "2026-12-08")
    assert reversed_dates.code == 1 and "before it starts" in reversed_dates.err
