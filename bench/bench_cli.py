"""The command line at the large demo workspace: ``vatui today`` wall time and peak memory.

Baselines, measured in the same run with the same interpreter: ``python -c pass`` (the
floor of any Python command) and ``python -c "import textual"`` (what the command line
saves by never importing Textual). Commands run with their bytecode cached, as an
installed vatui has it (``bench/__main__.py`` turns ``PYTHONDONTWRITEBYTECODE`` off for
the run); one figure shows the cost of compiling vatui on every run instead. Memory: the peak RSS of ``vatui today``, and of a bare
``Workspace.open`` plus one read (the store's share), next to ``python -c pass``.

``vatui today`` answers from the kept Today summary once its warm-up run has kept one (the
daily routine: those rows). The first run after a change opens the workspace, triages,
prints and keeps the summary: its own row (a change is the workspace file's mtime moved),
and the peak RSS row measures that run, the costly one.
"""

from __future__ import annotations

from bench.common import (
    PYTHON,
    VATUI,
    Row,
    median_ms,
    peak_rss_after_change_mb,
    peak_rss_mb,
    run_timed,
    run_timed_after_change,
)
from bench.fixtures import archived_copy_of_large, large_workspace_dir, records_in

REPEAT = 9
"""Runs per wall-time figure (after one warm-up run)."""
TODAY_TARGET_MS = 200.0
"""PRODUCT.md: ``vatui today`` at the large workspace."""
RSS_TARGET_MB = 150.0
"""PRODUCT.md: peak memory at the large workspace."""

OPEN_ONLY = (
    "import sys; from pathlib import Path; from vatui.store.workspace import Workspace; "
    "ws = Workspace.open(Path(sys.argv[1])); assert ws.docs('tasks')"
)


def run() -> list[Row]:
    """Wall time and peak RSS of ``vatui today`` against bare Python, at the large workspace."""
    directory = large_workspace_dir()
    env = {"VATUI_DATA_DIR": str(directory)}
    today = [VATUI, "today"]
    bare = [PYTHON, "-c", "pass"]
    textual = [PYTHON, "-c", "import textual"]
    for cmd in (today, bare, textual):
        run_timed(cmd, env, repeat=1)
    today_ms = median_ms(run_timed(today, env, REPEAT))
    bare_ms = median_ms(run_timed(bare, env, REPEAT))
    textual_ms = median_ms(run_timed(textual, env, REPEAT))
    today_json_ms = median_ms(run_timed([*today, "--json"], env, REPEAT))

    full_ms = median_ms(run_timed_after_change(today, env, directory, REPEAT))

    cold_env = {**env, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": ""}
    cold_ms = median_ms(run_timed(today, cold_env, REPEAT))

    archived = archived_copy_of_large("bench-cli-archived")
    archived_env = {"VATUI_DATA_DIR": str(archived)}
    run_timed(today, archived_env, repeat=1)
    archived_ms = median_ms(run_timed(today, archived_env, REPEAT))

    today_mb = peak_rss_after_change_mb(today, env, directory)
    open_mb = peak_rss_mb([PYTHON, "-c", OPEN_ONLY, str(directory)], env)
    bare_mb = peak_rss_mb(bare, env)
    return [
        Row(
            f"cli: `vatui today`, wall (median of {REPEAT})",
            today_ms,
            "ms",
            "`python -c pass`",
            bare_ms,
            f"≤ {TODAY_TARGET_MS:.0f} ms",
            today_ms <= TODAY_TARGET_MS,
        ),
        Row(
            f"cli: `vatui today --json`, wall (median of {REPEAT})",
            today_json_ms,
            "ms",
            '`python -c "import textual"`',
            textual_ms,
            f"≤ {TODAY_TARGET_MS:.0f} ms",
            today_json_ms <= TODAY_TARGET_MS,
        ),
        Row(
            f"cli: `vatui today`, first run after a change: full path + keeping (median of {REPEAT})",
            full_ms,
            "ms",
            "`vatui today` from the kept summary",
            today_ms,
        ),
        Row(
            "cli: `vatui today` compiling vatui on every run (no bytecode cache)",
            cold_ms,
            "ms",
            "`vatui today` with its bytecode cached",
            today_ms,
        ),
        Row(
            f"cli: `vatui today` after the archive ran ({records_in(archived):,} records left)",
            archived_ms,
            "ms",
            "`vatui today` before it",
            today_ms,
            f"≤ {TODAY_TARGET_MS:.0f} ms",
            archived_ms <= TODAY_TARGET_MS,
        ),
        Row(
            "cli: `vatui today`, peak RSS of the first run after a change (full path)",
            today_mb,
            "MB",
            "`python -c pass`",
            bare_mb,
            f"≤ {RSS_TARGET_MB:.0f} MB",
            today_mb <= RSS_TARGET_MB,
        ),
        Row(
            "store: open the workspace + one read, peak RSS",
            open_mb,
            "MB",
            "`python -c pass`",
            bare_mb,
            f"≤ {RSS_TARGET_MB:.0f} MB",
            open_mb <= RSS_TARGET_MB,
        ),
    ]


if __name__ == "__main__":
    from bench.common import print_table

    print_table(run())
