"""The app's "Import…" and "Export…": ask a kind and a path, preview, confirm, then call the service.

Export writes at once (asking before it replaces a file). Import runs the service as a
dry run first, shows its summary (or the file's problems) in the text viewer, and writes
only after the user says yes: one transaction, one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from vatui.domain.errors import VatuiError
from vatui.i18n import _
from vatui.services.exchange import portal
from vatui.ui.flows.saving import file_saver
from vatui.ui.modals.confirm import ConfirmModal
from vatui.ui.modals.exchange import ExchangeModal
from vatui.ui.modals.text_view import TextViewModal

if TYPE_CHECKING:
    from vatui.ui.pane import PaneHost


def _path(app: PaneHost, text: str) -> Path | None:
    try:
        return portal.resolve_path(text)
    except VatuiError as exc:
        app.inform(str(exc), error=True)
        return None


def _ask(app: PaneHost, modal: ExchangeModal, then: Callable[[PaneHost, str, Path], None]) -> None:
    """Ask a kind and a path; ``then(app, kind, path)`` once the path is one vatui may use."""

    def chosen(answer: tuple[str, str] | None) -> None:
        if answer is not None and (path := _path(app, answer[1])) is not None:
            then(app, answer[0], path)

    app.push_screen(modal, chosen)


def start_export(app: PaneHost) -> None:
    """Ask what to export and where, then write it."""
    _ask(app, ExchangeModal(_("Export…"), portal.EXPORT_KINDS, portal.DEFAULT_EXPORT_PATHS), _export_to)


def _export_to(app: PaneHost, kind: str, path: Path) -> None:
    if path.is_file() and kind not in ("csv", "csv-excel"):
        question = _("{path} exists. Replace it?").format(path=path)
        app.push_screen(
            ConfirmModal(question, yes=_("Replace")),
            lambda yes: _write_export(app, kind, path) if yes else None,
        )
        return
    _write_export(app, kind, path)


def _write_export(app: PaneHost, kind: str, path: Path) -> None:
    message = app.run_service(portal.export_to, kind, path)
    if message is not None:
        app.inform(message)


def start_import(app: PaneHost) -> None:
    """Ask what to import and from where, show the dry run, and import if the user agrees."""
    _ask(app, ExchangeModal(_("Import…"), portal.IMPORT_KINDS), _import_from)


def _import_from(app: PaneHost, kind: str, path: Path) -> None:
    try:
        lines = app.session.run(portal.import_from, kind, path, dry_run=True)
    except VatuiError as exc:
        problems = getattr(exc, "problems", None)
        if problems:
            app.push_screen(
                TextViewModal(
                    _("Import refused: nothing was written"),
                    "\n".join(str(p) for p in problems),
                    saver=file_saver(app),
                    sendable=False,
                )
            )
        else:
            app.inform(str(exc), error=True)
        return
    preview = TextViewModal(
        _("Import preview (nothing written yet): {name}").format(name=path.name),
        "\n".join(lines) or _("Nothing to import."),
        saver=file_saver(app),
        sendable=False,
    )
    app.push_screen(preview, lambda _done: _ask_to_import(app, kind, path, lines))


def _ask_to_import(app: PaneHost, kind: str, path: Path, lines: list[str]) -> None:
    if not lines:
        return
    question = _("Import {name} as shown? (u undoes the whole import)").format(name=path.name)
    app.push_screen(
        ConfirmModal(question, yes=_("Import")), lambda yes: _run_import(app, kind, path) if yes else None
    )


def _run_import(app: PaneHost, kind: str, path: Path) -> None:
    done = app.run_service(portal.import_from, kind, path, dry_run=False)
    if done is not None:
        app.inform(_("Imported {name}: {summary}").format(name=path.name, summary=done[0] if done else ""))
