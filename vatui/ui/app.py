"""The vatui app: global keys, start-up (first run, sample, loading), theme, signals.

What crosses panes (the workspace, ``run_service``, live refresh, the header's state) is
in ``vatui.ui.app_base.PaneApp``; each pane is its own screen with ``reload()``.

Start-up draws first and reads later (``vatui.ui.app_start.StartingApp``): Today's first
frame shows the kept Today summary when there is one, the workspace is opened (and the
first triage computed) in a thread after it, so a large workspace never delays it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.theme import Theme

from vatui.domain.clock import Clock
from vatui.domain.errors import VatuiError
from vatui.domain.fold import sort_key
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.ui import shutdown
from vatui.ui.app_base import PANES
from vatui.ui.app_start import StartingApp, workspace_exists
from vatui.ui.keymap import load_keymap
from vatui.ui.render import STYLES

if TYPE_CHECKING:
    from textual.command import Provider

    from vatui.ui.screens.first_run import FirstRunChoice

__all__ = ["PANES", "VatuiApp", "make_app", "run_app"]


def _app_commands() -> type[Provider]:
    """The palette's app-wide commands, imported when the palette first opens."""
    from vatui.ui.commands.app import AppCommands

    return AppCommands


def _record_search() -> type[Provider]:
    """The palette's record search, imported when the palette first opens."""
    from vatui.ui.commands.search import RecordSearch

    return RecordSearch


