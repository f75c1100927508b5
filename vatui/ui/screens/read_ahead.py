"""Panes read ahead: once Today is drawn, a worker thread prepares the other panes' first screens.

The app calls ``read_ahead(app, pane_class)`` once the workspace is open and Today shows it. A worker
thread imports the Board, Clients, Ledger and Plan screens and reads, from one
``snapshot()`` of the session, what each pane draws first: the Board's cards, the client
list with its badges, the Ledger's lists, the plan's weeks. A pane shown later takes its
part (``take``) only while the session still reads exactly what the snapshot froze
(``Session.unchanged_since``: no change here or in another session) on the same day;
otherwise, or while the worker is still reading, the pane reads for itself as it always
did. A part is taken once: the pane's later reloads read afresh.

The Board's part is its ``BoardReader`` warmed on the snapshot: it compares each document
with the copy it parsed, so it is right whatever changed since, and is always taken.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from vatui.domain.errors import VatuiError

if TYPE_CHECKING:
    from textual.app import App
    from textual.css.stylesheet import Stylesheet

    from vatui.domain.client_card import ClientDetail
    from vatui.domain.clients import Client
    from vatui.domain.forecast import Plan
    from vatui.services.session import Session
    from vatui.ui.pane import PaneHost

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ClientsAhead:
    """The Clients pane's first screen: the unarchived clients and every badge."""

    clients: list[Client]
    """``list_clients`` without archived clients, in pipeline order."""
    badges: dict[int, str]
    """Each client's reliability badge word."""
    card: ClientDetail | None
    """The card of the client the list first puts its cursor on (the first in pipeline order)."""


@dataclass(frozen=True, slots=True)
class PlanAhead:
    """The Plan pane's first screen."""

    today: date
    """Today at home, when the plan was made."""
    names: dict[int, str]
    """Client names by id."""
    plan: Plan
    """``build_plan`` of the snapshot."""


@dataclass
class ReadAhead:
    """What the worker read, from one snapshot."""

    snapshot: Session
    """The session as it was when the reading began."""
    today: date
    """Today at home then."""
    parts: dict[str, object] = field(default_factory=dict)
    """Pane mode → what it draws first (filled as the worker goes)."""


_AHEAD: weakref.WeakKeyDictionary[object, ReadAhead] = weakref.WeakKeyDictionary()
"""The app → what was read ahead for it."""

ALWAYS_TAKEN = frozenset({"board"})
"""Parts right whatever changed since they were read (the Board's reader checks each card)."""


def _board(snap: Session) -> object:
    from vatui.services.tasks.board import BoardReader

    reader = BoardReader()
    snap.run(reader.snapshot)
    return reader


def _clients(snap: Session) -> object:
    from vatui.domain.clients import STATUSES
    from vatui.services.clients.card import client_detail, reliability_by_client
    from vatui.services.clients.manage import list_clients

    clients = snap.run(list_clients, include_archived=False)
    badges = {cid: rel.badge for cid, rel in snap.run(reliability_by_client).items()}
    first = next((c for status in STATUSES for c in clients if c.status == status), None)
    card = snap.run(client_detail, first.id) if first is not None and first.id is not None else None
    return ClientsAhead(clients, badges, card)


def _ledger(snap: Session) -> object:
    from vatui.services.ledger.view import ledger_view

    return snap.run(ledger_view)


def _plan(snap: Session) -> object:
    from vatui.services.plan.forecast import build_plan

    return PlanAhead(snap.today(), snap.client_names(), snap.run(build_plan))


READERS: tuple[tuple[str, Callable[[Session], object]], ...] = (
    ("board", _board),
    ("clients", _clients),
    ("ledger", _ledger),
    ("plan", _plan),
)
"""Each pane's first read, in the order of their keys."""


def read_ahead(app: App[Any], pane_class: Callable[[str], type[Screen[Any]]]) -> None:
    """Start reading the panes ahead in a worker thread (once the workspace is open);
    ``pane_class(mode)`` imports a pane's screen (the app's, which knows them all)."""
    import gc

    gc.unfreeze()  # what an earlier app in this process set aside (``_settle``)
    host = cast("PaneHost", app)
    if not host.is_ready:
        return
    session = host.session
    app.run_worker(
        lambda: _read(app, session, pane_class),
        thread=True,
        exclusive=True,
        group="read-ahead",
        exit_on_error=False,
    )


