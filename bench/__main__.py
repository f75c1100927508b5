"""``make bench``: run every ``bench/bench_*.py`` and print one Markdown table.

Each module exposes ``run() -> list[bench.common.Row]``. Figures are compared with
baselines measured in the same run, on the same machine, so the table can be read on
any computer. ``python -m bench store cli`` runs only ``bench_store`` and ``bench_cli``.
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


def main(argv: list[str]) -> int:
    """Run the benchmarks; exit 1 if one of them failed to run."""
    from bench.fixtures import large_workspace_dir, records_in

    bytecode_cache()

    names = modules(argv)
    if not names:
        print(f"no benchmark matches {argv}", file=sys.stderr)
        return 2
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
    print(f"Workspace: the large demo (`vatui demo-data --size large`), {records_in(large):,} records")
    print()
    print_table(rows)
    if failed:
        print(f"\nfailed to run: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
