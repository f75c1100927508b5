"""Pick a week of the plan to move a task to: each week with its load; ``enter`` picks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList

from vatui.i18n import _
from vatui.ui import render
from vatui.ui.widgets.plan_weeks import FLAG_STYLES, flag_word, load_text, week_label
from vatui.ui.widgets.vi_list import PointerList

if TYPE_CHECKING:
    from vatui.domain.forecast import Week


def picker_line(week: Week, current: bool) -> Content:
    """``  14 Dec  32/40 h  80 %  busy`` (``← now`` on the week the task is due in)."""
    style = FLAG_STYLES.get(week.flag, "")
    return Content.assemble(
        "  ",
        render.pad(render.label(week_label(week.start), "bold"), 7),
        " ",
        render.label(load_text(week).rjust(9), style),
        " ",
        render.label(f"{week.percent} %".rjust(5), style),
        " ",
        render.label(flag_word(week.flag), style),
        render.label("  " + _("← due now") if current else "", "$text-muted"),
    )


class WeekPickerModal(ModalScreen[date | None]):
    """The plan's weeks; dismisses with the first day of the week picked, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel"), id="week_picker_cancel"),
        Binding("j", "cursor(1)", show=False),
        Binding("k", "cursor(-1)", show=False),
    ]

    DEFAULT_CSS = """
    WeekPickerModal { align: center middle; }
    WeekPickerModal #week-picker {
        width: 56; max-width: 100%; height: auto; max-height: 90%;
        border: round $border; background: $surface; padding: 0 1;
    }
    WeekPickerModal OptionList { height: auto; max-height: 16; border: none; padding: 0; }
    """

    def __init__(self, title: str, weeks: Sequence[Week], current: date | None) -> None:
        super().__init__(classes="vatui-modal")
        self.box_title = title
        self.weeks = tuple(weeks)
        """The weeks to pick from."""
        self.current = current
        """The task's due date now (its week is marked, and the cursor starts there)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="week-picker", classes="modal-body") as box:
            box.border_title = render.text(self.box_title)
            box.border_subtitle = _("enter picks · esc cancels")
            yield PointerList(
                *(picker_line(w, self._holds_due(w)) for w in self.weeks), id="week-picker-list", markup=False
            )

    def _holds_due(self, week: Week) -> bool:
        return self.current is not None and week.start <= self.current <= week.end

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = next((i for i, w in enumerate(self.weeks) if self._holds_due(w)), 0)
        listing.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.weeks[event.option_index].start)

    def action_cursor(self, step: int) -> None:
        """``j``/``k``: move the highlight."""
        listing = self.query_one(OptionList)
        if listing.option_count:
            listing.highlighted = min(max((listing.highlighted or 0) + step, 0), listing.option_count - 1)

    def action_cancel(self) -> None:
        """Close without picking."""
        self.dismiss(None)
