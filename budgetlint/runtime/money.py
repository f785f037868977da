"""Exact amounts: what the ledger stores and what it shows.

The ledger keeps every dimension as an ``int``: tokens and calls as they
are, dollars in nano-dollars (:data:`USD_UNIT`, one billionth of a dollar, the
ledger's smallest unit; fine enough for per-token prices such as $0.15 per
million tokens). So sums are exact, and one hundred ``spend(usd=0.01)``
exhaust ``Budget(usd=1)`` exactly.

Inputs may be ``int``, ``float``, ``Decimal`` or ``str``. A float is read
from its shortest decimal text (``repr``), so ``0.01`` is one cent, never
``Decimal(0.01)``'s binary expansion. A dollar amount finer than the unit is
rounded to the nearest unit (half to even): float arithmetic such as
``180 * 0.00001`` (``0.0018000000000000002``) lands on the amount meant.
Tokens and calls must be whole numbers. Negative values, NaN and infinities
raise ``ValueError``; ``bool`` and other types raise ``TypeError``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TypeAlias

Quantity: TypeAlias = int | float | Decimal | str
"""What an amount argument accepts."""

USD_UNIT = Decimal("1E-9")
"""The ledger's smallest dollar amount."""

USD_PLACES = 9
_USD_SCALE: int = 10**USD_PLACES


class FloatUnits(dict[float, int]):
    """Float dollar amounts and their :func:`usd_units`, filled on lookup.

    Float inputs repeat (a fixed price, a fixed estimate): a hit is one dict
    lookup instead of a parse of the float's text. Bounded, because computed
    costs are all different. Index it with floats only: ``True == 1.0``, so
    a bool would find a price instead of being refused.
    """

    __slots__ = ()

    def __missing__(self, value: float) -> int:
        units = usd_units(value)
        if len(self) >= _FLOAT_CACHE_SIZE:
            self.clear()
        self[value] = units
        return units


_FLOAT_CACHE_SIZE = 4096
FLOAT_USD_UNITS = FloatUnits()
"""The runtime's one :class:`FloatUnits`."""


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount in each dimension of a budget.

    ``usd`` is an exact ``Decimal``; ``tokens`` and ``calls`` are ``int``.
    A dimension without a cap is ``None`` in ``Budget.cap`` and
    ``Budget.remaining`` (and in what ``reclaim`` returns for it).
    """

    usd: Decimal | None
    tokens: int | None
    calls: int | None


@dataclass(frozen=True, slots=True)
class Usage:
    """What a budget used: returned by ``Budget.close()``.

    ``spent`` is everything charged to the budget (its overage included);
    ``overage`` is the part its cap could not cover; ``committed`` and
    ``released`` count the reservations made on it that were committed and
    released (a reservation released because it was garbage-collected
    counts as released).
    """

    spent: Amount
    overage: Amount
    committed: int
    released: int


def _to_decimal(value: Quantity, dimension: str) -> Decimal:
    """``value`` as an exact, finite, non-negative ``Decimal``."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise TypeError(f"{dimension} must be an int, float, Decimal or str, not {value!r}")
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise ValueError(f"{dimension} is not a number: {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"{dimension} must be finite, not {value!r}")
    if number < 0:
        raise ValueError(f"{dimension} must not be negative, not {value!r}")
    return number


def usd_units(value: Quantity) -> int:
    """Dollars as whole ledger units, rounded to the nearest (half to even)."""
    if type(value) is int:
        if value < 0:
            raise ValueError(f"usd must not be negative, not {value!r}")
        return value * _USD_SCALE
    numerator, denominator = _to_decimal(value, "usd").as_integer_ratio()
    units, rest = divmod(numerator * _USD_SCALE, denominator)
    if 2 * rest > denominator or (2 * rest == denominator and units % 2):
        units += 1
    return units


def count_units(value: Quantity, dimension: str) -> int:
    """A token or call count as an ``int``; it must be a whole number."""
    if type(value) is int:
        if value < 0:
            raise ValueError(f"{dimension} must not be negative, not {value!r}")
        return value
    numerator, denominator = _to_decimal(value, dimension).as_integer_ratio()
    if denominator != 1:
        raise ValueError(f"{dimension} must be a whole number, not {value!r}")
    return numerator


def usd_from_units(units: int) -> Decimal:
    """Ledger units as dollars, exactly, with at least two decimal places."""
    places = USD_PLACES
    while places > 2 and units % 10 == 0:
        units //= 10
        places -= 1
    return Decimal(f"{units}E-{places}")
