"""``vatui export hledger``: the books as an hledger journal, checked by hledger itself.

The journal mirrors vatui's own reports (``vatui.domain.reports``) posting for posting:

- cash basis, as the P&L: an invoice is not income when issued; its receivable is tracked
  with an unbalanced virtual posting ``(assets:receivable:<client>)``, the way hledger's
  manual suggests for cash-basis books, so ``hledger bal assets:receivable`` is the A/R;
- money received goes to ``assets:bank``; the part that pays the invoice is, for the base,
  income (``income:services`` or ``income:retainer``), and for each added tax line a
  liability to the tax office (``liabilities:tax:<name>``; the unnamed tax of ``--tax 20``
  stays ``liabilities:tax``); each withheld line's part is an asset,
  ``assets:tax withheld:<name>``: the client paid it to the tax office for the VA, a
  prepayment of the VA's own income tax, claimed back (or set off) in the yearly return,
  so it is neither an expense nor lost income. ``bank + withheld = income + added tax``,
  and the receivable clears at the amount due. On a deposit invoice the money is held in
  ``liabilities:deposits:<client>``; any excess is the client's credit
  ``liabilities:credit:<client>``;
- a held deposit or credit applied to a later invoice moves from the liability to income;
- expenses: ``expenses:<category>`` against ``assets:bank``.

One commodity per currency, named by its ISO code (``1234.50 EUR``), ``.`` decimals, no
thousands separators, the currency's own decimals. Transactions are sorted by date.
Account names are safe for any client name (see ``account_part``); descriptions are one
line without ``;`` or ``|`` from user text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from vatui.domain.invoicing import is_issued, settlements, totals
from vatui.domain.ledger import Expense, TaxLine
from vatui.domain.money import Money, decimals_of
from vatui.domain.reports import Billed, counted_expense
from vatui.domain.text import one_line
from vatui.services.common import client_names
from vatui.services.ledger.data import all_docs, billed
from vatui.store.workspace import Workspace

MAX_PART = 40
"""Longest client part of an account name, before the id."""

INCOME_ACCOUNT = {"standard": "income:services", "retainer": "income:retainer"}
"""Income account of each invoice kind (deposits are held, not income)."""

ADDED_TAX_ACCOUNT = "liabilities:tax"
"""Added tax owed to the tax office; a named line gets its own sub-account."""

WITHHELD_TAX_ACCOUNT = "assets:tax withheld"
"""Tax the client withheld and paid to the tax office for the VA: a prepayment of the VA's
income tax (an asset until the yearly return), one sub-account per name."""


def tax_account(line: TaxLine) -> str:
    """``liabilities:tax:IVA`` for an added line, ``assets:tax withheld:IRPF`` for a withheld
    one; the name made safe like a client's (``tax_part``)."""
    root = WITHHELD_TAX_ACCOUNT if line.withheld else ADDED_TAX_ACCOUNT
    part = tax_part(line.name)
    return f"{root}:{part}" if part else root


def tax_part(name: str) -> str:
    """A tax name as one account component: accents dropped, every run of other characters
    one ``-`` (``I.V.A.`` → ``I-V-A``); empty for the unnamed tax."""
    text = "".join(_unaccented(ch) for ch in unicodedata.normalize("NFC", name))
    kept = "".join(ch if ch.isalnum() and ch.isprintable() else "-" for ch in text)
    return re.sub(r"-+", "-", kept).strip("-")[:MAX_PART].strip("-")


def account_part(name: str, client_id: int) -> str:
    """A client name made safe as one hledger account component, unique by its id.

    Accents are dropped (``é`` → ``e``), letters and digits of any script kept, every other
    run of characters (spaces, ``:``, ``;``, brackets, ``#``, emoji, controls) becomes one
    ``-``; the result is cut to ``MAX_PART`` characters and ends with ``-<id>``. Ids hold no
    ``-``, so two clients never share a name.
    """
    text = "".join(_unaccented(ch) for ch in unicodedata.normalize("NFC", name))
    kept = "".join(ch if ch.isalnum() and ch.isprintable() else "-" for ch in text)
    part = re.sub(r"-+", "-", kept).strip("-")[:MAX_PART].strip("-")
    return f"{part}-{client_id}" if part else f"client-{client_id}"


def _unaccented(ch: str) -> str:
    """``é`` → ``e`` (a Latin letter loses its accents); any other script keeps its letter
    whole: ``デ`` stays ``デ`` (its mark is part of the letter, not an accent)."""
    parts = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in parts if not unicodedata.combining(c))
    return base if base.isascii() else unicodedata.normalize("NFKC", ch)


