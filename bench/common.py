"""What every benchmark shares: timing, medians, peak memory, the results table."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
VATUI = str(Path(PYTHON).with_name("vatui"))


@dataclass
class Row:
    """One line of the results table."""

    what: str
    """What was measured."""
    value: float
    """The figure (seconds for times, MB for memory)."""
    unit: str
    """``ms``, ``s`` or ``MB``."""
    baseline: str = ""
    """What it is compared with, measured in the same run."""
    baseline_value: float | None = None
    """The baseline's figure, same unit."""
    target: str = ""
    """The target, as text (``≤ 25 ms``)."""
    ok: bool | None = None
    """Whether the target is met."""

    @property
    def ratio(self) -> str:
        if not self.baseline_value:
            return ""
        return f"{self.value / self.baseline_value:.2f}×"


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall times of ``repeat`` calls, in seconds."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def median_ms(samples: list[float]) -> float:
    """The median of samples in seconds, in milliseconds."""
    return statistics.median(samples) * 1000


def run_timed(cmd: list[str], env: dict[str, str] | None = None, repeat: int = 5) -> list[float]:
    """Wall times of a command run ``repeat`` times (it must succeed)."""
    full_env = {**os.environ, **(env or {})}
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, env=full_env, check=True, stdout=subprocess.DEVNULL)
        out.append(time.perf_counter() - start)
    return out


def peak_rss_mb(cmd: list[str], env: dict[str, str] | None = None) -> float:
    """Peak resident memory of a command, in MB (from the kernel's rusage of the child)."""
    code = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    full_env = {**os.environ, **(env or {})}
    result = subprocess.run(
        [PYTHON, "-c", code, *cmd], env=full_env, check=True, capture_output=True, text=True
    )
    return int(result.stdout.strip()) / 1024


def touch_workspace(directory: Path) -> None:
    """A change as the kept Today summary sees it: the workspace file's mtime moves (same
    content), so the next ``vatui today`` takes the full path (and keeps a new summary)."""
    path = directory / "workspace.json"
    stamp = path.stat().st_mtime_ns + 1_000_000
    os.utime(path, ns=(stamp, stamp))


def run_timed_after_change(cmd: list[str], env: dict[str, str], directory: Path, repeat: int) -> list[float]:
    """Wall times of ``cmd``, each run the first after a change (``touch_workspace``)."""
    out = []
    for _ in range(repeat):
        touch_workspace(directory)
        out.extend(run_timed(cmd, env, repeat=1))
    return out


def peak_rss_after_change_mb(cmd: list[str], env: dict[str, str], directory: Path) -> float:
    """Peak RSS (MB) of the first ``cmd`` after a change: ``vatui today``'s full path."""
    touch_workspace(directory)
    return peak_rss_mb(cmd, env)


def print_table(rows: list[Row]) -> None:
    """The results as a Markdown table (pasted into the README)."""
    print("| measure | vatui | baseline (same run) | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        base = (
            f"{row.baseline}: {row.baseline_value:.1f} {row.unit}" if row.baseline_value is not None else ""
        )
        met = "" if row.ok is None else ("yes" if row.ok else "**no**")
        print(f"| {row.what} | {row.value:.1f} {row.unit} | {base} | {row.ratio} | {row.target} | {met} |")
