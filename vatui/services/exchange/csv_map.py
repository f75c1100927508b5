"""Which column of a CSV file is which field: headers recognised in English and Spanish,
the Toggl Track and Clockify detailed-report layouts named, the files ``vatui export csv``
writes read back (their headers are the field names, ``start_date``, ``hourly_rate``: an
underscore in a header reads as a space), and ``--map COLUMN=FIELD`` overriding any of it
(``--map Notes=-`` ignores a column).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from vatui.domain.errors import InputError
from vatui.i18n import _
from vatui.services.exchange.import_plan import fold

KINDS: Final = ("clients", "tasks", "time")

FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "clients": (
        "name",
        "email",
        "currency",
        "hourly_rate",
        "terms_days",
        "deposit_percent",
        "timezone",
        "status",
        "tags",
    ),
    "tasks": ("title", "client", "column", "due", "priority", "estimate", "tags", "notes"),
    "time": (
        "client",
        "project",
        "task",
        "description",
        "start_date",
        "start_time",
        "end_date",
        "end_time",
        "duration",
        "hours",
        "billable",
        "timezone",
    ),
}
"""The fields each kind of import fills, in the order the mapping is shown."""

_SYNONYMS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "clients": {
        "name": ("name", "client", "client name", "nombre", "cliente", "company", "empresa"),
        "email": ("email", "e-mail", "mail", "correo", "correo electronico"),
        "currency": ("currency", "moneda", "divisa"),
        "hourly_rate": ("hourly rate", "rate", "tarifa", "tarifa por hora", "precio hora", "precio/hora"),
        "terms_days": ("terms days", "payment terms", "terms", "plazo de pago", "plazo"),
        "deposit_percent": ("deposit percent", "deposit %", "deposit", "anticipo %", "anticipo"),
        "timezone": ("timezone", "time zone", "zona horaria"),
        "status": ("status", "estado"),
        "tags": ("tags", "etiquetas"),
    },
    "tasks": {
        "title": ("title", "task", "name", "titulo", "tarea", "nombre"),
        "client": ("client", "cliente"),
        "column": ("column", "list", "status", "columna", "lista", "estado"),
        "due": (
            "due",
            "due date",
            "deadline",
            "vence",
            "vencimiento",
            "fecha limite",
            "fecha de vencimiento",
        ),
        "priority": ("priority", "prioridad"),
        "estimate": ("estimate", "estimacion", "estimado"),
        "tags": ("tags", "labels", "etiquetas"),
        "notes": ("notes", "description", "notas", "descripcion"),
    },
    "time": {
        "client": ("client", "cliente"),
        "project": ("project", "proyecto"),
        "task": ("task", "tarea"),
        "description": ("description", "descripcion", "note", "notes", "nota", "notas"),
        "start_date": ("start date", "date", "fecha de inicio", "fecha", "dia", "day"),
        "start_time": ("start time", "start", "hora de inicio", "inicio"),
        "end_date": ("end date", "fecha de fin", "fecha final"),
        "end_time": ("end time", "end", "hora de fin", "fin"),
        "duration": ("duration", "duration (h)", "duracion", "duracion (h)", "time", "tiempo"),
        "hours": ("duration (decimal)", "hours", "horas", "duracion (decimal)", "time (decimal)"),
        "billable": ("billable", "facturable"),
        "timezone": ("timezone", "time zone", "zona horaria"),
    },
}

_TOGGL: Final = (
    "user",
    "email",
    "client",
    "project",
    "task",
    "description",
    "billable",
    "start date",
    "start time",
    "end date",
    "end time",
    "duration",
    "tags",
)
_CLOCKIFY: Final = (
    "project",
    "client",
    "description",
    "task",
    "user",
    "email",
    "tags",
    "billable",
    "start date",
    "start time",
    "end date",
    "end time",
    "duration (h)",
    "duration (decimal)",
)
IGNORE: Final = "-"


@dataclass(frozen=True, slots=True)
class Mapping:
    """Which column index fills which field, and what the file looked like."""

    columns: dict[str, int]
    """Field → column index."""
    shown: list[tuple[str, str]]
    """(header, field or "ignored") in the file's order, for the summary."""
    layout: str
    """"Toggl Track detailed report", "Clockify detailed report" or "CSV"."""


def layout_of(header: tuple[str, ...]) -> str:
    """The tool that wrote a file with this header, when it is one vatui knows."""
    names = {fold(h) for h in header}
    if set(_TOGGL) <= names:
        return "Toggl Track detailed report"
    if set(_CLOCKIFY) <= names:
        return "Clockify detailed report"
    return "CSV"


def header_key(header: str) -> str:
    """A header for matching: folded, an underscore read as a space (``start_date`` = ``Start date``)."""
    return fold(header.replace("_", " "))


def parse_maps(maps: tuple[str, ...] | list[str], kind: str) -> dict[str, str]:
    """``COLUMN=FIELD`` overrides as {folded column: field}; a wrong one is refused."""
    out: dict[str, str] = {}
    for item in maps:
        column, sep, target = item.partition("=")
        target = target.strip().lower()
        if not sep or not column.strip():
            raise InputError(_("--map wants COLUMN=FIELD, not {item!r}").format(item=item))
        if target not in (*FIELDS[kind], IGNORE):
            raise InputError(
                _("{field!r} is not a {kind} field; fields are {all} (or - to ignore)").format(
                    field=target, kind=kind, all=", ".join(FIELDS[kind])
                )
            )
        out[header_key(column)] = target
    return out


def map_columns(header: tuple[str, ...], kind: str, overrides: dict[str, str]) -> Mapping:
    """Match each header to a field: an override first, then the known names; unknown ones are ignored."""
    if kind not in KINDS:
        raise InputError(_("--kind must be one of {all}").format(all=", ".join(KINDS)))
    folded = [header_key(h) for h in header]
    unknown = [c for c in overrides if c not in folded]
    if unknown:
        raise InputError(
            _("--map names a column the file does not have: {col!r}; its columns are {all}").format(
                col=unknown[0], all=", ".join(header)
            )
        )
    columns: dict[str, int] = {}
    chosen: dict[int, str] = {}
    for index, name in enumerate(folded):
        target = overrides.get(name)
        if target is not None:
            if target != IGNORE:
                columns[target] = index
            chosen[index] = target
    for field_name in FIELDS[kind]:
        if field_name in columns:
            continue
        for synonym in _SYNONYMS[kind][field_name]:
            found = next((i for i, n in enumerate(folded) if n == synonym and i not in chosen), None)
            if found is not None:
                columns[field_name] = found
                chosen[found] = field_name
                break
    shown = [
        (header[i], chosen.get(i, IGNORE) if chosen.get(i, IGNORE) != IGNORE else _("ignored"))
        for i in range(len(header))
    ]
    return Mapping(columns, shown, layout_of(header))


def cell(row: tuple[str, ...], mapping: Mapping, field_name: str) -> str:
    """The stripped text of a field in a row ("" when the file has no such column)."""
    index = mapping.columns.get(field_name)
    return row[index].strip() if index is not None else ""
