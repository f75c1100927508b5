"""The vatui app: four panes (Textual modes), global keys, the workspace, live refresh.

The app holds only what crosses panes: the open workspace, ``run_service`` (call a
service, report a ``VatuiError`` as a notification, reload the active pane), the header's
state, the once-a-second check for another session's changes, the theme, the keymap and
the signal handlers. Each pane is its own screen with ``reload()``.

Start-up draws first and reads later: the workspace is opened (and the first triage
computed) in a thread after the first frame, so a large workspace never delays it.
"""

from __future__ import annotations

import asyncio
import shutil
import signal
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.theme import Theme

from vatui.domain.clock import Clock, SystemClock
from vatui.domain.errors import VatuiError
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.paths import workspace_path
from vatui.ui.commands.app import AppCommands
from vatui.ui.keymap import load_keymap
from vatui.ui.render import STYLES
from vatui.ui.widgets.app_header import AppHeader, HeaderState

if TYPE_CHECKING:
    from vatui.services.today import Triage
    from vatui.store.workspace import Workspace

T = TypeVar("T")

PANES: dict[str, str] = {"today": "Today", "board": "Board", "clients": "Clients", "ledger": "Ledger"}
"""Mode name → pane title (translated when shown)."""
RECORD_PANES: dict[str, str] = {
    "task": "board", "invoice": "ledger", "payment": "ledger", "expense": "ledger",
    "client": "clients", "contact": "clients",
}
"""Which pane opens a record of each kind."""
ACTION_PANES: dict[str, str] = {"contact": "clients", "reminder": "ledger"}
"""Which pane performs a Today action."""


def workspace_exists(directory: Path) -> bool:
    """``Workspace.exists`` without importing the store (it loads in the background)."""
    path = workspace_path(directory)
    return path.exists() and path.stat().st_size > 0


def _pane_class(mode: str) -> type[Screen[Any]]:
    """The screen class of a pane, imported when first needed (keeps start-up fast)."""
    if mode == "today":
        from vatui.ui.screens.today import TodayScreen

        return TodayScreen
    if mode == "board":
        from vatui.ui.screens.board import BoardScreen

        return BoardScreen
    if mode == "clients":
        from vatui.ui.screens.clients import ClientsScreen

        return ClientsScreen
    from vatui.ui.screens.ledger import LedgerScreen

    return LedgerScreen


