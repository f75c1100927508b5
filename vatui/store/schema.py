"""Schema versions and the migration steps between them.

``SCHEMA_VERSION`` is what this vatui writes. A file with an older version is backed up
and migrated step by step; a newer one is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1

TABLES = (
    "clients",
    "tasks",
    "time",
    "contacts",
    "invoices",
    "payments",
    "expenses",
    "recurring_invoices",
    "timeoff",
    "settings",
    "meta",
    "undo",
)
"""Every table of the workspace."""

Data = dict[str, dict[str, Any]]


def _v0_to_v1(data: Data) -> Data:
    """Version 0 (no meta table) gains the meta table and empty tables."""
    for table in TABLES:
        data.setdefault(table, {})
    return data


MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _v0_to_v1}
"""``MIGRATIONS[n]`` turns a version-n document into version n+1."""


def version_of(data: Data) -> int:
    """The schema version recorded in ``data`` (0 when there is none)."""
    meta = data.get("meta", {})
    doc = meta.get("1")
    if not isinstance(doc, dict):
        return 0
    version = doc.get("schema", 0)
    return version if isinstance(version, int) else -1


def migrate(data: Data) -> Data:
    """Bring ``data`` up to ``SCHEMA_VERSION``."""
    version = version_of(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    meta = data.setdefault("meta", {})
    doc = meta.setdefault("1", {})
    doc["schema"] = SCHEMA_VERSION
    return data
