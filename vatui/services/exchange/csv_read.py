"""Reading a CSV file as a spreadsheet wrote it, and the values in its cells.

The text is UTF-8 (with or without a BOM), UTF-16 with its BOM (Excel's "Unicode text") or,
when it is not valid UTF-8, Windows-1252 (what a Spanish Excel writes as "CSV"). The separator is whichever of ``;``, ``,`` or a tab the
header line uses most. Every row keeps its line number for ``FILE:LINE`` problems. A cell over
1 MB, a NUL byte or a row wider than the header is a problem at its line.

Values: dates ``2026-11-02``, ``02/11/2026`` (day or month first, decided for the whole file),
``02.11.2026``; times ``09:00``, ``09:00:00``, ``9:00 AM``; durations ``1:30:00``, ``1:30``,
``1,5`` or ``1.5`` (hours), ``90m``, ``1h30m``, ``90`` (minutes); yes/no in English and Spanish.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal, InvalidOperation
from typing import Final

from vatui.domain.dates import check_business_date
from vatui.domain.durations import parse_duration
from vatui.domain.errors import InputError, ParseError
from vatui.i18n import _
from vatui.services.exchange.import_plan import MAX_CELL

_BOM: Final = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class CsvTable:
    """A CSV file read: its header, its rows with their line numbers, and how it was read."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    """(line number, cells) of every non-empty row, padded to the header's width."""
    delimiter: str
    encoding: str
    problems: tuple[tuple[int, str], ...]
    """(line, reason) of rows that could not be read."""


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file and the encoding it was read in."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text": UTF-16, tab-separated
        return data.decode("utf-16", errors="replace"), "utf-16"
    if data.startswith(_BOM):
        return data[len(_BOM) :].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_delimiter(first_line: str) -> str:
    """``;``, ``,`` or a tab: the one the header line uses most (outside quotes)."""
    outside = re.sub(r'"[^"]*"', "", first_line)
    counts = {sep: outside.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_csv(data: bytes) -> CsvTable:
    """Read ``data`` as a CSV table (see the module's docstring)."""
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    problems: list[tuple[int, str]] = []
    old_limit = csv.field_size_limit(MAX_CELL)
    try:
        line = 1
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                problems.append((reader.line_num or start, _csv_reason(str(exc))))
                break
            line = start
            if not any(c.strip() for c in cells):
                continue
            if any("\x00" in c for c in cells):
                problems.append((line, _csv_reason("NUL")))
                continue
            if header is None:
                header = tuple(c.strip() for c in cells)
                continue
            if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
                problems.append(
                    (line, _("{n} cells, but the header has {m}").format(n=len(cells), m=len(header)))
                )
                continue
            padded = tuple(cells[: len(header)]) + ("",) * (len(header) - len(cells))
            rows.append((line, padded))
    finally:
        csv.field_size_limit(old_limit)
    return CsvTable(header or (), tuple(rows), delimiter, encoding, tuple(problems))


def _csv_reason(message: str) -> str:
    if "field larger than field limit" in message:
        return _("a cell is over 1 MB; nothing was imported")
    if "NUL" in message:
        return _("the line contains a NUL byte: is this a CSV file?")
    return _("unreadable CSV ({reason})").format(reason=message)


_ISO_DATE: Final = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY: Final = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_TIME: Final = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp])?\.?\s*(?:[Mm]\.?)?$")
_HMS: Final = re.compile(r"^(\d+):(\d{2})(?::(\d{2}))?$")
_DECIMAL_HOURS: Final = re.compile(r"^\d*[.,]\d+$|^\d+[.,]$")


def day_first(cells: list[str]) -> bool | None:
    """Whether ``a/b/yyyy`` dates in these cells are day-first, decided by any unambiguous one."""
    for cell in cells:
        match = _DMY.match(cell.strip())
        if match is None:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second:
            return True
        if second > 12 >= first:
            return False
    return None


