"""Settings the app changes for the user: the theme; one setting at a time, inside the lock."""

from __future__ import annotations

from typing import Any

from vatui.domain.errors import InputError
from vatui.domain.settings import Settings
from vatui.domain.text import check_text
from vatui.i18n import _
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
    (older) copy already showed it. Not undoable: a preference, not work."""
    if key == "id" or key not in Settings.__dataclass_fields__:
        raise InputError(_("there is no setting {key!r}").format(key=key))
    with ws.transaction(None) as tx:
        current = tx.settings()
        if getattr(current, key) == value:
            return current
        updated = current.with_(id=1, **{key: value})
        if tx.get_doc("settings", 1) is None:
            tx.insert("settings", updated.to_doc(), 1)
            return updated
        tx.update("settings", 1, {key: updated.to_doc()[key]})
        return updated
