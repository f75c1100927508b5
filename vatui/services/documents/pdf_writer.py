"""A page of a PDF document, drawn with fpdf2: the fonts, the footer, text blocks and tables.

Every string goes through ``PdfWriter.t``, which makes sure a font has its characters:
DejaVu Sans (shipped), else an installed font found for that character (added as an fpdf2
fallback font), else the character is noted in ``missing`` and drawn as U+FFFD (``�``, the
replacement character: a blank would hide that something is not shown). The rest of the text
is written; nothing raises for a script.

This module imports fpdf2: it is imported only when a PDF is made.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from fpdf import FPDF
from fpdf.fonts import FontFace, TTFFont

from vatui.domain.paper import Paper
from vatui.domain.text import clean
from vatui.services.documents.pdf_fonts import BOLD, REGULAR, FallbackFinder, bundled_font

FAMILY: Final = "dejavu"
REPLACEMENT: Final = "\ufffd"
"""Drawn for a character no font has."""
MARGIN: Final = 18.0
"""Page margins, mm."""
GREY: Final = (90, 90, 90)
LINE: Final = (200, 200, 200)
SHADE: Final = (240, 240, 240)
BLACK: Final = (0, 0, 0)


class _Pdf(FPDF):
    """fpdf2's document with vatui's footer (a line of text, and page n of m)."""

    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 7.5)
        self.set_text_color(*GREY)
        page = f"{self.page_no()}/{{nb}}"
        self.cell(0, 4, f"{self.footer_text}    {page}" if self.footer_text else page, align="R")


class PdfWriter:
    """One PDF document being drawn."""

    def __init__(self, paper: Paper, title: str, *, font_dirs: list[Path] | None = None) -> None:
        pdf = _Pdf(unit="mm", format=(paper.width, paper.height))
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(True, margin=MARGIN)
        pdf.add_font(FAMILY, "", str(bundled_font(REGULAR)))
        pdf.add_font(FAMILY, "B", str(bundled_font(BOLD)))
        pdf.set_title(clean(title))
        pdf.set_creator("vatui")
        self.pdf = pdf
        self._finder = FallbackFinder(font_dirs)
        self._have: set[int] = _chars(pdf, FAMILY) & _chars(pdf, FAMILY + "B")
        self._seen: set[str] = set()
        self._fallbacks: list[str] = []
        self.missing: list[str] = []
        """Characters no font had, in order of appearance."""

    @property
    def width(self) -> float:
        """The width between the margins, mm."""
        return float(self.pdf.epw)

    def t(self, text: str) -> str:
        """``text`` cleaned (no control characters), with a font found for every character;
        one no font has is replaced by ``�`` (and listed in ``missing``)."""
        text = clean(text, keep_newlines=True)
        for char in text:
            if char in self._seen:
                continue
            self._seen.add(char)
            if not (char.isspace() or ord(char) in self._have):
                self._cover(char)
        if not self.missing:
            return text
        gone = set(self.missing)
        return "".join(REPLACEMENT if char in gone else char for char in text)

    def _cover(self, char: str) -> None:
        while (path := self._finder.font_for(char)) is not None:
            name = f"fallback{len(self._fallbacks)}"
            try:
                self.pdf.add_font(name, "", str(path))
            except Exception:  # fpdf2 cannot embed this one: try the next font
                self._finder.unusable.add(path)
                continue
            self._fallbacks.append(name)
            self.pdf.set_fallback_fonts(self._fallbacks, exact_match=False)
            self._have |= _chars(self.pdf, name)
            return
        self.missing.append(char)

    # drawing ---------------------------------------------------------------------------

    def font(self, size: float, bold: bool = False, color: tuple[int, int, int] = BLACK) -> None:
        """Set the font for what follows."""
        self.pdf.set_font(FAMILY, "B" if bold else "", size)
        self.pdf.set_text_color(*color)

    def block(
        self,
        text: str,
        size: float = 9.5,
        *,
        bold: bool = False,
        color: tuple[int, int, int] = BLACK,
        align: str = "L",
        width: float = 0,
        x: float | None = None,
        gap: float = 0,
    ) -> None:
        """A paragraph (lines kept, long lines wrapped) at ``x`` (the left margin), then a gap."""
        if not text:
            return
        self.font(size, bold, color)
        if x is not None:
            self.pdf.set_x(x)
        self.pdf.multi_cell(width, size * 0.45, self.t(text), align=align, new_x="LMARGIN", new_y="NEXT")
        if gap:
            self.pdf.ln(gap)

    def rule(self, gap: float = 2) -> None:
        """A thin line across the page."""
        self.pdf.set_draw_color(*LINE)
        y = self.pdf.get_y()
        self.pdf.line(MARGIN, y, MARGIN + self.width, y)
        self.pdf.ln(gap)

    def table(
        self,
        heads: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        aligns: Sequence[str],
        size: float = 9,
    ) -> None:
        """A table with a shaded heading row repeated on each page; cells wrap."""
        self.font(size)
        self.pdf.set_draw_color(*LINE)
        style = FontFace(family=FAMILY, emphasis="BOLD", fill_color=SHADE)
        with self.pdf.table(
            col_widths=tuple(widths),
            text_align=tuple(aligns),
            borders_layout="HORIZONTAL_LINES",
            headings_style=style,
            line_height=size * 0.5,
            padding=(1.2, 1.5),
            width=self.width,
        ) as table:
            head = table.row()
            for text in heads:
                head.cell(self.t(text))
            for row in rows:
                line = table.row()
                for text in row:
                    line.cell(self.t(text))

    def pairs(self, rows: Sequence[tuple[str, str, bool]], *, width: float, size: float = 9.5) -> None:
        """Label and amount rows at the right of the page (bold rows for totals)."""
        label_w, value_w = width * 0.55, width * 0.45
        x = MARGIN + self.width - width
        for label, value, bold in rows:
            self.font(size, bold)
            if self.pdf.will_page_break(size):
                self.pdf.add_page()
            y = self.pdf.get_y()
            self.pdf.set_xy(x, y)
            self.pdf.multi_cell(label_w, size * 0.5, self.t(label), align="R", new_x="LMARGIN", new_y="NEXT")
            below = self.pdf.get_y()
            self.pdf.set_xy(x + label_w, y)
            self.pdf.multi_cell(value_w, size * 0.5, self.t(value), align="R", new_x="LMARGIN", new_y="NEXT")
            self.pdf.set_y(max(below, self.pdf.get_y()) + 0.8)

    def output(self) -> bytes:
        """The finished document (fpdf2's own missing-glyph log is ours to report)."""
        with _quiet(logging.getLogger("fpdf")):
            return bytes(self.pdf.output())


def _chars(pdf: FPDF, key: str) -> set[int]:
    """The code points an added TrueType font has glyphs for."""
    font = pdf.fonts[key]
    return set(font.cmap) if isinstance(font, TTFFont) else set()


@contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    before = logger.level
    logger.setLevel(logging.ERROR)  # its children (fpdf.output) have no level of their own
    try:
        yield
    finally:
        logger.setLevel(before)
