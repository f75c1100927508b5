"""CSV for spreadsheets: ``export csv --excel``, and the Toggl/Clockify-shaped ``time.csv``.

``--excel`` rewrites each file for a spreadsheet that opens it with a double click:

* UTF-8 with a byte-order mark, so Excel reads "Café" as UTF-8 and not as cp1252;
* the workspace's number format: with a decimal comma (``1.234,56``) the separator is ``;``
  and amounts, quantities and hours use ``,`` as decimal mark; else ``,`` and ``.``;
* CRLF line ends; cells a spreadsheet would run as a formula keep their leading ``'``.

The decimal comma comes from the ``--decimal-comma`` flag, else the workspace's number
format (``number_format`` when the settings have it, else ``decimal_comma``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from vatui.domain.settings import Settings

TIME_HEADER = (
    "id",
    "start",
    "end",
    "minutes",
    "task_id",
    "client_id",
    "client",
    "billable",
    "invoice",
    "note",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "timezone",
    "task",
    "duration",
    "hours",
)
"""``time.csv``: the stored UTC moments first (as before), then the local, Toggl-like columns."""

NUMERIC_COLUMNS = frozenset(
    {
        "subtotal",
        "discount",
        "tax",
        "withheld",
        "total",
        "deposit_applied",
        "credit_applied",
        "amount_due",
        "quantity",
        "unit_price",
        "amount",
        "hourly_rate",
        "hours",
    }
)
"""Columns holding decimals: their mark follows the number format in ``--excel`` files."""

_DECIMAL = re.compile(r"^'?-?[0-9]+(\.[0-9]+)?$")


@dataclass(frozen=True, slots=True)
class CsvStyle:
    """How the files are written."""

    excel: bool = False
    decimal_comma: bool = False

    @property
    def separator(self) -> str:
        """``;`` beside a decimal comma, else ``,``."""
        return ";" if self.excel and self.decimal_comma else ","


def uses_decimal_comma(settings: Settings) -> bool:
    """Whether the workspace writes numbers as ``1.234,56``."""
    number_format = getattr(settings, "number_format", None)
    if isinstance(number_format, str) and number_format:
        return number_format.rstrip("0123456789")[-1:] == ","
    return bool(settings.decimal_comma)


def hours_decimal(minutes: int) -> str:
    """Minutes as decimal hours, two places, half up: 90 → ``1.50``, 20 → ``0.33``."""
    return str((Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def clock_duration(minutes: int) -> str:
    """Minutes as ``H:MM:SS`` (Toggl's duration column)."""
    hours, mins = divmod(max(minutes, 0), 60)
    return f"{hours}:{mins:02d}:00"


def _local(moment: Any, zone: ZoneInfo) -> datetime | None:
    if not isinstance(moment, str) or not moment:
        return None
    try:
        parsed = datetime.fromisoformat(moment)
    except ValueError:
        return None
    return parsed.astimezone(zone) if parsed.tzinfo else parsed


def time_rows(
    time_docs: Mapping[str, Mapping[str, Any]],
    names: Mapping[int, str],
    numbers: Mapping[Any, str],
    titles: Mapping[int, str],
    timezone: str,
) -> Iterator[list[Any]]:
    """The rows of ``time.csv`` (see ``TIME_HEADER``), by id."""
    zone = ZoneInfo(timezone)
    for key, d in sorted(time_docs.items(), key=lambda kv: int(kv[0])):
        minutes = int(d.get("minutes") or 0)
        start, end = _local(d.get("start"), zone), _local(d.get("end"), zone)
        task_id = d.get("task_id") or ""
        yield [
            int(key),
            d.get("start"),
            d.get("end") or "",
            minutes,
            task_id,
            d.get("client_id") or "",
            names.get(d.get("client_id") or 0, ""),
            "yes" if d.get("billable", True) else "no",
            numbers.get(d.get("invoice_id"), ""),
            d.get("note") or "",
            start.date().isoformat() if start else "",
            start.strftime("%H:%M:%S") if start else "",
            end.date().isoformat() if end else "",
            end.strftime("%H:%M:%S") if end else "",
            timezone,
            titles.get(task_id, "") if isinstance(task_id, int) else "",
            clock_duration(minutes),
            hours_decimal(minutes),
        ]


def restyle(payload: bytes, style: CsvStyle) -> bytes:
    """A plain export file (UTF-8, ``,``, ``.``) rewritten in ``style``."""
    if not style.excel:
        return payload
    rows = list(csv.reader(io.StringIO(payload.decode("utf-8"), newline="")))
    if not rows:
        return "\ufeff".encode()
    numeric = [name in NUMERIC_COLUMNS for name in rows[0]]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=style.separator, lineterminator="\r\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        cells = []
        for index, value in enumerate(row):
            if index < len(numeric) and numeric[index] and _DECIMAL.match(value):
                value = value.removeprefix("'")
                if style.decimal_comma:
                    value = value.replace(".", ",")
            cells.append(value)
        writer.writerow(cells)
    return out.getvalue().encode("utf-8-sig")
