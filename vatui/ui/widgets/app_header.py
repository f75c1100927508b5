"""The one-line header every pane shows: workspace, pane, running timer, today's date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from rich.cells import cell_len
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from vatui.i18n import _
from vatui.ui import render


@dataclass(frozen=True)
class HeaderState:
    """What the header shows, handed over by the app."""

    workspace: str
    """The workspace's name (settings.workspace_name)."""
    pane: str
    """The active pane's title."""
    today: date | None = None
    """Today in the home timezone (``None`` while the workspace opens)."""
    timer_title: str | None = None
    """The running timer's task title, if a timer runs."""
    timer_seconds: int = 0
    """How long it has been running."""
    sample: bool = False
    """The app runs on a throwaway sample workspace."""
    read_only: bool = False
    """The workspace file was refused while open: what is shown is the last good read."""


class HeaderSource(Protocol):
    """The app side of the header: anything that can say what to show."""

    def header_state(self) -> HeaderState:
        """The header's content now."""
        ...


def elapsed(seconds: int) -> str:
    """``0:42:05`` for a running timer."""
    hours, rest = divmod(max(seconds, 0), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


class AppHeader(Widget):
    """One line: ``vatui · Today`` … ``▶ Draft newsletter 0:42:05`` … ``Fri 27 Nov 2026``.

    It asks the app for a ``HeaderState`` when it renders; the app refreshes it once a
    second only while a timer runs, so an idle header costs nothing.
    """

    DEFAULT_CSS = """
    AppHeader {
        dock: top;
        height: 1;
        width: 100%;
        background: $panel;
        color: $foreground;
    }
    """

    def render(self) -> Content:
        source = self.app
        if not hasattr(source, "header_state"):
            return render.label("vatui")
        state: HeaderState = source.header_state()
        return self.compose_line(state, self.size.width)

    @staticmethod
    def compose_line(state: HeaderState, width: int) -> Content:
        """The header line for ``state`` at ``width`` cells."""
        left = Content.assemble(
            " ",
            render.fit(state.workspace, 24, "bold"),
            render.label(" · "),
            render.label(state.pane, "bold $text-accent"),
        )
        if state.sample:
            left = Content.assemble(left, "  ", render.label(_("SAMPLE — not saved"), "reverse bold"))
        if state.read_only:
            left = Content.assemble(
                left, "  ", render.label(_("READ-ONLY — file refused"), "reverse bold $text-error")
            )
        day = ""
        if state.today is not None:
            from vatui.domain.dates import short_date

            # A "today" in another year makes short_date include the year: "Fri 27 Nov 2026".
            day = short_date(state.today, date(1, 1, 1))
        right = render.label(day + " ", "$text-muted")
        middle = Content("")
        room = width - left.cell_length - right.cell_length - 4
        if state.timer_title is not None and room > 12:
            clock = elapsed(state.timer_seconds)
            title_room = room - len(clock) - 3
            parts: list[Content | str] = [render.label("▶ ", "bold $text-success")]
            if title_room > 4:
                parts += [render.fit(state.timer_title, title_room), " "]
            parts.append(render.label(clock, "bold"))
            middle = Content.assemble(*parts)
        gap = max(width - left.cell_length - middle.cell_length - right.cell_length, 2)
        before = gap // 2 if middle.cell_length else gap
        after = gap - before
        line = Content.assemble(left, " " * before, middle, " " * after, right)
        if line.cell_length > width:
            line = line.truncate(width, ellipsis=True)
        return line


class PaneFooter(Footer):
    """Textual's ``Footer``, redrawn only when the keys it shows change.

    The stock footer rebuilds its keys on every bindings refresh (focus moves, screen
    resumes, mounts: several times at start-up); the keys shown rarely change, so this
    one compares what it would show and keeps its widgets when nothing did.
    """

    def __init__(self, *, compact: bool = True, show_command_palette: bool = False) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self._shown: tuple[tuple[str, str, bool], ...] | None = None

    def compose(self) -> Any:
        """Textual's keys, their descriptions in the language in use (a class defined after
        the language changed, like Textual's own widgets loaded later, still has English),
        and only the keys that fit whole: a longer language drops the last keys (``?`` lists
        them all) rather than cut one in the middle of its word."""
        room = self.app.size.width + 1
        keep = 0  # room kept for the ``?`` key, which lists every key
        for active in self.screen.active_bindings.values():
            if active.binding.action == "help" and active.binding.show:
                keep = (
                    cell_len(self.app.get_key_display(active.binding))
                    + cell_len(_(active.binding.description))
                    + 2
                )
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                need = cell_len(widget.key_display) + cell_len(widget.description) + 2
                is_help = widget.action == "help"
                if need + (0 if is_help else keep) > room:
                    continue
                room -= need
                keep = 0 if is_help else keep
                # Textual binds each key's ``compact`` to the footer's, and its watcher sets the
                # ``-compact`` class once the key is mounted: a second styling of every key. Given
                # the class now, the key is styled once, as it will look.
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[Any]) -> None:
        shown = tuple(
            (key, active.binding.description, active.enabled)
            for key, active in screen.active_bindings.items()
            if active.binding.show
        )
        if shown == self._shown and self._bindings_ready:
            return
        self._shown = shown
        super().bindings_changed(screen)
