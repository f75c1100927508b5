"""Everything the command line writes, in one place: lines of text (user text made safe
with ``show``), the stable ``--json`` output, the one-line ``vatui: …`` error with exit 1,
and a quiet exit when the reader of a pipe goes away (``vatui time list | head``).

No click here: ``vatui today`` (see ``vatui.cli.entry``) answers without loading it.
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

from vatui.domain.text import clean, json_output


def emit_json(value: Any) -> None:
    """Print ``value`` as indented JSON (the stable ``--json`` output)."""
    sys.stdout.buffer.write(json_output(value))
    sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()


def say(text: str = "") -> None:
    """Print a line of text; user text inside must already be ``show()``-n."""
    sys.stdout.write(text + "\n")


def show(text: str | None, width: int | None = None) -> str:
    """User text made safe for the terminal: escapes and control characters neutralised."""
    if text is None:
        return ""
    line = clean(text)
    if width is not None and len(line) > width:
        return line[: max(width - 1, 0)] + "…"
    return line


def cells(text: str, width: int, *, right: bool = False) -> str:
    """User text made safe, cut and padded to ``width`` terminal cells (wide characters count
    two); ``right``: padded on the left."""
    import unicodedata

    out, used = [], 0
    for ch in show(text):
        w = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if used + w > width:
            break
        out.append(ch)
        used += w
    pad = " " * (width - used)
    return pad + "".join(out) if right else "".join(out) + pad


def fail(message: str) -> NoReturn:
    """``vatui: MESSAGE`` on stderr (cleaned: one line, no escape obeyed) and exit 1."""
    sys.stderr.write(f"vatui: {clean(message)}\n")
    sys.stderr.flush()
    sys.exit(1)


def os_problem(exc: OSError) -> str:
    """One line for an operating-system error: the file concerned and the reason."""
    where = f"{clean(str(exc.filename))}: " if exc.filename else ""
    return where + clean(str(exc.strerror or exc))


def quiet_broken_pipe() -> None:
    """The reader went away (``vatui time list | head``): exit 0 without a word.

    Python would try to flush stdout again at exit and print an error; pointing stdout
    at /dev/null first keeps it quiet.
    """
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
    except (OSError, ValueError):
        pass
    sys.exit(0)
