"""The vatui app: global keys, start-up (first run, sample, loading), theme, signals.

What crosses panes (the workspace, ``run_service``, live refresh, the header's state) is
in ``vatui.ui.app_base.PaneApp``; each pane is its own screen with ``reload()``.

Start-up draws first and reads later: the workspace is opened (and the first triage
computed) in a thread after the first frame, so a large workspace never delays it.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.theme import Theme

from vatui.domain.clock import Clock
from vatui.domain.errors import VatuiError
from vatui.domain.fold import sort_key
from vatui.domain.money_display import set_display
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.paths import workspace_path
from vatui.ui import shutdown
from vatui.ui.app_base import PANES, PaneApp
from vatui.ui.keymap import load_keymap
from vatui.ui.language import retranslate_keys, switch_language
from vatui.ui.render import STYLES

if TYPE_CHECKING:
    from textual.command import Provider

    from vatui.domain.triage import Triage
    from vatui.services.session import Session
    from vatui.ui.screens.first_run import FirstRunChoice

__all__ = ["PANES", "VatuiApp", "make_app", "run_app"]


def workspace_exists(directory: Path) -> bool:
    """``Session.exists`` without importing the store (it loads in the background)."""
    path = workspace_path(directory)
    return path.exists() and path.stat().st_size > 0


def _app_commands() -> type[Provider]:
    """The palette's app-wide commands, imported when the palette first opens."""
    from vatui.ui.commands.app import AppCommands

    return AppCommands


def _record_search() -> type[Provider]:
    """The palette's record search, imported when the palette first opens."""
    from vatui.ui.commands.search import RecordSearch

    return RecordSearch


