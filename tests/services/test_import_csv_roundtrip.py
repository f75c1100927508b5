"""``vatui export csv`` files read back by ``vatui import csv``: "another vatui" as a source."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.helpers.clock import NOW
from vatui.demo.workspace import generate
from vatui.domain.clients import Client
from vatui.domain.clock import FixedClock
from vatui.domain.tasks import TimeEntry
from vatui.services.exchange.csv_export import export_csv
from vatui.services.exchange.imports import import_csv
from vatui.services.settings.theme import set_setting
from vatui.store.workspace import Workspace


def _terms(ws: Workspace) -> dict[str, tuple[object, ...]]:
    return {
        c.name: (c.currency, c.hourly_rate, c.terms_days, c.deposit_percent, c.status) for c in ws.all(Client)
    }


def _minutes_by_client(ws: Workspace) -> Counter[str]:
    names = {c.id: c.name for c in ws.all(Client)}
    out: Counter[str] = Counter()
    for entry in ws.all(TimeEntry):
        out[names.get(entry.client_id, "")] += entry.minutes
    return out


@pytest.mark.parametrize(("excel", "decimal_comma"), [(False, None), (True, True), (True, False)])
def test_an_export_imports_into_an_empty_workspace(
    data_dir: Path, tmp_path: Path, excel: bool, decimal_comma: bool | None
) -> None:
    source = Workspace.open(data_dir, FixedClock(NOW))
    target = Workspace.open(tmp_path / "target", FixedClock(NOW))
    try:
        generate(source, clients=5, seed=7)
        export_csv(source, tmp_path / "out", excel=excel, decimal_comma=decimal_comma)
        head = (tmp_path / "out" / "clients.csv").read_bytes().splitlines()[0]
        assert (b";" in head) == bool(excel and decimal_comma)
        # another home timezone: the file's timezone column keeps every moment where it was
        set_setting(target, "home_timezone", "America/New_York")

        clients = import_csv(target, tmp_path / "out" / "clients.csv", "clients")
        assert not clients.problems
        want = _terms(source)
        assert _terms(target) == want
        assert any(t[3] for t in want.values()) and any(t[2] != 14 for t in want.values())

        time = import_csv(target, tmp_path / "out" / "time.csv", "time")
        assert not time.problems
        assert ("start_date", "start_date") in time.mapping
        assert _minutes_by_client(target) == _minutes_by_client(source)
        assert sorted((e.start, e.end, e.minutes) for e in target.all(TimeEntry)) == sorted(
            (e.start, e.end, e.minutes) for e in source.all(TimeEntry)
        )
        # read twice, nothing is added twice
        again = import_csv(target, tmp_path / "out" / "time.csv", "time")
        assert not again.new_time
        assert len(target.all(TimeEntry)) == len(source.all(TimeEntry))
    finally:
        target.close()
        source.close()
