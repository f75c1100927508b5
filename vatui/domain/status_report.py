"""The weekly status report to a client, as Markdown.

``render_status_report(data)`` is pure: the service gathers what happened in the week
(``StatusReportData``) and this module writes it up. Sections, in order: done this week,
in progress, waiting on you (with how long), hours (this week, and this month against
the retainer when there is one), what's next, and notes written this week. Confidential
notes are left out unless ``include_confidential`` is set. User text is cleaned to one
line per item (control characters and escapes neutralised).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from vatui.domain.dates_display import format_date
from vatui.domain.durations import format_duration
from vatui.domain.text import one_line
from vatui.i18n import _, ngettext


@dataclass(frozen=True, slots=True)
class ReportLine:
    """One task in the report."""

    title: str
    """The task's title (user text)."""
    when: date | None = None
    """Done on, waiting since, or due on — depending on the section."""
    minutes: int = 0
    """Time logged on it this week."""


@dataclass(frozen=True, slots=True)
class ReportNote:
    """A client note that may appear in the report."""

    text: str
    """The note (user text)."""
    confidential: bool = False
    """Left out unless asked for."""


@dataclass(frozen=True, slots=True)
class StatusReportData:
    """Everything one weekly report says."""

    client: str
    """The client's name."""
    week_start: date
    """Monday of the week."""
    week_end: date
    """Sunday of the week."""
    as_of: date
    """The day "how long" is counted to (the week's end, or today if earlier)."""
    business: str = ""
    """Who the report is from (signs it): the business name, its e-mail on the next line."""
    done: tuple[ReportLine, ...] = ()
    """Tasks completed in the week (``when``: the day)."""
    in_progress: tuple[ReportLine, ...] = ()
    """Open tasks being worked on."""
    waiting: tuple[ReportLine, ...] = ()
    """Tasks waiting on the client (``when``: since)."""
    next_up: tuple[ReportLine, ...] = ()
    """What comes next (``when``: due date)."""
    week_minutes: int = 0
    """Time logged for the client in the week."""
    month_minutes: int | None = None
    """Time logged this month up to ``as_of`` (shown with a retainer)."""
    retainer_minutes: int | None = None
    """The retainer's monthly minutes, if any."""
    notes: tuple[ReportNote, ...] = field(default=())
    """Notes written in the week."""
    include_confidential: bool = False
    """Whether confidential notes are printed."""


def _hours(minutes: int) -> str:
    return format_duration(minutes) if minutes else "0h"


def _days(n: int) -> str:
    return ngettext("{n} day", "{n} days", n).format(n=n)


def _line(text: str) -> str:
    return one_line(text, 200)


Block = tuple[str, str]
"""One piece of a report: ``(kind, text)``, kind ``title``, ``text``, ``heading`` or ``item``."""


def _item(text: str) -> Block:
    return ("item", text.removeprefix("- "))


def report_blocks(data: StatusReportData) -> list[Block]:
    """The report as a list of blocks, in the language in use: every format is written from it."""
    out: list[Block] = []
    out.append(("title", _("Weekly status — {client}").format(client=_line(data.client))))
    out.append(
        (
            "text",
            _("Week of {start} to {end}").format(
                start=format_date(data.week_start, "%a %d %b %Y"),
                end=format_date(data.week_end, "%a %d %b %Y"),
            ),
        )
    )

    out.append(("heading", _("Done this week")))
    out += [
        ("item", f"{_line(t.title)} ({format_date(t.when, '%a %d %b')})" if t.when else _line(t.title))
        for t in data.done
    ] or [("item", _("Nothing completed this week."))]

    out.append(("heading", _("In progress")))
    lines: list[Block] = []
    for task in data.in_progress:
        spent = _(" — {h} this week").format(h=_hours(task.minutes)) if task.minutes else ""
        lines.append(("item", f"{_line(task.title)}{spent}"))
    out += lines or [("item", _("Nothing in progress."))]

    out.append(("heading", _("Waiting on you")))
    lines = []
    for task in data.waiting:
        if task.when is not None:
            waited = max(0, (data.as_of - task.when).days)
            lines.append(
                _item(
                    _("- {title} — waiting {days} (since {since})").format(
                        title=_line(task.title), days=_days(waited), since=format_date(task.when, "%a %d %b")
                    )
                )
            )
        else:
            lines.append(("item", _line(task.title)))
    out += lines or [("item", _("Nothing is waiting on you."))]

    out.append(("heading", _("Hours")))
    out.append(_item(_("- This week: {h}").format(h=_hours(data.week_minutes))))
    if data.retainer_minutes:
        used = data.month_minutes or 0
        pct = used * 100 // data.retainer_minutes
        out.append(
            _item(
                _("- This month: {used} of {total} retainer hours ({pct} %)").format(
                    used=_hours(used), total=_hours(data.retainer_minutes), pct=pct
                )
            )
        )
        if used > data.retainer_minutes:
            out.append(_item(_("- Over the retainer by {h}").format(h=_hours(used - data.retainer_minutes))))
    elif data.month_minutes is not None:
        out.append(_item(_("- This month: {h}").format(h=_hours(data.month_minutes))))

    out.append(("heading", _("Next")))
    lines = []
    for task in data.next_up:
        due = _(" (due {d})").format(d=format_date(task.when, "%a %d %b")) if task.when else ""
        lines.append(("item", f"{_line(task.title)}{due}"))
    out += lines or [("item", _("Nothing planned yet."))]

    notes = [n for n in data.notes if data.include_confidential or not n.confidential]
    if notes:
        out.append(("heading", _("Notes")))
        for note in notes:
            mark = _(" (confidential)") if note.confidential else ""
            out.append(("item", f"{_line(note.text)}{mark}"))
    for line in data.business.splitlines():  # the signature: the business name, its e-mail
        if line.strip():
            out.append(("text", _line(line)))
    return out


def blocks_markdown(blocks: list[Block]) -> str:
    """Blocks as Markdown: ``#`` title, ``##`` headings, ``-`` items, a blank line between parts."""
    out: list[str] = []
    for kind, text in blocks:
        if kind == "title":
            out.append(f"# {text}")
        elif kind == "item":
            out.append(f"- {text}")
        else:
            out += ["", f"## {text}" if kind == "heading" else text]
    return "\n".join(out) + "\n"


def render_status_report(data: StatusReportData) -> str:
    """The report as Markdown."""
    return blocks_markdown(report_blocks(data))
