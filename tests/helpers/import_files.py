"""Files for the import tests: the samples in tests/data, and large generated reports."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
"""tests/data: realistic samples of each format vatui imports."""

TOGGL_HEADER = (
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
    "End time,Duration,Tags,Amount (USD)"
)


def toggl_report(rows: int, *, clients: tuple[str, ...] = ("Café Olé", "Northwind Traders")) -> bytes:
    """A Toggl Track detailed report of ``rows`` distinct entries, one a quarter hour apart."""
    lines = [TOGGL_HEADER]
    for n in range(rows):
        day, slot = divmod(n, 40)
        hour, quarter = divmod(slot, 4)
        client = clients[n % len(clients)]
        lines.append(
            f"Lucía,lucia@example.com,{client},Proyecto {n % 7},,Tarea número {n} ☕,Yes,"
            f"2026-{1 + day // 28 % 12:02d}-{1 + day % 28:02d},{8 + hour:02d}:{quarter * 15:02d}:00,,,00:14:00,,7.00"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def workspace_bytes(data_dir: Path) -> bytes:
    """The workspace file as it is on disk."""
    return (data_dir / "workspace.json").read_bytes()
