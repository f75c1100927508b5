"""A stand-in for ``vatui.services.exchange.imports`` (the app's Import… flow, tested alone)."""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import vatui.services.exchange as exchange
from vatui.domain.errors import InputError

NAME = "vatui.services.exchange.imports"


@dataclass
class FakePlan:
    lines: list[str]

    def summary_lines(self) -> list[str]:
        return list(self.lines)


@dataclass
class FakeImports:
    """Records every call; ``problems`` makes the dry run refuse the file."""

    calls: list[tuple[str, Any, bool]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def _run(self, what: str, path: Path, dry_run: bool) -> FakePlan:
        self.calls.append((what, path, dry_run))
        if self.problems:
            error = InputError(self.problems[0])
            error.problems = self.problems  # type: ignore[attr-defined]
            raise error
        return FakePlan([f"{what}: 2 tasks to add", f"from {path.name}"])

    def module(self) -> types.ModuleType:
        module = types.ModuleType(NAME)
        module.import_trello = lambda ws, path, *, dry_run, **kw: self._run("trello", path, dry_run)  # type: ignore[attr-defined]
        module.import_csv = lambda ws, path, kind, *, dry_run, create_clients=False, **kw: self._run(  # type: ignore[attr-defined]
            f"csv {kind}{' +clients' if create_clients else ''}", path, dry_run
        )
        return module


def install(monkeypatch: pytest.MonkeyPatch, fake: FakeImports | None) -> None:
    """Make ``from vatui.services.exchange import imports`` give ``fake``'s module, or fail (``None``)."""
    if fake is None:
        monkeypatch.delattr(exchange, "imports", raising=False)
        monkeypatch.setitem(__import__("sys").modules, NAME, None)
        return
    module = fake.module()
    monkeypatch.setitem(__import__("sys").modules, NAME, module)
    monkeypatch.setattr(exchange, "imports", module, raising=False)