class VatuiApp(PaneApp):
    """The full-screen workspace: Today, Board, Clients, Ledger, Plan."""

    TITLE = "vatui"
    # Today is the first screen: its stylesheet loads with the app's, so the stylesheet is
    # parsed once before the first frame (a screen's CSS_PATH would parse it all again).
    # The modals' stylesheet loads when the first modal opens (``PaneApp.push_screen``).
    CSS_PATH: ClassVar = [str(STYLES / "app.tcss"), str(STYLES / "today.tcss")]
    COMMANDS: ClassVar = {_app_commands, _record_search}
    """The palette's providers, loaded on its first use (not before the first frame)."""
    CHECK_INTERVAL: ClassVar[float] = 1.0
    """Seconds between checks for another session's changes (one stat each)."""
    TYPEAHEAD: ClassVar[int] = 64
    """Keys kept while the workspace opens (the rest typed meanwhile are dropped)."""
    QUIT_KEYS: ClassVar[frozenset[str]] = frozenset({"ctrl+c", "ctrl+q"})
    """Keys never held back: they act at once, the workspace open or not."""

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
        super().__init__(clock=clock, demo=demo)
        self.directory = Path(directory)
        """The data directory asked for (a sample may live elsewhere)."""
        self.preferred_size = size
        """Terminal size for headless runs (tests), if given."""
        self.keymap_file = keymap_file
        """The keymap file (``keymap.toml`` in the config directory by default)."""
        self._sample_dir: Path | None = None
        self._first_answers: dict[str, str] = {}
        """The first run's answers, written into the new workspace when it opens."""
        self._ready_event = asyncio.Event()
        self._holding = False
        """Keys are held back (the workspace is opening) and replayed once Today shows it."""
        self._held: list[events.Key] = []
        self._replaying: events.Key | None = None
        self._kept: Triage | None = None
        """The kept Today summary painted before the workspace was open (``on_load``)."""

    # start-up ----------------------------------------------------------------------

    async def when_ready(self) -> None:
        """Wait until the workspace is open and Today shows it, its early warning included
        (tests use this)."""
        await self._ready_event.wait()
        await self.workers.wait_for_complete()

    def on_load(self) -> None:
        """Before the first frame: a valid kept Today summary is what Today shows first,
        while the workspace opens behind it (``vatui.ui.first_frame``)."""
        if self.demo or not workspace_exists(self.directory):
            return
        from vatui.ui.first_frame import kept_today
        from vatui.ui.screens.today import TodayScreen

        kept = kept_today(self.directory, self.clock.now())
        today = self.pane("today")
        if kept is not None and isinstance(today, TodayScreen):
            self._kept = kept
            self._today = kept.on  # the header's date, before the settings are read
            today.preset(kept)

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

    def _start_loading(self, directory: Path, sample: bool) -> None:
        self._holding = True
        self.run_worker(
            partial(self._load, directory, sample),
            thread=True,
            exclusive=True,
            group="load",
            exit_on_error=False,
        )

    def _load(self, directory: Path, sample: bool) -> None:
        """Open the workspace and triage today, off the event loop (a worker thread)."""
        try:
            from vatui.services.session import Session

            # keep_last_good: damaged while open, show what was read and refuse writes
            session = Session.open(
                directory, self.clock, backup=not sample, lenient_settings=True, keep_last_good=True
            )
            if not sample and self._first_answers:
                from vatui.services.settings.first_run import set_up

                session.run(set_up, self._first_answers)
            settings = session.settings()
            english = switch_language(settings.language)  # before triage: its labels too
            set_display(settings.numbers, settings.default_currency)  # money as written here
            if sample and session.is_empty():
                from vatui.demo.workspace import generate

                session.run(generate, clients=5, seed=7)
            from vatui.services.today.triage import triage

            first = session.run(triage)
            keep = None if sample else self._keeper(session, first)
        except (VatuiError, OSError) as exc:
            if shutdown.received() is None:
                self.from_thread(self._load_failed, str(exc))
            return
        except Exception as exc:  # a bug: end as any unexpected error does, never hang on "Opening…"
            self.from_thread(self._load_crashed, exc)
            return
        if shutdown.received() is not None:  # hung up meanwhile: the app is ending
            session.close()
            return
        self.from_thread(self._loaded, session, first, english)
        if keep is not None:  # for the next start, once Today shows this one
            keep()

    def _keeper(self, session: Session, first: Triage) -> Callable[[], bool] | None:
        """The work that keeps Today's summary (``services.today.kept``), unless the one
        painted first is this very triage (it is kept already)."""
        if first == self._kept:
            return None
        from vatui.services.today.kept import keeper

        return keeper(session)

    def _load_crashed(self, error: Exception) -> None:
        raise error

    def _load_failed(self, message: str) -> None:
        from vatui.ui.screens.first_run import RefusedScreen

        self._holding = False  # the refusal reads the keys from now on
        self._held.clear()
        self.inform(message, error=True)
        self.push_screen(RefusedScreen(message), lambda _result: self.exit(return_code=1))

    def _loaded(self, session: Session, first: Triage, english: dict[str, str] | None = None) -> None:
        self._session = session
        self._kept = None
        self.say_settings_problems()
        for notice in session.notices:  # the open's housekeeping: recurring drafts skipped or refused
            self.inform(notice)
        settings = session.settings()
        if english is not None:
            retranslate_keys(self, english)
        self._workspace_name = settings.workspace_name
        if settings.theme in self.available_themes and settings.theme != self.theme:
            self.theme = settings.theme
        self._refresh_header_cache()
        self.set_interval(self.CHECK_INTERVAL, self.check_for_changes, name="vatui-check")
        from vatui.ui.screens.today import TodayScreen

        today = self.pane("today")
        if isinstance(today, TodayScreen) and today.is_mounted:
            today.show_triage(first)
        self.refresh_bindings()
        self.refresh_header()
        self._replay_typeahead()

    # type-ahead --------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """While the workspace opens, a key is kept (not lost on the loading screen)."""
        if (
            isinstance(event, events.Key)
            and self._holding
            and not event.is_forwarded
            and event is not self._replaying
            and event.key not in self.QUIT_KEYS
        ):
            self.app_focus = True  # as Textual does on a key: the screens focus their first field
            if len(self._held) < self.TYPEAHEAD:
                self._held.append(event)
            event.stop()
            return
        await super().on_event(event)

    def _replay_typeahead(self) -> None:
        """Apply the kept keys one by one, each once the screen the last one opened is up
        (its focus set); keys typed meanwhile join the end of the queue: typing order holds."""
        if not self._held:
            self._holding = False
            self._replaying = None
            self._ready_event.set()
            return
        held = self._held.pop(0)
        key = events.Key(held.key, held.character)
        key.set_sender(self)
        self._replaying = key
        self.post_message(key)
        self.call_after_refresh(self._settle_typeahead, None)

    def _settle_typeahead(self, waited: Screen[Any] | None) -> None:
        """Replay the next key once the screen in front has handled what it was sent
        (mounting, focusing) since the last key."""
        if self._exit:  # a kept key quit
            return
        screen = self.screen
        if screen is waited and screen.is_mounted:
            self._replay_typeahead()
        elif not screen.call_after_refresh(self._settle_typeahead, screen):
            self.set_timer(0.01, partial(self._settle_typeahead, None))

    def on_unmount(self) -> None:
        if self._session is not None:
            self._session.close()
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
