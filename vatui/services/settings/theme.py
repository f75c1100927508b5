"""Settings the app changes for the user: the theme; one setting at a time, inside the lock."""

from __future__ import annotations

from typing import Any

from vatui.domain.errors import InputError
from vatui.domain.settings import Settings
from vatui.domain.settings_load import read_settings
from vatui.domain.text import check_text
from vatui.i18n import _
from vatui.store.transaction import Tx
from vatui.store.workspace import Workspace

MAX_THEME_NAME = 100


def set_theme(ws: Workspace, theme: str) -> Settings:
    """Remember the app's theme (not undoable: it is a preference, not work)."""
    name = check_text(theme, _("the theme name"), MAX_THEME_NAME)
    if not name:
        raise InputError(_("{theme!r} is not a theme name").format(theme=theme))
    return set_setting(ws, "theme", name)


def set_setting(ws: Workspace, key: str, value: Any) -> Settings:
    """Set ONE setting, inside the lock, on the settings as they are then: a setting another
    session changed meanwhile is kept, and the choice is written even if this session's
    (older) copy already showed it. Not undoable: a preference, not work. A hand-edited bad
    value elsewhere in the record does not stop this one being written."""
    if key == "id" or key not in Settings.__dataclass_fields__:
        raise InputError(_("there is no setting {key!r}").format(key=key))
    with ws.transaction(None) as tx:
        current, _problems = read_settings(tx.get_doc("settings", 1))
        if getattr(current, key) == value:
            return current
        updated = current.with_(id=1, **{key: value})
        write_fields(tx, {key: updated.to_doc()[key]})
        return updated


def write_fields(tx: Tx, fields: dict[str, Any]) -> None:
    """Write these fields of the settings record (and only them: a bad value typed by hand
    in another field stays for the VA to see and fix)."""
    if not fields:
        return
    if tx.get_doc("settings", 1) is None:
        tx.insert("settings", {**Settings().to_doc(), **fields}, 1)
    else:
        tx.update("settings", 1, fields)
