"""The season forecast's inputs and results: what the plan reads (``PlanInputs``, ``LoggedTime``)
and what it gives (``Plan``: its ``Week``s, ``PlanItem``s, ``ClientLoad``s, ``Correction``s,
and the early ``Warning``), with the thresholds they are judged by. The arithmetic that
builds a plan is ``vatui.domain.forecast``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from vatui.domain.clients import Client
from vatui.domain.tasks import Task

BUSY_PERCENT: Final = 85
"""From this share of the available hours a week is ``busy``; above 100 % it is ``over``."""
MIN_CORRECTION_TASKS: Final = 3
"""Done tasks (with an estimate and logged time) a client needs before its factor is used."""
MIN_FACTOR_TENTHS: Final = 5
MAX_FACTOR_TENTHS: Final = 30
"""Corrections are clamped to 0.5–3.0."""
LOG_WEEKS: Final = 8
"""Weeks of the time log that give a client's usual weekly hours."""
STEADY_WEEKS: Final = 4
"""Weeks (of ``LOG_WEEKS``) with time logged that make a client's time "steady"."""
WARNING_WEEKS: Final = 3
"""The early warning looks this many weeks ahead (this week included)."""
DEFAULT_WORK_DAYS: Final = (0, 1, 2, 3, 4)
"""Monday to Friday."""

KINDS: Final = ("task", "recurring", "retainer", "log")
SOURCES: Final = ("estimates", "retainer", "log")


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One piece of planned work (in a week: the minutes that fall in that week)."""

    kind: str
    """``task``, ``recurring`` (a future occurrence), ``retainer`` or ``log``."""
    task_id: int | None
    """The task (for ``task`` and ``recurring``), else ``None``."""
    client_id: int | None
    """The client, if any."""
    title: str
    """The task's title, or the client's name for ``retainer`` and ``log`` (user text)."""
    minutes: int
    """Minutes planned (in the week, or in all for an undated task)."""
    due: date | None
    """The due date (the occurrence's date for ``recurring``), if any."""
    priority: str | None
    """``low``, ``med``, ``high`` or ``None``."""


@dataclass(frozen=True, slots=True)
class ClientLoad:
    """A client's minutes in a week, from one source."""

    client_id: int | None
    """The client (``None``: tasks without a client)."""
    name: str
    """The client's name (user text), or "No client"."""
    minutes: int
    """Minutes planned for it in the week."""
    source: str
    """``estimates`` (tasks and occurrences), ``retainer`` or ``log`` (usual hours from the log)."""


@dataclass(frozen=True, slots=True)
class Week:
    """One week of the plan."""

    start: date
    """Its first day (the ``week_start`` setting)."""
    end: date
    """Its last day (``start`` + 6)."""
    available_minutes: int
    """The week's share of ``weekly_hours`` on its counted days (after holidays, time off, and
    days already gone)."""
    planned_minutes: int
    """Everything planned on its counted days."""
    clients: tuple[ClientLoad, ...]
    """Per client and source, most minutes first."""
    items: tuple[PlanItem, ...]
    """What is planned, most minutes first."""
    holidays: tuple[tuple[date, str], ...]
    """Public holidays on its working days: (date, name in the language in use)."""
    timeoff_minutes: int
    """Working time taken off (days off that are not holidays), in minutes."""

    @property
    def percent(self) -> int:
        """Planned as a whole per cent of available (rounded; 0 when nothing is planned,
        ``999`` at most, also when nothing is available but work is planned)."""
        if self.planned_minutes <= 0:
            return 0
        if self.available_minutes <= 0:
            return 999
        value = (200 * self.planned_minutes + self.available_minutes) // (2 * self.available_minutes)
        return min(value, 999)

    @property
    def flag(self) -> str:
        """``ok`` under 85 %, ``busy`` from 85 % to 100 %, ``over`` above 100 % (exact minutes)."""
        if self.planned_minutes > self.available_minutes:
            return "over"
        if 100 * self.planned_minutes >= BUSY_PERCENT * self.available_minutes and self.planned_minutes:
            return "busy"
        return "ok"

    @property
    def over_minutes(self) -> int:
        """Minutes planned beyond the available ones (0 when it fits)."""
        return max(0, self.planned_minutes - self.available_minutes)


@dataclass(frozen=True, slots=True)
class Correction:
    """How much longer (or shorter) a client's tasks take than estimated."""

    client_id: int
    """The client."""
    name: str
    """Its name (user text)."""
    factor_tenths: int
    """The factor in tenths: 13 is 1.3×."""
    tasks: int
    """How many done tasks it was learned from."""


@dataclass(frozen=True, slots=True)
class Plan:
    """The forecast of the coming weeks."""

    start: date
    """The day the plan starts from (``today`` or ``--from``)."""
    weeks: tuple[Week, ...]
    """The weeks, first to last."""
    undated: tuple[PlanItem, ...]
    """Open tasks without a due date (not in any week), most minutes first."""
    corrections: tuple[Correction, ...]
    """The corrections applied (empty when switched off)."""

    @property
    def undated_minutes(self) -> int:
        """The undated tasks' minutes together."""
        return sum(item.minutes for item in self.undated)


@dataclass(frozen=True, slots=True)
class Warning:  # the contract's name: a value, never raised (it shadows the builtin here only)
    """The first week ahead with more planned than available."""

    week: Week
    """That week."""
    over_minutes: int
    """How many minutes too many."""
    movable: tuple[PlanItem, ...]
    """Tasks in it that could move without passing their due date, lowest priority first,
    then latest due first (proposals only)."""


@dataclass(frozen=True, slots=True)
class LoggedTime:
    """Finished time for the plan: when, for whom, on what."""

    day: date
    """The day it started (home time)."""
    minutes: int
    """How long."""
    client_id: int | None
    """The client it was for."""
    task_id: int | None
    """The task it was on."""


@dataclass(frozen=True, slots=True)
class PlanInputs:
    """Everything ``build`` needs, read by the service."""

    tasks: Sequence[Task]
    """Every task (done ones too: they teach the corrections)."""
    clients: Sequence[Client]
    """Every client."""
    logged: Sequence[LoggedTime]
    """Finished time entries."""
    weekly_minutes: int
    """``weekly_hours`` × 60."""
    week_start: str = "monday"
    """The ``week_start`` setting."""
    work_days: tuple[int, ...] = DEFAULT_WORK_DAYS
    """Working weekdays (Monday is 0)."""
    holidays: Mapping[date, str] = field(default_factory=dict)
    """Public holidays with their names."""
    days_off: frozenset[date] = frozenset()
    """Days taken off."""
    done_column: str = "Done"
    """The board's done column (a task there is done)."""
    waiting_column: str = "Waiting"
    """The board's waiting column: a task there waits on the client, so it fills no week
    until it comes back (marking a task waiting takes its hours off the plan)."""
    logged_on: Mapping[int, int] | None = None
    """``forecast.logged_by_task(logged)`` when the caller kept it from an earlier plan
    (``None``: computed from ``logged``). Must be exactly that."""
    corrections: tuple[Correction, ...] | None = None
    """``forecast.corrections(tasks, logged_on, names, done_column)`` when the caller kept it
    from an earlier plan (``None``: computed; used only when the plan corrects estimates).
    Must be exactly that."""
