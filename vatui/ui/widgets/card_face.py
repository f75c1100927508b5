"""How one card looks: two lines of segments, drawn only when the card is on screen.

A card is not a widget: a Board column draws the few cards it can show with the Line
API, so a board of 2,000 cards costs what a board of 20 does. This module turns a task
into the pieces of its two lines (``CardFace``) and those pieces into ``Segment`` lists
cut to a width, cell-aware (CJK and emoji take two cells).

Line 1: a stripe in the client's colour, then the title (cut with ``…``).
Line 2: the stripe, ``$!`` when the client's required deposit is unpaid, the client's
name, then right-aligned badges: due (``OVERDUE``, ``TODAY``, a weekday this week, a
date later), priority (``!high``, ``!med``), and the estimate (``~1h30m``) or the running
timer (``▸ 0:12:05``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style

from vatui.domain.dates import week_bounds
from vatui.domain.dates_display import month_abbr, weekday_abbr
from vatui.domain.durations import format_duration
from vatui.domain.tasks import Task, TimeEntry
from vatui.domain.text import one_line
from vatui.i18n import _

CARD_HEIGHT = 2
"""Lines per card."""

PALETTE_SIZE = 6
"""How many client colours there are (component classes ``board-column--client-N``)."""

STRIPE = "▍"
"""The client stripe at the left of both lines of a card."""

CURSOR = "›"
"""Replaces the stripe on the first line of the selected card (visible without colour)."""

TIMER_MARK = "▸"
"""Before the running timer's elapsed time."""


def client_colour(client_id: int | None) -> int:
    """The palette slot of a client: stable, derived from its id; ``-1`` for no client."""
    if client_id is None:
        return -1
    return client_id % PALETTE_SIZE


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with ``…`` when it is longer (never padded)."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"


def elapsed(start: datetime, now: datetime) -> str:
    """A running timer's elapsed time, ``H:MM:SS``."""
    seconds = max(0, int((now - start).total_seconds()))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


@dataclass(frozen=True, slots=True)
class BoardContext:
    """What every card needs besides its task, shared by all columns for one reload."""

    client_names: dict[int, str]
    """Client names by id."""
    blocked_clients: frozenset[int]
    """Clients whose required deposit is unpaid."""
    running: TimeEntry | None
    """The running timer, if any."""
    today: date
    """Today's date at home."""
    timezone: str = "UTC"
    """The home timezone (for the day a done card was completed)."""


@dataclass(frozen=True, slots=True)
class CardFace:
    """The text pieces of one card, ready to be cut to a width."""

    task_id: int
    """The task's id."""
    title: str
    """The cleaned, one-line title."""
    client: str
    """The cleaned client name, or empty."""
    colour: int
    """The client's palette slot (``-1``: none)."""
    flagged: bool
    """The client's required deposit is unpaid."""
    due: str
    """The due badge text, or empty."""
    due_kind: str
    """``overdue``, ``today``, ``soon``, ``later`` or ``done``."""
    priority: str
    """``!high``, ``!med`` or empty."""
    estimate: str
    """``~1h30m`` or empty."""
    timing: bool
    """The running timer is on this card (the estimate is replaced by the elapsed time)."""


def _due_badge(task: Task, ctx: BoardContext) -> tuple[str, str]:
    if task.completed is not None:
        day = task.completed.astimezone(ZoneInfo(ctx.timezone)).date()
        return "✓ " + weekday_abbr(day.weekday()) + f" {day.day}", "done"
    if task.due is None:
        return "", ""
    if task.due < ctx.today:
        return _("OVERDUE"), "overdue"
    if task.due == ctx.today:
        return _("TODAY"), "today"
    if task.due <= week_bounds(ctx.today)[1] or task.due - ctx.today < timedelta(days=2):
        return weekday_abbr(task.due.weekday()), "soon"
    return f"{task.due.day} {month_abbr(task.due.month)}", "later"


def card_face(task: Task, ctx: BoardContext) -> CardFace:
    """The pieces of ``task``'s card."""
    due, due_kind = _due_badge(task, ctx)
    client = ""
    if task.client_id is not None:
        client = one_line(ctx.client_names.get(task.client_id, f"#{task.client_id}"))
    priority = {"high": _("!high"), "med": _("!med")}.get(task.priority or "", "")
    estimate = "~" + format_duration(task.estimate_minutes) if task.estimate_minutes else ""
    timing = ctx.running is not None and ctx.running.task_id == task.id
    return CardFace(
        task_id=task.id or 0,
        title=one_line(task.title),
        client=client,
        colour=client_colour(task.client_id),
        flagged=task.client_id is not None and task.client_id in ctx.blocked_clients,
        due=due,
        due_kind=due_kind,
        priority=priority,
        estimate=estimate,
        timing=timing,
    )


