"""The palette's commands that work everywhere: panes, quick add, undo, keys, theme, quit."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, cast

from vatui.i18n import _
from vatui.ui.commands import Command, PaneCommands

if TYPE_CHECKING:
    from vatui.ui.pane import PaneHost


class AppCommands(PaneCommands):
    """``App: …`` commands, available on every pane."""

    def commands(self) -> Iterable[Command]:
        app = cast("PaneHost", self.app)
        run = self.app.run_action
        if app.is_ready:
            for mode, title in app.pane_titles().items():
                if mode == app.current_mode:
                    continue
                yield Command(
                    _("App: go to {pane}").format(pane=title),
                    _("Switch to the {pane} pane").format(pane=title),
                    partial(app.action_switch_pane, mode),
                )
            if app.current_mode != "plan":
                yield Command(
                    _("Plan"),
                    _("The weeks ahead: planned hours against your available hours ({keys})"),
                    partial(app.action_switch_pane, "plan"),
                    "pane_plan",
                )
            yield Command(
                _("App: quick add"),
                _("Add a task in one line ({keys})"),
                partial(run, "quick_add"),
                "quick_add",
            )
            yield Command(
                _("App: Import…"),
                _("Trello, CSV (Toggl, Clockify) or JSON: a preview, then you confirm"),
                partial(_exchange, app, "import"),
            )
            yield Command(
                _("App: Export…"),
                _("JSON, CSV, hledger or a calendar (.ics), to a path"),
                partial(_exchange, app, "export"),
            )
            yield Command(
                _("Settings"),
                _("Your business, language, formats, board and reminders ({keys})"),
                partial(run, "settings"),
                "settings",
            )
            label = app.session.undo_label()
            if label is not None:
                yield Command(
                    _("App: undo {label}").format(label=label),
                    _("Undo the last change ({keys})"),
                    partial(run, "undo"),
                    "undo",
                )
        yield Command(
            _("App: keys of this pane"),
            _("Every key you can press here ({keys})"),
            partial(run, "help"),
            "help",
        )
        yield Command(
            _("App: change theme"), _("Pick a theme; it is remembered"), partial(run, "change_theme")
        )
        yield Command(
            _("App: quit"),
            _("Leave vatui; every change is already saved ({keys})"),
            partial(run, "quit"),
            "quit",
        )


def _exchange(app: PaneHost, which: str) -> None:
    from vatui.ui.flows.exchange import start_export, start_import

    (start_import if which == "import" else start_export)(app)
