"""The Plan pane: the weeks ahead, each a bar of planned hours against your available hours.

``j``/``k`` move between weeks; ``enter`` opens a week: what fills it, line by line. On a
task line ``s`` reschedules it (the date prompt), ``m`` moves it to a week picked from the
plan, ``[``/``]`` a week earlier/later, ``w`` marks it waiting; ``t`` adds time off
anywhere. The plan is read again after each change, so the bars rebalance at once.

Moving a task to a week sets its due date to the same weekday of that week (never before
today). A move that makes the due date later asks first: the client's deadline moves.
The plan comes from ``services.plan.forecast.build_plan``, computed in a worker thread (the plan
shown stays, marked "updating…", until the new one is ready); changes go through the task flows of
``services.tasks.manage`` (the Board's and Today's) and ``services.plan.timeoff``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static

from vatui.domain.dates import describe_date
from vatui.domain.dates_display import short_date
from vatui.domain.errors import VatuiError
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.commands.plan import PlanCommands
from vatui.ui.flows import tasks as flow
from vatui.ui.pane import Pane
from vatui.ui.render import STYLES
from vatui.ui.screens.read_ahead import PlanAhead, styles_current, take
from vatui.ui.widgets.app_header import AppHeader, PaneFooter
from vatui.ui.widgets.plan_detail import PlanDetail
from vatui.ui.widgets.plan_summary import PlanSummary, week_span
from vatui.ui.widgets.plan_weeks import PlanWeeks, hours

if TYPE_CHECKING:
    from vatui.domain.forecast import Plan, PlanItem, Week
    from vatui.ui.modals.timeoff_form import TimeOffRequest

ITEM_ACTIONS = frozenset({"close_week", "reschedule", "pick_week", "move", "waiting"})
"""Actions on the open week's lines: only while a week is open."""


def moved_due(due: date | None, start: date, end: date, today: date) -> date:
    """The due date of a task moved to the week ``start``–``end``: the same weekday as
    ``due``, never before today. A task without a due date gets the week's last day."""
    if due is None:
        day = end
    else:
        day = start + timedelta(days=(due.weekday() - start.weekday()) % 7)
    return max(day, today)


def week_of(weeks: tuple[Week, ...], day: date) -> int | None:
    """The index of the week that holds ``day``."""
    return next((i for i, w in enumerate(weeks) if w.start <= day <= w.end), None)


def week_title(week: Week) -> str:
    """``Week of 14 Dec: 52 h planned of 40 h — 12 h over``."""
    text = _("Week {span}: {planned} h planned of {available} h").format(
        span=week_span(week.start, week.end),
        planned=hours(week.planned_minutes),
        available=hours(week.available_minutes),
    )
    over = week.planned_minutes - week.available_minutes
    if over > 0:
        text += " — " + _("{hours} h over").format(hours=hours(over))
    return text


