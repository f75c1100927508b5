"""``vatui today`` against taskwarrior's ``task next`` on 10,000 tasks, in the same run.

The issue's target: the daily review from the shell must be the fastest way to see the day,
at or below 0.6× ``task next`` on 10,000 pending tasks at the large demo workspace (after
the archive that runs when a workspace opens, as a workspace in use is). Taskwarrior is not
a test dependency: without ``task`` on the PATH this module says so in its row (install it
with ``apt-get install taskwarrior`` to measure).

``vatui today`` answers from the kept Today summary (``vatui.services.today.kept``) when it
is valid: the rows with a target measure that, the daily routine. The full path (the first
``vatui today`` after any change: it opens the workspace, triages, prints, then keeps the
summary) has its own rows, so both are in view; a change is simulated by moving the
workspace file's mtime. Peak memory is measured for both.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from bench.common import VATUI, Row, median_ms, peak_rss_mb, run_timed
from bench.fixtures import _scratch, archived_copy_of_huge, archived_copy_of_large, large_workspace_dir

TASKS = 10_000
REPEAT = 9
RATIO_TARGET = 0.6
"""Issue 13 item 4: at the large workspace, after the archive."""
HUGE_RATIO_TARGET = 1.0
"""Issue 13 item 6: at ``demo-data --size 500``, after the archive."""
RSS_LARGE_MB = 150.0
RSS_HUGE_MB = 200.0
"""Peak memory of ``vatui today``: under 150 MB at the large workspace, 200 MB at size 500."""


def taskwarrior_env() -> dict[str, str]:
    """A private taskwarrior with 10,000 pending tasks (made once per scratch directory)."""
    home = _scratch() / "taskwarrior"
    rc = home / "taskrc"
    env = {"TASKRC": str(rc), "TASKDATA": str(home / "data")}
    if not (home / "data" / "pending.data").exists():
        home.mkdir(parents=True, exist_ok=True)
        rc.write_text(f"data.location={home / 'data'}\nconfirmation=off\nnews.version=2.6.2\n")
        lines = [
            json.dumps(
                {
                    "description": f"Task number {n} for project {n % 40}",
                    "status": "pending",
                    "entry": "20261101T090000Z",
                    "project": f"client{n % 40}",
                    "priority": "HML"[n % 3],
                    **({"due": f"202612{1 + n % 28:02d}T170000Z"} if n % 2 else {}),
                }
            )
            for n in range(TASKS)
        ]
        subprocess.run(
            ["task", "import"],
            input="\n".join(lines),
            text=True,
            env={**os.environ, **env},
            check=True,
            capture_output=True,
        )
    return env


def _touched(directory: Path) -> None:
    """A change as the kept Today summary sees it: the workspace file's mtime moves (same
    content), so the next ``vatui today`` takes the full path and keeps a new summary."""
    path = directory / "workspace.json"
    stamp = path.stat().st_mtime_ns + 1_000_000
    os.utime(path, ns=(stamp, stamp))


def timed_after_change(cmd: list[str], env: dict[str, str], directory: Path, repeat: int) -> list[float]:
    """Wall times of ``cmd``, each run the first after a change (``_touched``)."""
    out = []
    for _ in range(repeat):
        _touched(directory)
        out.extend(run_timed(cmd, env, repeat=1))
    return out


def peak_after_change(cmd: list[str], env: dict[str, str], directory: Path) -> float:
    """Peak RSS (MB) of the first ``cmd`` after a change: the full path, the costly one."""
    _touched(directory)
    return peak_rss_mb(cmd, env)


def run() -> list[Row]:
    """``vatui today`` (kept summary and full path, large and size 500) next to ``task next``
    on 10,000 tasks, and its peak memory. The summary is kept by ``vatui today`` itself
    in the warm-up run (never planted here)."""
    if shutil.which("task") is None:
        return [
            Row(
                "`vatui today` against taskwarrior: not measured, `task` is not installed "
                "(apt-get install taskwarrior)",
                0.0,
                "ms",
                target=f"≤ {RATIO_TARGET}× `task next`",
                ok=None,
            )
        ]
    tw_env = taskwarrior_env()
    task_next = ["task", "next"]
    today = [VATUI, "today"]
    run_timed(task_next, tw_env, repeat=1)
    tw = median_ms(run_timed(task_next, tw_env, REPEAT))
    baseline = f"taskwarrior `task next`, {TASKS:,} tasks"
    rows = []
    sizes = (
        ("large workspace", archived_copy_of_large("taskwarrior-archived"), RATIO_TARGET, RSS_LARGE_MB),
        (
            "`demo-data --size 500`",
            archived_copy_of_huge("taskwarrior-huge-archived"),
            HUGE_RATIO_TARGET,
            RSS_HUGE_MB,
        ),
    )
    for label, directory, ratio, rss in sizes:
        env = {"VATUI_DATA_DIR": str(Path(directory))}
        run_timed(today, env, repeat=1)  # the full path: housekeeping, then it keeps the summary
        run_timed(today, env, repeat=1)
        kept_ms = median_ms(run_timed(today, env, REPEAT))
        full_ms = median_ms(timed_after_change(today, env, Path(directory), REPEAT))
        kept_mb = peak_rss_mb(today, env)
        full_mb = peak_after_change(today, env, Path(directory))
        rows += [
            Row(
                f"`vatui today`, {label} after the archive, kept summary (median of {REPEAT})",
                kept_ms,
                "ms",
                baseline,
                tw,
                target=f"≤ {ratio}×",
                ok=kept_ms <= ratio * tw,
            ),
            Row(
                f"`vatui today`, {label} after the archive, first run after a change "
                f"(full path + keeping; median of {REPEAT})",
                full_ms,
                "ms",
                baseline,
                tw,
            ),
            Row(
                f"`vatui today`, {label}, kept summary, peak RSS",
                kept_mb,
                "MB",
                target=f"< {rss:.0f} MB",
                ok=kept_mb < rss,
            ),
            Row(
                f"`vatui today`, {label}, first run after a change, peak RSS",
                full_mb,
                "MB",
                target=f"< {rss:.0f} MB",
                ok=full_mb < rss,
            ),
        ]
    nothing = large_workspace_dir()
    env = {"VATUI_DATA_DIR": str(nothing)}
    run_timed(today, env, repeat=1)
    ms = median_ms(run_timed(today, env, REPEAT))
    rows.append(
        Row(f"`vatui today`, large workspace, nothing archived (median of {REPEAT})", ms, "ms", baseline, tw)
    )
    return rows


if __name__ == "__main__":
    from bench.common import print_table

    print_table(run())
