"""Start-up: the first frame, the workspace opened behind it, and the keys typed meanwhile.

``StartingApp`` is the base of ``VatuiApp`` (``vatui.ui.app``). Before the first frame
(``on_load``) Today is given the kept Today summary when it is valid
(``vatui.ui.first_frame``), so the first frame shows the day. After it, a worker thread
opens the workspace (the store, the housekeeping) and computes the triage; Today shows it
when it comes (the same as the kept one, normally: nothing is redrawn). Keys typed until
then are held and replayed in order (the type-ahead queue), so nothing acts on a
workspace that is not open. Once ready, Today's summary is kept for the next start and
what a pane's first use would import is imported in the background (``PRELOAD``).
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.screen import Screen

from vatui.domain.clock import Clock
from vatui.domain.errors import VatuiError
from vatui.domain.money_display import set_display
from vatui.paths import workspace_path
from vatui.ui import shutdown
from vatui.ui.app_base import PaneApp
from vatui.ui.language import retranslate_keys, switch_language

if TYPE_CHECKING:
    from vatui.domain.triage import Triage
    from vatui.services.session import Session

PRELOAD = (
    "vatui.ui.screens.board",
    "vatui.ui.screens.clients",
    "vatui.ui.screens.ledger",
    "vatui.ui.screens.plan",
    "vatui.ui.modals.quick_add",
    "vatui.ui.screens.help",
    "vatui.ui.commands.app",
    "vatui.ui.commands.search",
    "vatui.ui.commands.today",
)
"""What is imported in the background once the app is ready: not before the first frame,
and not on a pane's or a modal's first use either (tens of milliseconds each)."""


def workspace_exists(directory: Path) -> bool:
    """``Session.exists`` without importing the store (it loads in the background)."""
    path = workspace_path(directory)
    return path.exists() and path.stat().st_size > 0


class StartingApp(PaneApp):
    """The app while it starts: Today first, the workspace behind it, keys held meanwhile."""

    TYPEAHEAD: ClassVar[int] = 64
    """Keys kept while the workspace opens (the rest typed meanwhile are dropped)."""
    QUIT_KEYS: ClassVar[frozenset[str]] = frozenset({"ctrl+c", "ctrl+q"})
    """Keys never held back: they act at once, the workspace open or not."""
    CHECK_INTERVAL: ClassVar[float] = 1.0
    """Seconds between checks for another session's changes (one stat each)."""

    def __init__(self, directory: Path, *, clock: Clock | None = None, demo: bool = False) -> None:
        super().__init__(clock=clock, demo=demo)
        self.directory = Path(directory)
        """The data directory asked for (a sample may live elsewhere)."""
        self._first_answers: dict[str, str] = {}
        """The first run's answers, written into the new workspace when it opens."""
        self._ready_event = asyncio.Event()
        self._holding = False
        """Keys are held back (the workspace is opening) and replayed once Today shows it."""
        self._held: list[events.Key] = []
        self._replaying: events.Key | None = None
        self._kept: Triage | None = None
        """The kept Today summary painted before the workspace was open (``on_load``)."""
        self._after_ready: Callable[[], bool] | None = None
        """Keeping Today's summary, done in the background once the app is ready."""

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
        from vatui.ui.first_frame import kept_today, language_of
        from vatui.ui.screens.today import TodayScreen

        kept = kept_today(self.directory, self.clock.now())
        code = None if kept is None else language_of(kept)
        today = self.pane("today")
        if kept is not None and code is not None and isinstance(today, TodayScreen):
            english = switch_language(code)  # the workspace's language setting, kept with it
            if english is not None:
                retranslate_keys(self, english)
            self._kept = kept
            self._today = kept.on  # the header's date, before the settings are read
            today.preset(kept)

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
        self.from_thread(self._loaded, session, first, english, keep)

    def _keeper(self, session: Session, first: Triage) -> Callable[[], bool] | None:
        """The work that keeps Today's summary (``services.today.kept``), unless the one
        painted first is this very triage and still kept (the backup at open folds the journal
        into a new file: the summary's key then no longer holds, and it is kept again)."""
        from vatui.services.today.kept import keeper, kept_triage

        if first == self._kept and kept_triage(session.directory) is not None:
            return None

        return keeper(session)

    def _load_crashed(self, error: Exception) -> None:
        raise error

    def _load_failed(self, message: str) -> None:
        from vatui.ui.screens.first_run import RefusedScreen

        self._holding = False  # the refusal reads the keys from now on
        self._held.clear()
        self.inform(message, error=True)
        self.push_screen(RefusedScreen(message), lambda _result: self.exit(return_code=1))

    def _loaded(
        self,
        session: Session,
        first: Triage,
        english: dict[str, str] | None = None,
        keep: Callable[[], bool] | None = None,
    ) -> None:
        self._session = session
        self._kept = None
        self._after_ready = keep
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
        from vatui.ui.app_base import pane_class
        from vatui.ui.screens.read_ahead import read_ahead

        self.call_after_refresh(read_ahead, self, pane_class)  # the other panes, after Today's frame

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
            self.run_worker(
                partial(self._in_background, self._after_ready),
                thread=True,
                group="background",
                exit_on_error=False,
            )
            self._after_ready = None
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

    def _in_background(self, keep: Callable[[], bool] | None) -> None:
        """Once the workspace is open and the typed keys applied (a worker thread): keep
        Today's summary for the next start, then import what the first use of a pane, a
        modal or the palette would (``PRELOAD``), so that it does not wait for it."""
        if keep is not None:
            keep()
        for module in PRELOAD:
            if self._exit or shutdown.received() is not None:
                return
            importlib.import_module(module)
