"""What the Board writes about its columns, and which cards its filters keep.

Pure functions of a ``BoardSnapshot``: a column's heading (cards shown, the WIP limit of
Doing, Done's window), its tab on the bar, the filters' summary, the cards a filter
keeps and the clients a client filter can pick. ``BoardScreen`` lays them out.
"""

from __future__ import annotations

from collections.abc import Callable

from vatui.domain.fold import fold, sort_key
from vatui.domain.tasks import Task
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.services.tasks.board import DONE_DAYS, BoardSnapshot


def heading(snap: BoardSnapshot, column: str, count: int) -> tuple[str, bool]:
    """A column's heading with ``count`` cards shown, and whether it warns (over WIP)."""
    settings = snap.settings
    total = len(snap.columns.get(column, []))
    name = one_line(column)
    label = f"{name} {count}" if count == total else f"{name} {count}/{total}"
    warn = False
    if column == settings.doing_column and settings.wip_limit > 0:
        wip = f"{snap.wip}/{settings.wip_limit}"
        if count == total:
            label = f"{name} {wip}"
            if snap.over_wip:
                label += " " + _("OVER WIP")
        else:  # filtered: "Doing 1/4 OVER 4/3", shown/all then the WIP (not "4/3" over 1 card)
            label += " " + (_("OVER {wip}") if snap.over_wip else _("WIP {wip}")).format(wip=wip)
        warn = snap.over_wip
    elif column == settings.done_column:
        label += " " + _("({days} days)").format(days=DONE_DAYS)
    return label, warn


def tab_label(snap: BoardSnapshot | None, column: str, count: int, filtered: bool) -> str:
    """A column on the bar: its name and how many cards it shows (Doing unfiltered: against its limit)."""
    name = one_line(column)
    if (
        snap is not None
        and column == snap.settings.doing_column
        and snap.settings.wip_limit > 0
        and not filtered
    ):
        return f"{name} {snap.wip}/{snap.settings.wip_limit}"
    return f"{name} {count}"


def filters_text(snap: BoardSnapshot | None, client: int | None, text: str) -> str:
    """The filters in force, for the bar: ``@client /text``."""
    parts = []
    if client is not None and snap is not None:
        parts.append("@" + one_line(snap.client_names.get(client, f"#{client}"), 20))
    if text:
        parts.append("/" + one_line(text, 20))
    return " ".join(parts)


def matcher(snap: BoardSnapshot | None, client: int | None, text: str) -> Callable[[Task], bool] | None:
    """Which cards the filters keep (``None``: no filter, every card)."""
    needle = fold(text.strip())
    if client is None and not needle:
        return None
    names = snap.client_names if snap else {}

    def wanted(task: Task) -> bool:
        if client is not None and task.client_id != client:
            return False
        if needle:
            return needle in fold(" ".join((task.title, names.get(task.client_id or -1, ""), *task.tags)))
        return True

    return wanted


def clients_on_board(snap: BoardSnapshot) -> list[tuple[int, str, int]]:
    """(id, name, cards) of every client with a card on the Board, by name."""
    counts: dict[int, int] = {}
    for tasks in snap.columns.values():
        for t in tasks:
            if t.client_id is not None:
                counts[t.client_id] = counts.get(t.client_id, 0) + 1
    return sorted(
        ((cid, snap.client_names.get(cid, f"#{cid}"), n) for cid, n in counts.items()),
        key=lambda item: sort_key(item[1]),
    )
