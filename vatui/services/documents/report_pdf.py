"""The weekly status report as a PDF, from the report's blocks (the Markdown's own source).

Imports fpdf2 (through ``pdf_writer``): imported only when a PDF is made.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from vatui.domain.paper import Paper
from vatui.domain.status_report import Block
from vatui.services.documents.pdf_writer import GREY, MARGIN, PdfWriter

_BULLET_INDENT = 5.0


def report_pdf(blocks: Sequence[Block], paper: Paper, font_dirs: list[Path] | None = None) -> PdfWriter:
    """The report drawn on ``paper``; ``.output()`` gives the bytes."""
    title = next((text for kind, text in blocks if kind == "title"), "")
    w = PdfWriter(paper, title, font_dirs=font_dirs)
    pdf = w.pdf
    pdf.add_page()
    after_headings = False
    for kind, text in blocks:
        if kind == "title":
            w.block(text, 16, bold=True, gap=1.5)
        elif kind == "heading":
            after_headings = True
            pdf.ln(4)
            w.block(text, 11.5, bold=True, gap=1)
            w.rule(1.5)
        elif kind == "item":
            w.font(10)
            pdf.set_x(MARGIN)
            pdf.cell(_BULLET_INDENT, 5, "•")
            pdf.multi_cell(0, 5, w.t(text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.6)
        elif after_headings:  # the signature
            pdf.ln(6)
            w.block(text, 10, bold=True)
        else:
            w.block(text, 9.5, color=GREY, gap=1)
    return w
