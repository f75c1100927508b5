"""Running an import: a dry run shows the plan; a real one computes the same plan from the
workspace as read inside one transaction and applies it there, or writes nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vatui.domain.errors import InputError
from vatui.i18n import _
from vatui.services.exchange.import_plan import ImportPlan, Progress, Reader, apply_plan, find_client
from vatui.store.workspace import Workspace

Planner = Callable[[Reader], ImportPlan]


def read_file(path: Path) -> bytes:
    """The bytes of the file to import, or one clear line saying why not."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(_("{path}: no such file").format(path=path)) from None
    except IsADirectoryError:
        raise InputError(_("{path}: is a folder, not a file").format(path=path)) from None
    except OSError as exc:
        raise InputError(
            _("{path}: cannot be read ({reason})").format(path=path, reason=exc.strerror)
        ) from None


def run_import(
    ws: Workspace, planner: Planner, *, dry_run: bool, progress: Progress | None = None
) -> ImportPlan:
    """Plan and (unless ``dry_run``) apply an import as one undoable change; refused whole on a problem."""
    if dry_run:
        plan = planner(ws)
        plan.refuse_if_broken()
        if progress is not None:
            progress(1.0)
        return plan
    with ws.transaction(_("import")) as tx:
        plan = planner(tx)
        plan.refuse_if_broken()
        tx.label = plan.label
        apply_plan(tx, plan, progress)
    return plan


def import_trello(
    ws: Workspace,
    path: Path,
    *,
    client: str | None = None,
    column_maps: tuple[str, ...] = (),
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportPlan:
    """Import a Trello board export (see ``vatui.services.exchange.trello``)."""
    from vatui.services.exchange.trello import parse_column_maps, plan_trello

    data = read_file(path)
    maps = parse_column_maps(ws.settings(), column_maps)
    now = ws.clock.now()

    def planner(reader: Reader) -> ImportPlan:
        client_id = find_client(reader, client) if client else None
        return plan_trello(reader, str(path), data, client_id=client_id, column_maps=maps, now=now)

    return run_import(ws, planner, dry_run=dry_run, progress=progress)


def import_csv(
    ws: Workspace,
    path: Path,
    kind: str,
    *,
    maps: tuple[str, ...] = (),
    create_clients: bool = False,
    date_order: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportPlan:
    """Import clients, tasks or time from a CSV file (see ``vatui.services.exchange.csv_import``)."""
    from vatui.services.exchange.csv_import import plan_csv

    data = read_file(path)
    now = ws.clock.now()
    if date_order is None and ws.settings().date_order in ("dmy", "mdy"):
        date_order = ws.settings().date_order  # --dates wins; else the workspace's date order

    def planner(reader: Reader) -> ImportPlan:
        return plan_csv(
            reader,
            str(path),
            data,
            kind,
            maps,
            create_clients=create_clients,
            now=now,
            date_order=date_order,
            progress=progress,
        )

    return run_import(ws, planner, dry_run=dry_run, progress=progress)


def import_json(
    ws: Workspace, path: Path, *, dry_run: bool = False, progress: Progress | None = None
) -> ImportPlan:
    """Import what ``vatui export json`` wrote (see ``vatui.services.exchange.json_import``)."""
    from vatui.services.exchange.json_import import import_json as run

    return run(ws, path, dry_run=dry_run, progress=progress)
