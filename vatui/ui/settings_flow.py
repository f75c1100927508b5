"""Opening the Settings screen from the app (the ``,`` key and the palette's "Settings")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import ModalScreen

if TYPE_CHECKING:
    from vatui.ui.app import VatuiApp


def open_settings(app: VatuiApp) -> None:
    """Show the Settings screen on the workspace's settings as they are now."""
    from vatui.services.settings.edit import settings_view
    from vatui.ui.screens.settings import SettingsScreen

    if not app.is_ready or isinstance(app.screen, ModalScreen) or app.screen.id == "settings":
        return
    app.push_screen(SettingsScreen(settings_view(app.ws)), lambda _result: _after(app))


def _after(app: VatuiApp) -> None:
    """The header and the panes follow what was saved (name, columns, limits)."""
    from vatui.domain.errors import VatuiError

    try:
        settings = app.ws.settings()
    except VatuiError as exc:  # a value still bad by hand: named, never a traceback
        app.inform(str(exc), error=True)
        return
    app._workspace_name = settings.workspace_name
    app.reload_active()
    app.refresh_header()