class VatuiApp(StartingApp):
    """The full-screen workspace: Today, Board, Clients, Ledger, Plan."""

    TITLE = "vatui"
    # Today is the first screen: its stylesheet loads with the app's, so the stylesheet is
    # parsed once before the first frame (a screen's CSS_PATH would parse it all again).
    # The modals' stylesheet loads when the first modal opens (``PaneApp.push_screen``).
    CSS_PATH: ClassVar = [str(STYLES / "app.tcss"), str(STYLES / "today.tcss")]
    COMMANDS: ClassVar = {_app_commands, _record_search}
    """The palette's providers, loaded on its first use (not before the first frame)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "switch_pane('today')", _("Today"), show=False, id="pane_today"),
        Binding("2", "switch_pane('board')", _("Board"), show=False, id="pane_board"),
        Binding("3", "switch_pane('clients')", _("Clients"), show=False, id="pane_clients"),
        Binding("4", "switch_pane('ledger')", _("Ledger"), show=False, id="pane_ledger"),
        Binding("5", "switch_pane('plan')", _("Plan"), show=False, id="pane_plan"),
        Binding("a", "quick_add", _("Add"), id="quick_add"),
        Binding("u", "undo", _("Undo"), id="undo"),
        Binding("question_mark", "help", _("Keys"), id="help"),
        Binding("comma", "settings", _("Settings"), show=False, id="settings"),
        Binding("ctrl+p", "command_palette", _("Palette"), show=False, priority=True, id="command_palette"),
        Binding("q", "quit", _("Quit"), id="quit"),
    ]

    def __init__(
        self,
        directory: Path,
        *,
        clock: Clock | None = None,
        demo: bool = False,
        size: tuple[int, int] | None = None,
        keymap_file: Path | None = None,
    ) -> None:
        super().__init__(directory, clock=clock, demo=demo)
        self.preferred_size = size
        """Terminal size for headless runs (tests), if given."""
        self.keymap_file = keymap_file
        """The keymap file (``keymap.toml`` in the config directory by default)."""
        self._sample_dir: Path | None = None

    # start-up (the loading itself: ``vatui.ui.app_start``) -------------------------

    def on_mount(self) -> None:
        self._install_signal_handlers()
        loaded = load_keymap(self.keymap_file)
        if loaded.keys:
            self.set_keymap(loaded.keys)
        for problem in loaded.problems:
            self.inform(problem, error=True)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.demo or workspace_exists(self.directory):
            self._holding = True
            self.call_after_refresh(self._start_loading, self.directory, self.demo)
        else:
            from vatui.ui.screens.first_run import FirstRunScreen

            self.push_screen(FirstRunScreen(self.directory), self._first_run_chosen)

    def _first_run_chosen(self, choice: FirstRunChoice) -> None:
        if choice is None:
            self.exit()
        elif choice == "sample":
            self._sample_dir = Path(tempfile.mkdtemp(prefix="vatui-sample-"))
            shutdown.remove_on_exit(self._sample_dir)
            self.demo = True
            self._start_loading(self._sample_dir, True)
        else:
            self._first_answers = choice.answers
            self._start_loading(self.directory, False)

    def on_unmount(self) -> None:
        if self._session is not None:
            self._session.close(compact=True)  # the journal folded in: the file whole once vatui is closed
        if self._sample_dir is not None:
            shutil.rmtree(self._sample_dir, ignore_errors=True)

    def _install_signal_handlers(self) -> None:
        """SIGHUP (a dropped SSH session) and SIGTERM exit cleanly; every change is already saved.

        ``run_app`` installs them before the app starts (``vatui.ui.shutdown``); a signal
        that came before the app was running ends it now.
        """
        if self.is_headless:
            return
        shutdown.install(self)
        if shutdown.received() is not None:
            self.exit()

    def _fatal_error(self) -> None:
        """An unexpected error ends the app with a short traceback on stderr and exit code 1.

        Textual's own shows every frame's local variables: they may hold workspace content
        (a client's notes, the first bytes of a damaged file).
        """
        import sys
        import traceback

        from rich.text import Text

        self.bell()
        kind, error, trace = sys.exc_info()
        lines = traceback.format_exception(kind, error, trace, limit=-6) if kind else []
        headline = _("vatui stopped on an unexpected error; every change it acknowledged is saved.")
        self._return_code = 1
        self._exit_renderables.append(Text(headline + "\n" + "".join(lines).rstrip()))
        self._close_messages_no_wait()

    # theme -------------------------------------------------------------------------

    def _theme_changed(self, theme: Theme) -> None:
        if self._session is None:
            return
        from vatui.services.settings.theme import set_theme

        try:
            self._session.run(set_theme, theme.name)
        except VatuiError as exc:
            self.inform(str(exc), error=True)

    # global actions ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Workspace actions wait until the workspace is open."""
        if action in ("quick_add", "undo", "switch_pane") and not self.is_ready:
            return False
        if action in ("quick_add", "undo", "switch_pane") and isinstance(self.screen, ModalScreen):
            return False
        return True

    def action_quick_add(self) -> None:
        """``a``: add a task in one line, with a live preview."""
        from vatui.services.common import client_refs
        from vatui.ui.modals.quick_add import QuickAddModal

        session = self.session
        pane = self.active_pane()
        default_column = pane.quick_add_column() if pane is not None else None
        clients = sorted(session.run(client_refs), key=lambda c: sort_key(c[1]))
        modal = QuickAddModal(clients, session.settings().columns, session.today(), default_column)
        self.push_screen(modal, self._quick_added)

    def _quick_added(self, text: str | None) -> None:
        if not text:
            return
        from vatui.services.tasks.manage import quick_add

        task = self.run_service(quick_add, text)
        if task is not None:
            self.inform(
                _("Added “{title}” to {column}").format(title=one_line(task.title, 50), column=task.column)
            )
            pane = self.active_pane()
            if pane is not None:
                pane.focus_record("task", task.id)

    def action_undo(self) -> None:
        """``u``: undo the last change (from any session)."""
        label = self.attempt(self.session.undo)
        if label is not None:
            self.inform(_("Undone: {label}").format(label=label))

    def action_command_palette(self) -> None:
        """``ctrl+p``: Textual's palette, its prompt in the language in use."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def action_settings(self) -> None:
        """``,``: the Settings screen."""
        from vatui.ui.settings_flow import open_settings

        open_settings(self)

    def action_help(self) -> None:
        """``?``: every key of this pane and the global ones."""
        from vatui.ui.screens.help import HelpModal, key_rows

        if isinstance(self.screen, ModalScreen):
            return
        title = self.pane_titles().get(self.current_mode, "vatui")
        self.push_screen(HelpModal(title, key_rows(self.screen, self)))

    async def action_quit(self) -> None:
        """``q``, ``ctrl+q``: leave (every change was saved when it was made).

        On a form with typed input, ask before throwing it away.
        """
        from vatui.ui.modals.form import FormModal

        if isinstance(self.screen, FormModal):
            self.screen.confirm_discard(self.exit)
            return
        self.exit()

    def run_test(self, **kwargs: Any) -> Any:
        """``App.run_test`` with this app's preferred size by default."""
        if self.preferred_size is not None:
            kwargs.setdefault("size", self.preferred_size)
        return super().run_test(**kwargs)


def make_app(
    directory: Path, *, clock: Clock | None = None, demo: bool = False, size: tuple[int, int] | None = None
) -> VatuiApp:
    """The app on ``directory`` (tests reuse this factory)."""
    return VatuiApp(directory, clock=clock, demo=demo, size=size)


def run_app(directory: Path, clock: Clock | None = None, demo: bool = False) -> int:
    """Run the app in the terminal until the user quits (or a signal ends it); the exit code.

    SIGHUP and SIGTERM are handled from before the app starts (``vatui.ui.shutdown``).
    """
    app = make_app(directory, clock=clock, demo=demo)
    if demo:  # a throwaway sample: gone even if a hangup ends the process at once
        shutdown.remove_on_exit(directory)
    shutdown.install(app)
    app.run()
    return app.return_code or 0