class VatuiApp(App[None]):
    """The full-screen workspace: Today, Board, Clients, Ledger."""

    TITLE = "vatui"
    # Today is the first screen: its stylesheet loads with the app's, so the stylesheet is
    # parsed once before the first frame (a screen's CSS_PATH would parse it all again).
    # The modals' stylesheet loads when the first modal opens (``push_screen``).
    CSS_PATH: ClassVar = [str(STYLES / "app.tcss"), str(STYLES / "today.tcss")]
    MODAL_CSS: ClassVar[Path] = STYLES / "modals.tcss"
    """Shared modal look (``vatui-modal``, ``modal-body``, ``preview``…), loaded on first use."""
    DEFAULT_MODE: ClassVar[str] = "today"
    COMMANDS: ClassVar = {AppCommands}
    CHECK_INTERVAL: ClassVar[float] = 1.0
    """Seconds between checks for another session's changes (one stat each)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "switch_pane('today')", _("Today"), show=False, id="pane_today"),
        Binding("2", "switch_pane('board')", _("Board"), show=False, id="pane_board"),
        Binding("3", "switch_pane('clients')", _("Clients"), show=False, id="pane_clients"),
        Binding("4", "switch_pane('ledger')", _("Ledger"), show=False, id="pane_ledger"),
        Binding("a", "quick_add", _("Add"), id="quick_add"),
        Binding("u", "undo", _("Undo"), id="undo"),
        Binding("question_mark", "help", _("Keys"), id="help"),
        Binding("ctrl+p", "command_palette", _("Palette"), show=False, priority=True, id="command_palette"),
        Binding("q", "quit", _("Quit"), id="quit"),
    ]

    def __init__(
        self, directory: Path, *, clock: Clock | None = None, demo: bool = False,
        size: tuple[int, int] | None = None, keymap_file: Path | None = None,
    ) -> None:
        super().__init__()
        self.directory = Path(directory)
        """The data directory asked for (a sample may live elsewhere)."""
        self.clock: Clock = clock or SystemClock()
        """The clock every service uses."""
        self.demo = demo
        """Running on a throwaway sample workspace."""
        self.preferred_size = size
        """Terminal size for headless runs (tests), if given."""
        self.keymap_file = keymap_file
        self.messages: list[str] = []
        """Every message shown to the user, newest last (tests read it)."""
        self._ws: Workspace | None = None
        self._sample_dir: Path | None = None
        self._panes: dict[str, Screen[Any]] = {}
        self._stale: set[str] = set()
        self._timer: tuple[str, datetime] | None = None
        self._workspace_name = "vatui"
        self._today: date | None = None
        self._minute: datetime | None = None
        self._last_error: str | None = None
        self._ready_event = asyncio.Event()
        for mode in PANES:
            self.add_mode(mode, partial(self.pane, mode))

    # the workspace -----------------------------------------------------------------

    @property
    def ws(self) -> Workspace:
        """The open workspace (opened in the background just after the first frame)."""
        if self._ws is None:
            raise RuntimeError("the workspace is not open yet")
        return self._ws

    @property
    def is_ready(self) -> bool:
        """Whether the workspace is open."""
        return self._ws is not None

    async def when_ready(self) -> None:
        """Wait until the workspace is open and Today shows it (tests use this)."""
        await self._ready_event.wait()

    def on_mount(self) -> None:
        self._install_signal_handlers()
        loaded = load_keymap(self.keymap_file)
        if loaded.keys:
            self.set_keymap(loaded.keys)
        for problem in loaded.problems:
            self.inform(problem, error=True)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.demo or workspace_exists(self.directory):
            self.call_after_refresh(self._start_loading, self.directory, self.demo)
        else:
            from vatui.ui.screens.first_run import FirstRunScreen

            self.push_screen(FirstRunScreen(self.directory), self._first_run_chosen)

    def _first_run_chosen(self, choice: str | None) -> None:
        if choice is None:
            self.exit()
        elif choice == "sample":
            self._sample_dir = Path(tempfile.mkdtemp(prefix="vatui-sample-"))
            self.demo = True
            self._start_loading(self._sample_dir, True)
        else:
            self._start_loading(self.directory, False)

    def _start_loading(self, directory: Path, sample: bool) -> None:
        self.run_worker(partial(self._load, directory, sample), thread=True, exclusive=True,
                        group="load", exit_on_error=False)

    def _load(self, directory: Path, sample: bool) -> None:
        """Open the workspace and triage today, off the event loop (a worker thread)."""
        try:
            from vatui.store.workspace import Workspace

            ws = Workspace.open(directory, self.clock, backup=not sample)
            if sample and not ws.docs("tasks") and not ws.docs("clients"):
                from vatui.services.demo import generate

                generate(ws, clients=5, seed=7)
            from vatui.services.today import triage

            first = triage(ws)
        except (VatuiError, OSError) as exc:
            self.call_from_thread(self._load_failed, str(exc))
            return
        self.call_from_thread(self._loaded, ws, first)

    def _load_failed(self, message: str) -> None:
        from vatui.ui.screens.first_run import RefusedScreen

        self.inform(message, error=True)
        self.push_screen(RefusedScreen(message), lambda _result: self.exit(return_code=1))

    def _loaded(self, ws: Workspace, first: Triage) -> None:
        self._ws = ws
        settings = ws.settings()
        self._workspace_name = settings.workspace_name
        if settings.theme in self.available_themes and settings.theme != self.theme:
            self.theme = settings.theme
        self._refresh_header_cache()
        self.set_interval(self.CHECK_INTERVAL, self.check_for_changes, name="vatui-check")
        today = self.pane("today")
        show = getattr(today, "show_triage", None)
        if today.is_mounted and callable(show):
            show(first)
        self.refresh_bindings()
        self.refresh_header()
        self._ready_event.set()

    def on_unmount(self) -> None:
        if self._ws is not None:
            self._ws.close()
        if self._sample_dir is not None:
            shutil.rmtree(self._sample_dir, ignore_errors=True)

    def _install_signal_handlers(self) -> None:
        """SIGHUP (a dropped SSH session) and SIGTERM exit cleanly; every change is already saved."""
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, self.exit)
            except (NotImplementedError, RuntimeError, ValueError):
                pass

    # panes -------------------------------------------------------------------------

    def pane(self, mode: str) -> Screen[Any]:
        """The screen of a pane, created once (it may not be mounted yet)."""
        screen = self._panes.get(mode)
        if screen is None:
            screen = self._panes[mode] = _pane_class(mode)()
        return screen

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """``App.push_screen``; the first modal loads the modals' stylesheet."""
        if isinstance(screen, ModalScreen):
            self._load_modal_styles()
        return super().push_screen(screen, *args, **kwargs)

    def _load_modal_styles(self) -> None:
        path = str(self.MODAL_CSS)
        if self.stylesheet.has_source(path, ""):
            return
        self.stylesheet.read(self.MODAL_CSS)
        self.stylesheet.reparse()
        self.stylesheet.update(self)

    def pane_titles(self) -> dict[str, str]:
        """Mode → translated pane title, in key order."""
        return {mode: _(title) for mode, title in PANES.items()}

    def active_pane(self) -> Screen[Any] | None:
        """The pane screen of the current mode (not a modal over it)."""
        return self._panes.get(self.current_mode)

    def reload_active(self) -> None:
        """Reload the active pane; the others reload when shown next."""
        self._stale.update(m for m in self._panes if m != self.current_mode)
        screen = self.active_pane()
        reload = getattr(screen, "reload", None)
        if screen is not None and screen.is_mounted and callable(reload):
            reload()
        self.refresh_header()

    async def action_switch_pane(self, mode: str) -> None:
        """Show pane ``mode`` (``1``–``4``)."""
        if not self.is_ready or mode not in PANES:
            return
        if mode == self.current_mode:
            return
        self.check_for_changes()  # so a change not yet seen marks every pane stale
        existed = mode in self._panes and self._panes[mode].is_mounted
        await self.switch_mode(mode)
        if existed and mode in self._stale:
            self._stale.discard(mode)
            reload = getattr(self.screen, "reload", None)
            if callable(reload):
                reload()
        self._stale.discard(mode)
        self.refresh_header()

    def open_record(self, kind: str, ref: int) -> None:
        """Show the pane that owns a record and put its cursor there (``focus_record``)."""
        mode = RECORD_PANES.get(kind)
        if mode is None:
            self.inform(_("Nothing to open for a {kind}.").format(kind=kind))
            return

        async def go() -> None:
            await self.action_switch_pane(mode)
            focus = getattr(self.pane(mode), "focus_record", None)
            if callable(focus):
                focus(kind, ref)

        self.call_later(go)

    def pane_action(self, kind: str, action: str, item: object) -> None:
        """Run a Today action (``contact``, ``reminder``) that another pane implements.

        The owning pane's ``today_action(action, item)`` is called (the pane may not be
        mounted: it should open a modal with ``app.push_screen`` and save with
        ``app.run_service``).
        """
        mode = ACTION_PANES.get(action) or RECORD_PANES.get(kind)
        handler = getattr(self.pane(mode), "today_action", None) if mode else None
        if not callable(handler):
            self.inform(_("Not available yet."))
            return
        handler(action, item)

    # services ----------------------------------------------------------------------

    def run_service(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Call a service; on ``VatuiError`` show its message and return ``None``.

        On success the active pane reloads and the header refreshes.
        """
        try:
            result = fn(*args, **kwargs)
        except VatuiError as exc:
            self.inform(str(exc), error=True)
            return None
        self.reload_active()
        return result

    def inform(self, message: str, *, error: bool = False) -> None:
        """A notification; the message is shown as text, never markup."""
        line = one_line(message, 300)
        self.messages.append(line)
        del self.messages[:-50]
        self.notify(line, severity="error" if error else "information", markup=False,
                    timeout=8 if error else 4)

    def check_for_changes(self) -> None:
        """Once a second: if another session wrote, reload the active pane (one stat otherwise).

        ``Workspace.refresh`` stats the file and says whether the data changed since the
        last refresh, even if some read in between already loaded the new file.
        """
        if self._ws is None:
            return
        try:
            changed = self._ws.refresh()
        except VatuiError as exc:
            if str(exc) != self._last_error:  # say it once, not every second
                self._last_error = str(exc)
                self.inform(str(exc), error=True)
            return
        self._last_error = None
        minute = self.clock.now().replace(second=0, microsecond=0)
        if changed:
            self._workspace_name = self._ws.settings().workspace_name
            self.reload_active()
        elif minute != self._minute:  # the date in the header can change at midnight
            self.refresh_header()
        else:
            self._tick_header()
        self._minute = minute

    # header ------------------------------------------------------------------------

    def _refresh_header_cache(self) -> None:
        if self._ws is None:
            return
        from vatui.services.common import home_today
        from vatui.services.timer import running_timer

        self._today = home_today(self._ws)
        entry = running_timer(self._ws)
        self._timer = None
        if entry is not None:
            title = _("(no task)")
            if entry.task_id is not None:
                doc = self._ws.docs("tasks").get(str(entry.task_id))
                title = str(doc["title"]) if doc else title
            self._timer = (title, entry.start)

    def header_state(self) -> HeaderState:
        """What the header shows now."""
        seconds = 0
        if self._timer is not None:
            seconds = int((self.clock.now() - self._timer[1]).total_seconds())
        return HeaderState(
            workspace=self._workspace_name, pane=self.pane_titles().get(self.current_mode, ""),
            today=self._today, timer_title=self._timer[0] if self._timer else None,
            timer_seconds=seconds, sample=self.demo,
        )

    def refresh_header(self) -> None:
        """Re-read the timer and the date, and redraw the header of the screen shown."""
        self._refresh_header_cache()
        self._redraw_header()

    def _redraw_header(self) -> None:
        for screen in (self.screen, self.active_pane()):
            if screen is not None and screen.is_mounted:
                for header in screen.query(AppHeader):
                    header.refresh()

    def _tick_header(self) -> None:
        """Each second: redraw only if a timer runs (its clock moves)."""
        if self._timer is not None:
            self._redraw_header()

    # theme -------------------------------------------------------------------------

    def _theme_changed(self, theme: Theme) -> None:
        if self._ws is None:
            return
        from vatui.services.settings import set_theme

        try:
            set_theme(self._ws, theme.name)
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
        from vatui.services.common import client_refs, home_today
        from vatui.ui.modals.quick_add import QuickAddModal

        ws = self.ws
        column_of = getattr(self.active_pane(), "quick_add_column", None)
        default_column = column_of() if callable(column_of) else None
        clients = sorted(client_refs(ws), key=lambda c: c[1].casefold())
        modal = QuickAddModal(clients, ws.settings().columns, home_today(ws), default_column)
        self.push_screen(modal, self._quick_added)

    def _quick_added(self, text: str | None) -> None:
        if not text:
            return
        from vatui.services.tasks import quick_add

        task = self.run_service(quick_add, self.ws, text)
        if task is not None:
            self.inform(_("Added “{title}” to {column}").format(title=one_line(task.title, 50),
                                                                column=task.column))
            focus = getattr(self.active_pane(), "focus_record", None)
            if callable(focus):
                focus("task", task.id)

    def action_undo(self) -> None:
        """``u``: undo the last change (from any session)."""
        label = self.run_service(self.ws.undo)
        if label is not None:
            self.inform(_("Undone: {label}").format(label=label))

    def action_help(self) -> None:
        """``?``: every key of this pane and the global ones."""
        from vatui.ui.screens.help import HelpModal, key_rows

        if isinstance(self.screen, ModalScreen):
            return
        title = self.pane_titles().get(self.current_mode, "vatui")
        self.push_screen(HelpModal(title, key_rows(self.screen, self)))

    async def action_quit(self) -> None:
        """``q``: leave (every change was saved when it was made)."""
        self.exit()

    def run_test(self, **kwargs: Any) -> Any:
        """``App.run_test`` with this app's preferred size by default."""
        if self.preferred_size is not None:
            kwargs.setdefault("size", self.preferred_size)
        return super().run_test(**kwargs)


def make_app(directory: Path, *, clock: Clock | None = None, demo: bool = False,
             size: tuple[int, int] | None = None) -> VatuiApp:
    """The app on ``directory`` (tests reuse this factory)."""
    return VatuiApp(directory, clock=clock, demo=demo, size=size)


def run_app(directory: Path, clock: Clock | None = None, demo: bool = False) -> None:
    """Run the app in the terminal until the user quits (or a signal ends it)."""
    app = make_app(directory, clock=clock, demo=demo)
    app.run()
