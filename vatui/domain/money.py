"""Exact money: integer minor units with an ISO 4217 currency code.

Never a float. ``Money(1234, "EUR")`` is EUR 12.34; ``Money(500, "JPY")`` is JPY 500.
Amounts of different currencies never add up silently: that raises ``CurrencyMismatch``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from vatui.domain.errors import InputError
from vatui.domain.money_display import format_money
from vatui.domain.words import ISO_CURRENCIES
from vatui.i18n import _

#: Decimals of each currency vatui knows (ISO 4217 minor units). Anything not listed
#: but three upper-case letters is accepted with two decimals.
CURRENCY_DECIMALS: dict[str, int] = {
    "BHD": 3,
    "BIF": 0,
    "CLP": 0,
    "DJF": 0,
    "GNF": 0,
    "IQD": 3,
    "ISK": 0,
    "JOD": 3,
    "JPY": 0,
    "KMF": 0,
    "KRW": 0,
    "KWD": 3,
    "LYD": 3,
    "OMR": 3,
    "PYG": 0,
    "RWF": 0,
    "TND": 3,
    "UGX": 0,
    "UYI": 0,
    "VND": 0,
    "VUV": 0,
    "XAF": 0,
    "XOF": 0,
    "XPF": 0,
}

#: Symbols accepted in front of an amount, and the currency each implies.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "C$": "CAD",
    "A$": "AUD",
    "R$": "BRL",
    "₹": "INR",
    "CHF": "CHF",
    "MX$": "MXN",
}


class CurrencyMismatch(InputError):
    """Two amounts of different currencies were combined."""


def check_currency(code: str) -> str:
    """Return ``code`` upper-cased if it is an ISO 4217 code vatui knows, else raise
    (an empty code too: it never silently means the default)."""
    upper = code.strip().upper()
    if not upper:
        raise InputError(_("no currency given: write an ISO 4217 code, like EUR"))
    if len(upper) != 3 or not upper.isascii() or not upper.isalpha():
        raise InputError(_("{code!r} is not a currency code (three letters, like EUR)").format(code=code))
    if upper not in ISO_CURRENCIES and upper not in CURRENCY_DECIMALS:
        raise InputError(_("{code!r} is not a currency code I know (ISO 4217, like EUR)").format(code=code))
    return upper


def decimals_of(currency: str) -> int:
    """How many decimals ``currency`` has (2 unless ISO 4217 says otherwise)."""
    return CURRENCY_DECIMALS.get(currency, 2)


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An exact amount of one currency."""

    minor: int
    """The amount in the currency's minor unit (cents for EUR, yen for JPY)."""
    currency: str
    """ISO 4217 code, upper case."""

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError("Money.minor must be an int, never a float")

    @classmethod
    def zero(cls, currency: str) -> Money:
        """No money, in ``currency``."""
        return cls(0, currency)

    @classmethod
    def from_decimal(cls, value: Decimal | str | int, currency: str) -> Money:
        """Build from a decimal major-unit amount; more decimals than allowed is refused."""
        dec = Decimal(value)
        places = decimals_of(currency)
        scaled = dec.scaleb(places)
        if scaled != scaled.to_integral_value():
            raise InputError(
                _("{value} has more decimals than {currency} allows ({places})").format(
                    value=value, currency=currency, places=places
                )
            )
        return cls(int(scaled), currency)

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatch(_("cannot combine {a} and {b}").format(a=self.currency, b=other.currency))

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def times(self, factor: Decimal | int | str) -> Money:
        """Multiply by an exact factor (a quantity, a rate), rounding half up to the minor unit."""
        product = Decimal(self.minor) * Decimal(factor)
        return Money(int(product.to_integral_value(rounding=ROUND_HALF_UP)), self.currency)

    def percent(self, pct: Decimal | int | str) -> Money:
        """``pct`` per cent of this amount, rounded half up."""
        return self.times(Decimal(pct) / 100)

    @property
    def decimal(self) -> Decimal:
        """The amount in major units, exact."""
        return Decimal(self.minor).scaleb(-decimals_of(self.currency))

    def amount_str(self) -> str:
        """The amount as a plain decimal string with the currency's decimals: ``"1234.50"``."""
        places = decimals_of(self.currency)
        sign = "-" if self.minor < 0 else ""
        whole, frac = divmod(abs(self.minor), 10**places)
        if places == 0:
            return f"{sign}{whole}"
        return f"{sign}{whole}.{frac:0{places}d}"

    def format(self, grouping: bool = True) -> str:
        """Human form, ``"EUR 1,234.50"``, in the number format money is shown in
        (``vatui.domain.money_display``: ``"EUR 1.234,50"`` with a decimal comma)."""
        return format_money(self, grouping=grouping)

    def to_json(self) -> dict[str, str]:
        """The stable ``--json`` shape: ``{"amount": "12.34", "currency": "EUR"}``."""
        return {"amount": self.amount_str(), "currency": self.currency}

    def __str__(self) -> str:
        return self.format()


def totals_by_currency(amounts: list[Money]) -> dict[str, Money]:
    """Add up amounts per currency, never converting."""
    out: dict[str, Money] = {}
    for amount in amounts:
        out[amount.currency] = out.get(amount.currency, Money.zero(amount.currency)) + amount
    return dict(sorted(out.items()))
