"""What the app holds across panes: the session, the panes, services, live refresh, header.

``PaneApp`` is the base of ``VatuiApp`` (``vatui.ui.app``): panes are Textual modes whose
screens are created once (``pane(mode)``), ``run_service`` calls a service and reloads the
active pane, ``check_for_changes`` notices another session's writes, and the header's
state (workspace, pane, timer, date) is kept here so every pane's ``AppHeader`` shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, ParamSpec, TypeVar

from textual import events
from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen

from vatui.domain.clock import Clock, SystemClock
from vatui.domain.errors import VatuiError
from vatui.domain.text import clean, one_line
from vatui.i18n import N_, _
from vatui.ui.key_burst import move_focus_now, spread_paste
from vatui.ui.pane import Pane, PaneHost
from vatui.ui.render import STYLES
from vatui.ui.stylesheet import KeptStylesheet
from vatui.ui.widgets.app_header import AppHeader, HeaderState

if TYPE_CHECKING:
    from vatui.domain.settings import Settings
    from vatui.services.search import SearchIndex
    from vatui.services.session import Session, UseCase

P = ParamSpec("P")
T = TypeVar("T")

PANES: dict[str, str] = {
    "today": N_("Today"),
    "board": N_("Board"),
    "clients": N_("Clients"),
    "ledger": N_("Ledger"),
    "plan": N_("Plan"),
}
"""Mode name → pane title (translated when shown)."""
RECORD_PANES: dict[str, str] = {
    "task": "board",
    "invoice": "ledger",
    "payment": "ledger",
    "expense": "ledger",
    "client": "clients",
    "contact": "clients",
}
"""Which pane opens a record of each kind."""


def pane_class(mode: str) -> type[Pane]:
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
    if mode == "plan":
        from vatui.ui.screens.plan import PlanScreen

        return PlanScreen
    from vatui.ui.screens.ledger import LedgerScreen

    return LedgerScreen


class PaneApp(App[None]):
    """Five panes over one workspace; ``VatuiApp`` adds the keys, start-up and theme."""

    DEFAULT_MODE: ClassVar[str] = "today"
    MODAL_CSS: ClassVar[Path] = STYLES / "modals.tcss"
    """Shared modal look (``vatui-modal``, ``modal-body``, ``preview``…), loaded on first use."""

    def __init__(self, *, clock: Clock | None = None, demo: bool = False) -> None:
        super().__init__()
        self.stylesheet = KeptStylesheet(variables=self.stylesheet._variables)
        """Each source parsed once for the theme's variables (``vatui.ui.stylesheet``)."""
        self.clock: Clock = clock or SystemClock()
        """The clock every service uses."""
        self.demo = demo
        """Running on a throwaway sample workspace."""
        self.messages: list[str] = []
        """Every message shown to the user, newest last (tests read it)."""
        self._session: Session | None = None
        self._panes: dict[str, Pane] = {}
        self._stale: set[str] = set()
        self._switching_back = False
        """During a switch of pane: Textual's fixed masking delay is not used (see ``delay_update``)."""
        self._timer: tuple[str, datetime] | None = None
        self._workspace_name = "vatui"
        self._today: date | None = None
        self._minute: datetime | None = None
        self._said_settings: list[str] = []
        """The bad settings already named (each is said once)."""
        self._last_error: str | None = None
        self._collecting: list[list[str]] = []
        for mode in PANES:
            self.add_mode(mode, partial(self.pane, mode))

    # the session ------------------------------------------------------------------

    @property
    def session(self) -> Session:
        """The open workspace, seen through services (opened in the background just after
        the first frame)."""
        if self._session is None:
            raise RuntimeError("the workspace is not open yet")
        return self._session

    @property
    def is_ready(self) -> bool:
        """Whether the workspace is open."""
        return self._session is not None

    def workspace_settings(self) -> Settings | None:
        """The workspace settings, or ``None`` while the workspace opens (typed fields
        read the number format and date order here: ``vatui.ui.typing_settings``)."""
        return self._session.settings() if self._session is not None else None

    # panes ------------------------------------------------------------------------

    def pane(self, mode: str) -> Pane:
        """The screen of a pane, created once (it may not be mounted yet)."""
        screen = self._panes.get(mode)
        if screen is None:
            screen = self._panes[mode] = pane_class(mode)()
        return screen

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """``App.push_screen``; the first modal loads the modals' stylesheet.

        A form's callback (the screen's save) is handed to the form as its ``saver``: the
        form calls it while still open, and stays open when the save is refused.
        """
        if isinstance(screen, ModalScreen):
            self._load_modal_styles()
        from vatui.ui.modals.form import FormModal

        callback = args[0] if args else kwargs.get("callback")
        if isinstance(screen, FormModal) and callback is not None and not kwargs.get("wait_for_dismiss"):
            screen.saver = callback
            args, kwargs = (), {k: v for k, v in kwargs.items() if k != "callback"}
        return super().push_screen(screen, *args, **kwargs)

    def from_thread(self, callback: Callable[..., object], *args: Any) -> None:
        """From a worker thread: run ``callback(*args)`` on the app's loop, without waiting.

        ``call_from_thread`` waits for the loop; once the app is ending (``q``, a hangup)
        it waits forever, and the process cannot end. Here the worker goes on (and ends),
        and a callback that comes once the app has begun to end is dropped (a pane's widgets
        may already be gone).
        """
        loop = self._loop
        if loop is None or loop.is_closed() or self._exit:
            return

        def run() -> None:
            if not self._running:  # ending meanwhile: its screens are being taken down
                return
            try:
                with self._context():
                    callback(*args)
            except Exception as error:  # as if raised in a message handler
                self._handle_exception(error)

        try:
            loop.call_soon_threadsafe(run)
        except RuntimeError:  # the loop closed meanwhile: the app has ended
            pass

    def collect_errors(self, fn: Callable[..., object], *args: Any) -> list[str]:
        """Call ``fn``; the error messages it showed (``inform(error=True)``), newest last.

        A form saving through its screen uses it: the errors are shown in the form, not as
        notifications.
        """
        self._collecting.append([])
        try:
            fn(*args)
        finally:
            errors = self._collecting.pop()
        return errors

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

    def active_pane(self) -> Pane | None:
        """The pane screen of the current mode (not a modal over it)."""
        return self._panes.get(self.current_mode)

    def reload_active(self) -> None:
        """Reload the active pane; the others reload when shown next."""
        self._stale.update(m for m in self._panes if m != self.current_mode)
        screen = self.active_pane()
        if screen is not None and screen.is_mounted:
            screen.reload()
        self.refresh_header()

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual's ``switch_mode`` holds every update back 50 ms to mask a screen still being
        composed. A pane already drawn has nothing to mask, so a switch back to it shows at once
        (that delay alone was over the 50 ms a switch back may take); a pane shown the first
        time is masked exactly until it is mounted (``action_switch_pane``), not 50 ms."""
        if self._switching_back:
            return
        super().delay_update(delay)

    async def action_switch_pane(self, mode: str) -> None:
        """Show pane ``mode`` (``1``–``5``)."""
        if not self.is_ready or mode not in PANES:
            return
        if mode == self.current_mode:
            return
        self.check_for_changes()  # so a change not yet seen marks every pane stale
        existed = mode in self._panes and self._panes[mode].is_mounted
        self._switching_back = True  # Textual's 50 ms mask is replaced by the batch below
        try:
            if existed:
                await self.switch_mode(mode)
            else:
                with self.batch_update():  # a new pane: nothing shown until it is mounted
                    await self.switch_mode(mode)
                self.screen.refresh()
        finally:
            self._switching_back = False
        if existed and mode in self._stale:
            self._stale.discard(mode)
            self._panes[mode].reload()
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
            self.pane(mode).focus_record(kind, ref)

        self.call_later(go)

    def search_index(self) -> SearchIndex | None:
        """The workspace read for the palette's record search (``None`` while it opens)."""
        from vatui.services.search import build_index

        if self._session is None:
            return None
        return self._session.snapshot().run(build_index)  # a worker thread: a frozen moment

    def show_drafts(self) -> None:
        """Show the Ledger's invoices narrowed to the drafts (Today's "recurring drafts")."""
        from vatui.ui.screens.ledger import LedgerScreen

        async def go() -> None:
            await self.action_switch_pane("ledger")
            ledger = self.pane("ledger")
            if isinstance(ledger, LedgerScreen):
                ledger.show_drafts()

        self.call_later(go)

    def focus_week(self, start: date) -> None:
        """Show the Plan opened on the week starting ``start`` (Today's early warning)."""
        from vatui.ui.screens.plan import PlanScreen

        async def go() -> None:
            await self.action_switch_pane("plan")
            plan = self.pane("plan")
            if isinstance(plan, PlanScreen):
                plan.focus_week(start)

        self.call_later(go)

    # services and live refresh ----------------------------------------------------

    def run_service(self, fn: UseCase[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T | None:
        """Run a service use case on the session (``session.run(fn, *args)``); on
        ``VatuiError`` show its message and return ``None``.

        On success the active pane reloads and the header refreshes.
        """
        return self.attempt(partial(self.session.run, fn, *args, **kwargs))

    def attempt(self, call: Callable[[], T]) -> T | None:
        """Call ``call`` as ``run_service`` calls a service (``session.undo``): an error is
        shown and gives ``None``; success reloads the active pane and the header."""
        try:
            result = call()
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
        if error and self._collecting:  # a form shows it in place
            self._collecting[-1].append(line)
            return
        self.notify(
            line, severity="error" if error else "information", markup=False, timeout=8 if error else 4
        )

    async def on_event(self, event: events.Event) -> None:
        """A paste is cleaned before any widget sees it (Textual's own fields too: the palette).

        Tab in a form moves the focus before the next key is routed, and a paste with tabs
        fills the fields in turn, so a burst of keys lands where it was typed (``key_burst``).
        """
        if isinstance(event, events.Paste):
            from vatui.ui.widgets.safe_input import clean_block

            event.text = clean_block(event.text)
            if spread_paste(self, event):
                return
        elif isinstance(event, events.Key) and move_focus_now(self, event):
            return
        await super().on_event(event)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast, whoever raises it (Textual too): control characters shown, never sent."""
        super().notify(
            clean(message, keep_newlines=True),
            title=clean(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def say_settings_problems(self) -> None:
        """A bad hand-edited setting is named (once), read as its default meanwhile."""
        if self._session is None:
            return
        problems = self._session.settings_problems()
        for problem in problems:
            if problem not in self._said_settings:
                self.inform(problem, error=True)
        self._said_settings = problems

    def settings_saved(self) -> None:
        """The Settings screen saved: the header and the panes follow (name, columns, limits)."""
        try:
            settings = self.session.settings()
        except VatuiError as exc:  # a value still bad by hand: named, never a traceback
            self.inform(str(exc), error=True)
            return
        self._workspace_name = settings.workspace_name
        self.reload_active()
        self.refresh_header()

    def check_for_changes(self) -> None:
        """Once a second: if another session wrote, reload the active pane (one stat otherwise).

        ``Session.refresh`` stats the file and says whether the data changed since the
        last refresh, even if some read in between already loaded the new file.
        """
        if self._session is None or not self._running:  # ending: the panes are being taken down
            return
        try:
            changed = self._session.refresh()
            if self._session.refusal is not None:  # damaged while open: reads keep what they had
                raise self._session.refusal
        except VatuiError as exc:
            if str(exc) != self._last_error:  # say it once, not every second
                self._last_error = str(exc)
                self.inform(str(exc), error=True)
                self._redraw_header()  # READ-ONLY
            return
        self._last_error = None
        minute = self.clock.now().replace(second=0, microsecond=0)
        if changed:
            self.say_settings_problems()
            self._workspace_name = self._session.settings().workspace_name
            self.reload_active()
        elif minute != self._minute:  # the date in the header can change at midnight
            self.refresh_header()
        else:
            self._tick_header()
        self._minute = minute

    # header -----------------------------------------------------------------------

    def _refresh_header_cache(self) -> None:
        session = self._session
        if session is None:
            return
        from vatui.services.tasks.timer import running_timer

        try:
            self._today = session.today()
        except VatuiError:  # a bad hand-edited setting: said once by check_for_changes
            return
        entry = session.run(running_timer)
        self._timer = None
        if entry is not None:
            title = None if entry.task_id is None else session.task_title(entry.task_id)
            self._timer = (_("(no task)") if title is None else title, entry.start)

    def header_state(self) -> HeaderState:
        """What the header shows now."""
        seconds = 0
        if self._timer is not None:
            seconds = int((self.clock.now() - self._timer[1]).total_seconds())
        return HeaderState(
            workspace=self._workspace_name,
            pane=self.pane_titles().get(self.current_mode, ""),
            today=self._today,
            timer_title=self._timer[0] if self._timer else None,
            timer_seconds=seconds,
            sample=self.demo,
            read_only=self._session is not None and self._session.read_only,
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


if TYPE_CHECKING:

    def _hosts_panes(app: PaneApp) -> PaneHost:
        """mypy proves here that the app is what panes and flows take it for."""
        return app
