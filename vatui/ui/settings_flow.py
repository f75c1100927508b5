"""Opening the Settings screen from the app (the ``,`` key and the palette's "Settings")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import ModalScreen

if TYPE_CHECKING:
    from vatui.ui.app_base import PaneApp


def open_settings(app: PaneApp) -> None:
    """Show the Settings screen on the workspace's settings as they are now."""
    from vatui.services.settings.edit import settings_view
    from vatui.ui.screens.settings import SettingsScreen

    if not app.is_ready or isinstance(app.screen, ModalScreen) or app.screen.id == "settings":
        return
    app.push_screen(SettingsScreen(app.session.run(settings_view)), lambda _result: app.settings_saved())
