"""The domain's rules over a whole workspace from outside (``restore``, ``import json``).

``doc_check`` makes sure every document fits its record class; ``check_semantics`` then
puts the records through the same rules typed input meets, so a file can never store what
the app would refuse: text within its cap (``vatui.domain.text``), payments above zero,
time that does not end before it starts and is not negative, quantities and tax rates as
``vatui.domain.invoicing`` reads them, at most one running timer, invoice numbers and
client names (``name_key``) unique, references that resolve, settings the board can use.

References: a client is never deleted while anything names it, and an invoice is never
deleted, so those must be in the file (or the archive). A task can be deleted while its
time stays; such a reference must still name an id that was handed out (at most the
table's highest id or its id floor, when the floors are known).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from vatui.domain.billing import (
    BILLING_FIELDS,
    MAX_BILLING_ADDRESS,
    MAX_LEGAL_NAME,
    MAX_TAX_ID,
    MAX_TAX_ID_LABEL,
)
from vatui.domain.errors import InputError
from vatui.domain.invoicing import check_quantity, check_tax_percent
from vatui.domain.ledger import TaxLine
from vatui.domain.taxes import check_tax_lines
from vatui.domain.text import MAX_NAME, MAX_NOTE, MAX_TITLE, check_text, name_key
from vatui.i18n import _

Docs = Mapping[str, Mapping[str, Any]]
Tables = Mapping[str, Docs]


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (table, id, field) and why."""

    table: str
    id: int
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.table} #{self.id}.{self.field}: {self.reason}"


_CAPS: dict[str, dict[str, int]] = {
    "tasks": {"title": MAX_TITLE},
    "clients": {
        "name": MAX_NAME,
        "legal_name": MAX_LEGAL_NAME,
        "tax_id": MAX_TAX_ID,
        "tax_id_label": MAX_TAX_ID_LABEL,
        "billing_address": MAX_BILLING_ADDRESS,
        "billing_contact": MAX_NAME,
    },
}
"""Text caps tighter than ``MAX_NOTE`` (which caps every other text)."""

_REFS: dict[str, tuple[tuple[str, str], ...]] = {
    "tasks": (("client_id", "clients"),),
    "time": (("task_id", "tasks"), ("client_id", "clients"), ("invoice_id", "invoices")),
    "contacts": (("client_id", "clients"),),
    "invoices": (("client_id", "clients"), ("recurring_id", "recurring_invoices")),
    "payments": (("invoice_id", "invoices"),),
    "expenses": (("client_id", "clients"), ("invoice_id", "invoices")),
    "recurring_invoices": (("client_id", "clients"),),
}
"""The links between records: (field, table it points into)."""

_MUST_EXIST = frozenset({"clients", "invoices"})
"""Tables whose records are never deleted while something names them."""


