"""``vatui today`` against taskwarrior's ``task next`` on 10,000 tasks, in the same run.

The issue's target: the daily review from the shell must be the fastest way to see the day,
at or below 0.6× ``task next`` on 10,000 pending tasks at the large demo workspace (after
the archive that runs when a workspace opens, as a workspace in use is). Taskwarrior is not
a test dependency: without ``task`` on the PATH this module says so in its row (install it
with ``apt-get install taskwarrior`` to measure).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from bench.common import VATUI, Row, median_ms, run_timed
from bench.fixtures import _scratch, archived_copy_of_large, large_workspace_dir

TASKS = 10_000
REPEAT = 9
RATIO_TARGET = 0.6


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


def run() -> list[Row]:
    """``vatui today`` (archived and not) next to ``task next`` on 10,000 tasks."""
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
    run_timed(task_next, tw_env, repeat=1)
    tw = median_ms(run_timed(task_next, tw_env, REPEAT))
    rows = []
    for label, directory in (
        ("after the archive ran", archived_copy_of_large("taskwarrior-archived")),
        ("nothing archived", large_workspace_dir()),
    ):
        env = {"VATUI_DATA_DIR": str(Path(directory))}
        run_timed([VATUI, "today"], env, repeat=1)
        ms = median_ms(run_timed([VATUI, "today"], env, REPEAT))
        archived = label.startswith("after")
        rows.append(
            Row(
                f"`vatui today`, large workspace, {label} (median of {REPEAT})",
                ms,
                "ms",
                f"taskwarrior `task next`, {TASKS:,} tasks",
                tw,
                target=f"≤ {RATIO_TARGET}×" if archived else "",
                ok=(ms <= RATIO_TARGET * tw) if archived else None,
            )
        )
    return rows
