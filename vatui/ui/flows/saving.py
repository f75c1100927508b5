"""Saving what a text view shows: the text, or a document in the format the file names.

The ``TextSaver`` the flows hand to ``TextViewModal``: vatui's one safe writer (0600,
atomic, never through a link, never onto vatui's own files in the workspace's folder).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vatui.ui.modals.text_view import Saved

if TYPE_CHECKING:
    from vatui.services.documents.files import DocumentMaker
    from vatui.ui.pane import PaneHost


@dataclass(frozen=True, slots=True)
class FileSaver:
    """Writes the text shown, or the document ``maker`` makes in the format a file's
    extension names (``.pdf``, ``.html``, ``.md``; anything else: the text)."""

    data_dir: Path | None
    """The workspace's folder: vatui's own files there are refused."""
    maker: DocumentMaker | None = None
    """Makes the document in a format; ``None``: the text is written, whatever the name."""

    @property
    def documents(self) -> bool:
        """Whether the file's extension chooses a document's format."""
        return self.maker is not None

    def _format(self, path: Path) -> str | None:
        from vatui.services.documents.files import format_of

        return format_of(path) if self.maker is not None else None

    def check(self, path: Path) -> None:
        """Refuse a link, a folder or vatui's own file (``InputError``)."""
        from vatui.services.output import check_destination

        check_destination(path, self.data_dir)

    def slow(self, path: Path) -> bool:
        """Whether ``path`` asks for a PDF (a second or so to write)."""
        return self._format(path) == "pdf"

    def save(self, path: Path, text: str) -> Saved:
        """Write ``text`` (ending in a newline), or the document; a PDF is then opened."""
        from vatui.services.output import write_private

        fmt = self._format(path)
        if fmt is None or self.maker is None:
            write_private(path, (text if text.endswith("\n") else text + "\n").encode("utf-8"), self.data_dir)
            return Saved()
        from vatui.services.documents.files import save

        doc = self.maker(fmt)
        save(path, doc, self.data_dir)
        if fmt != "pdf":
            return Saved(doc.warnings)
        from vatui.services.documents.viewer import open_in_viewer

        return Saved(doc.warnings, opened=open_in_viewer(path))


def file_saver(app: PaneHost, documents: DocumentMaker | None = None) -> FileSaver:
    """The saver for a text view opened on ``app``'s workspace (``documents``: a document's)."""
    return FileSaver(app.session.directory, documents)