@dataclass(frozen=True, slots=True)
class CardStyles:
    """The styles a column draws cards with (read from its component classes)."""

    line: Style
    """The card's base style (the cursor style on the selected card)."""
    title: Style
    """Added to the title."""
    meta: Style
    """Added to the client name and the quiet badges."""
    clients: tuple[Style, ...]
    """Added to the client's name, one per palette slot."""
    stripes: tuple[Style, ...]
    """Added to the stripe, one per palette slot (kept on the cursor, where names go plain)."""
    badges: dict[str, Style]
    """Per badge kind: ``overdue``, ``today``, ``soon``, ``later``, ``done``, ``high``,
    ``med``, ``timer``, ``flag``, ``estimate``."""


def _stripe(face: CardFace, styles: CardStyles, mark: str) -> Segment:
    style = styles.line + styles.stripes[face.colour] if face.colour >= 0 else styles.line + styles.meta
    return Segment(mark, style)


def title_line(face: CardFace, width: int, styles: CardStyles, selected: bool) -> list[Segment]:
    """The first line: stripe (or the cursor mark) and the title, exactly ``width`` cells."""
    if width <= 0:
        return []
    mark = CURSOR if selected else STRIPE
    text = fit(face.title, width - 1)
    pad = width - 1 - cell_len(text)
    return [
        _stripe(face, styles, mark),
        Segment(text, styles.line + styles.title),
        Segment(" " * pad, styles.line),
    ]


_DROP_ORDER = ("estimate", "later", "med", "soon")
"""Badges given up first when the line is short (overdue, today, high, timer, done: never)."""

CLIENT_ROOM = 10
"""Cells the client's name keeps before the quieter badges are dropped."""


def _badges(face: CardFace, timer: str) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    if face.due:
        parts.append((face.due, face.due_kind))
    if face.priority and face.due_kind != "done":
        parts.append((face.priority, "high" if face.priority == _("!high") else "med"))
    if face.timing and timer:
        parts.append((f"{TIMER_MARK} {timer}", "timer"))
    elif face.estimate:
        parts.append((face.estimate, "estimate"))
    return parts


def _badge_cells(parts: list[tuple[str, str]]) -> int:
    return sum(cell_len(text) for text, _kind in parts) + max(len(parts) - 1, 0)


def _fit_badges(parts: list[tuple[str, str]], room: int, want: int) -> list[tuple[str, str]]:
    """Drop the quietest badges until ``want`` cells are left for the client's name."""
    parts = list(parts)
    while parts and room - _badge_cells(parts) - 1 < want:
        ranks = [_DROP_ORDER.index(kind) for _text, kind in parts if kind in _DROP_ORDER]
        if not ranks:
            break
        drop = _DROP_ORDER[min(ranks)]
        parts = [part for part in parts if part[1] != drop]
    return parts


def meta_line(face: CardFace, width: int, styles: CardStyles, timer: str = "") -> list[Segment]:
    """The second line: stripe, deposit flag, client, right-aligned badges; ``width`` cells."""
    if width <= 0:
        return []
    room = width - 1
    flag = "$! " if face.flagged else ""
    badges = _fit_badges(_badges(face, timer), room - len(flag), min(cell_len(face.client), CLIENT_ROOM))
    right = _badge_cells(badges)
    if right > room - len(flag):
        badges = [(fit(badges[0][0], room - len(flag)), badges[0][1])]
        right = cell_len(badges[0][0])
    client_room = room - len(flag) - right - (1 if badges else 0)
    client = fit(face.client, client_room)
    segments = [_stripe(face, styles, STRIPE)]
    if flag:
        segments.append(Segment(flag, styles.line + styles.badges["flag"]))
    client_style = styles.line + (styles.clients[face.colour] if face.colour >= 0 else styles.meta)
    segments.append(Segment(client, client_style))
    gap = room - len(flag) - cell_len(client) - right
    segments.append(Segment(" " * max(gap, 0), styles.line))
    for index, (text, kind) in enumerate(badges):
        if index:
            segments.append(Segment(" ", styles.line))
        segments.append(Segment(text, styles.line + styles.badges.get(kind, styles.meta)))
    return segments
