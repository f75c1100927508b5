"""Quick add: one line of text to a new task.

``Draft newsletter @acme due:fri !high ~2h #email every:monday in:next``

======================  ==========================================================
token                   meaning
======================  ==========================================================
``@acme``               the client whose name starts with "acme" (case-insensitive;
                        spaces in a name may be left out or typed as ``-``/``_``:
                        ``@big-co`` is "Big Co"); an exact name wins over prefixes,
                        a prefix that fits several clients is refused
``due:fri``             the due date, any one-word form of ``parse_date``
                        (``due:+3d``, ``due:2026-12-05``, ``due:5dec``,
                        ``due:dec-5``, ``due:next-week``, ``due:in-3-days``)
``!low !med !high``     the priority (also ``!l !m !h``, ``!medium``)
``~2h``                 the estimate, any form of ``parse_duration``
``#email``              a tag (lower-cased, each once, in order); must start with a
                        letter, so ``#42`` stays in the title
``every:monday``        the recurrence, any form of ``Recurrence.parse``
                        (``every:2w``, ``every:15th``, ``every:2-weeks``)
``in:next``             the board column, by case-insensitive prefix
======================  ==========================================================

Spanish keywords work beside the English ones, whatever the UI language: ``vence:``
(due), ``cada:`` (every), ``en:`` (in), ``!alta``, ``!media``, ``!baja``; dates and
recurrences in Spanish too (``vence:viernes``, ``vence:5-dic``, ``cada:lunes``,
``cada:semana``). Accents and case never matter in ``@client`` or ``en:``: ``@angel``
names "Ángel Ruiz".

Everything else is the title, kept exactly as typed (brackets, emoji and markup are
just text; ``email@example.com`` is a word, only a token *starting* with ``@`` names a
client). A marker given twice, an unknown or ambiguous client or column, and an empty
title are refused with a ``ParseError``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from vatui.domain import words, words_es
from vatui.domain.dates import describe_date, parse_date
from vatui.domain.durations import format_duration, parse_duration
from vatui.domain.errors import ParseError
from vatui.domain.fold import fold
from vatui.domain.numbers import POINT, NumberFormat
from vatui.domain.recurrence import Recurrence
from vatui.domain.text import one_line
from vatui.i18n import _

_TOKEN_RE: Final = re.compile(r"\S+")
_TRAILING_PUNCT: Final = ".,;:!?)"
_ESTIMATE_STARTS: Final = frozenset("0123456789.:")
_LETTER_RE: Final = re.compile(r"[^\W\d_]")
_JOINER_RE: Final = re.compile(r"(?<=\w)[-_](?=\w)")
PRIORITY_LABELS: Final[dict[words.Priority, str]] = {"low": "low", "med": "medium", "high": "high"}


@dataclass(frozen=True, slots=True)
class QuickAdd:
    """What a quick-add line asks for; nothing is saved yet."""

    title: str
    """The words that are not markers, exactly as typed (never empty)."""
    client_id: int | None = None
    """The id of the ``@client``, if one was named."""
    client_name: str | None = None
    """That client's full name, as stored."""
    due: date | None = None
    """The ``due:`` date."""
    priority: words.Priority | None = None
    """``"low"``, ``"med"`` or ``"high"`` from ``!…``."""
    estimate_minutes: int | None = None
    """The ``~`` estimate, in minutes."""
    tags: tuple[str, ...] = ()
    """The ``#`` tags, lower case, each once, in the order typed."""
    recurrence: Recurrence | None = None
    """The ``every:`` rule."""
    column: str | None = None
    """The ``in:`` column, as the board names it."""


def _keys(name: str, *, accents: bool = False) -> set[str]:
    """The forms a name can be typed in: ``big co``, ``bigco``, ``big-co``, ``big_co``.

    Accents and case are folded (``@angel`` names "Ángel Ruiz"); ``accents=True`` keeps
    the accents, for an exact spelling.
    """
    folded = " ".join((name.casefold() if accents else fold(name)).split())
    return {folded, folded.replace(" ", ""), folded.replace(" ", "-"), folded.replace(" ", "_")}


