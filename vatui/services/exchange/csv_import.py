"""``vatui import csv FILE --kind clients|tasks|time``: a spreadsheet's rows as a plan.

Clients are matched by name (accent- and case-insensitive) and never duplicated; tasks by
title within their client. Time rows are planned in ``csv_time``. User text is kept as text
(markup and formulas are never run; control characters and escape sequences are made
visible), every text then meets the rules of typed input (``check_title``, ``check_notes``,
``check_tags``, ``check_name``: caps, one-word tags), and every bad cell is a
``FILE:LINE: reason`` problem.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from decimal import Decimal, InvalidOperation

from vatui.domain.client_contacts import check_email
from vatui.domain.client_fields import check_name, check_percent, check_status, check_timezone
from vatui.domain.client_fields import clean_tags as client_tags
from vatui.domain.clients import Channel, Client
from vatui.domain.errors import InputError
from vatui.domain.money import Money, check_currency
from vatui.domain.tasks import Task, check_title
from vatui.domain.text import clean, quoted
from vatui.i18n import _
from vatui.services.exchange.csv_map import Mapping, cell, map_columns, parse_maps
from vatui.services.exchange.csv_read import CsvTable, day_first, parse_day, parse_span, read_csv, two_ways
from vatui.services.exchange.import_plan import ImportPlan, Progress, Reader, Ref, client_index, fold
from vatui.services.queries import task_docs
from vatui.services.tasks.manage import check_column, check_notes, check_priority, check_tags


def split_tags(text: str) -> list[str]:
    """Tags in a cell: separated by commas, semicolons or spaces."""
    return [t for t in re.split(r"[,;\s]+", text) if t]


def plan_csv(
    reader: Reader,
    file: str,
    data: bytes,
    kind: str,
    maps: tuple[str, ...],
    *,
    create_clients: bool,
    now: datetime,
    date_order: str | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """The plan for importing ``data`` (the bytes of ``file``) as ``kind`` records."""
    table = read_csv(data)
    plan = ImportPlan(file=file, label=_("import {kind} from {file}").format(kind=kind, file=file[-60:]))
    for line, reason in table.problems:
        plan.problem(line, reason)
    if not table.header:
        plan.problem(1, _("the file is empty"))
        return plan
    mapping = map_columns(table.header, kind, parse_maps(maps, kind))
    plan.mapping.append(
        (
            _("format"),
            _("{layout}, separator {sep!r}, {enc}").format(
                layout=mapping.layout, sep=table.delimiter, enc=table.encoding
            ),
        )
    )
    plan.mapping.extend(mapping.shown)
    required = {"clients": "name", "tasks": "title", "time": "start_date"}[kind]
    if required not in mapping.columns:
        plan.problem(1, _("no column for {field}; name it with --map COLUMN={field}").format(field=required))
        return plan
    if kind == "clients":
        _plan_clients(reader, plan, table, mapping, now)
    elif kind == "tasks":
        _plan_tasks(reader, plan, table, mapping, now, create_clients=create_clients, date_order=date_order)
    else:
        from vatui.services.exchange.csv_time import plan_time

        plan_time(
            reader,
            plan,
            table,
            mapping,
            create_clients=create_clients,
            now=now,
            date_order=date_order,
            progress=progress,
        )
    return plan


def dayfirst_of(
    plan: ImportPlan, table: CsvTable, mapping: Mapping, fields: tuple[str, ...], order: str | None
) -> bool:
    """Whether the file's ``a/b/yyyy`` dates are day-first: ``order`` (``dmy``/``mdy``) when given,
    else what an unambiguous date in the file shows; a file whose every such date reads two ways
    is a problem. Shown in the mapping when the file has such dates.
    """
    cells = [(line, cell(row, mapping, f)) for line, row in table.rows for f in fields]
    found = day_first([c for _line, c in cells]) if order is None else order == "dmy"
    if found is None:
        line, text = next(((n, c) for n, c in cells if two_ways(c)), (0, ""))
        if text:
            plan.problem(
                line,
                _(
                    "{text!r} reads two ways (day/month or month/day): write 2026-11-02, "
                    "or say --dates dmy or --dates mdy"
                ).format(text=text[:40]),
            )
    dayfirst = found is not False
    if any(re.match(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", c) for _line, c in cells):
        plan.mapping.append((_("dates"), _("day/month/year") if dayfirst else _("month/day/year")))
    return dayfirst


def client_ref(
    plan: ImportPlan,
    known: dict[str, int],
    name: str,
    line: int,
    now: datetime,
    *,
    create: bool,
    currency: str,
) -> Ref:
    """The client called ``name``: an existing id, a new client's key (with ``create``), or a problem."""
    if not name:
        return None
    key = fold(name)
    if key in known:
        return known[key]
    new_key = "client:" + key
    if new_key in plan.new_clients:
        return new_key
    if not create:
        plan.problem(
            line, _("no client called {name}; add it first or use --create-clients").format(name=quoted(name))
        )
        return None
    try:
        checked = check_name(clean(name))
    except InputError as exc:
        plan.problem(line, str(exc))
        return None
    plan.new_clients[new_key] = Client(name=checked, currency=currency, created=now, updated=now)
    plan.add("add", "client", checked, _("line {n}").format(n=line))
    return new_key


