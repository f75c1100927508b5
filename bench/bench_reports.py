"""The command line's reports and listings, and the housekeeping every command pays at open.

- ``vatui report aging|pnl|clients``, ``vatui client list|show``, ``vatui invoice list``,
  ``vatui payment list``, ``vatui expense list``, ``vatui time list``: wall time of the
  real command (median of ``REPEAT`` after one warm-up), run again on the same data (the
  housekeeping stamped: ``services.kept_housekeeping``) and each run the first after a
  change (the housekeeping done again), target ≤ 500 ms both ways, at
  ``demo-data --size 500`` after the automatic archive (``archived_copy_of_huge``), and
  the money reports at the large workspace too (they must not get slower there).
  Baseline: ``vatui --version`` in the same run (starting Python and click).
- Peak RSS of each command at size 500 (kernel ``ru_maxrss``), target ≤ 200 MB; baseline
  ``python -c pass``.
- The housekeeping of ``vatui.services.session.open_workspace`` when nothing is due
  (recurring expenses and invoice drafts, the archive's scan), at size 500: measured in a
  fresh process on a workspace already loaded, against that load (``Workspace.open`` +
  one read + the settings) in the same process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.common import PYTHON, VATUI, Row, median_ms, peak_rss_mb, run_timed, run_timed_after_change
from bench.fixtures import archived_copy_of_huge, large_workspace_dir, records_in

REPEAT = 5
"""Runs per wall-time figure (after one warm-up run)."""
REPORT_TARGET_MS = 500.0
"""Issue 13: every report ≤ 500 ms at size 500 (and at the large workspace)."""
RSS_TARGET_MB = 200.0
"""Issue 13: peak memory ≤ 200 MB at size 500."""

COMMANDS = (
    ("report", "aging"),
    ("report", "pnl"),
    ("report", "clients"),
    ("client", "list"),
    ("client", "show", "#1"),
    ("invoice", "list"),
    ("payment", "list"),
    ("expense", "list"),
    ("time", "list"),
)
"""Each command measured at size 500."""

LARGE = (("report", "aging"), ("report", "pnl"), ("report", "clients"))
"""The reports measured at the large workspace too."""

HOUSEKEEPING = """
import gc, json, sys, time
gc.disable()  # as the vatui command does (vatui.cli.entry)
from pathlib import Path
from vatui.services import session
from vatui.services.kept_housekeeping import stamp_path
from vatui.store.workspace import Workspace

directory = Path(sys.argv[1])
start = time.perf_counter()
ws = Workspace.open(directory)
ws.docs("tasks")
ws.settings()
load = time.perf_counter() - start
session.Workspace = type("Loaded", (), {"open": staticmethod(lambda *a, **k: ws)})  # reuse it
stamp_path(directory).unlink(missing_ok=True)  # as after a change
start = time.perf_counter()
session.open_workspace(directory)
done = time.perf_counter() - start
start = time.perf_counter()
session.open_workspace(directory)  # the same data again: stamped
print(json.dumps({"load": load, "housekeeping": done, "stamped": time.perf_counter() - start}))
"""


def _commands(directory_env: dict[str, str], commands: tuple[tuple[str, ...], ...], where: str) -> list[Row]:
    """Each command run again on the same data (the housekeeping stamped: what a second
    command pays), and each run the first after a change (``touch_workspace``: the
    housekeeping runs again, as after any write)."""
    directory = Path(directory_env["VATUI_DATA_DIR"])
    base = median_ms(run_timed([VATUI, "--version"], directory_env, REPEAT))
    rows = []
    for args in commands:
        cmd = [VATUI, *args]
        run_timed(cmd, directory_env, repeat=1)
        again = median_ms(run_timed(cmd, directory_env, REPEAT))
        changed = median_ms(run_timed_after_change(cmd, directory_env, directory, REPEAT))
        for ms, when in ((again, "again"), (changed, "first after a change")):
            rows.append(
                Row(
                    f"`vatui {' '.join(args)}`, {where}, {when} (median of {REPEAT})",
                    ms,
                    "ms",
                    "`vatui --version`",
                    base,
                    f"≤ {REPORT_TARGET_MS:.0f} ms",
                    ms <= REPORT_TARGET_MS,
                )
            )
    return rows


def _memory(env: dict[str, str], where: str) -> list[Row]:
    bare = peak_rss_mb([PYTHON, "-c", "pass"], env)
    rows = []
    for args in COMMANDS:
        mb = peak_rss_mb([VATUI, *args], env)
        rows.append(
            Row(
                f"`vatui {' '.join(args)}`, peak RSS, {where}",
                mb,
                "MB",
                "`python -c pass`",
                bare,
                f"≤ {RSS_TARGET_MB:.0f} MB",
                mb <= RSS_TARGET_MB,
            )
        )
    return rows


def _housekeeping(env: dict[str, str], directory: str, where: str) -> list[Row]:
    samples = []
    for _ in range(REPEAT):
        out = subprocess.run(
            [PYTHON, "-c", HOUSEKEEPING, directory], env=env, check=True, capture_output=True, text=True
        ).stdout
        samples.append(json.loads(out))
    housekeeping = median_ms([s["housekeeping"] for s in samples])
    stamped = median_ms([s["stamped"] for s in samples])
    load = median_ms([s["load"] for s in samples])
    return [
        Row(
            f"housekeeping at open, nothing due (`open_workspace` after the load), {where}, {when} (median of {REPEAT})",
            ms,
            "ms",
            "the load itself (`Workspace.open` + one read + settings)",
            load,
        )
        for ms, when in ((housekeeping, "first after a change"), (stamped, "again (stamped)"))
    ]


def run() -> list[Row]:
    """The reports' and listings' figures."""
    import os

    huge = archived_copy_of_huge("bench-reports")
    print(f"size 500 after the archive: {records_in(huge):,} records", file=sys.stderr)
    env = {**os.environ, "VATUI_DATA_DIR": str(huge)}
    where = f"size 500 after the archive ({records_in(huge):,} records)"
    rows = _commands(env, COMMANDS, where)
    rows += _memory(env, "size 500")
    rows += _housekeeping(env, str(huge), "size 500")
    large_env = {**os.environ, "VATUI_DATA_DIR": str(large_workspace_dir())}
    rows += _commands(large_env, LARGE, "large workspace")
    return rows


if __name__ == "__main__":
    from bench.common import print_table

    print_table(run())
