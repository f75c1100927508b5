"""The task flows: complete (or reopen), snooze, reschedule, time, add, edit, delete a task.

Today and the Board call the same flow for the same key, so a task is completed, timed
and edited in one way with one set of words wherever it is shown. A flow calls the
service through ``run`` (the app's ``run_service`` by default; the Board passes its own,
which keeps its cursor in place) and says what happened with ``app.inform``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from vatui.domain.fold import sort_key
from vatui.domain.text import one_line
from vatui.i18n import _

if TYPE_CHECKING:
    from vatui.domain.tasks import Task
    from vatui.ui.modals.task_form import TaskFormResult
    from vatui.ui.pane import PaneHost

Run = Callable[..., Any]
"""Calls a service (``app.run_service`` or a pane's wrapper of it); ``None`` when refused."""


def _today(app: PaneHost) -> date:
    return app.session.today()


def complete(app: PaneHost, task_id: int, *, run: Run | None = None) -> None:
    """Complete a task (a recurring one gets its next occurrence, named in the message)."""
    from vatui.domain.dates import MAX_DATE, describe_date
    from vatui.services.tasks import manage as task_service

    result = (run or app.run_service)(task_service.complete_task, task_id)
    if result is None:
        return
    done, following = result
    message = _("Done: “{title}”").format(title=one_line(done.title, 40))
    if following is not None and following.due is not None:
        message += " · " + _("next {when}").format(when=describe_date(following.due, _today(app)))
    elif done.recurrence:
        message += " · " + _("no next occurrence after {last}: the series ends").format(
            last=MAX_DATE.isoformat()
        )
    app.inform(message)


def reopen(app: PaneHost, task_id: int, *, run: Run | None = None) -> None:
    """Reopen a done task in the column it left."""
    from vatui.services.tasks import manage as task_service

    reopened = (run or app.run_service)(task_service.reopen_task, task_id)
    if reopened is not None:
        app.inform(
            _("Reopened “{title}” in {column}").format(
                title=one_line(reopened.title, 40), column=one_line(reopened.column)
            )
        )


def move(app: PaneHost, task_id: int, step: int, *, run: Run | None = None) -> bool:
    """Move a task to the previous (-1) or next (+1) column; whether it moved."""
    from vatui.services.tasks import manage as task_service

    return (run or app.run_service)(task_service.shift_column, task_id, step) is not None


def reorder(app: PaneHost, task_id: int, step: int, *, run: Run | None = None) -> bool:
    """Move a task up (-1) or down (+1) inside its column; whether it moved."""
    from vatui.services.tasks import manage as task_service

    return (run or app.run_service)(task_service.reorder_task, task_id, step) is not None


def snooze(app: PaneHost, task_id: int, title: str) -> None:
    """Ask until when, then hide the task from Today until then."""
    from vatui.domain.dates import describe_date
    from vatui.services.tasks import manage as task_service
    from vatui.ui.modals.date_prompt import DatePromptModal

    def chosen(until: date | None) -> None:
        if until is None:
            return
        if app.run_service(task_service.snooze_task, task_id, until) is not None:
            app.inform(
                _("Snoozed until {when}: {title}").format(
                    when=describe_date(until, _today(app)), title=one_line(title, 40)
                )
            )

    prompt = _("Snooze “{title}” until").format(title=one_line(title, 40))
    app.push_screen(DatePromptModal(prompt, _today(app)), chosen)


def reschedule(
    app: PaneHost,
    task_id: int,
    title: str,
    *,
    default: str = "tomorrow",
    run: Run | None = None,
    then: Callable[[], object] = list,
) -> None:
    """Ask for a new due date (vatui's date words, ``default`` proposed) and set it; ``then()`` after."""
    from vatui.domain.dates import describe_date
    from vatui.services.tasks import manage as task_service
    from vatui.ui.modals.date_prompt import DatePromptModal

    today = _today(app)

    def chosen(when: date | None) -> None:
        if when is None:
            return
        if (run or app.run_service)(task_service.reschedule_task, task_id, when) is not None:
            app.inform(
                _("Due {when}: {title}").format(when=describe_date(when, today), title=one_line(title, 40))
            )
        then()

    prompt = _("New due date for “{title}”").format(title=one_line(title, 40))
    app.push_screen(DatePromptModal(prompt, today, default=default), chosen)


def toggle_timer(app: PaneHost, task_id: int, title: str, *, run: Run | None = None) -> None:
    """Start the timer on a task, or stop it if it runs there (asking first after 12 h)."""
    from vatui.services.tasks.timer import running_timer, toggle_timer

    def go(minutes: int | None) -> None:
        result = (run or app.run_service)(toggle_timer, task_id, minutes=minutes)
        if result is None:
            return
        started, stopped = result
        if started is not None:
            app.inform(_("Timer started on “{title}”").format(title=one_line(title, 40)))
        elif stopped is not None:
            app.inform(
                _("Timer stopped: {minutes} min on {title}").format(
                    minutes=stopped.minutes, title=one_line(title, 40)
                )
            )

    _ask_if_long(app, go, stops=app.session.run(running_timer) is not None)


def stop_timer(app: PaneHost) -> None:
    """Stop the running timer, whatever it times (asking first after 12 h)."""
    from vatui.services.tasks.timer import stop_timer

    def go(minutes: int | None) -> None:
        app.run_service(stop_timer, minutes=minutes)

    _ask_if_long(app, go)


def _ask_if_long(app: PaneHost, go: Callable[[int | None], object], *, stops: bool = True) -> None:
    """Call ``go(None)``, or, when a running timer that ``go`` would stop ran past 12 h, ask
    first and call ``go(minutes)`` with the answer (nothing at all when cancelled)."""
    from vatui.services.tasks.timer import LONG_TIMER_MINUTES, running_minutes
    from vatui.ui.modals.long_timer import LongTimerModal

    elapsed = app.session.run(running_minutes) if stops else None
    if elapsed is None or elapsed <= LONG_TIMER_MINUTES:
        go(None)
        return

    def answered(minutes: int | None) -> None:
        if minutes is not None:
            go(minutes)

    app.push_screen(LongTimerModal(elapsed), answered)


def form_clients(app: PaneHost, keep: int | None = None) -> list[tuple[int, str]]:
    """The clients a task form offers, by name; ``keep`` (the task's own, maybe archived) too."""
    from vatui.domain.errors import VatuiError
    from vatui.services.common import client_refs

    clients = dict(app.session.run(client_refs))
    if keep is not None and keep not in clients:
        try:
            clients[keep] = app.session.client(keep).name
        except VatuiError:
            clients[keep] = f"#{keep}"
    return sorted(clients.items(), key=lambda item: sort_key(item[1]))


def add(app: PaneHost, column: str, *, run: Run | None = None, added: Callable[[Task], object] = id) -> None:
    """The card form for a new task in ``column``; ``added(task)`` once saved."""
    from vatui.services.tasks import manage as task_service
    from vatui.ui.modals.task_form import TaskFormModal

    def save(form: TaskFormResult | None) -> None:
        if form is None:
            return
        task = (run or app.run_service)(
            task_service.add_task,
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
        if task is not None:
            added(task)

    columns = app.session.settings().columns
    app.push_screen(TaskFormModal(None, form_clients(app), columns, _today(app), column), save)


def edit(app: PaneHost, task: Task, *, run: Run | None = None, then: Callable[[], object] = list) -> None:
    """The card form on a task: only what the user changed is saved; ``then()`` after."""
    from vatui.services.tasks import manage as task_service
    from vatui.ui.modals.task_form import TaskFormModal

    task_id = task.id or 0  # a stored task always has one
    settings = app.session.settings()

    def save(form: TaskFormResult | None) -> None:
        if form is None:
            return
        changes = form.changes(task)  # only what the user changed; tags merged
        moved = form.column != task.column and not (task.is_done and form.column == settings.done_column)
        if not changes.empty or moved:
            # One service call: the edit and the move are one change for `u`.
            saved = (run or app.run_service)(
                task_service.change_task, task_id, changes, column=form.column if moved else None
            )
            if saved is not None:
                app.inform(_("Saved: {title}").format(title=one_line(saved.title, 50)))
        then()

    clients = form_clients(app, task.client_id)
    app.push_screen(TaskFormModal(task, clients, settings.columns, _today(app)), save)


def edit_by_id(app: PaneHost, task_id: int) -> None:
    """``edit`` on a task known by its id (a line of Today)."""
    from vatui.domain.errors import VatuiError

    try:
        task = app.session.task(task_id)
    except VatuiError as exc:
        app.inform(str(exc), error=True)
        return
    edit(app, task)


def delete(app: PaneHost, task: Task, *, run: Run | None = None) -> None:
    """Delete a task after a confirmation (``u`` undoes)."""
    from vatui.services.tasks import manage as task_service
    from vatui.ui.modals.confirm import ConfirmModal

    task_id, title = task.id or 0, one_line(task.title, 40)

    def answered(yes: bool | None) -> None:
        if yes and (run or app.run_service)(task_service.delete_task, task_id) is not None:
            app.inform(_("Deleted “{title}” (u undoes)").format(title=title))

    app.push_screen(ConfirmModal(_("Delete “{title}”?").format(title=title)), answered)
