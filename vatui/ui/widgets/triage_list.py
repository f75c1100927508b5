"""Today's triage as one navigable list: section headings, then actionable lines.

Built on ``OptionList``: a single widget that renders only the lines on screen (the line
API), so a triage of hundreds of lines costs one widget, not hundreds. Headings and the
quiet "nothing here" lines are disabled options, so the cursor only ever rests on items.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from vatui.i18n import _
from vatui.ui import render
from vatui.ui.widgets.vi_list import ViList, vi_bindings

if TYPE_CHECKING:
    from vatui.domain.triage import TriageItem, TriageSection

ItemKey = tuple[str, str, int | None]
"""Where an item is: (section key, kind, record id)."""

MARKERS = {
    "alert": ("‼ ", "bold $text-error"),
    "warn": ("! ", "bold $text-warning"),
    "normal": ("• ", "$text-muted"),
}
"""The first cells of a line by level: a sign, so the level never rests on colour alone."""

DETAIL_STYLE = {"alert": "bold $text-error", "warn": "$text-warning", "normal": "$text-muted"}


class TriageOption(Option):
    """An actionable line: the item and the section it is in."""

    def __init__(self, prompt: Content, section: str, item: TriageItem) -> None:
        super().__init__(prompt)
        self.section = section
        self.item = item

    @property
    def key(self) -> ItemKey:
        """Where the item is, to find it again after a reload."""
        return (self.section, self.item.kind, self.item.ref)


def item_line(item: TriageItem, width: int) -> Content:
    """One item at ``width`` cells: sign, title, then client and detail on the right.

    Everything shows whole when it fits; otherwise the title gives way first (down to 16
    cells), then the client (down to 12), then the detail (at least 14), each cut with an
    ellipsis, never wrapped.
    """
    marker, marker_style = MARKERS.get(item.level, MARKERS["normal"])
    detail_style = DETAIL_STYLE.get(item.level, "$text-muted")
    avail = width - 4 - 2  # indent and sign, the gap after the title
    title_w = render.cells(render.text(item.title).plain)
    show_client = bool(item.client) and item.client != item.title
    client_w = min(render.cells(render.text(item.client).plain), 24) if show_client else 0
    detail_w = render.cells(render.text(item.detail).plain)
    gap = 2 if client_w and detail_w else 0
    over = title_w + client_w + gap + detail_w - avail
    if over > 0:
        cut = min(over, max(title_w - 16, 0))
        title_w, over = title_w - cut, over - cut
    if over > 0 and client_w:
        cut = min(over, max(client_w - 12, 0))
        client_w, over = client_w - cut, over - cut
    if over > 0:
        cut = min(over, max(detail_w - 14, 0))
        detail_w, over = detail_w - cut, over - cut
    if over > 0 and client_w:
        over -= client_w + gap
        client_w = gap = 0
    if over > 0:
        title_w = max(title_w - over, 4)
    title = render.fit(item.title, title_w)
    right = Content.assemble(
        render.fit(item.client, client_w, "italic") if client_w else "",
        " " * gap,
        render.fit(item.detail, detail_w, detail_style),
    )
    fill = max(avail + 2 - title.cell_length - right.cell_length, 2)
    return Content.assemble("  ", render.label(marker, marker_style), title, " " * fill, right)


def heading_line(section: TriageSection) -> Content:
    """A section heading with its count, or the one quiet line of an empty section."""
    if not section.items:
        return render.label(
            _("{title} (0) · {empty}").format(title=section.title, empty=section.empty), "$text-muted"
        )
    return Content.assemble(
        render.label(section.title, "bold $text-accent"),
        render.label(f" ({len(section.items)})", "bold"),
    )


def _same_item(key: ItemKey | None) -> tuple[Callable[[Option], bool], ...]:
    """The same item in the same section, else the same record in another section."""
    if key is None:
        return ()
    return (
        lambda o: isinstance(o, TriageOption) and o.key == key,
        lambda o: isinstance(o, TriageOption) and o.key[1:] == key[1:],
    )


class TriageList(ViList, inherit_bindings=False):
    """The triage, one line per item; the cursor skips headings and quiet lines."""

    BINDINGS: ClassVar[list[BindingType]] = vi_bindings("today")

    DEFAULT_CSS = """
    TriageList {
        height: 1fr;
        border: none;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        scrollbar-size-vertical: 1;
        & > .option-list--option-disabled {
            color: $foreground;
        }
    }
    """

    class ItemChosen(Message):
        """An item was double-clicked: the screen opens it."""

        def __init__(self, item: TriageItem) -> None:
            super().__init__()
            self.item = item

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._sections: Sequence[TriageSection] = ()

    # building --------------------------------------------------------------------

    def line_width(self) -> int:
        """The width to lay the lines out for; before the first layout (Today's kept
        summary shown in the first frame) the width the list will have across the screen,
        so that the first frame's lines are not laid out, and drawn, twice."""
        if self.size.width or not self.app.size.width:
            return super().line_width()
        styles = self.styles
        chrome = styles.padding.width + styles.border.spacing.width + styles.scrollbar_size_vertical
        return max(self.app.size.width - chrome, self.MIN_WIDTH)

    def show(self, sections: Sequence[TriageSection]) -> None:
        """Show ``sections``, keeping the cursor on the same item (or its neighbour)."""
        before_key = self.selected_key
        before_index = self.highlighted
        before_scroll = self.scroll_y
        self._sections = sections
        width = self.laid_out()
        options: list[Option] = []
        for section in sections:
            options.append(Option(heading_line(section), disabled=True))
            for item in section.items:
                options.append(TriageOption(item_line(item, width), section.key, item))
        self.set_options(options)
        self.scroll_to(y=before_scroll, animate=False, immediate=True)
        self.highlighted = self.restore(*_same_item(before_key), near=before_index)

    def relayout(self) -> None:
        if self._sections:
            self.show(self._sections)

    # reading ---------------------------------------------------------------------

    @property
    def selected_option(self) -> TriageOption | None:
        """The option under the cursor, if it is an item."""
        option = self.highlighted_option
        return option if isinstance(option, TriageOption) else None

    @property
    def selected_item(self) -> TriageItem | None:
        """The item under the cursor."""
        option = self.selected_option
        return option.item if option else None

    @property
    def selected_key(self) -> ItemKey | None:
        """Where the cursor is, to find the item again."""
        option = self.selected_option
        return option.key if option else None

    def select_record(self, kind: str, ref: int | None) -> bool:
        """Put the cursor on the first line about record ``kind``/``ref``; whether found."""
        for i, option in enumerate(self.options):
            if isinstance(option, TriageOption) and (option.item.kind, option.item.ref) == (kind, ref):
                self.highlighted = i
                return True
        return False

    # handlers --------------------------------------------------------------------

    async def _on_click(self, event: events.Click) -> None:
        """A click moves the cursor; a double click opens the item."""
        clicked = event.style.meta.get("option")
        if clicked is None or self.options[clicked].disabled:
            return
        self.highlighted = clicked
        option = self.options[clicked]
        if event.chain >= 2 and isinstance(option, TriageOption):
            self.post_message(self.ItemChosen(option.item))

    # actions ---------------------------------------------------------------------

    def stepped(self, index: int, direction: int) -> None:
        if direction < 0 and index > 0 and self.options[index - 1].disabled:
            self._reveal_heading(index)

    def _reveal_heading(self, index: int) -> None:
        """Keep the heading above the first item of a section in view."""
        line = index  # one line per option: prompts are cut to the width, never wrapped
        if self.scroll_y > line - 1:
            self.scroll_to(y=max(line - 1, 0), animate=False, immediate=True)

    def action_first(self) -> None:
        """First item, with the top of the list in view."""
        super().action_first()
        self.scroll_home(animate=False, immediate=True)
