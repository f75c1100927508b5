"""The Board's actions: each key of the pane, as a call to a service.

A mixin of ``BoardScreen`` (kept apart so each module stays small). Every change goes
through ``BoardScreen.run`` (the app's ``run_service``: errors become a notification, the
pane reloads); the cursor then goes where the user expects: a moved or edited card keeps
it, a deleted or completed card hands it to its neighbour.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from vatui.domain.dates import MAX_DATE, describe_date
from vatui.domain.fold import sort_key
from vatui.domain.tasks import Task
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.services.common import client_refs
from vatui.services.tasks import manage as task_service
from vatui.services.tasks.timer import toggle_timer

if TYPE_CHECKING:
    from vatui.services.tasks.board import BoardSnapshot
    from vatui.ui.modals.task_form import TaskFormResult
    from vatui.ui.widgets.board_column import BoardColumn


class BoardActions:
    """Key actions of the Board (mixed into ``BoardScreen``)."""

    if TYPE_CHECKING:
        app: Any
        snapshot: BoardSnapshot | None
        focused_index: int
        client_filter: int | None
        text_filter: str

        @property
        def columns(self) -> list[BoardColumn]: ...
        @property
        def focused_column(self) -> BoardColumn: ...
        @property
        def selected_task(self) -> Task | None: ...
        def run(self, fn: Callable[..., Any], *args: Any, stay: bool = False, **kwargs: Any) -> Any: ...
        def reload(self) -> None: ...
        def activate(self, index: int) -> None: ...
        def set_client_filter(self, client_id: int | None) -> None: ...

    def tell(self, message: str, *, error: bool = False) -> None:
        """A notification; user text in it is shown as text, never as markup."""
        inform = getattr(self.app, "inform", None)
        if callable(inform):
            inform(message, error=error)
        else:
            self.app.notify(message, severity="error" if error else "information", markup=False)

    # moving around ---------------------------------------------------------------------

    def action_focus_column(self, step: int) -> None:
        """Focus the column ``step`` to the left (-1) or right (+1)."""
        index = min(max(self.focused_index + step, 0), len(self.columns) - 1)
        if index == self.focused_index:
            return
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

    # changing cards --------------------------------------------------------------------

    def _task_or_bell(self) -> Task | None:
        task = self.selected_task
        if task is None:
            self.app.bell()
        return task

    def action_move_card(self, step: int) -> None:
        """Move the card to the previous (-1) or next (+1) column; the cursor follows it."""
        task = self._task_or_bell()
        if task is None or task.id is None:
            return
        result = self.run(task_service.shift_column, self.app.ws, task.id, step)
        if result is not None:
            self.focus_task(task.id)

    def action_reorder(self, step: int) -> None:
        """Move the card up (-1) or down (+1) inside its column."""
        task = self._task_or_bell()
        if task is None or task.id is None:
            return
        if self.snapshot is not None and self.focused_column.column == self.snapshot.settings.done_column:
            self.tell(_("Done is in the order the cards were finished"))
            return
        if self.run(task_service.reorder_task, self.app.ws, task.id, step) is not None:
            self.focus_task(task.id)

    def action_toggle_done(self) -> None:
        """Complete the card (a recurring one gets its next occurrence); in Done, reopen it."""
        task = self._task_or_bell()
        if task is None or task.id is None:
            return
        if task.is_done:
            reopened = self.run(task_service.reopen_task, self.app.ws, task.id, stay=True)
            if reopened is not None:
                self.tell(
                    _("Reopened “{title}” in {column}").format(
                        title=one_line(task.title, 40), column=one_line(reopened.column)
                    )
                )
            return
        result = self.run(task_service.complete_task, self.app.ws, task.id, stay=True)
        if result is None:
            return
        _done, following = result
        if following is not None and following.due is not None and self.snapshot is not None:
            self.tell(
                _("Done. Next “{title}”: {when}").format(
                    title=one_line(task.title, 30), when=describe_date(following.due, self.snapshot.today)
                )
            )
        elif task.recurrence:
            self.tell(
                _(
                    "Done: “{title}”. No next occurrence: it would fall after {last}, so the series ends"
                ).format(title=one_line(task.title, 40), last=MAX_DATE.isoformat())
            )
        else:
            self.tell(_("Done: “{title}”").format(title=one_line(task.title, 40)))

    def action_reschedule(self) -> None:
        """Ask for a new due date (date syntax, default tomorrow) and set it."""
        task = self._task_or_bell()
        if task is None or task.id is None or self.snapshot is None:
            return
        from vatui.ui.modals.date_prompt import DatePromptModal

        task_id = task.id

        def done(when: Any) -> None:
            if when is not None:
                self.run(task_service.reschedule_task, self.app.ws, task_id, when)
                self.focus_task(task_id)

        title = _("New due date for “{title}”").format(title=one_line(task.title, 40))
        self.app.push_screen(DatePromptModal(title, self.snapshot.today, default="tomorrow"), done)

    def action_toggle_timer(self) -> None:
        """Start the timer on the card, or stop it if it runs there."""
        task = self._task_or_bell()
        if task is None or task.id is None:
            return
        from vatui.services.tasks.timer import running_timer
        from vatui.ui.modals.long_timer import ask_if_long

        task_id, running = task.id, running_timer(self.app.ws)
        ask_if_long(
            self.app, self.app.ws, lambda m: self._toggle_timer(task, task_id, m), stops=running is not None
        )

    def _toggle_timer(self, task: Any, task_id: int, minutes: int | None) -> None:
        result = self.run(toggle_timer, self.app.ws, task_id, minutes=minutes)
        if result is None:
            return
        started, stopped = result
        if started is not None:
            self.tell(_("Timer started on “{title}”").format(title=one_line(task.title, 40)))
        elif stopped is not None:
            self.tell(_("Timer stopped: {minutes} min").format(minutes=stopped.minutes))

    def action_delete_card(self) -> None:
        """Delete the card after a confirmation (``u`` undoes)."""
        task = self._task_or_bell()
        if task is None or task.id is None:
            return
        from vatui.ui.modals.confirm import ConfirmModal

        task_id, title = task.id, one_line(task.title, 40)

        def done(yes: bool | None) -> None:
            if yes and self.run(task_service.delete_task, self.app.ws, task_id, stay=True) is not None:
                self.tell(_("Deleted “{title}” (u undoes)").format(title=title))

        self.app.push_screen(ConfirmModal(_("Delete “{title}”?").format(title=title)), done)

    def action_log_contact(self) -> None:
        """Log a contact with the card's client (handled by the app's Clients pane)."""
        task = self._task_or_bell()
        if task is None or task.id is None:
            return
        pane_action = getattr(self.app, "pane_action", None)
        if pane_action is None:
            self.tell(_("Logging a contact is not available here yet"), error=True)
            return
        pane_action("task", "contact", task.id)

    def action_time_entries(self) -> None:
        """The card's time entries: edit or delete one (billed time is locked)."""
        task = self._task_or_bell()
        if task is not None and task.id is not None:
            from vatui.ui.screens.corrections import time_entries

            time_entries(self.app, task.id)

    def action_checklist(self) -> None:
        """The card's checklist: tick, add, remove lines."""
        task = self._task_or_bell()
        if task is not None and task.id is not None:
            from vatui.ui.screens.corrections import checklist

            checklist(self.app, task.id)

    def action_follow_up(self) -> None:
        """When to chase the client about the card (a waiting task)."""
        task = self._task_or_bell()
        if task is not None and task.id is not None:
            from vatui.ui.screens.corrections import follow_up

            follow_up(self.app, task.id)

    # forms -----------------------------------------------------------------------------

    def _form_clients(self, keep: int | None = None) -> list[tuple[int, str]]:
        clients = dict(client_refs(self.app.ws))
        if keep is not None and keep not in clients and self.snapshot is not None:
            clients[keep] = self.snapshot.client_names.get(keep, f"#{keep}")
        return sorted(clients.items(), key=lambda item: sort_key(item[1]))

    def action_new_card(self) -> None:
        """Open the card form for a new card in the focused column."""
        from vatui.ui.modals.task_form import TaskFormModal

        snap = self.snapshot
        if snap is None:
            return

        def done(form: TaskFormResult | None) -> None:
            if form is None:
                return
            task = self.run(
                task_service.add_task,
                self.app.ws,
                form.title,
                client_id=form.client_id,
                column=form.column,
                due=form.due,
                priority=form.priority,
                estimate_minutes=form.estimate_minutes,
                tags=form.tags,
                recurrence=form.recurrence,
                notes=form.notes,
            )
            if task is not None and not self.focus_task(task.id):
                self.tell(_("Added “{title}” (hidden by the filter)").format(title=one_line(task.title, 40)))

        self.app.push_screen(
            TaskFormModal(
                None, self._form_clients(), snap.settings.columns, snap.today, self.focused_column.column
            ),
            done,
        )

    def action_edit_card(self) -> None:
        """Open the card form on the selected card."""
        task, snap = self._task_or_bell(), self.snapshot
        if task is None or task.id is None or snap is None:
            return
        from vatui.ui.modals.task_form import TaskFormModal

        task_id = task.id

        def done(form: TaskFormResult | None) -> None:
            if form is None:
                return
            changes = form.changes(task)  # only what the user changed; tags merged
            moved = form.column != task.column and not (
                task.is_done and form.column == snap.settings.done_column
            )
            if not changes.empty or moved:
                # One service call: the edit and the move are one change for `u`.
                self.run(
                    task_service.change_task,
                    self.app.ws,
                    task_id,
                    changes,
                    column=form.column if moved else None,
                )
            self.focus_task(task_id)

        self.app.push_screen(
            TaskFormModal(task, self._form_clients(task.client_id), snap.settings.columns, snap.today), done
        )

    # filters ---------------------------------------------------------------------------

    def action_filter_client(self) -> None:
        """Pick a client to show only their cards; with a client filter on, clear it."""
        if self.client_filter is not None:
            self.set_client_filter(None)
            return
        snap = self.snapshot
        if snap is None:
            return
        counts: dict[int, int] = {}
        for tasks in snap.columns.values():
            for t in tasks:
                if t.client_id is not None:
                    counts[t.client_id] = counts.get(t.client_id, 0) + 1
        clients = sorted(
            ((cid, snap.client_names.get(cid, f"#{cid}"), n) for cid, n in counts.items()),
            key=lambda item: sort_key(item[1]),
        )
        if not clients:
            self.tell(_("No card has a client"))
            return
        from vatui.ui.modals.board_client_picker import BoardClientPickerModal

        self.app.push_screen(BoardClientPickerModal(clients), self._picked_client)

    def _picked_client(self, client_id: int | None) -> None:
        if client_id is not None:
            self.set_client_filter(client_id)
