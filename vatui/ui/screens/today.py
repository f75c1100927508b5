"""The Today pane: one pass over everything that needs the VA now, each line actionable.

``space`` done, ``s`` snooze, ``enter`` open (on "recurring drafts to send": the Ledger's
drafts; on "no deposit invoice yet": the deposit form), ``t`` timer, ``c`` log contact,
``r`` send reminder, ``p`` open the overloaded week in the Plan. The screen reads the triage
from ``services.today.triage`` and acts through ``app.run_service``; widgets only show and post.

The early warning (an overloaded week among the next three) costs a plan of three weeks:
tens of milliseconds on a large workspace, so it is computed in a worker thread after the
triage is shown, and its line appears under the list when it is ready.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from vatui.domain.errors import VatuiError
from vatui.i18n import _
from vatui.ui.pane import Pane
from vatui.ui.widgets.app_header import AppHeader, PaneFooter
from vatui.ui.widgets.today_summary import TodaySummary
from vatui.ui.widgets.triage_list import TriageList

if TYPE_CHECKING:
    from textual.command import Provider

    from vatui.domain.forecast import Warning
    from vatui.domain.triage import Triage, TriageItem


def _today_commands() -> type[Provider]:
    """Today's palette commands, imported when the palette first opens."""
    from vatui.ui.commands.today import TodayCommands

    return TodayCommands


