"""Documents as files: an invoice or a status report in text, Markdown, HTML or PDF.

``invoice_document`` and ``status_report_document`` give the bytes of one format and what
the user should be told (a character no font has, shown as a box in the PDF). The format
of a file follows its extension (``format_of``): the command line's ``-o`` and the app's
"save" write Markdown to ``.md``, HTML to ``.html`` and a PDF to ``.pdf``. ``save`` writes
with vatui's one safe writer (``write_private``: temp file and rename, 0600, never through
a link): a failed write leaves nothing half-written.

PDFs are made with fpdf2, imported only here, only when a PDF is asked for.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Final

from vatui.domain.clients import Client
from vatui.domain.paper import paper_of
from vatui.domain.status_report import Block
from vatui.i18n import _, language
from vatui.services.clients.status_reports import StatusReport
from vatui.services.documents.invoice import InvoiceDoc, gather, render_doc
from vatui.services.documents.locale import document_locale
from vatui.services.documents.pdf_fonts import describe_chars
from vatui.store.workspace import Workspace

FORMATS: Final = ("txt", "md", "html", "pdf")
"""Every document format."""

_EXTENSIONS: Final = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}


@dataclass(frozen=True, slots=True)
class Document:
    """One document in one format, ready to be written."""

    fmt: str
    """``txt``, ``md``, ``html`` or ``pdf``."""
    payload: bytes
    """The file's bytes (UTF-8 text, or a PDF)."""
    warnings: tuple[str, ...] = ()
    """What to tell the user (in the UI's language): characters no font has."""


def format_of(path: Path | str) -> str | None:
    """The format a file name asks for by its extension (``None``: not a document's)."""
    return _EXTENSIONS.get(Path(path).suffix.casefold())


def missing_warning(missing: list[str]) -> tuple[str, ...]:
    """The warning for characters no font had (none when nothing is missing)."""
    if not missing:
        return ()
    return (
        _(
            "no font here has these characters, so the PDF shows � in their place: {chars} "
            "(install a font that has them, e.g. Noto Sans CJK, or name its folder in VATUI_FONT_PATH)"
        ).format(chars=describe_chars(missing)),
    )


DocumentMaker = Callable[[str], Document]
"""A document in the format asked for (``txt``, ``md``, ``html``, ``pdf``)."""


def invoice_documents(ws: Workspace, invoice_id: int, font_dirs: list[Path] | None = None) -> DocumentMaker:
    """The invoice as read now, ready to be written in any format (the app's "save")."""
    return documents_of(gather(ws, invoice_id), font_dirs)


def documents_of(d: InvoiceDoc, font_dirs: list[Path] | None = None) -> DocumentMaker:
    """The gathered invoice ``d``, ready to be written in any format."""

    def make(fmt: str) -> Document:
        if fmt != "pdf":
            return Document(fmt, render_doc(d, fmt).encode("utf-8"))
        from vatui.services.documents.invoice_pdf import invoice_pdf

        with document_locale(d.settings, d.client):
            writer = invoice_pdf(d, paper_of(d.settings), font_dirs)
            payload = writer.output()
        return Document("pdf", payload, missing_warning(writer.missing))

    return make


def invoice_document(
    ws: Workspace, invoice_id: int, fmt: str, font_dirs: list[Path] | None = None
) -> Document:
    """The invoice in ``fmt``, in the client's language and number format."""
    return invoice_documents(ws, invoice_id, font_dirs)(fmt)


def status_report_documents(ws: Workspace, report: StatusReport) -> DocumentMaker:
    """The report ready to be written in any format (the app's "save")."""
    return partial(status_report_document, ws, report)


def status_report_document(
    ws: Workspace, report: StatusReport, fmt: str, font_dirs: list[Path] | None = None
) -> Document:
    """The status report in ``fmt`` (``txt`` is its Markdown, which reads as plain text)."""
    if fmt in ("txt", "md"):
        return Document(fmt, report.text.encode("utf-8"))
    settings = ws.settings()
    with document_locale(settings, ws.get(Client, report.client_id)):
        if fmt == "html":
            return Document(fmt, blocks_html(report.blocks).encode("utf-8"))
        from vatui.services.documents.report_pdf import report_pdf

        writer = report_pdf(report.blocks, paper_of(settings), font_dirs)
        payload = writer.output()
    return Document("pdf", payload, missing_warning(writer.missing))


def blocks_html(blocks: tuple[Block, ...]) -> str:
    """A report's blocks as a printable, self-contained HTML page (every text escaped)."""
    e = html.escape
    title = next((text for kind, text in blocks if kind == "title"), "")
    body: list[str] = []
    items: list[str] = []
    for kind, text in (*blocks, ("end", "")):
        if kind == "item":
            items.append(f"<li>{e(text)}</li>")
            continue
        if items:
            body.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            items = []
        if kind == "title":
            body.append(f"<h1>{e(text)}</h1>")
        elif kind == "heading":
            body.append(f"<h2>{e(text)}</h2>")
        elif kind == "text":
            body.append(f"<p>{e(text)}</p>")
    content = "\n".join(body)
    return f"""<!doctype html>
<html lang="{e(language())}"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
body {{ font-family: sans-serif; max-width: 46em; margin: 2em auto; color: #000; }}
h2 {{ border-bottom: 1px solid #ccc; }} @media print {{ body {{ margin: 0; }} }}
</style></head><body>
{content}
</body></html>
"""


def save(path: Path, doc: Document, data_dir: Path | None) -> None:
    """Write ``doc`` to ``path`` atomically (``InputError``/``DiskWriteError`` when refused)."""
    from vatui.services.output import write_private

    write_private(path, doc.payload, data_dir)