def _texts(value: Any, path: str) -> Iterable[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _texts(item, f"{path}[{n}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}" if path else str(key))


def _ids(docs: Docs | None) -> set[int]:
    return {int(k) for k in docs or {}}


def check_semantics(
    tables: Tables,
    archived: Tables | None = None,
    floors: Mapping[str, int] | None = None,
) -> list[Problem]:
    """Every rule ``tables`` (the workspace's shape, documents already fit their records)
    breaks. ``archived`` holds the archive's documents (references may resolve there);
    ``floors`` the id floors (``None``: not known, a reference to a deleted record then
    cannot be told from a wrong one and only clients and invoices are checked)."""
    archived = archived or {}
    problems: list[Problem] = []

    def bad(table: str, key: str, name: str, reason: str) -> None:
        problems.append(Problem(table, int(key), name, reason))

    for table, docs in tables.items():
        if table in ("meta", "undo"):
            continue
        caps = _CAPS.get(table, {})
        for key, doc in docs.items():
            for name, text in _texts(doc, ""):
                cap = caps.get(name, MAX_NOTE)
                if len(text) > cap:
                    bad(
                        table,
                        key,
                        name,
                        _("too long ({n} characters, at most {max})").format(n=len(text), max=cap),
                    )
    _check_settings(tables.get("settings", {}), bad)
    _check_time(tables.get("time", {}), bad)
    for key, doc in tables.get("payments", {}).items():
        if doc["amount"]["minor"] <= 0:
            bad("payments", key, "amount", _("a payment must be more than zero"))
    for key, doc in tables.get("expenses", {}).items():
        if doc["amount"]["minor"] < 0:
            bad("expenses", key, "amount", _("an expense cannot be negative"))
    numbers: dict[str, str] = {}
    for source in (archived.get("invoices", {}), tables.get("invoices", {})):
        for key, doc in source.items():
            if not doc.get("number"):
                continue  # a draft: numbered when sent
            if doc.get("number") in numbers and numbers[doc["number"]] != key:
                bad(
                    "invoices",
                    key,
                    "number",
                    _("invoice {number} is also #{other}").format(
                        number=doc["number"], other=numbers[doc["number"]]
                    ),
                )
            numbers.setdefault(doc.get("number", ""), key)
        for key, doc in source.items() if source is tables.get("invoices") else ():
            _check_invoice(key, doc, bad)
    names: dict[str, str] = {}
    for key, doc in tables.get("clients", {}).items():
        found = names.setdefault(name_key(doc["name"]), key)
        if found != key:
            bad(
                "clients",
                key,
                "name",
                _("another client is named {name!r} (#{other})").format(name=doc["name"][:40], other=found),
            )
    for key, doc in tables.get("clients", {}).items():
        _check_billing(key, doc, bad)
    known = {
        t: _ids(tables.get(t)) | _ids(archived.get(t))
        for t in ("clients", "tasks", "invoices", "recurring_invoices")
    }
    top = {t: max([*ids, (floors or {}).get(t, 0)], default=0) for t, ids in known.items()}
    for table, links in _REFS.items():
        for key, doc in tables.get(table, {}).items():
            for name, target in links:
                ref = doc.get(name)
                if ref is None or ref in known[target]:
                    continue
                if target in _MUST_EXIST:
                    bad(
                        table,
                        key,
                        name,
                        _("{target} #{ref} is not in the file").format(target=target, ref=ref),
                    )
                elif floors is not None and ref > top[target]:
                    bad(table, key, name, _("{target} #{ref} never existed").format(target=target, ref=ref))
    return problems


def _check_invoice(key: str, doc: Mapping[str, Any], bad: Any) -> None:
    try:
        check_tax_percent(doc.get("tax_percent", "0"))
    except InputError as exc:
        bad("invoices", key, "tax_percent", str(exc))
    try:
        check_tax_lines(TaxLine.from_doc(line) for line in doc.get("taxes") or ())
    except InputError as exc:
        bad("invoices", key, "taxes", str(exc))
    for n, item in enumerate(doc.get("items") or ()):
        try:
            check_quantity(item.get("quantity", "1"))
        except InputError as exc:
            bad("invoices", key, f"items[{n}].quantity", str(exc))


def _check_billing(key: str, doc: Mapping[str, Any], bad: Any) -> None:
    """The billing identity: plain text (no control characters), and a billing contact that
    is one of the client's people."""
    for name in BILLING_FIELDS:
        try:
            check_text(str(doc.get(name, "")), name, MAX_NOTE, multiline=name == "billing_address")
        except InputError as exc:
            bad("clients", key, name, str(exc))
    contact = str(doc.get("billing_contact", "")).casefold()
    if contact and contact not in {str(p.get("name", "")).casefold() for p in doc.get("people") or ()}:
        bad("clients", key, "billing_contact", _("the billing contact is not one of the client's people"))


def _check_time(docs: Docs, bad: Any) -> None:
    running: str | None = None
    for key, doc in docs.items():
        if doc.get("minutes", 0) < 0:
            bad("time", key, "minutes", _("the duration cannot be negative"))
        end = doc.get("end")
        if end is None:
            if running is not None:
                bad("time", key, "end", _("a timer is running already (#{other})").format(other=running))
            running = key
        elif _before(end, doc["start"]):
            bad("time", key, "end", _("it ends before it starts"))


def _before(end: str, start: str) -> bool:
    try:
        return datetime.fromisoformat(end) < datetime.fromisoformat(start)
    except TypeError:  # one with a zone, one without: not comparable, not this rule's business
        return False


def _check_settings(docs: Docs, bad: Any) -> None:
    for key, doc in docs.items():
        columns = doc.get("columns")
        if columns is not None and not columns:
            bad("settings", key, "columns", _("the board needs at least one column"))
        for name in ("wip_limit", "rounding_minutes", "weekly_hours", "archive_after_days"):
            if doc.get(name, 0) < 0:
                bad("settings", key, name, _("cannot be negative"))


__all__ = ["Problem", "check_semantics"]
