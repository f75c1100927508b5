"""The draft editor's service changes a draft's tax lines with the checks ``new_invoice``
makes (named lines, no withheld tax on a deposit, nothing left to pay is refused), and the
client's default tax lines are set through ``change_client``."""

from __future__ import annotations

import pytest

from tests.helpers.ledger import client, eur
from vatui.domain.changes import ClientChanges
from vatui.domain.clients import Client
from vatui.domain.errors import InputError
from vatui.domain.invoicing import totals
from vatui.domain.ledger import Invoice, TaxLine
from vatui.services.clients.manage import change_client
from vatui.services.ledger.drafts import edit_draft
from vatui.services.ledger.invoices import ItemSpec, new_invoice
from vatui.store.workspace import Workspace

IVA = TaxLine(name="IVA", rate="21")
IRPF = TaxLine(name="IRPF", kind="withheld", rate="15")
WORK = [ItemSpec("Work", "1", eur(100000))]


def test_edit_draft_replaces_the_tax_lines_and_none_keeps_them(ws: Workspace) -> None:
    acme = client(ws, default_taxes=(IVA,))
    draft = new_invoice(ws, acme.id or 0, items=WORK)
    assert draft.taxes == (IVA,)
    kept = edit_draft(ws, draft.id or 0, WORK, "")
    assert kept.taxes == (IVA,)
    edited = edit_draft(ws, draft.id or 0, WORK, "", taxes=(IVA, IRPF))
    assert ws.get(Invoice, draft.id or 0).taxes == (IVA, IRPF)
    assert totals(edited).total == eur(106000)
    assert edit_draft(ws, draft.id or 0, WORK, "", taxes=()).taxes == ()


@pytest.mark.parametrize(
    ("kind", "taxes", "why"),
    [
        ("deposit", (IRPF,), "deposit"),
        ("standard", (TaxLine(name="IRPF", kind="withheld", rate="100"),), "nothing would be left"),
        ("standard", (IVA, TaxLine(name="iva", rate="10")), "twice"),
        ("standard", (TaxLine(kind="withheld", rate="15"),), "needs a name"),
    ],
)
def test_edit_draft_refuses_taxes_new_invoice_refuses(
    ws: Workspace, kind: str, taxes: tuple[TaxLine, ...], why: str
) -> None:
    acme = client(ws)
    draft = new_invoice(ws, acme.id or 0, items=WORK, kind=kind)
    with pytest.raises(InputError, match=why):
        edit_draft(ws, draft.id or 0, WORK, "", taxes=taxes)
    assert ws.get(Invoice, draft.id or 0).taxes == draft.taxes, "nothing saved"


def test_default_taxes_are_a_typed_change_of_the_client(ws: Workspace) -> None:
    acme = client(ws)
    change_client(ws, acme.id or 0, ClientChanges(values={"default_taxes": (IVA, IRPF)}))
    assert ws.get(Client, acme.id or 0).default_taxes == (IVA, IRPF)
    with pytest.raises(InputError, match="twice"):
        change_client(ws, acme.id or 0, ClientChanges(values={"default_taxes": (IVA, IVA)}))
    assert ws.get(Client, acme.id or 0).default_taxes == (IVA, IRPF)
