"""One Board column: a virtual list of cards drawn with the Line API.

The column holds its tasks as plain data and draws only the lines on screen, so a column
of 2,000 cards mounts one widget and paints ~20 lines. Keys live on the Board screen;
the column knows its cursor, scrolls to keep it visible, and reports mouse clicks.

It scrolls itself (a first visible line, no scrollbar) instead of being a ``ScrollView``:
a scroll view's virtual size is a layout property, so every card moved in or out would
re-lay out the whole screen. The column's position shows in its bottom border instead
(``12/340``), and the mouse wheel scrolls it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from vatui.domain.tasks import Task
from vatui.ui.widgets.card_face import (
    CARD_HEIGHT,
    PALETTE_SIZE,
    BoardContext,
    CardFace,
    CardStyles,
    card_face,
    elapsed,
    fit,
    meta_line,
    title_line,
)

_BADGES = ("overdue", "today", "soon", "later", "done", "high", "med", "timer", "flag", "estimate")


def _now() -> datetime:
    return datetime.now(UTC)


class BoardColumns(Horizontal, can_focus=True):
    """The row of columns; it holds the keyboard focus for the whole Board.

    Moving between columns changes which column is *active* (drawn by the columns
    themselves), not the focus: the focus stays here, so the footer and the bindings stay
    as they are, and a column change repaints two columns instead of restyling the screen.
    """


class ColumnClick(Message):
    """A click in a column, on a card or below the last one."""

    def __init__(self, column: BoardColumn, task_id: int | None) -> None:
        self.column = column
        """The column clicked."""
        self.task_id = task_id
        """The card clicked, or ``None`` below the last card."""
        super().__init__()

    @property
    def control(self) -> BoardColumn:
        """The column that sent the message."""
        return self.column


class BoardColumn(Widget, can_focus=False, inherit_bindings=False):
    """A column of cards; the Board screen fills it with ``set_cards``."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "board-column--card",
        "board-column--cursor",
        "board-column--cursor-active",
        "board-column--title",
        "board-column--meta",
        "board-column--empty",
        *(f"board-column--client-{n}" for n in range(PALETTE_SIZE)),
        *(f"board-column--{kind}" for kind in _BADGES),
    }

    DEFAULT_CSS = """
    BoardColumn {
        width: 1fr;
        height: 1fr;
        overflow: hidden hidden;
        border: round $foreground 30%;
        border-title-color: $foreground;
        border-subtitle-color: $text-muted;
        border-title-align: left;
        border-subtitle-align: right;
        background: $surface;
        & > .board-column--card { background: $surface; color: $foreground; }
        & > .board-column--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        & > .board-column--cursor-active {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .board-column--title { text-style: bold; }
        & > .board-column--meta { color: $text-muted; }
        & > .board-column--empty { color: $text-muted; text-style: italic; }
        & > .board-column--client-0 { color: $text-primary; }
        & > .board-column--client-1 { color: $text-success; }
        & > .board-column--client-2 { color: $text-secondary; }
        & > .board-column--client-3 { color: $primary-lighten-3; }
        & > .board-column--client-4 { color: $success-lighten-2; }
        & > .board-column--client-5 { color: $text-accent; }
        & > .board-column--overdue { color: $text-error; text-style: bold; }
        & > .board-column--today { color: $text-warning; text-style: bold; }
        & > .board-column--soon { color: $text-accent; }
        & > .board-column--later { color: $text-muted; }
        & > .board-column--done { color: $text-success; }
        & > .board-column--high { color: $text-error; }
        & > .board-column--med { color: $text-warning; }
        & > .board-column--timer { color: $text-success; text-style: bold; }
        & > .board-column--flag { color: $text-error; text-style: bold; }
        & > .board-column--estimate { color: $text-muted; }
    }
    """

    class Opened(ColumnClick):
        """A card was double-clicked: the screen opens it."""

    class Clicked(ColumnClick):
        """A card was clicked: the cursor moved to it (the screen makes the column active)."""

    def __init__(self, column: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.column = column
        """The column's name (from the settings)."""
        self.tasks: list[Task] = []
        """The cards shown, in order."""
        self.cursor = 0
        """Index of the selected card."""
        self.context = BoardContext(
            client_names={}, blocked_clients=frozenset(), running=None, today=_now().date()
        )
        """Shared per-reload facts (client names, the running timer, today)."""
        self.clock: Callable[[], datetime] = _now
        """Where the running timer's ``now`` comes from."""
        self.empty_text = ""
        """Shown when the column has no cards."""
        self._faces: dict[int, CardFace] = {}
        self._styles: dict[bool, tuple[CardStyles, CardStyles, Style]] = {}
        self._active = False
        self.top_line = 0
        """The first line shown (the column scrolls itself)."""
        self._heading: tuple[str, bool] = (column, False)

    @property
    def active(self) -> bool:
        """Whether this is the Board's active column (the one the keys act on)."""
        return self._active

    def set_active(self, active: bool) -> None:
        """Make this the active column (or not); repaints only when that changes.

        No CSS class changes: a class would restyle and re-lay out the screen on every
        ``h``/``l``; the heading and the cursor are drawn differently instead.
        """
        if active != self._active:
            self._active = active
            self.set_heading(self._heading[0], warn=self._heading[1])
            self.refresh()

    # data ------------------------------------------------------------------------------

    def set_cards(self, tasks: list[Task], context: BoardContext, empty_text: str = "") -> None:
        """Show ``tasks``; the cursor stays on the same card id when it is still there."""
        keep = self.selected_id
        self.tasks = tasks
        self.context = context
        self.empty_text = empty_text
        self._faces.clear()
        index = self.index_of(keep) if keep is not None else None
        self.cursor = index if index is not None else min(self.cursor, max(len(tasks) - 1, 0))
        self.refresh()
        self.scroll_to_cursor()
        self._show_position()

    def set_heading(self, title: str, *, warn: bool = False) -> None:
        """The column's heading in its top border (plain text, never markup).

        The active column's heading is reversed and marked ``▸`` (visible without
        colour); a Doing column over its WIP limit has its heading in the warning colour.
        """
        self._heading = (title, warn)
        style = "bold"
        if warn:
            style += " $text-warning"
        if self._active:
            style += " reverse"
        text = f"▸ {title}" if self._active else title
        heading = Content.styled(text, style)
        if heading != self.border_title:
            self.border_title = heading
        self._show_position()

    def _show_position(self) -> None:
        """``12/340`` in the bottom border when the column holds more than fits."""
        count = len(self.tasks)
        text = f"{self.cursor + 1}/{count}" if count > self.page_size() and self.size.height else ""
        if text != str(self.border_subtitle or ""):
            self.border_subtitle = Content(text)

    @property
    def heading(self) -> str:
        """The heading's text (without the active mark)."""
        return self._heading[0]

    @property
    def over_limit(self) -> bool:
        """Whether the heading shows the WIP warning."""
        return self._heading[1]

    @property
    def selected(self) -> Task | None:
        """The task under the cursor."""
        if 0 <= self.cursor < len(self.tasks):
            return self.tasks[self.cursor]
        return None

    @property
    def selected_id(self) -> int | None:
        """The id of the task under the cursor."""
        task = self.selected
        return task.id if task is not None else None

    def index_of(self, task_id: int | None) -> int | None:
        """Where the card ``task_id`` is in this column, if it is here."""
        for index, task in enumerate(self.tasks):
            if task.id == task_id:
                return index
        return None

    # cursor ----------------------------------------------------------------------------

    def move_cursor(self, step: int) -> None:
        """Move the cursor ``step`` cards (clamped)."""
        self.set_cursor(self.cursor + step)

    def set_cursor(self, index: int) -> None:
        """Put the cursor on card ``index`` (clamped) and repaint the two cards involved."""
        if not self.tasks:
            return
        index = min(max(index, 0), len(self.tasks) - 1)
        if index == self.cursor:
            return
        old, self.cursor = self.cursor, index
        self.refresh_card(old)
        self.refresh_card(index)
        self.scroll_to_cursor()
        self._show_position()

    def page_size(self) -> int:
        """How many cards fit on screen."""
        return max(1, self.size.height // CARD_HEIGHT)

    def scroll_to_cursor(self) -> None:
        """Scroll the least needed to show the selected card."""
        height = self.size.height
        if height <= 0:
            return
        top = self.cursor * CARD_HEIGHT
        fit = self.page_size() * CARD_HEIGHT  # whole cards only: none is cut in half at the top
        if top < self.top_line:
            self.scroll_to_line(top)
        elif top + CARD_HEIGHT > self.top_line + height:
            self.scroll_to_line(top + CARD_HEIGHT - fit)
        else:
            self.scroll_to_line(self.top_line)  # clamp after the list got shorter

    def scroll_to_line(self, line: int) -> None:
        """Make ``line`` the first one shown (clamped to a card's first line); repaints when it changes."""
        fit = self.page_size() * CARD_HEIGHT
        last = max(len(self.tasks) * CARD_HEIGHT - fit, 0)
        line = min(max(line, 0), last)
        line -= line % CARD_HEIGHT
        if line != self.top_line:
            self.top_line = line
            self.refresh()

    def refresh_card(self, index: int) -> None:
        """Repaint the lines of card ``index`` only."""
        y = index * CARD_HEIGHT - self.top_line
        if -CARD_HEIGHT < y < self.size.height:
            self.refresh(Region(0, max(y, 0), self.size.width, CARD_HEIGHT))

    # drawing ---------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        """Forget cached styles when the theme or CSS changes."""
        super().notify_style_update()
        self._styles.clear()

    def _card_styles(self) -> tuple[CardStyles, CardStyles, Style]:
        focused = self.active
        cached = self._styles.get(focused)
        if cached is None:
            part = self.get_component_rich_style

            stripes = tuple(part(f"board-column--client-{n}", partial=True) for n in range(PALETTE_SIZE))

            def build(line: Style, on_cursor: bool = False) -> CardStyles:
                # On the cursor the client's name and quiet text take the cursor's colours
                # (a coloured name on a coloured bar is hard to read); the stripe keeps its own.
                return CardStyles(
                    line=line,
                    title=part("board-column--title", partial=True),
                    meta=Style() if on_cursor else part("board-column--meta", partial=True),
                    clients=(Style(),) * PALETTE_SIZE if on_cursor else stripes,
                    stripes=stripes,
                    badges={kind: part(f"board-column--{kind}", partial=True) for kind in _BADGES},
                )

            card = part("board-column--card")
            # The full (not partial) cursor style: its colours may be translucent, and only the
            # full style blends them with the column's background.
            cursor = part("board-column--cursor-active" if focused else "board-column--cursor")
            cached = (
                build(card),
                build(cursor, on_cursor=True),
                card + part("board-column--empty", partial=True),
            )
            self._styles[focused] = cached
        return cached

    def _face(self, index: int) -> CardFace:
        face = self._faces.get(index)
        if face is None:
            face = self._faces[index] = card_face(self.tasks[index], self.context)
        return face

    def render_line(self, y: int) -> Strip:
        """Draw line ``y`` of the visible area."""
        width = self.size.width
        plain, cursor, empty = self._card_styles()
        line = self.top_line + y
        index, part = divmod(line, CARD_HEIGHT)
        if not self.tasks:
            if line == 0 and self.empty_text:
                return Strip([Segment(fit(" " + self.empty_text, width), empty)]).extend_cell_length(
                    width, plain.line
                )
            return Strip.blank(width, plain.line)
        if index >= len(self.tasks):
            return Strip.blank(width, plain.line)
        face = self._face(index)
        selected = index == self.cursor
        styles = cursor if selected else plain
        if part == 0:
            segments = title_line(face, width, styles, selected and self._active)
        else:
            timer = ""
            if face.timing and self.context.running is not None:
                timer = elapsed(self.context.running.start, self.clock())
            segments = meta_line(face, width, styles, timer)
        return Strip(segments).crop_extend(0, width, plain.line)

    # events ----------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Keep the cursor in view and the position up to date."""
        self.scroll_to_cursor()
        self._show_position()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel scrolls a card at a time (the cursor stays where it is)."""
        event.stop()
        self.scroll_to_line(self.top_line + CARD_HEIGHT)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel scrolls a card at a time (the cursor stays where it is)."""
        event.stop()
        self.scroll_to_line(self.top_line - CARD_HEIGHT)

    def on_click(self, event: events.Click) -> None:
        """Select the clicked card (a double click opens it)."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (self.top_line + offset.y) // CARD_HEIGHT
        task_id: int | None = None
        if 0 <= index < len(self.tasks):
            self.set_cursor(index)
            task_id = self.tasks[index].id
        self.post_message(self.Clicked(self, task_id))
        if event.chain >= 2 and task_id is not None:
            self.post_message(self.Opened(self, task_id))
