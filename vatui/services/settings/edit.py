"""Changing settings by key (``vatui settings set``, the Settings screen, the first run).

Each key is checked by its rule in ``vatui.domain.settings_rules``; only the fields that
change are written, inside the lock, on the settings as they are then. A hand-edited bad
value elsewhere in the record does not stop a good one being saved (that is how it is
fixed). Renaming the board's columns in place moves their tasks with them (one undo step).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from vatui.domain import settings_rules as rules
from vatui.domain.errors import InputError
from vatui.domain.settings import Settings
from vatui.domain.settings_load import bad_fields, read_settings
from vatui.i18n import _
from vatui.services.queries import settings_docs, task_docs
from vatui.services.settings.theme import write_fields
from vatui.store.transaction import Tx
from vatui.store.workspace import Workspace


@dataclass(frozen=True, slots=True)
class SettingRow:
    """One setting as shown: its key, its value as typed, the values it allows."""

    key: str
    value: str
    allowed: str


@dataclass(frozen=True, slots=True)
class SettingsView:
    """Every setting, and what is wrong with the stored record (hand edits)."""

    settings: Settings
    rows: list[SettingRow]
    problems: list[str]
    bad: dict[str, str]
    """Key → the refused value as stored, as text (to be fixed)."""


def settings_view(ws: Workspace) -> SettingsView:
    """Every setting with its value; bad stored values are listed, shown as their default."""
    doc = settings_docs(ws).get("1")
    settings, problems = read_settings(doc)
    rows = [
        SettingRow(key, rules.value_of(settings, key), rules.describe(key))
        for key in rules.all_keys(settings)
    ]
    stored = bad_fields(doc)
    bad = {key: _as_text(stored[rule.field]) for key, rule in rules.RULES.items() if rule.field in stored}
    return SettingsView(settings, rows, problems, bad)


def _as_text(raw: object) -> str:
    if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
        return ",".join(raw)
    return raw if isinstance(raw, str) else repr(raw)


def check_setting(settings: Settings, key: str, text: str) -> Settings:
    """``settings`` with ``key`` set from ``text``, or ``InputError`` (for live checking)."""
    return rules.apply(settings, key, text)


def set_settings(ws: Workspace, changes: Mapping[str, str] | Iterable[tuple[str, str]]) -> Settings:
    """Set each key from its typed text, all or nothing; returns the settings saved."""
    items = list(changes.items()) if isinstance(changes, Mapping) else list(changes)
    before_doc = settings_docs(ws).get("1")
    before, _problems = read_settings(before_doc)
    after = before
    for key, text in items:
        after = rules.apply(after, key, text)
    renames = _renames(before, after)
    label = _("Rename board columns") if renames else None
    with ws.transaction(label) as tx:
        raw = tx.get_doc("settings", 1) or {}
        current, _problems = read_settings(raw)
        updated = current
        for key, text in items:
            updated = rules.apply(updated, key, text)
        _move_tasks(tx, current, updated)
        fields = rules.changed_fields(current, updated)
        new_doc = updated.to_doc()
        for key, _text in items:  # a bad stored value set to its default is written too
            field = rules.RULES[key].field if key in rules.RULES else None
            if field is not None and raw.get(field) != new_doc[field]:
                fields[field] = new_doc[field]
        write_fields(tx, fields)
        return updated


def set_from_text(ws: Workspace, key: str, text: str) -> Settings:
    """Set one key from its typed text (``vatui settings set KEY VALUE``)."""
    return set_settings(ws, [(key, text)])


def _renames(before: Settings, after: Settings) -> dict[str, str]:
    """Old column name → new, when the board keeps its number of columns."""
    if before.columns == after.columns or len(before.columns) != len(after.columns):
        return {}
    return {old: new for old, new in zip(before.columns, after.columns, strict=True) if old != new}


def _move_tasks(tx: Tx, before: Settings, after: Settings) -> None:
    """Tasks follow a column renamed in place; a column that still holds tasks cannot go."""
    if before.columns == after.columns:
        return
    renames = _renames(before, after)
    for doc_id, doc in task_docs(tx).items():
        column = doc.get("column")
        if column in renames:
            tx.update("tasks", int(doc_id), {"column": renames[column]})
        elif column in before.columns and column not in after.columns:
            raise InputError(
                _(
                    "columns: the column {name!r} still holds tasks; move them first, or rename it "
                    "in place (same number of columns)"
                ).format(name=column)
            )


def stored_language(ws: Workspace) -> str:
    """The workspace's ``language`` setting (empty: the environment's; a bad value: empty)."""
    settings, _problems = read_settings(settings_docs(ws).get("1"))
    return settings.language