def _match(query: str, names: Sequence[str]) -> list[int]:
    """Indexes of ``names`` that ``query`` names: exact matches, else prefix matches."""
    spelled = query.casefold()
    exact = [i for i, n in enumerate(names) if spelled in _keys(n, accents=True)]
    if len(exact) == 1:  # "Angel" and "Ángel" both exist: the exact spelling picks one
        return exact
    q = fold(query)
    keys = [_keys(n) for n in names]
    exact = [i for i, k in enumerate(keys) if q in k]
    if exact:
        return exact
    return [i for i, k in enumerate(keys) if any(key.startswith(q) for key in k)]


def _match_loose(query: str, names: Sequence[str]) -> list[int]:
    """``_match``, retried without trailing punctuation (``@acme,``) when nothing fits."""
    found = _match(query, names)
    trimmed = query.rstrip(_TRAILING_PUNCT)
    if not found and trimmed and trimmed != query:
        found = _match(trimmed, names)
    return found


def _client(query: str, clients: Sequence[tuple[int, str]]) -> tuple[int, str]:
    names = [name for _id, name in clients]
    found = _match_loose(query, names)
    if not found:
        raise ParseError(_("no client matches '@{query}'").format(query=query))
    if len(found) > 1:
        labels = [
            one_line(names[i], 30)
            if names.count(names[i]) == 1
            else f"{one_line(names[i], 30)} (#{clients[i][0]})"
            for i in found
        ]
        raise ParseError(
            _("'@{query}' fits several clients: {names}; type more of the name").format(
                query=query, names=", ".join(labels)
            )
        )
    return clients[found[0]]


def _column(query: str, columns: Sequence[str]) -> str:
    found = _match_loose(query, columns)
    if not found:
        raise ParseError(
            _("no column matches 'in:{query}'; the columns are {columns}").format(
                query=query, columns=", ".join(one_line(c, 30) for c in columns)
            )
        )
    if len(found) > 1:
        raise ParseError(
            _("'in:{query}' fits several columns: {columns}").format(
                query=query, columns=", ".join(one_line(columns[i], 30) for i in found)
            )
        )
    return columns[found[0]]


def _priority(value: str) -> words.Priority:
    word = fold(value).rstrip(_TRAILING_PUNCT)
    priority = words.PRIORITIES.get(word) or words_es.ES_PRIORITIES.get(word)
    if priority is None:
        raise ParseError(
            _("'!{value}' is not a priority: use !low, !med or !high (!baja, !media, !alta)").format(
                value=value
            )
        )
    return priority


def _with_context(key: str, exc: ParseError) -> ParseError:
    return ParseError(_("{key}: {message}").format(key=key, message=exc))


