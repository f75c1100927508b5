"""The pane contract: what the app asks of a pane, and what a pane (or a flow) asks of the app.

``Pane`` is the base of the five pane screens (Today, Board, Clients, Ledger, Plan): the
app calls ``reload``, ``focus_record`` and ``quick_add_column`` on whichever pane is shown,
typed, never looked up by name. ``PaneHost`` is the app as panes and flows see it
(``vatui.ui.app_base.PaneApp`` is one): the session, ``run_service``, messages, modals,
and the moves across panes (``open_record``, ``show_drafts``, ``focus_week``). It lives
here, below the app, so panes and flows name it without importing the app.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, ParamSpec, Protocol, TypeVar, cast

from textual import events
from textual.screen import Screen

if TYPE_CHECKING:
    from vatui.services.session import Session, UseCase

P = ParamSpec("P")
T = TypeVar("T")


class PaneHost(Protocol):
    """The app, as seen from a pane or a flow."""

    @property
    def session(self) -> Session:
        """The open workspace, seen through services (named reads, use cases)."""
        ...

    @property
    def is_ready(self) -> bool:
        """Whether the workspace is open."""
        ...

    @property
    def current_mode(self) -> str:
        """The mode (pane) shown."""
        ...

    def pane_titles(self) -> dict[str, str]:
        """Mode → translated pane title, in key order."""
        ...

    def run_service(self, fn: UseCase[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T | None:
        """Run a service use case on the session (``session.run``); a refusal becomes a
        message (``None``), success reloads the pane."""
        ...

    def inform(self, message: str, *, error: bool = False) -> None:
        """A notification, shown as text."""
        ...

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Open a modal (its callback gets its result)."""
        ...

    def bell(self) -> None:
        """Ring: nothing to act on."""
        ...

    def from_thread(self, callback: Callable[..., object], *args: Any) -> None:
        """From a worker thread: run ``callback(*args)`` on the app's loop."""
        ...

    def pane(self, mode: str) -> Pane:
        """The screen of a pane, created once."""
        ...

    def active_pane(self) -> Pane | None:
        """The pane shown (not a modal over it)."""
        ...

    def reload_active(self) -> None:
        """Reload the pane shown; the others when shown next."""
        ...

    async def action_switch_pane(self, mode: str) -> None:
        """Show pane ``mode``."""
        ...

    def open_record(self, kind: str, ref: int) -> None:
        """Show the pane that owns a record, its cursor on it."""
        ...

    def show_drafts(self) -> None:
        """The Ledger's invoices, narrowed to the drafts."""
        ...

    def focus_week(self, start: date) -> None:
        """The Plan, opened on the week starting ``start``."""
        ...


def set_aside() -> None:
    """Collect what is garbage now, and set what is left aside from the collector's full passes.

    A pane's first paint makes tens of thousands of long-lived objects (its widgets, their
    styles and rendered lines). Each full pass of Python's cyclic collector walks every
    object not set aside (``gc.freeze``, done once the panes are read ahead), and the
    collector runs one once enough have piled up: at the large workspace, on the third pane
    shown, 40 ms of CPU inside the Ledger's first paint. Run here, just after a pane's
    first frame, the pass lands between keys, and the next ones walk only what is new.
    Garbage is collected before freezing, so none is kept for good; a frozen object that
    becomes garbage later is freed by reference counting as any other, unless it is part of
    a reference cycle (a widget removed later): that one is kept, which bounds what is kept
    by what the panes made once (``read_ahead._settle`` made the same choice).
    """
    import gc

    gc.collect()
    gc.freeze()


class Pane(Screen[None]):
    """A pane screen: what the app calls on it, with defaults a pane overrides."""

    PANE: ClassVar[str] = ""
    """The mode name of the pane (``today``, ``board``…)."""

    _set_aside = False
    """Whether what the pane made was set aside after its first content (``content_drawn``)."""

    @property
    def vatui(self) -> PaneHost:
        """The app, typed as the pane contract sees it."""
        return cast("PaneHost", self.app)

    def _on_mount(self, event: events.Mount) -> None:
        """Its widgets have just been styled from the stylesheet as it is: mark it so.

        Textual marks a screen with the stylesheet's count only when it restyles the app while
        that screen is mounted. Today, the app's first screen, mounts just after the first
        restyle and was left unmarked: Textual then took it for a screen styled with an older
        stylesheet and, on every first switch back to it, parsed every source again and
        restyled the app (``App.refresh_css``, the whole of that switch's 50 ms). The other
        panes are marked as they are made (``read_ahead.styles_current``); this holds for all.
        """
        self._css_update_count = self.app._css_update_count

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """A switch back does not restyle the whole pane when the stylesheet is the one it was
        styled with.

        Textual 8 restyles every widget of a screen each time it is shown again (half of a
        switch back's time on the Ledger), although ``switch_mode`` has already restyled
        everything when the stylesheet changed meanwhile (a theme) and a class changed on a
        hidden widget is styled at once. With the counts equal nothing is left to restyle:
        Textual's own resume runs without the restyle; otherwise it runs as it is.
        """
        if event.refresh_styles and self._css_update_count == self.app._css_update_count:
            event.prevent_default()
            Screen._on_screen_resume(self, events.ScreenResume(refresh_styles=False))

    def content_drawn(self) -> None:
        """The pane has drawn its content: the first time, once that frame is out, what the
        pane made is collected and set aside from the collector's full passes (``set_aside``)."""
        if not self._set_aside:
            self._set_aside = True
            self.call_after_refresh(set_aside)

    def reload(self) -> None:
        """Read the store again and redraw (the cursor stays where it was)."""

    def focus_record(self, kind: str, ref: int | None) -> None:
        """Put the cursor on a record of this pane, if it shows it (``open_record``)."""

    def quick_add_column(self) -> str | None:
        """The column quick add (``a``) uses when the line names none (``None``: the default)."""
        return None
