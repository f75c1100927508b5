"""A stand-in for the import services of ``vatui.services.exchange.imports`` (the app's
Import… flow, tested alone): ``install`` puts recording fakes of ``import_trello``,
``import_csv`` and ``import_json`` in the real module, for the length of one test. Each
returns a real ``ImportPlan``, so the summary the portal shows is the real one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from vatui.domain.errors import InputError
from vatui.services.exchange import imports
from vatui.services.exchange.import_plan import ImportPlan


@dataclass
class FakeImports:
    """Records every call; ``problems`` makes the dry run refuse the file."""

    calls: list[tuple[str, Any, bool]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def _run(self, what: str, path: Path, dry_run: bool) -> ImportPlan:
        self.calls.append((what, path, dry_run))
        if self.problems:
            error = InputError(self.problems[0])
            error.problems = self.problems  # type: ignore[attr-defined]
            raise error
        plan = ImportPlan(file=str(path), label=f"import {path.name}")
        plan.add("add", "task", f"{what} 1", path.name)
        plan.add("add", "task", f"{what} 2", path.name)
        return plan

    def trello(self, ws: Any, path: Path, *, dry_run: bool, **kw: Any) -> ImportPlan:
        return self._run("trello", path, dry_run)

    def csv(
        self, ws: Any, path: Path, kind: str, *, dry_run: bool, create_clients: bool = False, **kw: Any
    ) -> ImportPlan:
        return self._run(f"csv {kind}{' +clients' if create_clients else ''}", path, dry_run)

    def json(self, ws: Any, path: Path, *, dry_run: bool, **kw: Any) -> ImportPlan:
        return self._run("json", path, dry_run)


def install(monkeypatch: pytest.MonkeyPatch, fake: FakeImports) -> None:
    """Make the import services ``fake``'s for this test."""
    monkeypatch.setattr(imports, "import_trello", fake.trello)
    monkeypatch.setattr(imports, "import_csv", fake.csv)
    monkeypatch.setattr(imports, "import_json", fake.json)
