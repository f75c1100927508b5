"""``make bench``: run every ``bench/bench_*.py`` and print one Markdown table.

Each module exposes ``run() -> list[bench.common.Row]``. Figures are compared with
baselines measured in the same run, on the same machine, so the table can be read on
any computer. ``python -m bench store cli`` runs only ``bench_store`` and ``bench_cli``.

``python -m bench --runs 3`` runs them three times in a row and ends with a summary: each
row's figure in every run and in how many runs its target held (the issue asks that each
target hold on three consecutive runs). Each table says the machine's load average before
and after its run.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import time
import traceback
from pathlib import Path

from bench.common import Row, print_table


def modules(wanted: list[str]) -> list[str]:
    """The benchmark modules to run, in name order (all, or those named)."""
    names = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    if wanted:
        names = [n for n in names if n.removeprefix("bench_") in wanted or n in wanted]
    return names


def machine() -> str:
    """One line about where the figures come from."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def bytecode_cache() -> None:
    """Let the commands the benchmarks start cache their bytecode, as an installed vatui does.

    ``pip install`` compiles every module; a development shell with
    ``PYTHONDONTWRITEBYTECODE=1`` makes each ``vatui`` command compile all of vatui again
    (tens of milliseconds). Child processes get a private cache in the run's scratch
    directory (nothing is written into the source tree).
    """
    from bench.fixtures import _scratch

    os.environ["PYTHONDONTWRITEBYTECODE"] = ""
    os.environ["PYTHONPYCACHEPREFIX"] = str(_scratch() / "pycache")


def load() -> str:
    """The load averages (1, 5, 15 minutes), as the kernel reports them."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def main(argv: list[str]) -> int:
    """Run the benchmarks (``--runs N``: N times); exit 1 if one of them failed to run."""
    runs = 1
    if "--runs" in argv:
        at = argv.index("--runs")
        try:
            runs = int(argv[at + 1])
        except (IndexError, ValueError):
            print("--runs needs a number of runs", file=sys.stderr)
            return 2
        argv = argv[:at] + argv[at + 2 :]
    names = modules(argv)
    if not names or runs < 1:
        print(f"no benchmark matches {argv}", file=sys.stderr)
        return 2
    bytecode_cache()
    tables: list[list[Row]] = []
    status = 0
    for number in range(1, runs + 1):
        if runs > 1:
            print(f"## Run {number} of {runs}\n")
        rows, failed = run_once(names)
        tables.append(rows)
        status = status or (1 if failed else 0)
    if runs > 1:
        print_summary(tables)
    return status


def print_summary(tables: list[list[Row]]) -> None:
    """Each row's figure in every run, and in how many runs its target held."""
    print(f"## Every run ({len(tables)} in a row)\n")
    heads = " | ".join(f"run {n}" for n in range(1, len(tables) + 1))
    print(f"| measure | {heads} | target | met in |")
    print("|---|" + "---|" * len(tables) + "---|---|")
    for row in tables[0]:
        same = [next((r for r in rows if r.what == row.what), None) for rows in tables]
        cells = " | ".join(
            "—" if r is None else f"{r.value:.1f} {r.unit}" + (f" ({r.ratio})" if r.ratio else "")
            for r in same
        )
        judged = [r.ok for r in same if r is not None and r.ok is not None]
        met = f"{sum(judged)}/{len(tables)}" if judged else ""
        print(f"| {row.what} | {cells} | {row.target} | {met} |")


def run_once(names: list[str]) -> tuple[list[Row], list[str]]:
    """One run of the modules ``names``: prints its table; returns its rows and what failed."""
    from bench.fixtures import large_workspace_dir, records_in

    load_before = load()
    started = time.perf_counter()
    large = large_workspace_dir()
    print(
        f"large demo workspace: {records_in(large):,} records, "
        f"{(large / 'workspace.json').stat().st_size / 1e6:.1f} MB, made in "
        f"{time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    rows: list[Row] = []
    failed = []
    for name in names:
        print(f"running {name} …", file=sys.stderr)
        try:
            module = importlib.import_module(f"bench.{name}")
            rows += module.run()
        except Exception:
            traceback.print_exc()
            failed.append(name)
    print(f"Machine: {machine()}")
    print(f"Load average (1, 5, 15 min): {load_before} before, {load()} after")
    print(f"Workspace: the large demo (`vatui demo-data --size large`), {records_in(large):,} records")
    print()
    print_table(rows)
    print()
    if failed:
        print(f"failed to run: {', '.join(failed)}", file=sys.stderr)
    return rows, failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
