"""The Board pane: columns of cards, moved and edited from the keyboard.

Each column is one ``BoardColumn`` (a virtual list), so 2,000 cards cost what 20 do.
At 80 columns the screen shows three Board columns at a time (about 25 cells each: a
title, a client and a due badge still fit) and slides the window as the focus moves;
``BoardBar`` above names all of them with their counts. Wider terminals show more, up to
all of them.

Widgets never save: every change goes through ``app.run_service`` with a service from
``vatui.services``, and ``reload`` redraws from the store, keeping the cursor on the
card that should have it (the moved card, a deleted card's neighbour, the same card).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.widgets import Input

from vatui.domain.tasks import Task
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.services.tasks.board import BoardReader, BoardSnapshot
from vatui.ui.commands.board import BoardCommands
from vatui.ui.flows import corrections
from vatui.ui.flows import tasks as flow
from vatui.ui.flows.clients import contact_about
from vatui.ui.pane import Pane
from vatui.ui.screens import board_labels as labels
from vatui.ui.screens.read_ahead import styles_current, take
from vatui.ui.widgets.app_header import AppHeader, PaneFooter
from vatui.ui.widgets.board_bar import BoardBar, ColumnTab
from vatui.ui.widgets.board_column import BoardColumn, BoardColumns
from vatui.ui.widgets.card_face import BoardContext
from vatui.ui.widgets.safe_input import SafeInput

MIN_COLUMN_WIDTH = 25
"""The narrowest a column gets before the Board shows fewer columns at once."""


def _b(
    keys: str,
    action: str,
    text: str,
    id: str,
    show: bool = False,
    display: str | None = None,
    tooltip: str = "",
) -> Binding:
    return Binding(keys, action, text, show=show, id=id, key_display=display, tooltip=tooltip)


class BoardScreen(Pane):
    """Columns of cards across every client."""

    CSS_PATH = str(files("vatui.styles").joinpath("board.tcss"))
    PANE: ClassVar[str] = "board"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {BoardCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("h,left", "focus_column(-1)", _("Column left"), "board_column_left"),
        _b("l,right", "focus_column(1)", _("Column right"), "board_column_right"),
        _b("j,down", "cursor(1)", _("Next card"), "board_cursor_down"),
        _b("k,up", "cursor(-1)", _("Previous card"), "board_cursor_up"),
        _b("g,home", "cursor_to(0)", _("First card"), "board_cursor_first"),
        _b("G,end", "cursor_to(-1)", _("Last card"), "board_cursor_last"),
        _b("pagedown,ctrl+d", "page(1)", _("Page down"), "board_page_down"),
        _b("pageup,ctrl+u", "page(-1)", _("Page up"), "board_page_up"),
        _b("H,shift+left", "move_card(-1)", _("Move card left"), "board_move_left"),
        _b("L,shift+right", "move_card(1)", _("Move"), "board_move_right", True, "H/L", _("Move card right")),
        _b("K,shift+up", "reorder(-1)", _("Move card up"), "board_reorder_up"),
        _b("J,shift+down", "reorder(1)", _("Move card down"), "board_reorder_down"),
        _b("space", "toggle_done", _("Done"), "board_done", True),
        _b("n", "new_card", _("New"), "board_new", True),
        _b("enter", "edit_card", _("Edit"), "board_edit"),
        _b("s", "reschedule", _("Due"), "board_reschedule", True),
        _b("t", "toggle_timer", _("Timer"), "board_timer", True),
        _b("f", "filter_client", _("Client"), "board_filter_client"),
        _b("slash", "filter_text", _("Find"), "board_filter_text", True, "/"),
        _b("x", "delete_card", _("Delete"), "board_delete"),
        _b("c", "log_contact", _("Log contact"), "board_contact"),
        _b("T", "time_entries", _("Time entries"), "board_time_entries"),
        _b("C", "checklist", _("Checklist"), "board_checklist"),
        _b("w", "follow_up", _("Follow-up"), "board_follow_up"),
        _b("escape", "clear_filters", _("Clear filter"), "board_clear_filter", display="esc"),
    ]

    def __init__(self, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        styles_current(self)  # styled as it mounts: no reparse of every stylesheet when first shown
        self.snapshot: BoardSnapshot | None = None
        """The cards as last read from the store."""
        self.client_filter: int | None = None
        """Show only this client's cards."""
        self.text_filter = ""
        """Show only cards whose title, client or tags contain this (case-insensitive)."""
        self.focused_index = 0
        """The focused column."""
        self._window_start = 0
        self._reloaded = False
        self._stay = False
        self._started = False
        self._reader = BoardReader()
        self._columns: list[BoardColumn] = []

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield BoardBar(id="board-bar")
        yield SafeInput(
            id="board-filter", compact=True, placeholder=_("filter cards: type, enter keeps, esc clears")
        )
        with BoardColumns(id="board-columns"):
            for index, name in enumerate(self._settings_columns()):
                yield BoardColumn(name, id=f"board-column-{index}")
        yield PaneFooter()

    def _settings_columns(self) -> tuple[str, ...]:
        return tuple(self.vatui.session.settings().columns)

    def on_mount(self) -> None:
        """Read the cards, focus the first column, start the timer's tick."""
        self._started = True
        self.query_one("#board-filter", Input).display = False
        reader = take(self.vatui, "board", BoardReader)  # read ahead: most cards already parsed
        if reader is not None:
            self._reader = reader
        self.reload()
        self.activate(0)
        self.query_one(BoardColumns).focus()
        self.set_interval(1.0, self._tick)
        self.content_drawn()

    # reading -----------------------------------------------------------------------------

    @property
    def columns(self) -> list[BoardColumn]:
        """The column widgets, left to right."""
        if not self._columns:
            self._columns = list(self.query(BoardColumn))
        return self._columns

    @property
    def focused_column(self) -> BoardColumn:
        """The column with the focus (or that had it last)."""
        columns = self.columns
        return columns[min(self.focused_index, len(columns) - 1)]

    @property
    def selected_task(self) -> Task | None:
        """The card under the cursor in the focused column."""
        return self.focused_column.selected

    def reload(self) -> None:
        """Re-read the store and redraw; the cursor stays on the same card.

        When the selected card left its column (an undo, another session's move) the
        cursor follows it to its new column; when it is gone, the card that took its place
        is selected. Actions that want the cursor to stay in the column (done, delete) say
        so with ``run(..., stay=True)``.
        """
        self._reloaded = True
        if not self._started:
            return
        if self._settings_columns() != tuple(c.column for c in self.columns):
            self._columns = []
            self.call_later(self._rebuild)
            return
        self.snapshot = self.vatui.session.run(self._reader.snapshot)
        self.redraw()

    def redraw(self) -> None:
        """Lay the snapshot read last out again, through the filters (no store read):
        what a filter change needs, keystroke by keystroke."""
        snap = self.snapshot
        if snap is None or not self._started:
            return
        follow = None if self._stay else self.focused_column.selected_id
        context = BoardContext(
            client_names=snap.client_names,
            blocked_clients=snap.blocked_clients,
            running=snap.running,
            today=snap.today,
            timezone=snap.settings.home_timezone,
        )
        wanted = self._matches()
        for column in self.columns:
            tasks = snap.columns.get(column.column, [])
            shown = [t for t in tasks if wanted(t)] if wanted is not None else tasks
            empty = _("no cards match") if tasks and not shown else _("no cards")
            column.clock = self.vatui.session.clock.now
            column.set_cards(shown, context, empty)
        self._update_headings()
        if follow is not None and self.focused_column.selected_id != follow:
            self.focus_task(follow)
        self._layout_window()

    async def _rebuild(self) -> None:
        """The columns changed in the settings: build them again."""
        await self.recompose()
        self._columns = []
        self.query_one("#board-filter", Input).display = False
        self.reload()
        self.activate(min(self.focused_index, len(self.columns) - 1))
        self.query_one(BoardColumns).focus()

    def _matches(self) -> Callable[[Task], bool] | None:
        return labels.matcher(self.snapshot, self.client_filter, self.text_filter)

    def _update_headings(self) -> None:
        if self.snapshot is not None:
            for column in self.columns:
                label, warn = labels.heading(self.snapshot, column.column, len(column.tasks))
                column.set_heading(label, warn=warn)

    def _filters_text(self) -> str:
        return labels.filters_text(self.snapshot, self.client_filter, self.text_filter)

    def _layout_window(self) -> None:
        """Show as many columns as fit, keeping the focused one on screen."""
        columns = self.columns
        width = self.size.width or self.app.size.width
        fit = max(1, min(len(columns), width // MIN_COLUMN_WIDTH))
        start = min(self._window_start, len(columns) - fit)
        if self.focused_index < start:
            start = self.focused_index
        elif self.focused_index >= start + fit:
            start = self.focused_index - fit + 1
        self._window_start = start = max(start, 0)
        for index, column in enumerate(columns):
            shown = start <= index < start + fit
            if column.display != shown:
                column.display = shown
        tabs = [ColumnTab(self._tab_label(c), c.over_limit) for c in columns]
        self.query_one(BoardBar).show(tabs, self.focused_index, (start, start + fit), self._filters_text())

    def _tab_label(self, column: BoardColumn) -> str:
        return labels.tab_label(self.snapshot, column.column, len(column.tasks), bool(self._filters_text()))

    def on_resize(self) -> None:
        """Fit the number of columns shown to the new width."""
        self._layout_window()

    def _tick(self) -> None:
        """Once a second: repaint the running timer's card, and nothing else."""
        snap = self.snapshot
        if snap is None or snap.running is None:
            return
        for column in self.columns:
            if column.display and (at := column.index_of(snap.running.task_id)) is not None:
                column.refresh_card(at)

    # focus -------------------------------------------------------------------------------

    def activate(self, index: int) -> None:
        """Make column ``index`` the one the keys act on, and slide it into view."""
        self.focused_index = index
        for at, column in enumerate(self.columns):
            column.set_active(at == index)
        self._layout_window()

    @on(BoardColumn.Clicked)
    def _clicked(self, event: BoardColumn.Clicked) -> None:
        self.activate(self.columns.index(event.column))
        self.query_one(BoardColumns).focus()

    @on(BoardColumn.Opened)
    def _opened(self, event: BoardColumn.Opened) -> None:
        self.action_edit_card()

    def quick_add_column(self) -> str | None:
        """The column quick add puts a card in when it names none: the active one."""
        return self.focused_column.column

    def focus_record(self, kind: str, ref: int | None) -> None:
        """Put the cursor on a record (``kind == "task"``): clears filters that hide it."""
        if kind != "task" or ref is None:
            return
        id = ref
        if self.snapshot is not None and not any(
            t.id == id for tasks in self.snapshot.columns.values() for t in tasks
        ):
            self.tell(_("That card is not on the Board (done more than 14 days ago?)"))
            return
        self.client_filter, self.text_filter = None, ""
        self.query_one("#board-filter", Input).display = False
        self.redraw()
        self.focus_task(id)

    def run(self, fn: Callable[..., Any], *args: Any, stay: bool = False, **kwargs: Any) -> Any:
        """Call a service through the app (errors become a notification), then redraw.

        With ``stay`` the cursor stays in its column (on the card that takes the place of
        one that left) instead of following the card.
        """
        self._reloaded, self._stay = False, stay
        try:
            result = self.vatui.run_service(fn, *args, **kwargs)
            if not self._reloaded:
                self.reload()
        finally:
            self._stay = False
        return result

    # filters -------------------------------------------------------------------------------

    @on(Input.Changed, "#board-filter")
    def _filter_typed(self, event: Input.Changed) -> None:
        self.text_filter = event.value
        self.redraw()

    @on(Input.Submitted, "#board-filter")
    def _filter_kept(self, event: Input.Submitted) -> None:
        event.input.display = False
        self.query_one(BoardColumns).focus()

    def set_client_filter(self, client_id: int | None) -> None:
        """Show only ``client_id``'s cards (``None``: every client's)."""
        self.client_filter = client_id
        self.redraw()
        self.refresh_bindings()

    def clear_filters(self) -> None:
        """Drop the text and the client filter."""
        field = self.query_one("#board-filter", Input)
        field.display = False
        self.text_filter, self.client_filter = "", None
        with field.prevent(Input.Changed):
            field.value = ""
        self.query_one(BoardColumns).focus()
        self.redraw()
        self.refresh_bindings()

    def action_filter_text(self) -> None:
        """Open the text filter (it filters as you type)."""
        field = self.query_one("#board-filter", Input)
        field.display = True
        field.focus()

    def action_clear_filters(self) -> None:
        """Drop every filter."""
        self.clear_filters()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide ``escape`` from the footer when there is no filter to clear."""
        if action == "clear_filters":
            return bool(
                self.client_filter is not None
                or self.text_filter
                or self.query_one("#board-filter", Input).display
            )
        return True

    def tell(self, message: str, *, error: bool = False) -> None:
        """A notification; user text in it is shown as text, never as markup."""
        self.vatui.inform(message, error=error)

    # moving around ---------------------------------------------------------------------

    def action_focus_column(self, step: int) -> None:
        """Focus the column ``step`` to the left (-1) or right (+1)."""
        index = min(max(self.focused_index + step, 0), len(self.columns) - 1)
        if index != self.focused_index:
            self.activate(index)

    def action_cursor(self, step: int) -> None:
        """Move the cursor in the focused column."""
        self.focused_column.move_cursor(step)

    def action_cursor_to(self, index: int) -> None:
        """Jump to the first (0) or last (-1) card."""
        column = self.focused_column
        column.set_cursor(index if index >= 0 else len(column.tasks) - 1)

    def action_page(self, step: int) -> None:
        """Move the cursor a screenful."""
        self.action_cursor(step * self.focused_column.page_size())

    def focus_task(self, task_id: int | None) -> bool:
        """Put the cursor on card ``task_id`` if it is shown (and focus its column)."""
        if task_id is None:
            return False
        for index, column in enumerate(self.columns):
            at = column.index_of(task_id)
            if at is not None:
                column.set_cursor(at)
                if index != self.focused_index:
                    self.activate(index)
                return True
        return False

    def _task_or_bell(self) -> Task | None:
        task = self.selected_task
        if task is None or task.id is None:
            self.app.bell()
            return None
        return task

    # moving cards (the Board's own) ------------------------------------------------------

    def action_move_card(self, step: int) -> None:
        """Move the card to the previous (-1) or next (+1) column; the cursor follows it."""
        if (
            (task := self._task_or_bell())
            and task.id is not None
            and flow.move(self.vatui, task.id, step, run=self.run)
        ):
            self.focus_task(task.id)

    def action_reorder(self, step: int) -> None:
        """Move the card up (-1) or down (+1) inside its column."""
        task = self._task_or_bell()
        if task is None:
            return
        if self.snapshot is not None and self.focused_column.column == self.snapshot.settings.done_column:
            self.tell(_("Done is in the order the cards were finished"))
            return
        if task.id is not None and flow.reorder(self.vatui, task.id, step, run=self.run):
            self.focus_task(task.id)

    # the card's actions: one call into a flow (vatui.ui.flows.tasks, .clients, .corrections)

    def _run_staying(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``run`` with the cursor kept in its column (the card leaves it)."""
        return self.run(fn, *args, stay=True, **kwargs)

    def _follow(self, task_id: int | None) -> Callable[[], object]:
        return lambda: self.focus_task(task_id)

    def action_toggle_done(self) -> None:
        """Complete the card (a recurring one gets its next occurrence); in Done, reopen it."""
        if (task := self._task_or_bell()) and task.id is not None:
            (flow.reopen if task.is_done else flow.complete)(self.vatui, task.id, run=self._run_staying)

    def action_reschedule(self) -> None:
        """Ask for a new due date (date syntax, default tomorrow) and set it."""
        if (task := self._task_or_bell()) and task.id is not None:
            flow.reschedule(self.vatui, task.id, task.title, run=self.run, then=self._follow(task.id))

    def action_toggle_timer(self) -> None:
        """Start the timer on the card, or stop it if it runs there."""
        if (task := self._task_or_bell()) and task.id is not None:
            flow.toggle_timer(self.vatui, task.id, task.title, run=self.run)

    def action_delete_card(self) -> None:
        """Delete the card after a confirmation (``u`` undoes)."""
        if task := self._task_or_bell():
            flow.delete(self.vatui, task, run=self._run_staying)

    def action_new_card(self) -> None:
        """Open the card form for a new card in the focused column."""
        flow.add(self.vatui, self.focused_column.column, run=self.run, added=self._added)

    def _added(self, task: Task) -> None:
        if not self.focus_task(task.id):
            self.tell(_("Added “{title}” (hidden by the filter)").format(title=one_line(task.title, 40)))

    def action_edit_card(self) -> None:
        """Open the card form on the selected card."""
        if task := self._task_or_bell():
            flow.edit(self.vatui, task, run=self.run, then=self._follow(task.id))

    def action_log_contact(self) -> None:
        """Log a contact with the card's client."""
        if task := self._task_or_bell():
            contact_about(self.vatui, "task", task.id)

    def action_time_entries(self) -> None:
        """The card's time entries: edit or delete one (billed time is locked)."""
        if (task := self._task_or_bell()) and task.id is not None:
            corrections.time_entries(self.vatui, task.id)

    def action_checklist(self) -> None:
        """The card's checklist: tick, add, remove lines."""
        if (task := self._task_or_bell()) and task.id is not None:
            corrections.checklist(self.vatui, task.id)

    def action_follow_up(self) -> None:
        """When to chase the client about the card (a waiting task)."""
        if (task := self._task_or_bell()) and task.id is not None:
            corrections.follow_up(self.vatui, task.id)

    # the client filter -------------------------------------------------------------------

    def action_filter_client(self) -> None:
        """Pick a client to show only their cards; with a client filter on, clear it."""
        if self.client_filter is not None:
            self.set_client_filter(None)
            return
        snap = self.snapshot
        if snap is None:
            return
        clients = labels.clients_on_board(snap)
        if not clients:
            self.tell(_("No card has a client"))
            return
        from vatui.ui.modals.board_client_picker import BoardClientPickerModal

        self.app.push_screen(BoardClientPickerModal(clients), self._picked_client)

    def _picked_client(self, client_id: int | None) -> None:
        if client_id is not None:
            self.set_client_filter(client_id)
