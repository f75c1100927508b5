"""Run ``vatui`` in-process on a fixed clock (the command-line tests that need no real process)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from vatui.cli.main import main
from vatui.domain.clock import FixedClock, SystemClock


@dataclass
class Result:
    """What one command did."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Vatui:
    """Calls ``vatui ARGS`` in this process with the clock fixed."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *args: str) -> Result:
        self.capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)


def make_vatui(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clock: FixedClock
) -> Vatui:
    monkeypatch.setattr(SystemClock, "now", lambda self: clock.now())
    return Vatui(capsys)