def _read(app: App[Any], session: Session, pane_class: Callable[[str], type[Screen[Any]]]) -> None:
    try:
        snap = session.snapshot()
        ahead = ReadAhead(snap, snap.today())
    except VatuiError:
        return
    _AHEAD[app] = ahead
    for mode, reader in READERS:
        pane_class(mode)  # its module imported now, not on its key
        try:
            ahead.parts[mode] = reader(snap)
        except VatuiError:  # a bad hand-edited setting: the pane says so itself
            continue
    screens = [pane_class(mode) for mode, _reader in READERS]
    cast("PaneHost", app).from_thread(_settle, app, screens)


def _settle(app: App[Any], screens: list[type[Screen[Any]]]) -> None:
    """On the app's loop, once everything is read: the panes' styles, and the collector.

    The workspace read whole is a million long-lived objects; each full pass of Python's
    cyclic garbage collector walks them all (over 100 ms on the large workspace, landing on
    whatever key comes next). ``gc.freeze()`` sets what exists now aside from those passes;
    documents are freed by reference counting as before when a change replaces them. Where
    one process runs app after app (the tests), the next app's ``read_ahead`` hands what the
    last one froze back to the collector (``gc.unfreeze``).
    """
    import gc

    prepare_styles(app, screens)
    gc.freeze()


def has_part(app: PaneHost, mode: str) -> bool:
    """Whether a part was read ahead for pane ``mode`` (true or not any more)."""
    ahead = _AHEAD.get(app)
    return ahead is not None and mode in ahead.parts


def take(app: PaneHost, mode: str, kind: type[T]) -> T | None:
    """The part read ahead for pane ``mode``, if it is still true (then it is dropped)."""
    ahead = _AHEAD.get(app)
    if ahead is None or not app.is_ready:
        return None
    part: Any = ahead.parts.pop(mode, None)
    if not isinstance(part, kind):
        return None
    if mode in ALWAYS_TAKEN:
        return part
    try:
        fresh = app.session.unchanged_since(ahead.snapshot) and app.session.today() == ahead.today
    except VatuiError:
        return None
    return part if fresh else None


# styles ------------------------------------------------------------------------------
# Textual parses every stylesheet source again (about 50 ms) each time a source is added:
# when a pane's screen is first shown (its CSS_PATH), when a widget class is first mounted
# (its DEFAULT_CSS), and once more for any new screen (``refresh_css``). The panes' sources
# are added here, on the app's loop once the reading is done, and parsed once.


def prepare_styles(app: App[Any], screens: Iterable[type[Screen[Any]]]) -> None:
    """Add the panes' stylesheets and their widgets' default CSS, and parse them once."""
    sheet = app.stylesheet
    before = len(sheet.source)
    for screen in screens:
        paths = screen.CSS_PATH if isinstance(screen.CSS_PATH, list) else [screen.CSS_PATH]
        for path in paths:
            if path is not None and Path(path).is_absolute() and not sheet.has_source(str(path), ""):
                sheet.read(Path(path))
        for widget in _widgets_of(screen):
            _add_default_css(sheet, widget)
    if len(sheet.source) != before:
        sheet.reparse()
        sheet.update(app)


def _widgets_of(screen: type[Screen[Any]]) -> list[type[Widget]]:
    """The widget classes a pane's module names, and those Textual's composite widgets add."""
    import sys

    from textual.widgets import ContentSwitcher, TabPane, Tabs
    from textual.widgets._tabs import Tab, Underline

    module = sys.modules.get(screen.__module__)
    found = (
        [
            value
            for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, Widget) and not issubclass(value, Screen)
        ]
        if module is not None
        else []
    )
    return [*found, Tabs, Tab, Underline, ContentSwitcher, TabPane]


def _add_default_css(sheet: Stylesheet, widget: type[Widget]) -> None:
    """``Widget._post_register``'s sources for a widget class, before one is mounted."""
    from inspect import getfile

    for tie_breaker, base in enumerate(DOMNode._css_bases(widget)):
        css: str = base.__dict__.get("DEFAULT_CSS", "")
        if not css:
            continue
        try:
            where = (getfile(base), f"{base.__name__}.DEFAULT_CSS")
        except (TypeError, OSError):
            where = ("", f"{base.__name__}.DEFAULT_CSS")
        scoped: bool = base.__dict__.get("SCOPED_CSS", True)
        sheet.add_source(
            css,
            read_from=where,
            is_default_css=True,
            tie_breaker=-tie_breaker,
            scope=base._css_type_name if scoped else "",
        )


def styles_current(screen: Screen[Any]) -> None:
    """For a pane screen being created: its widgets are styled as they mount, from the
    stylesheet as it is, so Textual need not parse every source again and restyle the whole
    app when it is first shown (``App._init_mode``'s ``refresh_css``)."""
    try:
        app = screen.app
    except Exception:  # made outside a running app (a test): nothing to skip
        return
    screen._css_update_count = app._css_update_count
