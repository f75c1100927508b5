"""Words shown through ``_()`` whose English source is defined where no ``_()`` or ``N_()``
can be extracted: the date words of ``vatui.domain.words``, the parsers' hints, and the
stored codes shown as words (statuses, badges, aging buckets, priorities, quick-add fields).

Only the catalog reads this module (``make catalog`` extracts the marks); the code shows
these words with ``_(word)`` where it has them. Keep each text exactly as at its source.
"""

from __future__ import annotations

from vatui.i18n import N_, NC_

#: ``words.WEEKDAY_ABBR`` and ``words.WEEKDAY_NAMES``.
WEEKDAYS = (
    N_("Mon"),
    N_("Tue"),
    N_("Wed"),
    N_("Thu"),
    N_("Fri"),
    N_("Sat"),
    N_("Sun"),
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)

#: ``words.MONTH_ABBR`` and ``words.MONTH_NAMES``. "May" is both: plain, it is the month's
#: name; shown with ``pgettext("month abbreviation", …)`` every abbreviation has its own entry.
MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
    NC_("month abbreviation", "Jan"),
    NC_("month abbreviation", "Feb"),
    NC_("month abbreviation", "Mar"),
    NC_("month abbreviation", "Apr"),
    NC_("month abbreviation", "May"),
    NC_("month abbreviation", "Jun"),
    NC_("month abbreviation", "Jul"),
    NC_("month abbreviation", "Aug"),
    NC_("month abbreviation", "Sep"),
    NC_("month abbreviation", "Oct"),
    NC_("month abbreviation", "Nov"),
    NC_("month abbreviation", "Dec"),
)

#: The parsers' hints (``_HINT`` of vatui.domain.dates and vatui.domain.durations).
HINTS = (
    N_('try today, fri, +3d, in 2 weeks, 2026-12-05 or "5 dec"'),
    N_("try 30m, 1h30m, 1.5h, 90 or 0:45"),
)

#: Stored codes shown as words: client statuses, reliability badges, invoice statuses,
#: aging buckets, priorities (``quickadd.PRIORITY_LABELS``), quick-add fields.
CODES = (
    N_("lead"),
    N_("prospect"),
    N_("active"),
    N_("paused"),
    N_("former"),
    N_("Lead"),
    N_("Prospect"),  # the CLI's headings: the status, capitalized
    N_("good"),
    N_("watch"),
    N_("risky"),
    N_("unproven"),
    N_("draft"),
    N_("sent"),
    N_("partial"),
    N_("paid"),
    N_("overdue"),
    N_("void"),
    N_("current"),
    N_("1-30"),
    N_("31-60"),
    N_("61-90"),
    N_("90+"),
    N_("total"),
    N_("low"),
    N_("medium"),
    N_("high"),
    N_("clients"),  # the tables, in counts ("5 clients, 73 tasks")
    N_("tasks"),
    N_("time"),
    N_("contacts"),
    N_("invoices"),
    N_("payments"),
    N_("expenses"),
    N_("software"),  # expense categories
    N_("equipment"),
    N_("internet"),
    N_("workspace"),
    N_("training"),
    N_("marketing"),
    N_("fees"),
    N_("other"),
    N_("friendly"),  # the default collection steps
    N_("polite"),
    N_("firm"),
    N_("final"),
    N_("client"),
    N_("priority"),
    N_("estimate"),
    N_("due"),
    N_("every"),
    N_("in"),
)