def _rate(text: str, currency: str) -> Money | None:
    if not text:
        return None
    value = text.replace(" ", "").replace("\u00a0", "")
    if "," in value and "." in value:
        value = (
            value.replace(".", "").replace(",", ".")
            if value.rfind(",") > value.rfind(".")
            else value.replace(",", "")
        )
    else:
        value = value.replace(",", ".")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise InputError(_("{text!r} is not an hourly rate").format(text=text[:40])) from None
    if not amount.is_finite() or amount < 0 or amount > 1_000_000:
        raise InputError(_("{text!r} is not an hourly rate").format(text=text[:40]))
    return Money.from_decimal(amount, currency)


def _whole(text: str) -> int | None:
    """A whole number cell (``14``, ``14.0``), or None when empty."""
    value = text.replace(" ", "").replace("\u00a0", "")
    if not value:
        return None
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or number != number.to_integral_value():
        raise InputError(_("{text!r} is not a whole number").format(text=text[:40]))
    return int(number)


def _terms(text: str) -> int | None:
    """A client's payment terms in days, when the cell says them (else the default applies)."""
    days = _whole(text)
    if days is None:
        return None
    if not 0 <= days <= 3650:
        raise InputError(_("{what} must be between 0 and 3650 days").format(what=_("terms")))
    return days


def _plan_clients(reader: Reader, plan: ImportPlan, table: CsvTable, mapping: Mapping, now: datetime) -> None:
    known = client_index(reader)
    seen: dict[str, int] = {}
    default_currency = reader.settings().default_currency
    for line, row in table.rows:
        name = clean(cell(row, mapping, "name"))
        try:
            name = check_name(name)
            key = fold(name)
            if key in known:
                plan.add("skip", "client", name, _("already a client (#{id})").format(id=known[key]))
                continue
            if key in seen:
                plan.add("skip", "client", name, _("already on line {n}").format(n=seen[key]))
                continue
            email = cell(row, mapping, "email")
            currency = check_currency(cell(row, mapping, "currency") or default_currency)
            zone = cell(row, mapping, "timezone")
            status = cell(row, mapping, "status")
            client = Client(
                name=name,
                currency=currency,
                hourly_rate=_rate(cell(row, mapping, "hourly_rate"), currency),
                deposit_percent=check_percent(
                    _whole(cell(row, mapping, "deposit_percent")) or 0, _("the deposit")
                ),
                timezone=check_timezone(zone) if zone else None,
                status=check_status(status) if status else "active",
                channels=(Channel(kind="email", handle=check_email(email)),) if email else (),
                preferred_channel="email" if email else None,
                tags=client_tags(split_tags(cell(row, mapping, "tags"))),
                created=now,
                updated=now,
            )
            terms = _terms(cell(row, mapping, "terms_days"))
            if terms is not None:
                client = replace(client, terms_days=terms)
        except InputError as exc:
            plan.problem(line, str(exc))
            continue
        seen[key] = line
        plan.new_clients["client:" + key] = client
        plan.add("add", "client", name, client.currency)


def _plan_tasks(
    reader: Reader,
    plan: ImportPlan,
    table: CsvTable,
    mapping: Mapping,
    now: datetime,
    *,
    create_clients: bool,
    date_order: str | None,
) -> None:
    settings = reader.settings()
    known = client_index(reader)
    dayfirst = dayfirst_of(plan, table, mapping, ("due",), date_order)
    existing = {
        (fold(str(d.get("title", ""))), d.get("client_id")): int(k) for k, d in task_docs(reader).items()
    }
    seen: dict[tuple[str, Ref], int] = {}
    for line, row in table.rows:
        try:
            title = check_title(clean(cell(row, mapping, "title")))
            client = client_ref(
                plan,
                known,
                clean(cell(row, mapping, "client")),
                line,
                now,
                create=create_clients,
                currency=settings.default_currency,
            )
            column_text = cell(row, mapping, "column")
            column = check_column(settings, column_text) if column_text else settings.columns[0]
            due_text = cell(row, mapping, "due")
            estimate = cell(row, mapping, "estimate")
            task = Task(
                title=title,
                column=column,
                due=parse_day(due_text, dayfirst=dayfirst) if due_text else None,
                priority=check_priority(cell(row, mapping, "priority")),
                estimate_minutes=parse_span(estimate) if estimate else None,
                tags=check_tags(split_tags(cell(row, mapping, "tags"))),
                notes=check_notes(clean(cell(row, mapping, "notes"), keep_newlines=True)),
                created=now,
                updated=now,
                completed=now if column == settings.done_column else None,
            )
        except InputError as exc:
            plan.problem(line, str(exc))
            continue
        match = (fold(title), client)
        if match in existing:
            plan.add("skip", "task", title, _("already on the board (#{id})").format(id=existing[match]))
        elif match in seen:
            plan.add("skip", "task", title, _("already on line {n}").format(n=seen[match]))
        else:
            seen[match] = line
            plan.new_tasks[f"task:{line}"] = (task, client)
            plan.add("add", "task", title, column)
