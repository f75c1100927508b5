"""Services read dates in the workspace's date_order and find names whatever their accents."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from vatui.domain.errors import InputError, NotFoundError, ParseError
from vatui.services.clients.manage import add_client, find_client, list_clients
from vatui.services.tasks.manage import add_task, find_task, quick_add
from vatui.store.workspace import Workspace

VATUI = str(Path(sys.executable).with_name("vatui"))


def set_date_order(ws: Workspace, order: str) -> None:
    with ws.transaction(None) as tx:
        tx.save(tx.settings().with_(date_order=order))


def test_find_client_folds_accents_and_case(ws: Workspace) -> None:
    angel = add_client(ws, "Ángel Ruiz")
    add_client(ws, "Zeta Café")
    assert find_client(ws, "angel").id == angel.id
    assert find_client(ws, "@ANGEL RUIZ").id == angel.id
    assert find_client(ws, "zeta cafe").name == "Zeta Café"
    with pytest.raises(NotFoundError):
        find_client(ws, "ruiz")


def test_an_exact_spelling_picks_between_folded_twins(ws: Workspace) -> None:
    plain = add_client(ws, "Angel")
    accented = add_client(ws, "Ángel")
    assert find_client(ws, "Ángel").id == accented.id
    assert find_client(ws, "angel").id == plain.id
    with pytest.raises(InputError, match="several"):
        find_client(ws, "ang")


def test_clients_sort_with_the_as(ws: Workspace) -> None:
    for name in ("Zeta", "Ángel Ruiz", "Beto", "Andrés", "Óscar"):
        add_client(ws, name)
    assert [c.name for c in list_clients(ws)] == ["Andrés", "Ángel Ruiz", "Beto", "Óscar", "Zeta"]


def test_find_task_folds_accents(ws: Workspace) -> None:
    task = add_task(ws, "Revisar el menú")
    assert find_task(ws, "revisar el menu").id == task.id


def test_quick_add_reads_numeric_dates_in_the_date_order(ws: Workspace) -> None:
    add_client(ws, "Ángel Ruiz")
    with pytest.raises(ParseError, match="3 April or 4 March"):
        quick_add(ws, "Enviar factura vence:3/4")
    set_date_order(ws, "dmy")
    task = quick_add(ws, "Enviar factura @angel vence:3/4 !alta en:nex")
    assert task.due == date(2027, 4, 3)
    assert task.priority == "high" and task.column == "Next"
    set_date_order(ws, "mdy")
    assert quick_add(ws, "Otra vence:3/4").due == date(2027, 3, 4)


def test_the_cli_reads_dates_in_the_date_order(ws: Workspace, data_dir: Path) -> None:
    set_date_order(ws, "dmy")
    env = {**os.environ, "VATUI_DATA_DIR": str(data_dir), "TZ": "UTC"}
    added = subprocess.run(
        [VATUI, "add", "Pagar vence:15/12", "--json"], env=env, capture_output=True, text=True
    )
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["due"].endswith("-12-15")  # the real clock: this or next year
    report = subprocess.run(
        [VATUI, "today", "--on", "3/4/2027", "--json"], env=env, capture_output=True, text=True
    )
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["date"] == "2027-04-03"
