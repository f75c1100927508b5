"""A workspace, an export and books written before tax lines (one ``tax_percent`` per
invoice) still load, restore and import, and give the same totals and the same journal.

The files in tests/data/old_tax_shape were written by vatui before tax lines: INV-2025-0001
(3 × 41.67, tax 21 %, 50.00 paid), INV-2025-0002 (100.00, no tax), and a draft numbered
INV-2025-0003 (80.00, tax 7.5 %).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.refusals import run

OLD = Path(__file__).resolve().parents[1] / "data" / "old_tax_shape"


def _json(data: Path, *args: str) -> dict[str, object]:
    done = run(data, *args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _same_totals(data: Path) -> None:
    first = _json(data, "invoice", "show", "INV-2025-0001")
    assert first["taxes"] == [
        {
            "name": "",
            "kind": "added",
            "rate": "21",
            "amount": {"amount": "26.25", "currency": "EUR"},
            "label": "Tax 21 %",
        }
    ]
    assert (first["total"], first["amount_due"]) == (
        {"amount": "151.26", "currency": "EUR"},
        {"amount": "101.26", "currency": "EUR"},
    )
    assert _json(data, "invoice", "show", "INV-2025-0002")["taxes"] == []
    draft = _json(data, "invoice", "show", "INV-2025-0003")
    assert draft["status"] == "draft" and draft["total"] == {"amount": "86.00", "currency": "EUR"}
    shown = run(data, "invoice", "show", "INV-2025-0001").stdout
    assert "Tax 21 %" in shown and "€26.25" in shown
    journal = run(data, "export", "hledger").stdout
    assert journal.split("\n", 1)[1] == (OLD / "books.journal").read_text(encoding="utf-8")


def test_an_old_workspace_restores_and_gives_the_same_totals_and_books(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run(data, "restore", str(OLD / "workspace.json"))
    assert done.returncode == 0, done.stderr
    _same_totals(data)


def test_an_old_export_imports_and_exports_again_in_the_new_shape(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run(data, "import", "json", str(OLD / "export.json"))
    assert done.returncode == 0, done.stderr
    _same_totals(data)
    made = run(
        data,
        "invoice",
        "new",
        "Old Co",
        "--item",
        "W",
        "1",
        "1000",
        "--tax",
        "IVA=21",
        "--withhold",
        "IRPF=15",
    )
    assert made.returncode == 0, made.stderr
    new = _json(data, "invoice", "list")["invoices"][0]  # type: ignore[index]
    again = tmp_path / "again.json"
    assert run(data, "export", "json", "-o", str(again)).returncode == 0
    other = tmp_path / "other"
    done = run(other, "import", "json", str(again))
    assert done.returncode == 0, done.stderr
    _same_totals(other)
    back = _json(other, "invoice", "show", f"#{new['id']}")  # type: ignore[index]
    assert [(t["name"], t["kind"], t["rate"]) for t in back["taxes"]] == [  # type: ignore[attr-defined]
        ("IVA", "added", "21"),
        ("IRPF", "withheld", "15"),
    ]
    assert back["total"] == {"amount": "1060.00", "currency": "EUR"}
