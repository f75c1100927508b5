"""``vatui import trello FILE.json``: a Trello board export (Board menu → Print, export and
share → Export as JSON) as a plan.

- Lists become columns: a list named like a column (``Doing``), or a usual name for it (``To
  Do`` → the first column, ``In progress`` → Doing, ``Done``/``Hecho`` → Done), else the
  column given with ``--column-map LIST=COLUMN`` (``*=COLUMN`` for every other list), else
  the first column (Inbox). The mapping is shown.
- Cards become tasks: name → title, description → notes, due → due date (in the VA's
  timezone), labels → tags (the label's name, or its colour when it has none), checklists →
  the task's checklist (items prefixed with the checklist's name when a card has several),
  members are ignored. A card in the done column is completed at its last activity.
- Comments on a card (actions of type ``commentCard``) are added to its notes, oldest first.
- Archived cards, and cards of archived lists, are skipped (the summary says so).
- Each task keeps ``trello:<card id>``: importing the board again updates what changed and
  adds only new cards.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

import orjson

from vatui.domain.dates import check_business_date
from vatui.domain.settings import Settings
from vatui.domain.tasks import ChecklistItem, Task, check_title
from vatui.domain.text import MAX_TITLE, check_text, clean
from vatui.i18n import _
from vatui.services.exchange.import_plan import MAX_CELL, ImportPlan, Reader, fold
from vatui.services.queries import task_docs
from vatui.services.tasks.manage import check_column, check_notes, check_tags

_USUAL: Final = {
    "first": ("to do", "todo", "backlog", "ideas", "inbox", "por hacer", "pendiente", "pendientes"),
    "doing": ("doing", "in progress", "en curso", "haciendo", "en progreso"),
    "waiting": ("waiting", "blocked", "on hold", "en espera", "esperando"),
    "done": ("done", "complete", "completed", "finished", "hecho", "terminado", "completado"),
}


def _line_of(text: str, needle: str) -> int:
    at = text.find(needle)
    return 1 if at < 0 else text.count("\n", 0, at) + 1


def _words(name: str) -> str:
    """A list name without emoji and punctuation, for matching (``Hecho ✅`` → ``hecho``)."""
    return " ".join("".join(c if c.isalnum() else " " for c in fold(name)).split())


def column_for(settings: Settings, name: str, overrides: dict[str, str]) -> str:
    """The column a Trello list goes to (see the module's docstring)."""
    key = fold(name)
    if key in overrides:
        return overrides[key]
    words = _words(name)
    for column in settings.columns:
        if _words(column) == words:
            return column
    usual = {
        "first": settings.columns[0],
        "doing": settings.doing_column,
        "waiting": settings.waiting_column,
        "done": settings.done_column,
    }
    for role, names in _USUAL.items():
        if any(words == n or words.startswith(n + " ") for n in names) and usual[role] in settings.columns:
            return usual[role]
    return overrides.get("*", settings.columns[0])


def parse_column_maps(settings: Settings, maps: tuple[str, ...]) -> dict[str, str]:
    """``LIST=COLUMN`` options as {folded list name: column}; a wrong column is refused."""
    from vatui.domain.errors import InputError

    out: dict[str, str] = {}
    for item in maps:
        name, sep, column = item.rpartition("=")
        if not sep or not name.strip():
            raise InputError(_("--column-map wants LIST=COLUMN, not {item!r}").format(item=item))
        out[fold(name) if name.strip() != "*" else "*"] = check_column(settings, column)
    return out


def _text(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(_("the {what} is not text").format(what=what))
    if len(value) > MAX_CELL:
        raise ValueError(_("the {what} is over 1 MB").format(what=what))
    return value


def _stamp(value: Any, what: str) -> datetime | None:
    text = _text(value, what)
    if not text:
        return None
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(_("the {what} {value!r} is not a date").format(what=what, value=text[:40])) from None
    check_business_date(stamp.date(), text[:40])
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def load_board(file: str, data: bytes, plan: ImportPlan) -> dict[str, Any] | None:
    """The board's JSON, or ``None`` with a problem noted."""
    try:
        board = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        plan.problem(getattr(exc, "lineno", 1) or 1, _("not JSON: {reason}").format(reason=str(exc)[:120]))
        return None
    if (
        not isinstance(board, dict)
        or not isinstance(board.get("cards"), list)
        or not isinstance(board.get("lists"), list)
    ):
        plan.problem(1, _("not a Trello board export (no lists and cards)"))
        return None
    return board


def plan_trello(
    reader: Reader,
    file: str,
    data: bytes,
    *,
    client_id: int | None,
    column_maps: dict[str, str],
    now: datetime,
) -> ImportPlan:
    """The plan for importing the Trello board export ``data`` (the bytes of ``file``)."""
    settings = reader.settings()
    plan = ImportPlan(file=file, label=_("import Trello board {file}").format(file=file[-60:]))
    board = load_board(file, data, plan)
    if board is None:
        return plan
    text = data.decode("utf-8", errors="replace")
    lists: dict[str, tuple[str, str, bool]] = {}
    for item in board["lists"]:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            plan.problem(1, _("a list without an id"))
            continue
        name = clean(str(item.get("name") or "")) or "?"
        lists[item["id"]] = (name, column_for(settings, name, column_maps), bool(item.get("closed")))
        plan.mapping.append((name + (_(" (archived)") if item.get("closed") else ""), lists[item["id"]][1]))
    checklists: dict[str, list[dict[str, Any]]] = {}
    for checklist in board.get("checklists") or []:
        if isinstance(checklist, dict) and isinstance(checklist.get("idCard"), str):
            checklists.setdefault(checklist["idCard"], []).append(checklist)
    comments: dict[str, list[tuple[str, str]]] = {}
    for action in board.get("actions") or []:
        if not isinstance(action, dict) or action.get("type") != "commentCard":
            continue
        data_part = action.get("data") or {}
        card_id = (data_part.get("card") or {}).get("id") if isinstance(data_part, dict) else None
        try:
            comment = _text(data_part.get("text"), _("comment"))
            when = _stamp(action.get("date"), _("comment date"))
        except ValueError as exc:
            plan.problem(_line_of(text, str(action.get("id"))), str(exc))
            continue
        if isinstance(card_id, str) and comment.strip():
            day = when.astimezone(ZoneInfo(settings.home_timezone)).date().isoformat() if when else ""
            comments.setdefault(card_id, []).append((str(action.get("date") or ""), f"{day}: {comment}"))
    # a recurring task's next occurrence keeps its card's source: the open, newest one is the card
    tagged = [(int(k), d) for k, d in task_docs(reader).items() if d.get("source")]
    tagged.sort(key=lambda kd: (kd[1].get("completed") is None, kd[0]))
    existing = {str(d["source"]): (k, d) for k, d in tagged}
    cards = [c for c in board["cards"] if isinstance(c, dict)]
    order = {list_id: n for n, list_id in enumerate(lists)}
    cards.sort(
        key=lambda c: (
            order.get(str(c.get("idList")), len(order)),
            c.get("pos") if isinstance(c.get("pos"), int | float) else 0,
        )
    )
    seen: set[str] = set()
    for card in cards:
        _plan_card(plan, settings, card, lists, checklists, comments, existing, client_id, now, text, seen)
    return plan


def _checklist(card_id: str, checklists: dict[str, list[dict[str, Any]]]) -> tuple[ChecklistItem, ...]:
    lists = sorted(checklists.get(card_id, []), key=lambda c: c.get("pos") or 0)
    items: list[ChecklistItem] = []
    for checklist in lists:
        prefix = clean(_text(checklist.get("name"), "checklist")) + ": " if len(lists) > 1 else ""
        for item in sorted(checklist.get("checkItems") or [], key=lambda i: i.get("pos") or 0):
            name = clean(_text(item.get("name"), _("checklist item")))
            if name.strip():
                text = check_text(prefix + name, _("a checklist item"), MAX_TITLE)
                items.append(ChecklistItem(text=text, done=item.get("state") == "complete"))
    return tuple(items)


def _plan_card(
    plan: ImportPlan,
    settings: Settings,
    card: dict[str, Any],
    lists: dict[str, tuple[str, str, bool]],
    checklists: dict[str, list[dict[str, Any]]],
    comments: dict[str, list[tuple[str, str]]],
    existing: dict[str, tuple[int, dict[str, Any]]],
    client_id: int | None,
    now: datetime,
    text: str,
    seen: set[str],
) -> None:
    card_id = card.get("id")
    line = _line_of(text, f'"{card_id}"') if isinstance(card_id, str) else 1
    try:
        if not isinstance(card_id, str) or not card_id:
            raise ValueError(_("a card without an id"))
        title = check_title(clean(_text(card.get("name"), _("card name"))))
        if card.get("idList") not in lists:
            raise ValueError(
                _("the card's list {id!r} is not on the board").format(id=str(card.get("idList"))[:30])
            )
        list_name, column, list_closed = lists[card["idList"]]
        notes = clean(_text(card.get("desc"), _("description")), keep_newlines=True).strip()
        for _at, comment in sorted(comments.get(card_id, [])):
            notes += ("\n\n" if notes else "") + _("Comment {text}").format(
                text=clean(comment, keep_newlines=True)
            )
        notes = check_notes(notes)
        due = _stamp(card.get("due"), _("due date"))
        labels = [
            clean(_text(lbl.get("name"), "label")) or str(lbl.get("color") or "")
            for lbl in card.get("labels") or []
            if isinstance(lbl, dict)
        ]
        tags = check_tags("-".join(t.split()) for t in labels if t)
        checklist = _checklist(card_id, checklists)
        activity = _stamp(card.get("dateLastActivity"), _("last activity")) or now
    except (ValueError, TypeError, AttributeError) as exc:
        plan.problem(
            line, str(exc) if isinstance(exc, ValueError) else _("a card that is not shaped as Trello's")
        )
        return
    if card.get("closed") or list_closed:
        plan.add("skip", "task", title, _("archived in Trello"))
        return
    done = column == settings.done_column
    fields: dict[str, Any] = {
        "title": title,
        "column": column,
        "notes": notes,
        "tags": tags,
        "checklist": checklist,
        "due": due.astimezone(ZoneInfo(settings.home_timezone)).date() if due else None,
    }
    if client_id is not None:
        fields["client_id"] = client_id
    source = f"trello:{card_id}"
    if source in seen:
        plan.problem(line, _("the card {id!r} is in the file twice").format(id=card_id[:30]))
        return
    seen.add(source)
    if source in existing:
        task_id, doc = existing[source]
        old = Task.from_doc(doc, task_id)
        changed = [name for name, value in fields.items() if getattr(old, name) != value]
        if not changed:
            plan.add("skip", "task", title, _("unchanged since the last import (#{id})").format(id=task_id))
            return
        completed = old.completed if done == old.is_done else (activity if done else None)
        plan.task_updates.append(old.with_(**fields, completed=completed, updated=now))
        plan.add("update", "task", title, _("#{id}: {fields}").format(id=task_id, fields=", ".join(changed)))
        return
    task = Task(**fields, created=now, updated=now, completed=activity if done else None, source=source)
    plan.new_tasks[source] = (task, client_id)
    plan.add(
        "add",
        "task",
        title,
        column + (_(" (from {list})").format(list=list_name) if fold(list_name) != fold(column) else ""),
    )
