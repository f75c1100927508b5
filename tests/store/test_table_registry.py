"""The store's registry of record types (``store.tables``): every record table has its type,
named by dotted path so that opening the store imports no record type it does not use."""

from __future__ import annotations

import subprocess
import sys

import pytest

from vatui.domain.clients import Client, Contact
from vatui.domain.ledger import LineItem
from vatui.store.schema import TABLES as SCHEMA_TABLES
from vatui.store.tables import TABLES, class_of, table_of


def test_every_record_table_has_its_type_and_back() -> None:
    classes = class_of()
    assert set(classes) == set(TABLES.values())
    assert set(classes) <= set(SCHEMA_TABLES)
    for table, kind in classes.items():
        assert table_of(kind) == table
    assert table_of(Client) == "clients" and table_of(Contact) == "contacts"


def test_a_type_that_is_not_stored_alone_has_no_table() -> None:
    with pytest.raises(KeyError):
        table_of(LineItem)


def test_a_report_imports_no_record_type_it_does_not_use() -> None:
    code = (
        "import sys; import vatui.services.session, vatui.services.ledger.reports;"
        "print(sorted(m for m in ('vatui.domain.clients', 'vatui.domain.recurring', 'vatui.domain.timeoff')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