def two_ways(text: str) -> bool:
    """Whether a date cell reads as two different dates (``02/11/2026``)."""
    match = _DMY.match(text.strip())
    return (
        match is not None
        and match.group(1) != match.group(2)
        and max(int(match.group(1)), int(match.group(2))) <= 12
    )


def parse_day(text: str, *, dayfirst: bool) -> date:
    """A calendar date from a cell, within the business range (``check_business_date``);
    ``InputError`` otherwise."""
    value = text.strip()
    found: date | None = None
    try:
        iso = _ISO_DATE.match(value)
        if iso is not None:
            found = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        match = _DMY.match(value)
        if found is None and match is not None:
            a, b, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
            year += 2000 if year < 100 else 0
            found = date(year, b, a) if dayfirst else date(year, a, b)
    except ValueError:
        pass
    if found is not None:
        return check_business_date(found, value[:40])
    example = "02/11/2026" if dayfirst else "11/02/2026"  # 2 November, in the file's order
    raise InputError(
        _("{text!r} is not a date (use 2026-11-02 or {example})").format(text=value[:40], example=example)
    )


def parse_clock(text: str) -> time:
    """A time of day from a cell (``09:00``, ``09:00:00``, ``9:00 PM``); ``InputError`` otherwise."""
    value = text.strip()
    match = _TIME.match(value)
    if match is not None:
        hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
        marker = (match.group(4) or "").lower()
        if marker and not 1 <= hour <= 12:
            hour = 99
        elif marker:
            hour = hour % 12 + (12 if marker == "p" else 0)
        if hour < 24 and minute < 60 and second < 60:
            return time(hour, minute, second)
    raise InputError(_("{text!r} is not a time of day (use 09:00 or 09:00:00)").format(text=value[:40]))


def parse_hours(text: str) -> int:
    """Decimal hours (``1,5`` or ``1.5``) as whole minutes, rounded up; ``InputError`` otherwise."""
    value = text.strip().replace(",", ".")
    try:
        hours = Decimal(value)
    except InvalidOperation:
        raise InputError(_("{text!r} is not a number of hours").format(text=text.strip()[:40])) from None
    if not hours.is_finite() or hours <= 0 or hours > 24 * 365:
        raise InputError(_("{text!r} is not a number of hours").format(text=text.strip()[:40]))
    return max(1, math.ceil(hours * 60))


def parse_span(text: str) -> int:
    """A duration cell as whole minutes (seconds rounded up); ``InputError`` otherwise.

    ``1:30:00`` and ``1:30`` are hours and minutes, ``1,5``/``1.5`` hours, the rest
    (``90m``, ``1h30m``, ``90``) as ``vatui time add`` reads it.
    """
    value = text.strip()
    hms = _HMS.match(value)
    if hms is not None:
        hours, minutes, seconds = int(hms.group(1)), int(hms.group(2)), int(hms.group(3) or 0)
        if minutes >= 60 or seconds >= 60:
            raise InputError(_("{text!r} is not a duration").format(text=value[:40]))
        total = hours * 60 + minutes + (1 if seconds else 0)
        if total <= 0:
            raise InputError(_("{text!r}: a duration must be more than zero").format(text=value[:40]))
        return total
    if _DECIMAL_HOURS.match(value):
        return parse_hours(value)
    try:
        return parse_duration(value)
    except ParseError as exc:
        raise InputError(str(exc)) from None


_YES: Final = {"yes", "y", "true", "1", "si", "sí", "s", "x", "billable", "facturable"}
_NO: Final = {"no", "n", "false", "0", "", "non-billable", "no facturable"}


def parse_yes(text: str) -> bool:
    """Yes/no in a cell (``Yes``, ``No``, ``Sí``, ``true``, ``1``); ``InputError`` otherwise."""
    value = text.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise InputError(_("{text!r} is neither yes nor no").format(text=text.strip()[:40]))
