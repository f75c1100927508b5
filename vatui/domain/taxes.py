"""Tax lines: checked, read from what the VA types, and printed.

An invoice carries up to ``MAX_TAX_LINES`` named tax lines (``vatui.domain.ledger.TaxLine``),
each *added* (IVA, VAT: the client pays it on top, the VA owes it to the tax office) or
*withheld* (IRPF, retención: the client keeps it and pays it to the tax office for the VA, a
prepayment of the VA's income tax). Every line is a rate on the same base, the subtotal less
the discount; the arithmetic (one rounding per line and invoice) is in
``vatui.domain.invoicing``.

What the VA types: ``IVA=21`` (a named line), ``21`` (the one unnamed line, printed "Tax"
in the document's language; added only), the rate in the workspace's number format
(``IVA=21,5`` under ``1.234,56``) through the one number parser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from vatui.domain.errors import InputError
from vatui.domain.invoicing import check_tax_percent, read_tax_percent
from vatui.domain.ledger import TAX_KINDS, TaxLine
from vatui.domain.money_display import decimal_text
from vatui.domain.numbers import NumberFormat
from vatui.domain.text import check_text, one_line
from vatui.i18n import _

MAX_TAX_LINES = 10
"""Tax lines on one invoice (or in a client's defaults), at most."""

MAX_TAX_NAME = 40
"""The longest tax name."""


def check_tax_rate(text: str) -> str:
    """A tax line's rate: above 0 and at most 100 %, canonical (``21``, ``7.5``)."""
    rate = check_tax_percent(text)
    if Decimal(rate) <= 0:
        raise InputError(_("a tax rate must be above 0 %, not {t}").format(t=one_line(str(text), 20)))
    return rate


def check_tax_line(line: TaxLine) -> TaxLine:
    """A tax line checked and made canonical: a name of plain text (at most
    ``MAX_TAX_NAME`` characters; a withheld line needs one), a known kind, a rate in range."""
    if line.kind not in TAX_KINDS:
        raise InputError(_("a tax is added or withheld, not {k}").format(k=one_line(line.kind, 20)))
    name = check_text(line.name, _("the tax name"), MAX_TAX_NAME)
    if not name and line.withheld:
        raise InputError(_("a withheld tax needs a name, like IRPF=15"))
    return line.with_(name=name, rate=check_tax_rate(line.rate))


def check_tax_lines(lines: Iterable[TaxLine]) -> tuple[TaxLine, ...]:
    """Every line checked; at most ``MAX_TAX_LINES``, no name twice (any case)."""
    out = tuple(check_tax_line(line) for line in lines)
    if len(out) > MAX_TAX_LINES:
        raise InputError(_("too many tax lines (at most {n})").format(n=MAX_TAX_LINES))
    seen: set[str] = set()
    for line in out:
        key = line.name.casefold()
        if key in seen:
            raise InputError(_("the tax {name} is there twice").format(name=tax_name(line)))
        seen.add(key)
    return out


def read_tax_spec(text: str, kind: str, setting: bool | NumberFormat = False) -> TaxLine:
    """``IVA=21`` (or ``21`` for the unnamed added tax) as the VA typed it: a checked line."""
    raw = str(text).strip()
    name, sep, rate = raw.rpartition("=")
    if sep and not name.strip():
        raise InputError(_("a tax needs a name before =, like IVA=21, not {t}").format(t=one_line(raw, 40)))
    if not sep and kind == "withheld":
        raise InputError(_("a withheld tax needs a name, like IRPF=15"))
    name = check_text(name, _("the tax name"), MAX_TAX_NAME)
    return check_tax_line(TaxLine(name=name, kind=kind, rate=read_tax_percent(rate, setting)))


def read_tax_row(name: str, kind: str, rate: str, setting: bool | NumberFormat = False) -> TaxLine:
    """A tax line typed in a form's row: its name, ``added`` or ``withheld``, and its rate
    in the workspace's number format (``21``, ``21,5 %``); checked as ``read_tax_spec`` checks."""
    if not str(rate).strip():
        raise InputError(_("a tax needs a rate, like 21"))
    name = check_text(name, _("the tax name"), MAX_TAX_NAME)
    return check_tax_line(TaxLine(name=name, kind=kind, rate=read_tax_percent(rate, setting)))


def tax_name(line: TaxLine) -> str:
    """The name as printed: the line's own, or "Tax" in the language in use."""
    return line.name or _("Tax")


def tax_label(line: TaxLine) -> str:
    """``IVA 21 %``, ``IRPF −15 %`` (a withheld rate with a minus), the rate in the number
    format in use (``21,5 %`` under ``1.234,56``)."""
    sign = "−" if line.withheld else ""
    return f"{tax_name(line)} {sign}{decimal_text(line.rate)} %"


def taxes_text(lines: Sequence[TaxLine]) -> str:
    """A client's or an invoice's lines in one phrase: ``IVA 21 %, IRPF −15 %`` (or "none")."""
    return ", ".join(tax_label(line) for line in lines) if lines else _("none")


def tax_spec(line: TaxLine) -> str:
    """The line as typed on the command line: ``IVA=21`` (``21`` when unnamed)."""
    return f"{line.name}={line.rate}" if line.name else line.rate
