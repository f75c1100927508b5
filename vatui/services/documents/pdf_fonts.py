"""Fonts for PDF documents: DejaVu Sans shipped with vatui, and installed fonts for the rest.

DejaVu Sans (regular and bold, ``vatui/fonts/``, licence beside them) covers Latin with every
accent, Greek, Cyrillic and many symbols, on any machine. A character it lacks (Japanese,
Chinese, Korean, Arabic, Devanagari…) is looked for in the fonts installed on the machine:
the folders in ``VATUI_FONT_PATH`` (separated by ``os.pathsep``) when it is set, else the
usual font folders of Linux, macOS and Windows. Noto and other wide-coverage fonts are
tried first. Only the fonts a document needs are opened, once per process.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Final

FONT_PATH_ENV: Final = "VATUI_FONT_PATH"
"""Folders searched for fonts with the characters DejaVu lacks (instead of the usual ones)."""

REGULAR: Final = "DejaVuSans.ttf"
BOLD: Final = "DejaVuSans-Bold.ttf"
FONT_SUFFIXES: Final = (".ttf", ".otf", ".ttc", ".otc")
MAX_FONT_FILES: Final = 3000
"""Font files looked at, at most (a machine with thousands of fonts stays quick)."""

_PREFERRED: Final = (
    ("notosanscjk", 0),
    ("notosans", 1),
    ("droidsansfallback", 1),
    ("wqy", 1),
    ("wenquanyi", 1),
    ("arialuni", 1),
    ("noto", 2),
    ("emoji", 8),
    ("color", 8),
)
_STYLE_WORDS: Final = ("bold", "italic", "oblique", "light", "thin", "black", "heavy", "medium")


def bundled_font(name: str) -> Path:
    """A font shipped inside the package (``vatui/fonts/NAME``)."""
    from importlib.resources import files

    return Path(str(files("vatui").joinpath("fonts", name)))


def font_dirs() -> list[Path]:
    """Where installed fonts are looked for (``VATUI_FONT_PATH`` first, when set)."""
    env = os.environ.get(FONT_PATH_ENV)
    if env is not None:
        return [Path(part).expanduser() for part in env.split(os.pathsep) if part]
    home = Path.home()
    dirs = [
        home / ".local/share/fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    ]
    if sys.platform == "darwin":
        dirs += [home / "Library/Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs += [Path(windir) / "Fonts", home / "AppData/Local/Microsoft/Windows/Fonts"]
    return dirs


def _rank(path: Path) -> tuple[int, int, str]:
    name = path.name.casefold().replace("-", "").replace("_", "").replace(" ", "")
    rank = next((r for word, r in _PREFERRED if word in name), 5)
    return rank, any(word in name for word in _STYLE_WORDS), path.name


def font_files(dirs: tuple[Path, ...]) -> list[Path]:
    """The font files under ``dirs``, the likeliest to cover other scripts first."""
    found: list[Path] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _subdirs, names in os.walk(folder):
            found += [Path(root) / n for n in names if n.casefold().endswith(FONT_SUFFIXES)]
            if len(found) >= MAX_FONT_FILES:
                break
    return sorted(found[:MAX_FONT_FILES], key=_rank)


@lru_cache(maxsize=256)
def font_chars(path: Path) -> frozenset[int]:
    """The code points a font file has glyphs for (its first face); empty when unreadable."""
    from fontTools.ttLib import TTFont

    try:
        number = 0 if path.suffix.casefold() in (".ttc", ".otc") else -1
        with TTFont(str(path), lazy=True, fontNumber=number) as font:
            cmap = font.getBestCmap() or {}
            return frozenset(cmap)
    except Exception:  # a damaged or unsupported font file is simply not used
        return frozenset()


class FallbackFinder:
    """Finds an installed font for a character, reading font files only as far as needed."""

    def __init__(self, dirs: list[Path] | None = None) -> None:
        self._dirs = tuple(font_dirs() if dirs is None else dirs)
        self._files: list[Path] | None = None
        self.unusable: set[Path] = set()
        """Fonts that could not be embedded: not offered again."""

    def font_for(self, char: str) -> Path | None:
        """The first installed font with a glyph for ``char``, or ``None``."""
        if self._files is None:
            self._files = font_files(self._dirs)
        code = ord(char)
        for path in self._files:
            if path not in self.unusable and code in font_chars(path):
                return path
        return None


def describe_chars(chars: list[str], most: int = 12) -> str:
    """``'株' U+682A, '式' U+5F0F`` (and how many more)."""
    shown = ", ".join(f"'{c}' U+{ord(c):04X}" for c in chars[:most])
    if len(chars) > most:
        shown += f" (+{len(chars) - most})"
    return shown