class TodayScreen(Pane):
    """The triage of today as a list, with capacity, timer and notes under it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "done", _("Done"), id="today_done"),
        Binding("s", "snooze", _("Snooze"), id="today_snooze"),
        Binding("enter", "open", _("Open"), id="today_open"),
        Binding("t", "timer", _("Timer"), id="today_timer"),
        Binding("c", "contact", _("Contact"), id="today_contact"),
        Binding("r", "reminder", _("Remind"), id="today_reminder"),
        Binding("p", "plan_week", _("Plan"), id="today_plan"),
    ]
    COMMANDS: ClassVar = {_today_commands}
    PANE: ClassVar[str] = "today"

    def __init__(self) -> None:
        super().__init__(id="today")
        self.triage: Triage | None = None
        self.warning: Warning | None = None
        """The overloaded week among the next three, once computed (``None``: none)."""
        self._warning_round = 0

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield TriageList(id="triage")
        yield TodaySummary(id="today-summary")

    def on_mount(self) -> None:
        self.query_one(TriageList).focus()
        if self.triage is not None:  # the kept summary (``preset``): painted in the first frame
            self.show_triage(self.triage)
        else:
            self.query_one(TodaySummary).show(None)
        # Today is the app's first screen: its footer (empty until the bindings settle,
        # and the costliest widget to set up) mounts just after the first frame.
        self.call_after_refresh(self.mount, PaneFooter())
        if self.vatui.is_ready:
            self.reload()

    # the pane contract -------------------------------------------------------------

    def reload(self) -> None:
        """Read the triage again; the cursor stays on the same line (or its neighbour)."""
        if not self.vatui.is_ready or not self.is_mounted:
            return
        from vatui.services.today.triage import triage

        self.show_triage(self.vatui.session.run(triage))
        self.call_after_refresh(self._keep_summary)  # after the frame: never in its way

    def _keep_summary(self) -> None:
        """Keep the Today summary (``vatui today``, the next first frame) off the event loop."""
        if not self.vatui.is_ready:
            return
        from vatui.services.today.kept import keeper

        work = keeper(self.vatui.session)
        if work is not None:
            self.run_worker(work, thread=True, exclusive=True, group="today-kept", exit_on_error=False)

    def preset(self, kept: Triage) -> None:
        """Before the first frame: show ``kept`` (the kept Today summary) when Today mounts,
        while the workspace opens (``vatui.ui.first_frame``)."""
        self.triage = kept

    def show_triage(self, result: Triage) -> None:
        """Show an already computed triage (the app computes the first one off-screen, or
        reads it kept); the cursor stays on its line. The same triage again redraws nothing."""
        if result != self.triage or not self.query_one(TriageList).option_count:
            self.query_one(TriageList).show(result.sections)
            self.query_one(TodaySummary).show(result)
        self.triage = result
        if self.vatui.is_ready:  # the early warning reads the workspace
            self._check_warning()

    def _check_warning(self) -> None:
        """Compute the early warning off the event loop (a worker thread)."""
        self._warning_round += 1
        self.run_worker(
            partial(self._compute_warning, self._warning_round),
            thread=True,
            exclusive=True,
            group="today-warning",
            exit_on_error=False,
        )

    def _compute_warning(self, key: int) -> None:
        from vatui.services.plan.forecast import build_plan, early_warning

        try:
            snap = self.vatui.session.snapshot()  # a worker thread: one frozen moment
            warning = early_warning(snap.run(build_plan, weeks=3), snap.today())
        except VatuiError:  # a bad holiday setting: the Plan pane says why
            warning = None
        self.vatui.from_thread(self._warning_ready, key, warning)  # never waits on an app that is ending

    def _warning_ready(self, key: int, warning: Warning | None) -> None:
        summary = self.query(TodaySummary)  # empty while the app is ending (the worker came late)
        if key != self._warning_round or not self.is_mounted or not summary:
            return
        self.warning = warning
        summary.first().show_warning(warning)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``p`` shows (and works) only while a week is overloaded; nothing acts on the
        kept summary before the workspace is open (a click on the footer)."""
        if not self.vatui.is_ready:
            return False
        if action == "plan_week":
            return self.warning is not None
        return True

    def focus_record(self, kind: str, ref: int | None) -> None:
        """Put the cursor on the line about a record, if Today shows it."""
        self.query_one(TriageList).select_record(kind, ref)

    # helpers -----------------------------------------------------------------------

    @property
    def selected(self) -> TriageItem | None:
        """The line under the cursor."""
        return self.query_one(TriageList).selected_item

    def _selected_task(self, verb: str) -> TriageItem | None:
        """The selected item if it is a task; otherwise say why nothing happens."""
        item = self.selected
        if item is None:
            self.vatui.inform(_("Nothing selected."))
            return None
        if item.kind != "task" or item.ref is None:
            self.vatui.inform(
                _("Only tasks can be {verb}; this line is about {kind}.").format(verb=verb, kind=item.kind)
            )
            return None
        return item

    # actions: one call into a flow (vatui.ui.flows.tasks, .clients, .ledger, .invoices),
    # imported on the first use: Today's first paint never waits for them --

    def action_done(self) -> None:
        """Complete the selected task (a recurring one gets its next occurrence)."""
        from vatui.ui.flows import tasks as flow

        item = self._selected_task(_("marked done"))
        if item is not None and item.ref is not None:
            flow.complete(self.vatui, item.ref)

    def action_snooze(self) -> None:
        """Ask until when, then hide the selected task (or an invoice's reminders) from Today until then."""
        from vatui.ui.flows import invoices
        from vatui.ui.flows import tasks as flow

        chosen = self.selected
        if chosen is not None and chosen.kind == "invoice" and chosen.ref is not None:
            invoices.snooze(self.vatui, chosen.ref, chosen.title)
            return
        item = self._selected_task(_("snoozed"))
        if item is not None and item.ref is not None:
            flow.snooze(self.vatui, item.ref, item.title)

    def action_open(self) -> None:
        """Open the selected line: a task in its form, anything else in its pane; the
        recurring drafts in the Ledger; a deposit still to invoice in its form."""
        from vatui.ui.flows import invoices
        from vatui.ui.flows import tasks as flow

        item = self.selected
        if item is None:
            return
        key = self.query_one(TriageList).selected_key
        if item.kind == "drafts":
            self.vatui.show_drafts()
        elif key is not None and key[0] == "deposits" and item.kind == "client" and item.ref is not None:
            invoices.deposit(self.vatui, item.ref)
        elif item.kind == "task" and item.ref is not None:
            flow.edit_by_id(self.vatui, item.ref)
        elif item.ref is not None:
            self.vatui.open_record(item.kind, item.ref)

    @on(TriageList.ItemChosen)
    def _chosen(self, event: TriageList.ItemChosen) -> None:
        if self.vatui.is_ready:  # a double click on the kept summary, the workspace not open yet
            self.action_open()

    def action_timer(self) -> None:
        """Start the timer on the selected task, or stop it if it runs there; on the
        running timer's line, stop it."""
        from vatui.ui.flows import tasks as flow

        item = self.selected
        if item is not None and item.kind == "timer":
            flow.stop_timer(self.vatui)
            return
        item = self._selected_task(_("timed"))
        if item is not None and item.ref is not None:
            flow.toggle_timer(self.vatui, item.ref, item.title)

    def action_contact(self) -> None:
        """Log a contact with the selected line's client."""
        from vatui.ui.flows import clients

        item = self.selected
        if item is not None:
            clients.contact_about(self.vatui, item.kind, item.ref)

    def action_reminder(self) -> None:
        """Draft and send the reminder of the selected invoice."""
        from vatui.ui.flows import ledger

        item = self.selected
        if item is not None:
            ledger.remind_about(self.vatui, item.kind, item.ref)

    def action_plan_week(self) -> None:
        """Open the overloaded week in the Plan pane."""
        if self.warning is not None:
            self.vatui.focus_week(self.warning.week.start)

    def action_top(self) -> None:
        """Cursor to the first line."""
        self.query_one(TriageList).action_first()

    def action_bottom(self) -> None:
        """Cursor to the last line."""
        self.query_one(TriageList).action_last()
