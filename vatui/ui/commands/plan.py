"""The Plan's command-palette provider: every Plan action, named "Plan: …"."""

from __future__ import annotations

from vatui.i18n import N_
from vatui.ui.commands import ActionCommands

PLAN_COMMANDS: tuple[tuple[str, str, str], ...] = (
    (N_("Plan: open the week"), "open_week", N_("{keys}: what fills it, task by task")),
    (N_("Plan: back to the weeks"), "close_week", N_("{keys}")),
    (N_("Plan: reschedule the task"), "reschedule", N_("{keys}: a new due date")),
    (N_("Plan: move the task to a week"), "pick_week", N_("{keys}: pick the week; the weekday stays")),
    (
        N_("Plan: move the task a week earlier"),
        "move(-1)",
        N_("{keys}: the same weekday, never before today"),
    ),
    (N_("Plan: move the task a week later"), "move(1)", N_("{keys}: asks first, its due date moves")),
    (N_("Plan: mark the task waiting"), "waiting", N_("{keys}: out of the plan until the client answers")),
    (N_("Plan: add time off"), "timeoff", N_("{keys}: from, to and a note")),
)
"""(name, screen action, help with its ``{keys}``) of every Plan command."""

BOUND_AS = {"open_week": "plan_open_week"}
"""A command whose keys are those of another binding (``enter`` on the weeks list)."""


class PlanCommands(ActionCommands):
    """Every Plan action in the command palette."""

    TABLE = PLAN_COMMANDS
    BOUND_AS = BOUND_AS
