"""Settings the app changes for the user: the theme."""

from __future__ import annotations

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
    current = ws.settings()
    if current.theme == name:
        return current
    with ws.transaction(None) as tx:
        updated = tx.settings().with_(id=1, theme=name)
        if tx.get_doc("settings", 1) is None:
            tx.insert("settings", updated.to_doc(), 1)
            return updated
        return tx.save(updated)