class PlanScreen(Pane):
    """The weeks ahead, and what fills the one opened."""

    CSS_PATH = str(STYLES / "plan.tcss")
    COMMANDS: ClassVar = {PlanCommands}
    PANE: ClassVar[str] = "plan"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close_week", _("Weeks"), id="plan_close_week", key_display="esc"),
        Binding("s", "reschedule", _("Due"), id="plan_reschedule"),
        Binding("m", "pick_week", _("Move"), id="plan_move"),
        Binding("left_square_bracket", "move(-1)", _("Week earlier"), show=False, id="plan_earlier"),
        Binding("right_square_bracket", "move(1)", _("Week later"), show=False, id="plan_later"),
        Binding("w", "waiting", _("Waiting"), id="plan_waiting"),
        Binding("t", "timeoff", _("Time off"), id="plan_timeoff"),
    ]

    def __init__(self) -> None:
        super().__init__(id="plan")
        styles_current(self)  # styled as it mounts: no reparse of every stylesheet when first shown
        self.plan: Plan | None = None
        """The plan as last read."""
        self.opened: date | None = None
        """The first day of the week opened (its lines shown), if one is."""
        self.names: dict[int, str] = {}
        self.today = date.min
        self._round = 0
        self._wanted: date | None = None

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static(id="plan-heading")
        yield PlanWeeks(id="plan-weeks")
        yield PlanSummary(id="plan-summary")
        yield PlanDetail(id="plan-detail")
        yield PaneFooter()

    def on_mount(self) -> None:
        self.query_one(PlanDetail).display = False
        self.query_one(PlanWeeks).focus()
        self.query_one(PlanSummary).show(None, None, {})
        ahead = take(self.vatui, "plan", PlanAhead) if self.vatui.is_ready else None
        if ahead is None:
            self._read()
            return
        self._round += 1  # read ahead, nothing changed since: shown once laid out
        self.call_after_refresh(self._computed, self._round, ahead.plan, ahead.names, ahead.today)

    # the pane contract -------------------------------------------------------------

    def reload(self) -> None:
        """Read the plan again; the cursor stays on the same week (and line)."""
        if self.is_mounted:
            self._read()

    def _read(self) -> None:
        """Compute the plan off the event loop (a worker thread): tens of milliseconds or
        more on a large workspace. The plan shown stays until the new one is ready."""
        if not self.vatui.is_ready:
            return
        self._round += 1
        if self.plan is not None:
            self._show_heading(updating=True)
        self.run_worker(
            partial(self._compute, self._round),
            thread=True,
            exclusive=True,
            group="plan",
            exit_on_error=False,
        )

    def _compute(self, key: int) -> None:
        from vatui.services.plan.forecast import build_plan

        try:
            snap = self.vatui.session.snapshot()  # a worker thread: one frozen moment
            today, names, plan = snap.today(), snap.client_names(), snap.run(build_plan)
        except VatuiError as exc:  # a bad holiday setting
            self.vatui.from_thread(self._refused, key, str(exc))
            return
        self.vatui.from_thread(
            self._computed, key, plan, names, today
        )  # never waits on an app that is ending

    def _computed(self, key: int, plan: Plan, names: dict[int, str], today: date) -> None:
        if key != self._round or not self.is_mounted:
            return
        self.today, self.names = today, names
        self.show_plan(plan)
        if self._wanted is not None:
            start, self._wanted = self._wanted, None
            self.focus_week(start)

    def _refused(self, key: int, message: str) -> None:
        if key == self._round and self.is_mounted:
            self.query_one("#plan-heading", Static).update(render.text(message, "bold $text-error"))
            self.vatui.inform(message, error=True)

    def _show_heading(self, *, updating: bool = False) -> None:
        count = len(self.plan.weeks) if self.plan is not None else 0
        heading = _("Next {n} weeks · │ your available hours · ▒ from your log or a retainer").format(n=count)
        line = render.label(heading, "$text-muted")
        if updating:
            line = Content.assemble(render.label(_("updating…") + " ", "bold $text-accent"), line)
        self.query_one("#plan-heading", Static).update(line, layout=False)  # one line (plan.tcss)

    def show_plan(self, plan: Plan) -> None:
        """Show ``plan`` (the open week's lines too)."""
        self.plan = plan
        weeks = self.query_one(PlanWeeks)
        weeks.show(plan.weeks)
        self._show_heading()
        self._show_summary()
        if self.opened is not None:
            self._show_opened()
        self.content_drawn()

    def focus_week(self, start: date, *, open_it: bool = True) -> None:
        """Put the cursor on the week holding ``start`` and open it (Today's ``p``); before the
        plan is read, once it is."""
        if self.plan is None:
            self._wanted = start
            return
        if self.query_one(PlanWeeks).select_week(start) and open_it:
            self.action_open_week()

    # helpers -----------------------------------------------------------------------

    @property
    def selected_week(self) -> Week | None:
        """The week under the cursor."""
        return self.query_one(PlanWeeks).selected_week

    @property
    def selected_item(self) -> PlanItem | None:
        """The line under the cursor in the open week."""
        return self.query_one(PlanDetail).selected_item if self.opened is not None else None

    def _show_summary(self) -> None:
        self.query_one(PlanSummary).show(self.plan, self.selected_week, self.names)

    def _show_opened(self) -> None:
        detail = self.query_one(PlanDetail)
        plan = self.plan
        at = week_of(plan.weeks, self.opened) if plan is not None and self.opened is not None else None
        if plan is None or at is None:
            self.action_close_week()
            return
        week = plan.weeks[at]
        detail.border_title = render.label(week_title(week), "bold")
        detail.show(week, self.names, self.today)

    def _task_item(self) -> PlanItem | None:
        """The selected line if it is a task; otherwise say why nothing happens."""
        item = self.selected_item
        if item is None:
            self.vatui.inform(_("Nothing selected."))
            return None
        if item.kind == "task" and item.task_id is not None:
            return item
        if item.kind == "recurring":
            self.vatui.inform(_("A later occurrence of a repeating task: change the series on the Board."))
        elif item.kind == "retainer":
            self.vatui.inform(_("Retainer hours are not a task: they follow the client's retainer."))
        else:
            self.vatui.inform(_("These hours come from your time log, not from a task."))
        return None

    @on(OptionList.OptionHighlighted, "#plan-weeks")
    def _week_highlighted(self) -> None:
        self._show_summary()

    @on(PlanWeeks.WeekChosen)
    def _week_chosen(self) -> None:
        self.action_open_week()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The keys of a week's lines show (and work) only while a week is open."""
        if action in ITEM_ACTIONS:
            return self.opened is not None
        return True

    # actions -----------------------------------------------------------------------

    def action_open_week(self) -> None:
        """List what fills the selected week."""
        week = self.selected_week
        if week is None:
            return
        self.opened = week.start
        detail = self.query_one(PlanDetail)
        detail.display = True
        self.add_class("-open")
        self._show_opened()
        detail.focus()
        self.refresh_bindings()

    def action_close_week(self) -> None:
        """Back to the weeks."""
        self.opened = None
        self.query_one(PlanDetail).display = False
        self.remove_class("-open")
        self.query_one(PlanWeeks).focus()
        self.refresh_bindings()

    def action_reschedule(self) -> None:
        """Ask for a new due date (the date prompt, vatui's date words) and set it."""
        item = self._task_item()
        if item is not None and item.task_id is not None:
            default = item.due.isoformat() if item.due is not None else "tomorrow"
            flow.reschedule(self.vatui, item.task_id, item.title, default=default)

    def action_move(self, step: int) -> None:
        """``[``/``]``: the task's due date a week earlier / later (the same weekday)."""
        item = self._task_item()
        if item is None or self.plan is None:
            return
        due = self._due_of(item)
        base = max(due, self.today) if due is not None else (self.opened or self.today)
        start = self._week_start(base + timedelta(weeks=step))
        self._move_to(item, due, moved_due(due, start, start + timedelta(days=6), self.today))

    def _week_start(self, day: date) -> date:
        from vatui.domain.weeks import week_first_day

        return week_first_day(day, self.vatui.session.settings().week_start)

    def action_pick_week(self) -> None:
        """``m``: pick the week to move the task to from the plan's weeks."""
        item = self._task_item()
        if item is None or self.plan is None:
            return
        from vatui.ui.modals.week_picker import WeekPickerModal

        due = self._due_of(item)
        weeks = self.plan.weeks

        def picked(start: date | None) -> None:
            at = week_of(weeks, start) if start is not None else None
            if at is not None:
                self._move_to(item, due, moved_due(due, weeks[at].start, weeks[at].end, self.today))

        title = _("Move “{title}” to the week of").format(title=one_line(item.title, 30))
        self.app.push_screen(WeekPickerModal(title, weeks, due), picked)

    def _due_of(self, item: PlanItem) -> date | None:
        """The task's due date as stored now (the plan may be a moment old)."""

        try:
            return self.vatui.session.task(item.task_id or 0).due
        except VatuiError:
            return item.due

    def _move_to(self, item: PlanItem, due: date | None, day: date) -> None:
        """Set the task's due date to ``day``; a later date than its due date asks first."""
        if item.task_id is None:
            return
        if due is not None and day == due:
            self.vatui.inform(
                _("“{title}” is already due {when}.").format(
                    title=one_line(item.title, 40), when=describe_date(day, self.today)
                )
            )
            return
        task_id, title = item.task_id, item.title

        def move(yes: bool | None = True) -> None:
            from vatui.services.tasks.manage import reschedule_task

            if yes and self.vatui.run_service(reschedule_task, task_id, day) is not None:
                self.vatui.inform(
                    _("Moved to the week of {week}, due {when}: {title}").format(
                        week=week_span(self._week_start(day), self._week_start(day) + timedelta(days=6)),
                        when=describe_date(day, self.today),
                        title=one_line(title, 40),
                    )
                )

        if due is None or day < due:
            move()
            return
        from vatui.ui.modals.confirm import ConfirmModal

        question = _("Move “{title}” later? Its due date changes from {old} to {new}.").format(
            title=one_line(title, 40), old=short_date(due, self.today), new=short_date(day, self.today)
        )
        self.app.push_screen(ConfirmModal(question, yes=_("Move it"), no=_("Keep it")), move)

    def action_waiting(self) -> None:
        """Mark the task waiting on the client (the Board's waiting column)."""
        item = self._task_item()
        if item is None or item.task_id is None:
            return
        from vatui.services.tasks.manage import move_task

        column = self.vatui.session.settings().waiting_column
        if self.vatui.run_service(move_task, item.task_id, column) is not None:
            self.vatui.inform(
                _("Waiting on the client: {title} (w on the Board sets a follow-up date)").format(
                    title=one_line(item.title, 40)
                )
            )

    def action_timeoff(self) -> None:
        """Add time off: from, to and a note."""
        from vatui.ui.modals.timeoff_form import TimeOffFormModal

        week = self.selected_week
        start = week.start.isoformat() if week is not None and week.start > self.today else ""
        self.app.push_screen(TimeOffFormModal(self.today, start), self._timeoff_given)

    def _timeoff_given(self, request: TimeOffRequest | None) -> None:
        if request is None:
            return
        from vatui.services.plan.timeoff import add_timeoff

        added = self.vatui.run_service(add_timeoff, request.start, request.end, note=request.note)
        if added is not None:
            self.vatui.inform(
                _("Time off {start} to {end} added.").format(
                    start=describe_date(request.start, self.today), end=describe_date(request.end, self.today)
                )
            )
