"""Tax lines on the command line: --tax NAME=PCT, --tax PCT, --withhold NAME=PCT, client defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli_inprocess import Vatui
from tests.helpers.refusals import assert_refused, run


def _new(vatui: Vatui, *args: str) -> dict[str, object]:
    r = vatui("invoice", "new", "acme", "--item", "Work", "1", "1000", "--json", *args)
    assert r.code == 0, r.err
    return r.json()  # type: ignore[no-any-return]


def test_iva_added_and_irpf_withheld_on_the_command_line(vatui: Vatui) -> None:
    assert vatui("client", "add", "Acme", "--currency", "EUR").code == 0
    inv = _new(vatui, "--tax", "IVA=21", "--withhold", "IRPF=15")
    assert inv["taxes"] == [
        {
            "name": "IVA",
            "kind": "added",
            "rate": "21",
            "amount": {"amount": "210.00", "currency": "EUR"},
            "label": "IVA 21 %",
        },
        {
            "name": "IRPF",
            "kind": "withheld",
            "rate": "15",
            "amount": {"amount": "150.00", "currency": "EUR"},
            "label": "IRPF −15 %",
        },
    ]
    assert inv["tax"] == {"amount": "210.00", "currency": "EUR"}
    assert inv["withheld"] == {"amount": "150.00", "currency": "EUR"}
    assert inv["total"] == {"amount": "1060.00", "currency": "EUR"}
    doc = vatui("invoice", "show", f"#{inv['id']}").out
    assert "IVA 21 %" in doc and "IRPF −15 %" in doc and "-€150.00" in doc and "€1,060.00" in doc
    listed = vatui("invoice", "list").out
    assert "IVA 21 %, IRPF −15 %" in listed


def test_a_bare_rate_is_one_line_named_tax_and_rates_follow_the_number_format(vatui: Vatui) -> None:
    assert vatui("client", "add", "Acme", "--currency", "EUR").code == 0
    inv = _new(vatui, "--tax", "16")
    assert [(t["name"], t["rate"], t["label"]) for t in inv["taxes"]] == [("", "16", "Tax 16 %")]  # type: ignore[attr-defined, index]
    assert vatui("settings", "set", "number_format", "1.234,56").code == 0
    inv = vatui("invoice", "new", "acme", "--item", "Work", "1", "1000", "--tax", "IVA=21,5", "--json").json()
    assert inv["taxes"][0]["rate"] == "21.5"
    assert "IVA 21,5 %" in vatui("invoice", "show", f"#{inv['id']}").out


def test_client_defaults_are_used_by_new_invoices_until_changed(vatui: Vatui) -> None:
    r = vatui(
        "client", "add", "Acme", "--currency", "EUR", "--tax", "IVA=21", "--withhold", "IRPF=15", "--json"
    )
    assert r.code == 0, r.err
    assert [t["name"] for t in r.json()["default_taxes"]] == ["IVA", "IRPF"]
    assert "IVA 21 %, IRPF −15 %" in vatui("client", "show", "acme").out
    assert _new(vatui)["total"] == {"amount": "1060.00", "currency": "EUR"}
    assert _new(vatui, "--tax", "IVA=10")["total"] == {
        "amount": "1100.00",
        "currency": "EUR",
    }  # given: replaces
    assert _new(vatui, "--no-taxes")["taxes"] == []
    deposit = vatui("invoice", "new", "acme", "--kind", "deposit", "--item", "Deposit", "1", "300", "--json")
    assert deposit.json()["taxes"] == []  # a deposit is taxed on the invoice it pays
    assert vatui("client", "edit", "acme", "--no-taxes").code == 0
    assert _new(vatui)["taxes"] == []
    assert vatui("client", "edit", "acme", "--withhold", "IRPF=7").code == 0
    assert _new(vatui)["total"] == {"amount": "930.00", "currency": "EUR"}


@pytest.fixture
def eur(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert run(data, "client", "add", "Acme", "--currency", "EUR").returncode == 0
    return data


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--tax", "IVA=0", "above 0"),
        ("--tax", "IVA=abc", "tax rate"),
        ("--withhold", "X=101", "at most 100"),
        ("--withhold", "15", "needs a name"),
        ("--tax", "I\x1b[2JVA=21", "control character"),
        ("--tax", "=21", "needs a name"),
    ],
)
def test_bad_tax_lines_exit_1_and_save_nothing(eur: Path, option: str, value: str, says: str) -> None:
    assert_refused(eur, "invoice", "new", "Acme", "--item", "Work", "1", "10", option, value, says=(says,))
    assert_refused(eur, "client", "edit", "Acme", option, value, says=(says,))


def test_the_same_name_twice_and_withholding_everything_are_refused(eur: Path) -> None:
    args = ("invoice", "new", "Acme", "--item", "Work", "1", "10")
    assert_refused(eur, *args, "--tax", "IVA=21", "--tax", "iva=10", says=("twice",))
    assert_refused(eur, *args, "--withhold", "A=60", "--withhold", "B=40", says=("withheld",))
    assert_refused(eur, *args, "--kind", "deposit", "--withhold", "IRPF=15", says=("deposit",))
