"""A client's clock converts through ``zoneinfo`` exactly as pendulum did, without importing
pendulum (about 16 ms of every ``vatui client show``)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pendulum
import pytest

from vatui.domain.localtime import all_zones, local_time, offset_minutes_of

START = datetime(2026, 1, 1, 0, 17, 3, 250_000, tzinfo=UTC)
MOMENTS = [START + timedelta(hours=h) for h in range(0, 24 * 366, 211)]
"""A year of moments, at every hour of the day in turn (daylight saving begins and ends)."""


def test_every_zone_reads_the_same_moment_as_pendulum() -> None:
    zones = all_zones()
    assert len(zones) > 300
    for zone in zones:
        for now in MOMENTS:
            want = pendulum.instance(now).in_timezone(zone)
            got = local_time(now, zone, "09:00", "17:00")
            assert got.moment.isoformat() == want.isoformat(), (zone, now)
            offset = want.utcoffset()
            assert offset is not None
            assert got.offset_minutes == offset_minutes_of(now, zone) == int(offset.total_seconds() // 60)
            assert got.weekend == (want.isoweekday() >= 6)


def test_utc_in_any_case_and_an_unknown_zone() -> None:
    now = MOMENTS[5]
    assert local_time(now, "utc").moment.isoformat() == pendulum.instance(now).in_timezone("utc").isoformat()
    for bad in ("Bad/Zone", "../etc/passwd", ""):
        with pytest.raises(ValueError):
            local_time(now, bad)
        with pytest.raises(ValueError):
            pendulum.instance(now).in_timezone(bad)


def test_the_client_card_does_not_import_pendulum() -> None:
    code = "import sys, vatui.services.clients.card, vatui.cli.client_text; print('pendulum' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
