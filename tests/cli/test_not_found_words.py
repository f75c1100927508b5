"""A record that is not there is named in words of the language in use ("no existe la tarea
#999"), never by the name of its Python class ("no existe task #999", "no such timeoff #9")."""

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
    assert run("client", "add", "Acme").code == 0
    return run


CASES = [
    (("task", "show", "999"), "no such task #999", "no existe la tarea #999"),
    (("timeoff", "delete", "9"), "no such time off #9", "no existen esos días libres (#9)"),
    (("expense", "delete", "999"), "no such expense #999", "no existe el gasto #999"),
]


@pytest.mark.parametrize(("args", "english", "spanish"), CASES)
def test_a_missing_record_is_named_in_words(
    vatui: Vatui, args: tuple[str, ...], english: str, spanish: str
) -> None:
    done = vatui(*args)
    assert done.code == 1 and english in done.err, done.err
    assert vatui("settings", "set", "language", "es").code == 0
    done = vatui(*args)
    assert done.code == 1 and spanish in done.err, done.err
