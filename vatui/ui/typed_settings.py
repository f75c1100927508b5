"""The workspace settings a typed field reads (number format, date order), from whatever
app it runs in: the vatui app gives them (``PaneApp.workspace_settings``), a test host or an app
still opening its workspace gives none, and the field then reads as written by default."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.dom import DOMNode

if TYPE_CHECKING:
    from vatui.domain.settings import Settings


@runtime_checkable
class SettingsHost(Protocol):
    """An app that can say the settings of its open workspace."""

    def workspace_settings(self) -> Settings | None:
        """The settings, or ``None`` while no workspace is open."""
        ...


def settings_of(node: DOMNode) -> Settings | None:
    """The open workspace's settings, seen from a widget (``None``: none open, or no app)."""
    try:
        app = node.app
    except RuntimeError:  # no active app (NoActiveAppError): a widget tested on its own
        return None
    return app.workspace_settings() if isinstance(app, SettingsHost) else None
