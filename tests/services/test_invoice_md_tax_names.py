"""A tax line's name is the user's text: the Markdown invoice escapes it in the totals table as it
escapes every other text (a name is never a link, and a ``|`` never splits the table's row)."""

from __future__ import annotations

import re

from tests.helpers.ledger import client, eur
from vatui.domain.ledger import TaxLine
from vatui.services.documents.invoice import render
from vatui.services.ledger.invoices import ItemSpec, new_invoice
from vatui.store.workspace import Workspace


def test_a_tax_name_in_the_markdown_totals_is_escaped(ws: Workspace) -> None:
    name = "[evil](http://e.co) | x"
    draft = new_invoice(
        ws,
        client(ws).id or 0,
        items=[ItemSpec("Work", "1", eur(1000))],
        taxes=(TaxLine(name=name, rate="5"),),
    )
    doc = render(ws, draft.id or 0, "md")
    row = next(line for line in doc.splitlines() if "evil" in line)
    assert "[evil](http://e.co)" not in doc
    assert row.startswith("| \\[evil\\]\\(http://e\\.co\\) \\| x 5 % |")
    assert len(re.findall(r"(?<!\\)\|", row)) == 3  # two cells: the label and the amount