def description(text: str) -> str:
    """User text as a safe transaction description: one line, no ``;`` or ``|``."""
    line = one_line(text).replace(";", ",").replace("|", "/")
    return " ".join(line.split())[:120]


def amount(money: Money) -> str:
    """``1234.50 EUR``."""
    return f"{money.amount_str()} {money.currency}"


@dataclass
class _Txn:
    on: date
    order: tuple[int, int, int]
    code: str
    desc: str
    postings: list[tuple[str, Money, bool]] = field(default_factory=list)

    def post(self, account: str, money: Money, virtual: bool = False) -> None:
        if money.minor:
            self.postings.append((account, money, virtual))

    def lines(self) -> list[str]:
        out = [f"{self.on.isoformat()} * ({self.code}) {self.desc}"]
        for account, money, virtual in self.postings:
            name = f"({account})" if virtual else account
            out.append(f"    {name:<50}  {amount(money):>20}")
        return out


def journal_transactions(
    invoices: Iterable[Billed], expenses: Iterable[Expense], names: dict[int, str]
) -> list[_Txn]:
    """The journal's transactions, sorted by date."""
    txns: list[_Txn] = []
    for invoice, payments in invoices:
        if not is_issued(invoice):
            continue
        cid = invoice.client_id
        part = account_part(names.get(cid, ""), cid)
        who = description(names.get(cid, f"#{cid}")) or f"#{cid}"
        t = totals(invoice)
        seq = invoice.id or 0
        issue = _Txn(invoice.issue_date, (0, seq, 0), invoice.number, f"{who} | invoice {invoice.kind}")
        issue.post(f"assets:receivable:{part}", t.total, virtual=True)
        if issue.postings:
            txns.append(issue)
        for n, s in enumerate(settlements(invoice, payments, t), start=1):
            what = {"deposit": "deposit applied", "credit": "credit applied"}.get(s.source, "payment")
            txn = _Txn(s.on, (1, seq, n), invoice.number, f"{who} | {what}")
            source = {"deposit": f"liabilities:deposits:{part}", "credit": f"liabilities:credit:{part}"}
            txn.post(source.get(s.source, "assets:bank"), s.received)
            if invoice.kind == "deposit":
                txn.post(f"liabilities:deposits:{part}", -s.applied)
            else:
                txn.post(INCOME_ACCOUNT.get(invoice.kind, "income:services"), -s.net)
                for tax in s.taxes:
                    txn.post(tax_account(tax.line), tax.amount if tax.line.withheld else -tax.amount)
            txn.post(f"liabilities:credit:{part}", -s.excess)
            txn.post(f"assets:receivable:{part}", -s.applied, virtual=True)
            if txn.postings:
                txns.append(txn)
    for expense in expenses:
        if not counted_expense(expense):
            continue
        who = description(" — ".join(p for p in (expense.vendor, expense.note) if p)) or expense.category
        txn = _Txn(expense.on, (2, expense.id or 0, 0), f"EXP-{expense.id}", f"{who} | {expense.category}")
        txn.post(f"expenses:{expense.category}", expense.amount)
        txn.post("assets:bank", -expense.amount)
        if txn.postings:
            txns.append(txn)
    return sorted(txns, key=lambda t: (t.on, t.order))


def render_journal(
    invoices: Iterable[Billed], expenses: Iterable[Expense], names: dict[int, str], generated: date
) -> str:
    """The whole journal text."""
    txns = journal_transactions(invoices, expenses, names)
    currencies = sorted({m.currency for t in txns for _a, m, _v in t.postings})
    accounts = sorted({a for t in txns for a, _m, _v in t.postings})
    out = [
        f"; vatui books, exported {generated.isoformat()}: cash basis, receivables as virtual postings",
        "decimal-mark .",
        "",
    ]
    for cur in currencies:
        places = decimals_of(cur)
        out.append(f"commodity 1000.{'0' * places} {cur}")
    out.append("")
    out += [f"account {a}" for a in accounts]
    for t in txns:
        out.append("")
        out += t.lines()
    return "\n".join(out) + "\n"


def export_journal(ws: Workspace) -> str:
    """The workspace's books (archived records included) as an hledger journal."""
    from vatui.services.common import home_today

    expenses = [Expense.from_doc(d, int(k)) for k, d in all_docs(ws, "expenses").items()]
    keep = lambda d: d.get("status") not in ("draft", "void")  # noqa: E731
    return render_journal(billed(ws, keep=keep), expenses, client_names(ws), home_today(ws))