class _Fields:
    """The markers found so far; each may be given once (tags any number of times)."""

    def __init__(self, date_order: str = "", numbers: NumberFormat = POINT) -> None:
        self.date_order = date_order
        self.numbers = numbers
        self.client: tuple[int, str] | None = None
        self.due: date | None = None
        self.priority: words.Priority | None = None
        self.estimate: int | None = None
        self.recurrence: Recurrence | None = None
        self.column: str | None = None
        self.tags: list[str] = []
        self._seen: set[str] = set()

    def once(self, field: str, token: str) -> None:
        """Refuse a marker given a second time."""
        if field in self._seen:
            raise ParseError(_("{token!r}: {field} is given twice").format(token=token, field=_(field)))
        self._seen.add(field)

    def read(
        self, token: str, clients: Sequence[tuple[int, str]], today: date, columns: Sequence[str]
    ) -> bool:
        """Record ``token`` if it is a marker; True when it was one."""
        head, rest = token[0], token[1:]
        if head == "@" and rest:
            self.once("client", token)
            self.client = _client(rest, clients)
        elif head == "!" and rest[:1].isalnum():
            self.once("priority", token)
            self.priority = _priority(rest)
        elif head == "~" and rest[:1] in _ESTIMATE_STARTS:
            self.once("estimate", token)
            try:
                self.estimate = parse_duration(rest, self.numbers)
            except ParseError as exc:
                raise _with_context("~", exc) from None
        elif head == "#" and _LETTER_RE.match(rest):
            tag = rest.casefold().rstrip(_TRAILING_PUNCT)
            if tag not in self.tags:
                self.tags.append(tag)
        else:
            return self._read_key(token, today, columns)
        return True

    def _read_key(self, token: str, today: date, columns: Sequence[str]) -> bool:
        key, colon, value = token.partition(":")
        field = (
            words.QUICKADD_KEYS.get(key.casefold()) or words_es.ES_QUICKADD_KEYS.get(fold(key))
            if colon
            else None
        )
        if field is None:
            return False
        if not value:
            raise ParseError(
                _("{token!r} needs a value, like due:fri, every:monday or in:next").format(token=token)
            )
        self.once(field, token)
        if field == "in":
            self.column = _column(value, columns)
            return True
        try:
            if field == "due":
                self.due = parse_date(value, today, self.date_order)
            else:
                self.recurrence = Recurrence.parse(_JOINER_RE.sub(" ", value))
        except ParseError as exc:
            raise _with_context(key, exc) from None
        return True


def parse_quick_add(
    text: str,
    clients: Sequence[tuple[int, str]],
    today: date,
    columns: Sequence[str],
    date_order: str = "",
    numbers: NumberFormat = POINT,
) -> QuickAdd:
    """Read a quick-add line; ``clients`` are ``(id, name)`` pairs, ``columns`` the board's.

    ``date_order`` (the setting) reads numeric dates such as ``vence:15/12``; ``numbers``
    (the workspace's number format) reads the estimate (``~1,5h`` with a decimal comma). Raises
    ``ParseError`` with a message for the user on any marker it cannot honour.
    """
    fields = _Fields(date_order, numbers)
    runs: list[list[int]] = []
    last_was_text = False
    for m in _TOKEN_RE.finditer(text):
        if fields.read(m.group(), clients, today, columns):
            last_was_text = False
            continue
        if last_was_text:
            runs[-1][1] = m.end()
        else:
            runs.append([m.start(), m.end()])
        last_was_text = True
    title = " ".join(text[start:end] for start, end in runs)
    if not title:
        raise ParseError(
            _("the task needs a title: some words besides @client, due:, !, ~, #, every: and in:")
        )
    return QuickAdd(
        title=title,
        client_id=fields.client[0] if fields.client else None,
        client_name=fields.client[1] if fields.client else None,
        due=fields.due,
        priority=fields.priority,
        estimate_minutes=fields.estimate,
        tags=tuple(fields.tags),
        recurrence=fields.recurrence,
        column=fields.column,
    )


def describe(q: QuickAdd, today: date) -> str:
    """A one-line summary for the live preview: ``Draft newsletter · Acme · due Fri 4 Dec · …``."""
    parts = [q.title]
    if q.client_name is not None:
        parts.append(_("client {name}").format(name=q.client_name))
    if q.due is not None:
        parts.append(_("due {date}").format(date=describe_date(q.due, today)))
    if q.priority is not None:
        parts.append(_("{priority} priority").format(priority=_(PRIORITY_LABELS[q.priority])))
    if q.estimate_minutes is not None:
        parts.append(_("estimate {duration}").format(duration=format_duration(q.estimate_minutes)))
    if q.tags:
        parts.append(" ".join(f"#{tag}" for tag in q.tags))
    if q.recurrence is not None:
        parts.append(q.recurrence.describe())
    if q.column is not None:
        parts.append(_("in {column}").format(column=q.column))
    return " · ".join(parts)
