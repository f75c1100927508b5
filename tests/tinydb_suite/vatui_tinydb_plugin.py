"""Runs TinyDB's own test suite with vatui's storage in the suite's ``db`` fixture.

The suite's ``conftest.py`` builds the file-backed ``db`` fixture from its module-level
name ``JSONStorage``; when that conftest registers, this plugin points the name at
``AtomicJSONStorage``. Tests of TinyDB's own storages (test_storages.py) keep theirs.
"""

from __future__ import annotations

from typing import Any

from vatui.store.storage import AtomicJSONStorage

SWAPPED: list[str] = []


def pytest_plugin_registered(plugin: Any, manager: Any) -> None:
    name = getattr(plugin, "__name__", "")
    if name.endswith("conftest") and hasattr(plugin, "JSONStorage") and hasattr(plugin, "db"):
        plugin.JSONStorage = AtomicJSONStorage
        SWAPPED.append(name)


def pytest_collection_finish(session: Any) -> None:
    if not SWAPPED:
        raise RuntimeError("TinyDB's conftest was not found: vatui's storage was not swapped in")


def pytest_report_header(config: Any) -> str:
    return "vatui: TinyDB suite's db fixture uses vatui.store.storage.AtomicJSONStorage"
