"""A region for a country whose calendar has none says so plainly, in English and in Spanish
(was "(regiones: ninguno)", the wrong gender and no way forward)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli_inprocess import Vatui, make_vatui
from vatui.domain.clock import FixedClock


@pytest.fixture
def vatui(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clock: FixedClock, data_dir: Path
) -> Vatui:
    run = make_vatui(capsys, monkeypatch, clock)
    assert run("settings", "set", "holiday_country", "CO").code == 0
    return run


def test_a_country_without_regions_says_to_leave_the_region_empty(vatui: Vatui) -> None:
    bad = vatui("settings", "set", "holiday_region", "XX")
    assert bad.code == 1 and "'XX' is not a region of CO" in bad.err
    assert "the calendar has no regions for CO: leave holiday_region empty" in bad.err, bad.err
    assert vatui("settings", "set", "language", "es").code == 0
    bad = vatui("settings", "set", "holiday_region", "XX")
    assert bad.code == 1 and "ninguno" not in bad.err
    assert "el calendario no tiene regiones para CO: deja holiday_region vacío" in bad.err, bad.err
